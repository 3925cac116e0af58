import Foundation
import Testing
@testable import TradeCreditModel

// Tests of the default implementations in the ports: RatingBureau's batch lookup and ExchangeRateProvider's
// rate table and supported currencies, through mocks.

private func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

private func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

// MARK: - Rating bureau mock

/// An error that is not a ModelError, as an adapter's own typed error would be.
private struct AdapterError: Error, CustomStringConvertible {
    let description: String
}

/// Counts calls across tasks.
private actor CallLog {
    private(set) var buyers: [String] = []
    func record(_ buyer: String) { buyers.append(buyer) }
}

/// A bureau that answers through a closure and uses Scales.scores() as its scale.
private struct MockBureau: RatingBureau {
    let name = "mock"
    let scale: RatingScale
    let log = CallLog()
    let lookup: @Sendable (BuyerQuery) async throws -> [BureauRating]

    init(lookup: @escaping @Sendable (BuyerQuery) async throws -> [BureauRating]) throws {
        self.scale = try Scales.scores()
        self.lookup = lookup
    }

    func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        await log.record(query.buyerID?.rawValue ?? "?")
        return try await lookup(query)
    }
}

private let dunsNumber = "150483782"

private func rating(for query: BuyerQuery, score: Int = 72) throws -> BureauRating {
    BureauRating(source: "mock", scaleID: "creditsafe-like-score",
                 buyerIdentifier: try query.identifiers.first ?? BuyerIdentifier(scheme: .duns, value: dunsNumber),
                 ratedOn: try date("2026-10-01"), value: .score(score))
}

private func queries(_ count: Int) throws -> [BuyerQuery] {
    try (1...count).map { index in
        BuyerQuery(buyerID: try BuyerID("b\(index)"),
                   identifiers: [try BuyerIdentifier(scheme: .duns, value: dunsNumber)],
                   legalName: "Buyer \(index)", country: try CountryCode("FR"))
    }
}

@Suite("Ports: RatingBureau batch lookup")
struct PortsRatingBureauBatchTests {
    @Test func keepsTheOrderOfTheQueries() async throws {
        let bureau = try MockBureau { query in
            // Later queries answer faster, in case an implementation ran them concurrently.
            let index = Int(query.buyerID!.rawValue.dropFirst())!
            try await Task.sleep(for: .milliseconds(5 * (6 - index)))
            return [try rating(for: query, score: 70 + index)]
        }
        let asked = try queries(5)
        let results = await bureau.ratings(for: asked)
        #expect(results.map(\.query) == asked)
        for (index, result) in results.enumerated() {
            guard case .rated(let ratings) = result.outcome else {
                Issue.record("\(result.query.buyerID!) not rated: \(result.outcome)")
                continue
            }
            #expect(ratings.map(\.value) == [.score(71 + index)])
        }
        #expect(await bureau.log.buyers == ["b1", "b2", "b3", "b4", "b5"])
    }

    @Test func anEmptyAnswerIsRatedWithNoRating() async throws {
        let bureau = try MockBureau { _ in [] }
        let results = await bureau.ratings(for: try queries(2))
        #expect(results.map(\.outcome) == [.rated([]), .rated([])])
        #expect(await bureau.ratings(for: []).isEmpty)
    }

    @Test func failuresAreRecordedAndDoNotStopTheBatch() async throws {
        let modelError = ModelError(.invalidFormat, field: "duns", value: "12", "a D-U-N-S number is 9 digits")
        let bureau = try MockBureau { query in
            switch query.buyerID!.rawValue {
            case "b2": throw modelError
            case "b4": throw AdapterError(description: "HTTP 503 from the bureau")
            default: return [try rating(for: query)]
            }
        }
        let results = await bureau.ratings(for: try queries(5))
        #expect(results.count == 5)
        #expect(results[1].outcome == .failed(code: "invalid_format", message: modelError.description))
        #expect(results[1].outcome == .failed(code: ModelError.Code.invalidFormat.rawValue,
                                              message: #"duns: a D-U-N-S number is 9 digits ("12")"#))
        #expect(results[3].outcome == .failed(code: "lookup_failed", message: "HTTP 503 from the bureau"))
        for index in [0, 2, 4] {
            guard case .rated(let ratings) = results[index].outcome else {
                Issue.record("query \(index) not rated: \(results[index].outcome)")
                continue
            }
            #expect(ratings.count == 1)
        }
        #expect(await bureau.log.buyers.count == 5)
    }

