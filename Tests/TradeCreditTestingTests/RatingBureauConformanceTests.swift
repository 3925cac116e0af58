import Foundation
import Logging
import Testing
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

/// The kit checked against a bureau whose behaviour is known: the correct probe passes every check, and each flaw
/// switched on fails the checks that look for it (and only checks that concern it).
@Suite("Conformance kit: rating bureaus")
struct RatingBureauConformanceTests {
    static let path = "/v1/ratings/732829320"

    static func suite(flaws: ProbeBureau.Flaws = []) throws -> RatingBureauConformance {
        let query = BuyerQuery(identifiers: [try BuyerIdentifier(parsing: "siren:732829320")])
        func lookup(_ answer: ScriptedResponse) -> ConformanceCase<BuyerQuery> {
            ConformanceCase(query, routes: [path: answer])
        }
        return RatingBureauConformance(
            transport: .http(),
            found: lookup(.ok(json: #"{"score":72,"date":"2026-09-14","status":"active"}"#)),
            foundValue: .score(72),
            noMatch: lookup(.notFound),
            notRated: lookup(.ok(json: #"{"score":null,"date":"2026-09-14","status":"active"}"#)),
            inDefault: lookup(.ok(json: #"{"score":12,"date":"2026-09-14","status":"insolvent"}"#)),
            unauthorized: lookup(.status(401)),
            malformed: [
                MalformedCase("score is text", lookup(.ok(json: #"{"score":"high","date":"2026-09-14"}"#)), field: "score"),
                MalformedCase("date missing", lookup(.ok(json: #"{"score":72}"#)), field: "date"),
            ]
        ) { env in
            ProbeBureau(baseURL: env.url("/"), apiKey: env.secret, client: env.client, logger: env.logger,
                            flaws: flaws)
        }
    }

    @Test func aCorrectBureauPassesEveryCheck() async throws {
        let report = try await Self.suite().run()
        #expect(report.adapter == "probe")
        #expect(report.failures.isEmpty, "\(report)")
        // Only the not-found check lacks a fixture: the probe has no key of its own.
        #expect(report.skipped.map(\.name) == ["an unknown key gives not found"], "\(report)")
        #expect(report.checks.count == 20)
    }

    static let flawsAndTheChecksThatCatchThem: [(ProbeBureau.Flaws, Set<String>)] = [
        (.untypedErrors, ["malformed: score is text", "malformed: date missing", "a payload cut in half is an invalid response",
                          "an HTML page instead of the payload is an invalid response",
                          "a body cut short ends in unavailable",
                          "a connection closed without answer ends in unavailable", "a stalled server times out"]),
        (.secretInError, ["refused credentials give unauthorized", "the secret is in no error and no log line"]),
        (.retriesRefusals, ["refused credentials give unauthorized"]),
        (.swallowsCancellation, ["cancellation is honoured"]),
        (.guessesMissingScore, ["not rated is mapped"]),
        (.logsSecret, ["the secret is in no error and no log line"]),
        (.noMatchIsAnError, ["no match gives no rating"]),
        (.lenientParsing, ["a payload cut in half is an invalid response",
                           "an HTML page instead of the payload is an invalid response"]),
    ]

    @Test(arguments: flawsAndTheChecksThatCatchThem)
    func eachFlawFailsItsChecks(flaw: ProbeBureau.Flaws, checks: Set<String>) async throws {
        let report = try await Self.suite(flaws: flaw).run()
        #expect(Set(report.failures.map(\.name)) == checks, "\(report)")
    }

    @Test func theReportSaysWhatFailedAndWhy() async throws {
        let report = try await Self.suite(flaws: .secretInError).run()
        let line = try #require(report.failures.first { $0.name == "refused credentials give unauthorized" })
        #expect(line.detail == "the error quotes the secret")
        let text = report.description
        #expect(text.hasPrefix("probe: 17 passed, 2 failed, 1 skipped"))
        #expect(text.contains("  FAIL refused credentials give unauthorized: the error quotes the secret"))
        // The report never quotes the secret, not even a piece of it.
        #expect(!text.contains("cs-"), "\(text)")
    }

    @Test func aWrongFoundValueIsNamed() async throws {
        var suite = try Self.suite()
        suite.foundValue = .score(73)
        let report = await suite.run()
        let found = try #require(report.checks.first { $0.name == "found: rated by the bureau on its scale" })
        #expect(found.verdict == .failed)
        #expect(found.detail.contains("expected a rating 73"))
    }

    @Test func aFactoryThatThrowsFailsTheFoundCheckWithItsError() async throws {
        var suite = try Self.suite()
        suite.makeBureau = { _ in throw CocoaError(.fileReadNoSuchFile) }
        let report = await suite.run()
        #expect(report.adapter == "bureau")
        #expect(report.failures.contains { $0.name == "found: rated by the bureau on its scale" && $0.detail.contains("CocoaError") })
    }

    @Test func offlineAdaptersSkipTheTransportChecks() async throws {
        var suite = try Self.suite()
        suite.transport = .offline
        suite.makeBureau = { env in
            // An in-memory bureau reading its single answer from the routes.
            OfflineProbe(body: env.body(at: Self.path) ?? Data())
        }
        suite.unauthorized = nil
        suite.noMatch = nil
        let report = await suite.run()
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.skipped.count == 11, "\(report)")
        #expect(report.checks.contains { $0.name == "a payload cut in half is an invalid response" && $0.verdict == .passed })
    }
}

/// A bureau without a network: the probe's JSON read from memory.
private struct OfflineProbe: RatingBureau {
    let body: Data
    let name = "probe"
    var scale: RatingScale { ProbeBureau.probeScale }

    func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        let probe = ProbeBureau(baseURL: URL(string: "http://127.0.0.1:9/")!, apiKey: "", client: Canned(body: body),
                                    logger: .init(label: "offline"))
        return try await probe.ratings(for: query)
    }

    private struct Canned: HTTPClient {
        let body: Data
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            HTTPResponse(status: body.isEmpty ? 404 : 200, body: body, url: request.url)
        }
    }
}
