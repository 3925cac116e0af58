import Foundation
import Testing
import TradeCreditDnB
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

/// D&B through the adapter conformance kit of TradeCreditTesting, with the same hand-written fixtures.
@Suite("D&B: conformance kit")
struct DnBConformanceTests {
    @Test func dnbPassesTheRatingBureauSuite() async throws {
        let token = tokenResponse("token-one")
        func lookup(_ duns: String, _ routes: [String: ScriptedResponse]) throws -> ConformanceCase<BuyerQuery> {
            ConformanceCase(try dunsQuery(duns), routes: routes.merging(["/v2/token": token]) { mine, _ in mine })
        }
        let byName = BuyerQuery(identifiers: [], legalName: "Nobody Known SARL", country: .FR)
        let report = await RatingBureauConformance(
            transport: .http(authenticationPaths: ["/v2/token"]),
            found: try lookup("999000001", [dataPath("999000001"): try Fixture.ok("found.json")]),
            foundValue: .score(2),
            noMatch: ConformanceCase(byName, routes: ["/v2/token": token, matchPath: try Fixture.ok("match-empty.json")]),
            notFound: try lookup("999000009", [dataPath("999000009"): try Fixture.response("not-found.json", status: 404)]),
            notRated: try lookup("999000003", [dataPath("999000003"): try Fixture.ok("no-score.json")]),
            inDefault: try lookup("999000002", [dataPath("999000002"): try Fixture.ok("out-of-business.json")]),
            unauthorized: try lookup("999000001", ["/v2/token": try Fixture.response("token-refused.json", status: 401)]),
            malformed: [
                MalformedCase("failure class is text", try lookup("999000001", [
                    dataPath("999000001"): try Fixture.ok("malformed-class.json"),
                ]), field: "organization.dnbAssessment.failureScore.classScore"),
                MalformedCase("match confidence is text", ConformanceCase(byName, routes: [
                    "/v2/token": token, matchPath: try Fixture.ok("match-malformed-confidence.json"),
                ]), field: nil),
            ],
            otherScales: [DnBBureau.paydexScale]
        ) { env in
            DnBBureau(baseURL: env.url("/"), clientKey: env.username, clientSecret: env.secret, client: env.client,
                      logger: env.logger)
        }.run()
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.skipped.isEmpty, "\(report)")
    }
}