    @Test func aCancellationErrorFromALookupIsRecordedAsCancelled() async throws {
        // The lookup throws CancellationError by itself (the task is not cancelled): only that query is marked
        // cancelled, and the batch goes on.
        let bureau = try MockBureau { query in
            if query.buyerID == "b2" { throw CancellationError() }
            return [try rating(for: query)]
        }
        let results = await bureau.ratings(for: try queries(3))
        #expect(results.count == 3)
        #expect(results[1].outcome == .failed(code: "cancelled", message: "lookup cancelled"))
        for index in [0, 2] {
            guard case .rated(let ratings) = results[index].outcome else {
                Issue.record("query \(index) not rated: \(results[index].outcome)")
                continue
            }
            #expect(ratings.count == 1)
        }
        #expect(await bureau.log.buyers == ["b1", "b2", "b3"])
    }

    @Test func aBatchStartedCancelledLooksNothingUp() async throws {
        let bureau = try MockBureau { query in [try rating(for: query)] }
        let asked = try queries(3)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await bureau.ratings(for: asked)
        }
        let results = await task.value
        #expect(results.map(\.query) == asked)
        #expect(results.map(\.outcome) == Array(repeating: .failed(code: "cancelled", message: "lookup cancelled"), count: 3))
        #expect(await bureau.log.buyers.isEmpty)
    }

    @Test func cancellingBetweenLookupsMarksTheRemainingAsCancelled() async throws {
        // The lookup of b2 completes, but the task is cancelled while it runs: b3…b5 are not looked up.
        let bureau = try MockBureau { query in
            if query.buyerID == "b2" { withUnsafeCurrentTask { $0?.cancel() } }
            return [try rating(for: query)]
        }
        let results = await Task { await bureau.ratings(for: try! queries(5)) }.value
        #expect(results.count == 5)
        guard case .rated = results[0].outcome, case .rated = results[1].outcome else {
            Issue.record("b1 and b2 should be rated: \(results.map(\.outcome))")
            return
        }
        for result in results[2...] {
            #expect(result.outcome == .failed(code: "cancelled", message: "lookup cancelled"))
        }
        #expect(await bureau.log.buyers == ["b1", "b2"])
    }

    /// The lookup that the cancellation interrupts (its `Task.sleep`, or an HTTP call, throws `CancellationError`) is
    /// recorded as `cancelled`, like the lookups that never start.
    @Test func cancellingFromOutsideDuringALookup() async throws {
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let bureau = try MockBureau { query in
            if query.buyerID == "b2" {
                startedContinuation.yield()
                try await Task.sleep(for: .seconds(60))
            }
            return [try rating(for: query)]
        }
        let asked = try queries(4)
        let task = Task { await bureau.ratings(for: asked) }
        for await _ in started { break }
        task.cancel()
        let results = await task.value
        #expect(results.map(\.query) == asked)
        guard case .rated = results[0].outcome else {
            Issue.record("b1 should be rated: \(results[0].outcome)")
            return
        }
        #expect(results[1].outcome == .failed(code: "cancelled", message: "lookup cancelled"))
        #expect(results[2].outcome == .failed(code: "cancelled", message: "lookup cancelled"))
        #expect(results[3].outcome == .failed(code: "cancelled", message: "lookup cancelled"))
        #expect(await bureau.log.buyers == ["b1", "b2"])
    }
}

@Suite("Ports: BureauLookupOutcome JSON")
struct PortsBureauLookupCodingTests {
    @Test func failure() throws {
        let outcome = BureauLookupOutcome.failed(code: "lookup_failed", message: "HTTP 503")
        let json = #"{"failure":{"code":"lookup_failed","message":"HTTP 503"}}"#
        #expect(try encode(outcome) == json)
        #expect(try JSONDecoder().decode(BureauLookupOutcome.self, from: Data(json.utf8)) == outcome)
    }

