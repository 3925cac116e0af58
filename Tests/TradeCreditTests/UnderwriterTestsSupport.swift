import Foundation
import Synchronization
import Testing
import TradeCredit
import TradeCreditTesting

/// Fixtures of the Underwriter tests: the demo policy, the sample file bureau, the embedded ECB rates.
enum UnderwriterFixtures {
    /// The sample ratings' as-of date.
    static let asOf: CalendarDate = try! CalendarDate(parsing: "2026-11-27")

    /// The demo policy (typical terms in EUR for 2026).
    static func terms() throws -> PolicyTerms {
        PolicyTerms.typical(policyID: "UW-2026", currency: .EUR,
                            period: try DatePeriod(start: CalendarDate(parsing: "2026-01-01"), end: CalendarDate(parsing: "2026-12-31")))
    }

    /// An underwriter over the sample file bureau and the embedded rates, logging into `log`.
    static func sampleUnderwriter(terms: PolicyTerms? = nil, settings: UnderwriterSettings = UnderwriterSettings(),
                                  log: LogRecorder = LogRecorder()) throws -> Underwriter {
        try Underwriter(bureaus: [FileRatingBureau.sample()], rates: OfflineRateProvider.embedded(),
                        terms: terms ?? self.terms(), settings: settings, logger: log.logger)
    }

    /// An underwriter over `bureaus`, the embedded rates and the demo policy.
    static func underwriter(_ bureaus: [any RatingBureau], concurrency: Int, timeout: Duration = .seconds(60),
                            log: LogRecorder = LogRecorder()) throws -> Underwriter {
        try Underwriter(bureaus: bureaus, lookupPolicy: BureauLookupPolicy(timeoutPerBureau: timeout),
                        rates: OfflineRateProvider.embedded(), terms: terms(),
                        settings: UnderwriterSettings(maximumConcurrentBuyers: concurrency), logger: log.logger)
    }

    /// The sample buyers file's records.
    static func sampleRecords() throws -> [BuyerRecord] { try SampleData.buyers() }

    /// The sample buyer with `id`.
    static func sampleRecord(_ id: String) throws -> BuyerRecord {
        try #require(try sampleRecords().first { $0.buyer.id.rawValue == id })
    }

    /// `count` buyers: the sample buyers over and over, each with an id of its own (`U00001`, …).
    static func manyBuyers(_ count: Int) throws -> [Buyer] {
        let records = try sampleRecords()
        return try (0..<count).map { index in
            var buyer = records[index % records.count].buyer
            buyer.id = try BuyerID(String(format: "U%05d", index))
            return buyer
        }
    }

    /// `count` buyers with a DUNS each, for the scripted bureau.
    static func dunsBuyers(_ count: Int) throws -> [Buyer] {
        try (0..<count).map { index in
            try Buyer(id: BuyerID(String(format: "D%05d", index)), legalName: "Buyer \(index)", country: .init("DE"),
                      identifiers: [BuyerIdentifier(scheme: .duns, value: String(format: "%09d", index + 1))])
        }
    }
}

/// A bureau for the Underwriter tests: answers after `delay` with one rating, throws for the buyers it is told to,
/// and counts its calls and the most calls in flight at once.
final class UnderwriterCountingBureau: RatingBureau {
    let name: String
    let scale: RatingScale
    let delay: Duration
    let failingBuyers: Set<BuyerID>
    let calls: Mutex<Int> = Mutex(0)
    let inFlight: Mutex<(now: Int, peak: Int)> = Mutex((0, 0))

    init(_ name: String = "counting", delay: Duration = .zero, failingBuyers: Set<BuyerID> = []) throws {
        self.name = name
        self.delay = delay
        self.failingBuyers = failingBuyers
        // The built-in Creditsafe scale, so that the scorer reads these ratings as it reads a file bureau's.
        self.scale = FileRatingBureau.creditsafeInternational
    }

    var peak: Int { inFlight.withLock { $0.peak } }
    var callCount: Int { calls.withLock { $0 } }

    func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        calls.withLock { $0 += 1 }
        inFlight.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
        defer { inFlight.withLock { $0.now -= 1 } }
        if delay > .zero { try await Task.sleep(for: delay) }
        if let id = query.buyerID, failingBuyers.contains(id) {
            throw ModelError(.invalidFormat, field: "score", "malformed answer")
        }
        guard let identifier = query.identifiers.first else { return [] }
        return [BureauRating(source: name, scaleID: scale.id, buyerIdentifier: identifier,
                             ratedOn: try CalendarDate(parsing: "2026-10-01"), value: .score(72))]
    }
}

/// Progress reports collected by a batch's callback.
final class UnderwriterProgressLog: Sendable {
    private let reports = Mutex<[BatchProgress]>([])
    var all: [BatchProgress] { reports.withLock { $0 } }
    var callback: @Sendable (BatchProgress) -> Void { { report in self.reports.withLock { $0.append(report) } } }
}
