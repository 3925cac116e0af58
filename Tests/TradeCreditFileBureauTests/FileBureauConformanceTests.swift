import Foundation
import Testing
import TradeCreditFileBureau
import TradeCreditModel
import TradeCreditTesting

/// The file bureau through the adapter conformance kit of TradeCreditTesting, offline: each check's ratings file is
/// the body of the `/ratings.json` route, read through the environment.
@Suite("File bureau: conformance kit")
struct FileBureauConformanceTests {
    static func file(_ ratings: String) -> ScriptedResponse {
        .ok(json: #"{"version":1,"ratings":[\#(ratings)]}"#)
    }

    @Test func theFileBureauPassesTheOfflineChecks() async throws {
        let acme = try query("siren:732829320")
        func lookup(_ ratings: String, _ query: BuyerQuery? = nil) -> ConformanceCase<BuyerQuery> {
            ConformanceCase(query ?? acme, routes: ["/ratings.json": Self.file(ratings)])
        }
        let scored = #"{"identifiers":["siren:732829320"],"source":"creditsafe","scale":"creditsafe-international","ratedOn":"2026-09-14","score":72}"#
        let report = await RatingBureauConformance(
            transport: .offline,
            found: lookup(scored),
            foundValue: .score(72),
            noMatch: lookup(scored, try query("siren:319720074")),
            notRated: lookup(#"{"identifiers":["siren:732829320"],"scale":"dnb-failure-class","ratedOn":"2026-10-01","state":"notRated"}"#),
            inDefault: lookup(#"{"identifiers":["siren:732829320"],"scale":"dnb-failure-class","ratedOn":"2026-10-01","state":"inDefault"}"#),
            malformed: [
                MalformedCase("a score off the scale", lookup(
                    #"{"identifiers":["siren:732829320"],"scale":"creditsafe-international","ratedOn":"2026-09-14","score":172}"#),
                    field: "ratings[0].score"),
                MalformedCase("an impossible date", lookup(
                    #"{"identifiers":["siren:732829320"],"scale":"creditsafe-international","ratedOn":"2026-02-30","score":72}"#),
                    field: "ratings[0].ratedOn"),
            ],
            otherScales: Array(FileRatingBureau.builtInScales.values),
            otherSources: ["creditsafe"]
        ) { env in
            try FileRatingBureau(json: env.body(at: "/ratings.json") ?? Data(), file: "ratings.json")
        }.run()
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.checks.filter { $0.verdict == .passed }.count == 10, "\(report)")
    }
}
