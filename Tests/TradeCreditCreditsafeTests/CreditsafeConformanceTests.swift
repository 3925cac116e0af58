import Foundation
import Testing
import TradeCreditCreditsafe
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

/// Creditsafe through the adapter conformance kit of TradeCreditTesting, with the same hand-written fixtures.
@Suite("Creditsafe: conformance kit")
struct CreditsafeConformanceTests {
    @Test func creditsafePassesTheRatingBureauSuite() async throws {
        let login = ScriptedResponse.ok(json: #"{"token":"token-1"}"#)
        let refused = ScriptedResponse(status: 401, headers: ["Content-Type": "application/json"],
                                       body: Data(try Fixture.text("login-refused.json").utf8))
        let acme = try query("siren:732829320")
        func lookup(_ query: BuyerQuery, _ routes: [String: ScriptedResponse]) -> ConformanceCase<BuyerQuery> {
            ConformanceCase(query, routes: routes.merging([LoopbackCreditsafe.loginPath: login]) { mine, _ in mine })
        }
        let byConnectID = try query("provider:creditsafe:FR-X-123456782")
        let report = await RatingBureauConformance(
            transport: .http(authenticationPaths: [LoopbackCreditsafe.loginPath]),
            found: lookup(acme, [acmeSearch: try Fixture.ok("search-acme.json"),
                                 acmeReport: try Fixture.ok("report-acme.json")]),
            foundValue: .score(72),
            noMatch: lookup(acme, [acmeSearch: try Fixture.ok("search-empty.json")]),
            notFound: lookup(byConnectID, [:]),
            notRated: lookup(byConnectID, ["/v1/companies/FR-X-123456782": try Fixture.ok("report-not-rated.json")]),
            inDefault: lookup(byConnectID, ["/v1/companies/FR-X-123456782": try Fixture.ok("report-insolvent.json")]),
            unauthorized: lookup(acme, [LoopbackCreditsafe.loginPath: refused]),
            malformed: [
                MalformedCase("score is text", lookup(try query("provider:creditsafe:FR-X-732829320"), [
                    acmeReport: try Fixture.ok("report-malformed-score.json"),
                ]), field: "report.creditScore.currentCreditRating.providerValue.value"),
                MalformedCase("search without ids", lookup(acme, [
                    acmeSearch: .ok(json: #"{"companies":[{"name":"X"}]}"#),
                ]), field: "companies[0].id"),
            ]
        ) { env in
            CreditsafeBureau(baseURL: env.url("/v1/"), username: env.username, password: env.secret,
                             client: env.client, logger: env.logger)
        }.run()
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.skipped.isEmpty, "\(report)")
    }
}