    @Test func ratings() throws {
        #expect(try encode(BureauLookupOutcome.rated([])) == #"{"ratings":[]}"#)
        let query = try queries(1)[0]
        let outcome = BureauLookupOutcome.rated([try rating(for: query)])
        let json = try encode(outcome)
        #expect(json.hasPrefix(#"{"ratings":[{"#))
        #expect(json.contains(#""value":{"score":72}"#))
        #expect(try JSONDecoder().decode(BureauLookupOutcome.self, from: Data(json.utf8)) == outcome)
    }

    @Test func neitherKeyFails() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BureauLookupOutcome.self, from: Data(#"{}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BureauLookupOutcome.self, from: Data(#"{"failure":{"code":"x"}}"#.utf8))
        }
    }

    @Test func aResultRoundTrips() throws {
        let result = BureauLookupResult(query: try queries(1)[0], outcome: .failed(code: "cancelled", message: "lookup cancelled"))
        let json = try encode(result)
        #expect(json.contains(#""outcome":{"failure":{"code":"cancelled","message":"lookup cancelled"}}"#))
        #expect(json.contains(#""buyerID":"b1""#))
        #expect(try JSONDecoder().decode(BureauLookupResult.self, from: Data(json.utf8)) == result)
    }
}

// MARK: - Exchange rate provider mock

/// A provider over a fixed table; it implements only `publication(for:policy:)`, so the defaults are tested.
private struct TableProvider: ExchangeRateProvider {
    let source: String
    let table: RateTable
    let log = CallLog()

    init(source: String = "ECB", table: RateTable) {
        self.source = source
        self.table = table
    }

    func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication {
        await log.record(date?.description ?? "latest")
        return try table.publication(for: date, policy: policy)
    }
}

/// A provider that publishes USD 1.1 on every date asked (the latest: 2026-10-30).
private struct EchoProvider: ExchangeRateProvider {
    let source = "echo"

    func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication {
        try RatePublication(source: source, date: date ?? CalendarDate(parsing: "2026-10-30"),
                            ratesPerEUR: [.USD: Decimal(string: "1.1")!])
    }
}

