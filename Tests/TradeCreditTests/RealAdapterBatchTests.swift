import Foundation
import Synchronization
import Testing
import TradeCredit
import TradeCreditTesting

/// Counts requests being served, and the most at once.
final class InFlightCounter: Sendable {
    private let state = Mutex((now: 0, peak: 0))
    func enter() { state.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) } }
    func leave() { state.withLock { $0.now -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
}

/// A thousand buyers looked up in Creditsafe and D&B at once — the real adapters, over libcurl, against one loopback
/// server that plays both — through the multi-bureau's concurrency cap and cache.
@Suite("MultiBureau with the real adapters")
struct RealAdapterBatchTests {
    /// Answers Creditsafe under `/cs/v1/` and D&B under `/dnb/`, and measures how many requests it serves at once.
    final class TwoBureauServer: Sendable {
        let server: LoopbackHTTPServer
        private let counter: InFlightCounter

        init() throws {
            let counter = InFlightCounter()
            self.counter = counter
            server = try LoopbackHTTPServer { request in
                counter.enter()
                defer { counter.leave() }
                Thread.sleep(forTimeInterval: 0.001)  // long enough for concurrent requests to overlap
                return Self.answer(request)
            }
        }

        var peak: Int { counter.peak }

        private static func answer(_ request: RecordedRequest) -> ScriptedResponse {
            let path = request.pathWithoutQuery
            if path == "/cs/v1/authenticate" { return .ok(json: #"{"token":"cs-token"}"#) }
            if path == "/dnb/v2/token" { return .ok(json: #"{"access_token":"dnb-token","expiresIn":86400}"#) }
            if path == "/cs/v1/companies", let query = request.query, let range = query.range(of: "regNo=") {
                return .ok(json: #"{"companies":[{"id":"FR-X-\#(query[range.upperBound...])"}]}"#)
            }
            if path.hasPrefix("/cs/v1/companies/FR-X-"), let siren = Int(path.suffix(9)) {
                return .ok(json: #"{"report":{"creditScore":{"currentCreditRating":{"commonValue":"B","#
                    + #""providerValue":{"value":\#(siren % 100 + 1)}},"latestRatingChangeDate":"2026-10-01T00:00:00Z"}}}"#)
            }
            if path.hasPrefix("/dnb/v1/data/duns/"), let duns = Int(path.suffix(9)) {
                return .ok(json: #"{"organization":{"duns":"\#(path.suffix(9))","dnbAssessment":{"failureScore":"#
                    + #"{"classScore":\#(duns % 5 + 1),"scoreDate":"2026-10-31"}}}}"#)
            }
            return .notFound
        }
    }

    /// The `n`-th fictional buyer: a valid SIREN (Luhn) and a DUNS.
    static func buyer(_ n: Int) throws -> BuyerQuery {
        let base = String(10_000_000 + n)
        let digits = base.compactMap(\.wholeNumberValue)
        // Luhn over nine digits: with the check digit last, the base's digits in even places from the right double.
        let sum = digits.reversed().enumerated().reduce(0) { total, item in
            let doubled = item.offset % 2 == 0 ? item.element * 2 : item.element
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        let siren = base + String((10 - sum % 10) % 10)
        return BuyerQuery(buyerID: try BuyerID("B\(n)"), identifiers: [
            try BuyerIdentifier(scheme: .siren, value: siren),
            try BuyerIdentifier(scheme: .duns, value: String(format: "9%08d", n)),
        ], country: .FR)
    }

    @Test func aThousandBuyersThroughTheCapAndTheCacheWithRealAdapters() async throws {
        let bureaus = try TwoBureauServer()
        defer { bureaus.server.shutdown() }
        var configuration = CurlHTTPClient.Configuration()
        configuration.proxy = .none
        configuration.maximumConnectionsPerHost = 64  // so that the multi-bureau's cap is what limits
        let curl = try CurlHTTPClient(configuration: configuration)
        defer { curl.shutdown() }
        let creditsafe = CreditsafeBureau(baseURL: bureaus.server.url("/cs/v1/"), username: "batch",
                                          password: "batch-password", client: curl)
        let dnb = DnBBureau(baseURL: bureaus.server.url("/dnb/"), clientKey: "batch", clientSecret: "batch-secret",
                            client: curl)
        let cache = BureauCache()
        let cap = 16
        let multi = MultiBureau(bureaus: [creditsafe, dnb],
                                policy: BureauLookupPolicy(maximumConcurrentLookups: cap), cache: cache)
        let queries = try (0..<1_000).map(Self.buyer)

        let first = await multi.lookUp(queries)
        #expect(first.map(\.query) == queries)
        #expect(first.allSatisfy { $0.failures.isEmpty }, "\(first.first { !$0.failures.isEmpty }.map(String.init(describing:)) ?? "")")
        // Creditsafe gives one rating (search, then report), D&B one (failure class; no PAYDEX in these answers).
        #expect(first.allSatisfy { $0.ratings.count == 2 })
        let sample = try #require(first.first { $0.query.buyerID?.description == "B7" })
        #expect(Set(sample.ratings.map(\.value)) == [.score(Int(try #require(sample.query.identifiers.first).value)! % 100 + 1),
                                                      .score(7 % 5 + 1)])
        let requests = bureaus.server.requests
        #expect(requests.filter { $0.path.hasPrefix("/cs/v1/companies") }.count == 2_000)
        #expect(requests.filter { $0.path.hasPrefix("/dnb/v1/data/") }.count == 1_000)
        // One login and one token for the whole batch, shared by the concurrent lookups.
        #expect(requests.filter { $0.path == "/cs/v1/authenticate" }.count == 1)
        #expect(requests.filter { $0.path == "/dnb/v2/token" }.count == 1)
        // At most `cap` buyers at once, each asking both bureaus at once.
        #expect(bureaus.peak <= 2 * cap && bureaus.peak >= 2, "peak \(bureaus.peak)")

        let second = await multi.lookUp(queries)
        #expect(second.allSatisfy { $0.answers.allSatisfy(\.fromCache) })
        #expect(bureaus.server.requests.count == requests.count)
        #expect(await cache.hitCount == 2_000)
    }
}