@Suite("Ports: ExchangeRateProvider defaults")
struct PortsExchangeRateProviderTests {
    @Test func aTableOverAWeekendHoldsEachPublicationOnce() async throws {
        let provider = TableProvider(table: try ECBSample.table())
        let table = try await provider.rateTable(from: try date("2024-03-11"), through: try date("2024-03-18"),
                                                 policy: ConversionPolicy())
        #expect(table.source == "ECB")
        #expect(table.publications.map(\.date.description)
                == ["2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15", "2024-03-18"])
        #expect(table.validThrough == (try date("2024-03-18")))
        // One request per calendar day, weekend included.
        #expect(await provider.log.buyers.count == 8)
        // The weekend converts on Friday's rates.
        let result = try table.convert(try Money(parsing: "100000", currency: .USD), to: .GBP, on: try date("2024-03-16"))
        #expect(result.publicationDate == (try date("2024-03-15")))
        #expect(result.converted.amountText == "78415.35")
    }

    @Test func aRangeStartingOnAWeekendIncludesTheFridayBefore() async throws {
        let provider = TableProvider(table: try ECBSample.table())
        let table = try await provider.rateTable(from: try date("2024-03-16"), through: try date("2024-03-18"),
                                                 policy: ConversionPolicy())
        #expect(table.publications.map(\.date.description) == ["2024-03-15", "2024-03-18"])
        #expect(try table.publication(for: try date("2024-03-16")).date == (try date("2024-03-15")))
    }

    @Test func aRangeEndingOnAWeekendIsValidThroughItsEnd() async throws {
        let provider = TableProvider(table: try ECBSample.table())
        let table = try await provider.rateTable(from: try date("2024-03-14"), through: try date("2024-03-17"),
                                                 policy: ConversionPolicy())
        #expect(table.publications.map(\.date.description) == ["2024-03-14", "2024-03-15"])
        #expect(table.validThrough == (try date("2024-03-17")))
        #expect(try table.publication(for: try date("2024-03-17")).date == (try date("2024-03-15")))
        #expect(throws: ModelError.self) { try table.publication(for: try date("2024-03-18")) }
    }

    @Test func aOneDayRange() async throws {
        let provider = TableProvider(table: try ECBSample.table())
        let day = try date("2026-10-30")
        let table = try await provider.rateTable(from: day, through: day, policy: ConversionPolicy())
        #expect(table.publications.map(\.date) == [day])
        #expect(table.validThrough == day)
    }

    @Test func anEndBeforeTheStartIsOutOfRange() async throws {
        let provider = TableProvider(table: try ECBSample.table())
        let error = try await #require(throws: ModelError.self) {
            try await provider.rateTable(from: try date("2024-03-18"), through: try date("2024-03-11"),
                                         policy: ConversionPolicy())
        }
        #expect(error.code == .outOfRange)
        #expect(error.field == "end")
        #expect(await provider.log.buyers.isEmpty)
    }

    @Test func aDayBeyondTheLookBackFailsTheRange() async throws {
        // 2023-01-11 is 8 days after the publication of 2023-01-03 (the fixture has nothing in between).
        let provider = TableProvider(table: try ECBSample.table())
        let error = try await #require(throws: ModelError.self) {
            try await provider.rateTable(from: try date("2023-01-03"), through: try date("2023-01-11"),
                                         policy: ConversionPolicy())
        }
        #expect(error.code == .dateOutOfRange)
        let wider = try await provider.rateTable(from: try date("2023-01-03"), through: try date("2023-01-11"),
                                                 policy: ConversionPolicy(maxLookbackDays: 8))
        #expect(wider.publications.map(\.date.description) == ["2023-01-03"])
    }

    @Test func aProviderWhosePublicationsNameAnotherSourceIsInconsistent() async throws {
        let provider = TableProvider(source: "Frankfurter", table: try ECBSample.table())
        let error = try await #require(throws: ModelError.self) {
            try await provider.rateTable(from: try date("2024-03-11"), through: try date("2024-03-12"),
                                         policy: ConversionPolicy())
        }
        #expect(error.code == .inconsistent)
    }

    @Test func aCancelledRangeStops() async throws {
        let provider = TableProvider(table: try ECBSample.table())
        let start = try date("2024-03-11"), end = try date("2024-03-18")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await provider.rateTable(from: start, through: end, policy: ConversionPolicy())
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(await provider.log.buyers.isEmpty)
    }

    /// The loop stops at `end` without stepping past it, so a range ending on 9999-12-31, the last supported date,
    /// returns its table.
    @Test func aRangeEndingOnTheLastSupportedDate() async throws {
        let provider = EchoProvider()
        let end = try date("9999-12-31")
        let table = try await provider.rateTable(from: try date("9999-12-30"), through: end, policy: ConversionPolicy())
        #expect(table.publications.map(\.date.description) == ["9999-12-30", "9999-12-31"])
        #expect(table.validThrough == end)
        #expect(table.source == "echo")
        #expect(try table.publication(for: end).ratePerEUR(.USD) == Decimal(string: "1.1"))
        // A one-day range on that date.
        let last = try await provider.rateTable(from: end, through: end, policy: ConversionPolicy())
        #expect(last.publications.map(\.date) == [end])
        // One day earlier works too.
        let earlier = try await provider.rateTable(from: try date("9999-12-29"), through: try date("9999-12-30"),
                                                   policy: ConversionPolicy())
        #expect(earlier.publications.count == 2)
    }

    @Test func supportedCurrenciesIncludeEUR() async throws {
        let provider = TableProvider(table: try ECBSample.table())
        let friday = try await provider.supportedCurrencies(on: try date("2024-03-15"))
        #expect(friday.contains(.EUR))
        #expect(friday.isSuperset(of: [.USD, .GBP, .JPY, .CHF, try CurrencyCode("BGN")]))
        #expect(friday.contains(try CurrencyCode("RUB")) == false)
        #expect(friday.count == 31)
        // A Saturday: Friday's set.
        #expect(try await provider.supportedCurrencies(on: try date("2024-03-16")) == friday)
        // BGN gone in 2026.
        let january = try await provider.supportedCurrencies(on: try date("2026-01-02"))
        #expect(january.contains(.EUR))
        #expect(january.contains(try CurrencyCode("BGN")) == false)
        // No date: the latest publication.
        let latest = try await provider.supportedCurrencies(on: nil)
        #expect(latest.contains(.EUR))
        #expect(latest == (try ECBSample.table().publication(for: try date("2026-10-30")).currencies))
        #expect(await provider.log.buyers.last == "latest")
    }
}
