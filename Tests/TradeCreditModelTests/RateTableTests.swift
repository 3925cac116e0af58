import Foundation
import PropertyBased
import Testing
@testable import TradeCreditModel

// Expected conversions below were computed with Python's `decimal` module (precision 60, then
// `quantize(..., rounding=ROUND_HALF_UP)` to the target's minor units) from the rates in Fixtures/ecb-sample.csv:
//
//   2024-03-15 (Friday): USD 1.0892, GBP 0.8541, JPY 162.03
//     100000 USD → GBP = 100000 × 0.8541 / 1.0892 = 78415.35071612…        → 78415.35
//     100000 USD → JPY = 100000 × 162.03 / 1.0892 = 14876055.82078589…     → 14876056 (JPY: 0 decimals)
//     1234.56 EUR → USD = 1234.56 × 1.0892 / 1 = 1344.682752               → 1344.68
//     1000000 JPY → USD = 1000000 × 1.0892 / 162.03 = 6722.21193606…       → 6722.21
//     cross rate USD → GBP = 0.8541 / 1.0892 = 0.78415350716…              → 0.7841535072 (10 decimals)
//     cross rate JPY → USD = 1.0892 / 162.03 = 0.00672221193…             → 0.0067222119 (10 decimals)
//   2024-03-18 (Monday): USD 1.0892, GBP 0.85525
//     100000 USD → GBP = 100000 × 0.85525 / 1.0892 = 78520.93279471…      → 78520.93
//   2026-10-30 (last publication): USD 1.1172, GBP 0.8338
//     2500.00 GBP → USD = 2500 × 1.1172 / 0.8338 = 3349.72415447…          → 3349.72
//     100000 USD → GBP = 100000 × 0.8338 / 1.1172 = 74633.01109917…       → 74633.01
//   2023-01-03: USD 1.0545
//     100000 USD → EUR = 100000 × 1 / 1.0545 = 94831.67377904…             → 94831.67
//   2022-03-01: RUB 117.201 (its last publication)
//     1000 EUR → RUB = 117201.000                                          → 117201.00
//   2025-12-31: BGN 1.9558 (its last publication)
//     1000 BGN → EUR = 1000 / 1.9558 = 511.29972389…                       → 511.30
//   2022-12-30: HRK 7.5365 (its last publication)
//     7536.50 HRK → EUR = 7536.50 / 7.5365 = 1000                          → 1000.00
//   Constructed ties (rates USD 1, GBP 1.5, JPY 2.5):
//     0.01 USD → GBP = 0.015 → 0.02; 0.03 USD → GBP = 0.045 → 0.05 (half-even would give 0.04);
//     −0.03 USD → GBP = −0.045 → −0.05; 1 USD → JPY = 2.5 → 3 (half-even would give 2).

/// Asserts that `body` throws a ``ModelError`` with `code` (and `field`, `value` when given), and returns it.
@discardableResult
private func expectModelError(
    _ code: ModelError.Code, field: String? = nil, value: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> some Any
) throws -> ModelError {
    let error = try #require(throws: ModelError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error.code == code, sourceLocation: sourceLocation)
    if let field { #expect(error.field == field, sourceLocation: sourceLocation) }
    if let value { #expect(error.value == value, sourceLocation: sourceLocation) }
    return error
}

private func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

private func currency(_ code: String) throws -> CurrencyCode { try CurrencyCode(code) }

private func money(_ text: String, _ code: String) throws -> Money {
    try Money(parsing: text, currency: try currency(code), strict: false)
}

private func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

private func publication(_ day: String, source: String = "ECB", _ rates: [String: String]) throws -> RatePublication {
    var exact: [CurrencyCode: ExactDecimal] = [:]
    for (code, text) in rates { exact[try currency(code)] = try ExactDecimal.parse(Substring(text)) }
    return try RatePublication(source: source, date: try date(day), exactRates: exact)
}

// MARK: - Conversions on real ECB rates

/// One hand-computed conversion (see the header comment for the arithmetic).
struct ConversionCase: Sendable, CustomTestStringConvertible {
    let amount: String
    let from: String
    let to: String
    let on: String
    let expected: String
    let publishedOn: String
    var testDescription: String { "\(amount) \(from) → \(to) on \(on) = \(expected)" }
}

@Suite("RateTable conversions on ECB rates")
struct RateTableConversionTests {
    static let cases: [ConversionCase] = [
        .init(amount: "100000", from: "USD", to: "GBP", on: "2024-03-15", expected: "78415.35", publishedOn: "2024-03-15"),
        .init(amount: "100000", from: "USD", to: "JPY", on: "2024-03-15", expected: "14876056", publishedOn: "2024-03-15"),
        .init(amount: "1234.56", from: "EUR", to: "USD", on: "2024-03-15", expected: "1344.68", publishedOn: "2024-03-15"),
        .init(amount: "1000000", from: "JPY", to: "USD", on: "2024-03-15", expected: "6722.21", publishedOn: "2024-03-15"),
        .init(amount: "100000", from: "USD", to: "GBP", on: "2024-03-18", expected: "78520.93", publishedOn: "2024-03-18"),
        .init(amount: "2500.00", from: "GBP", to: "USD", on: "2026-10-30", expected: "3349.72", publishedOn: "2026-10-30"),
        .init(amount: "1000", from: "EUR", to: "RUB", on: "2022-03-01", expected: "117201.00", publishedOn: "2022-03-01"),
        .init(amount: "1000", from: "BGN", to: "EUR", on: "2025-12-31", expected: "511.30", publishedOn: "2025-12-31"),
        .init(amount: "7536.50", from: "HRK", to: "EUR", on: "2022-12-30", expected: "1000.00", publishedOn: "2022-12-30"),
        // Saturday and Sunday use Friday's publication (default look-back 7 days).
        .init(amount: "100000", from: "USD", to: "GBP", on: "2024-03-16", expected: "78415.35", publishedOn: "2024-03-15"),
        .init(amount: "100000", from: "USD", to: "GBP", on: "2024-03-17", expected: "78415.35", publishedOn: "2024-03-15"),
    ]

    @Test(arguments: cases)
    func convertsAndRoundsOnceHalfUp(_ c: ConversionCase) throws {
        let table = try ECBSample.table()
        let result = try table.convert(try money(c.amount, c.from), to: try currency(c.to), on: try date(c.on))
        #expect(result.converted.amountText == c.expected)
        #expect(result.converted.currency == (try currency(c.to)))
        #expect(result.converted.scale == (try currency(c.to)).minorUnits)
        #expect(result.original == (try money(c.amount, c.from)))
        #expect(result.requestedDate == (try date(c.on)))
        #expect(result.publicationDate == (try date(c.publishedOn)))
        #expect(result.source == "ECB")
    }

    @Test func recordsTheRatesUsedAndTheCrossRate() throws {
        let table = try ECBSample.table()
        let result = try table.convert(try money("100000", "USD"), to: .GBP, on: try date("2024-03-15"))
        #expect(result.fromRatePerEUR == decimal("1.0892"))
        #expect(result.toRatePerEUR == decimal("0.8541"))
        #expect(result.crossRate == decimal("0.7841535072"))

        let fromYen = try table.convert(try money("1000000", "JPY"), to: .USD, on: try date("2024-03-15"))
        #expect(fromYen.fromRatePerEUR == decimal("162.03"))
        #expect(fromYen.toRatePerEUR == decimal("1.0892"))
        // 10 decimal places (not 10 significant digits, as the doc comment says): 0.0067222119.
        #expect(fromYen.crossRate == decimal("0.0067222119"))

        let fromEuro = try table.convert(try money("1234.56", "EUR"), to: .USD, on: try date("2024-03-15"))
        #expect(fromEuro.fromRatePerEUR == 1)
        #expect(fromEuro.toRatePerEUR == decimal("1.0892"))
        #expect(fromEuro.crossRate == decimal("1.0892"))
    }

    @Test func aWeekendKeepsTheRequestedDateAndRecordsFridaysPublication() throws {
        let table = try ECBSample.table()
        let saturday = try date("2024-03-16")
        #expect(saturday.isoWeekday == 6)
        let result = try table.convert(try money("100000", "USD"), to: .GBP, on: saturday)
        #expect(result.requestedDate == saturday)
        #expect(result.publicationDate == (try date("2024-03-15")))
        #expect(try table.publication(for: saturday).date == (try date("2024-03-15")))
        // Look-back 0: only that day's publication will do.
        try expectModelError(.dateOutOfRange, field: "date", value: "2024-03-16") {
            try table.convert(try money("100000", "USD"), to: .GBP, on: saturday, policy: .init(maxLookbackDays: 0))
        }
    }

    @Test func noDateUsesTheLatestPublication() throws {
        let table = try ECBSample.table()
        let result = try table.convert(try money("100000", "USD"), to: .GBP)
        #expect(result.requestedDate == nil)
        #expect(result.publicationDate == (try date("2026-10-30")))
        #expect(result.converted.amountText == "74633.01")
        #expect(try table.publication(for: nil).date == (try date("2026-10-30")))
    }

    @Test func aCurrencyTheECBDoesNotPublishIsUnavailable() throws {
        let table = try ECBSample.table()
        let kwd = try currency("KWD")
        try expectModelError(.rateUnavailable, field: "currency", value: "KWD") {
            try table.convert(try money("100000", "USD"), to: kwd, on: try date("2024-03-15"))
        }
        try expectModelError(.rateUnavailable, field: "currency", value: "KWD") {
            try table.convert(try money("100", "KWD"), to: .EUR, on: try date("2024-03-15"))
        }
    }

    @Test func datesOutsideTheTableAreOutOfRange() throws {
        let table = try ECBSample.table()
        #expect(table.validThrough == (try date("2026-10-30")))
        #expect(table.dateRange == (try date("2022-02-25"))...(try date("2026-10-30")))
        // Before the first publication.
        try expectModelError(.dateOutOfRange, field: "date", value: "2022-02-24") {
            try table.convert(try money("1", "USD"), to: .GBP, on: try date("2022-02-24"))
        }
        // After validThrough (the last publication by default), even one day after and within any look-back.
        try expectModelError(.dateOutOfRange, field: "date", value: "2026-10-31") {
            try table.convert(try money("1", "USD"), to: .GBP, on: try date("2026-10-31"),
                              policy: .init(maxLookbackDays: 30))
        }
    }

    @Test func theLookBackLimitAndValidThrough() throws {
        let usd = try money("100000", "USD")
        let eightDaysAfter = try date("2026-11-07")   // 8 days after the last publication, 2026-10-30
        let coveredLater = try ECBSample.table(validThrough: try date("2026-11-10"))
        try expectModelError(.dateOutOfRange, field: "date", value: "2026-11-07") {
            try coveredLater.convert(usd, to: .GBP, on: eightDaysAfter, policy: .init(maxLookbackDays: 7))
        }
        let result = try coveredLater.convert(usd, to: .GBP, on: eightDaysAfter, policy: .init(maxLookbackDays: 10))
        #expect(result.publicationDate == (try date("2026-10-30")))
        #expect(result.converted.amountText == "74633.01")
        // Look-back 8 is exactly enough.
        #expect(try coveredLater.publication(for: eightDaysAfter, policy: .init(maxLookbackDays: 8)).date
                == (try date("2026-10-30")))

        // A table covered only through 2026-11-05: the look-back does not reach past validThrough.
        let coveredLess = try ECBSample.table(validThrough: try date("2026-11-05"))
        try expectModelError(.dateOutOfRange, field: "date", value: "2026-11-07") {
            try coveredLess.convert(usd, to: .GBP, on: eightDaysAfter, policy: .init(maxLookbackDays: 10))
        }
        // The default table (validThrough = last publication) refuses it too.
        try expectModelError(.dateOutOfRange, field: "date") {
            try ECBSample.table().convert(usd, to: .GBP, on: eightDaysAfter, policy: .init(maxLookbackDays: 10))
        }

        // A gap inside the table: 2023-01-12 is 9 days after 2023-01-03.
        let table = try ECBSample.table()
        try expectModelError(.dateOutOfRange, field: "date", value: "2023-01-12") {
            try table.convert(usd, to: .EUR, on: try date("2023-01-12"))
        }
        let inGap = try table.convert(usd, to: .EUR, on: try date("2023-01-12"), policy: .init(maxLookbackDays: 10))
        #expect(inGap.publicationDate == (try date("2023-01-03")))
        #expect(inGap.converted.amountText == "94831.67")
        // A negative look-back counts as 0.
        #expect(ConversionPolicy(maxLookbackDays: -3).maxLookbackDays == 0)
        #expect(ConversionPolicy().maxLookbackDays == 7)
    }

    @Test func currenciesThatLeftTheECBList() throws {
        let table = try ECBSample.table()
        // BGN: last published 2025-12-31 (1.9558), N/A from 2026-01-02.
        #expect(try table.convert(try money("1000", "BGN"), to: .EUR, on: try date("2025-12-31")).converted.amountText
                == "511.30")
        try expectModelError(.rateUnavailable, field: "currency", value: "BGN") {
            try table.convert(try money("1000", "BGN"), to: .EUR, on: try date("2026-01-02"))
        }
        // HRK: last published 2022-12-30, N/A from 2023-01-02.
        try expectModelError(.rateUnavailable, field: "currency", value: "HRK") {
            try table.convert(try money("1000", "EUR"), to: try currency("HRK"), on: try date("2023-01-02"))
        }
        // RUB: last published 2022-03-01 (117.201), N/A from 2022-03-02.
        #expect(try table.convert(try money("1000", "EUR"), to: try currency("RUB"), on: try date("2022-03-01"))
                .converted.amountText == "117201.00")
        for day in ["2022-03-02", "2022-03-03", "2022-03-04"] {
            try expectModelError(.rateUnavailable, field: "currency", value: "RUB") {
                try table.convert(try money("1000", "EUR"), to: try currency("RUB"), on: try date(day))
            }
        }
    }

    /// A currency stops on the first day of its ISO withdrawal month: the look-back from that day must not reach
    /// back to its last publication. The day before still converts.
    @Test func aWithdrawnCurrencyHasNoRateFromItsWithdrawalMonthOn() throws {
        let table = try ECBSample.table()
        for (amount, day) in [("1000 BGN", "2026-01-01"), ("1000 BGN", "2026-01-02"), ("7536.50 HRK", "2023-01-01")] {
            let parts = amount.split(separator: " ")
            #expect {
                try table.convert(try money(String(parts[0]), String(parts[1])), to: .EUR, on: try date(day))
            } throws: { error in
                (error as? ModelError)?.code == .rateUnavailable && (error as? ModelError)?.value == String(parts[1])
            }
        }
        let bgn = try table.convert(try money("1000", "BGN"), to: .EUR, on: try date("2025-12-31"))
        #expect(bgn.converted.amountText == "511.30")
        let hrk = try table.convert(try money("7536.50", "HRK"), to: .EUR, on: try date("2022-12-31"))
        #expect(hrk.publicationDate == (try date("2022-12-30")))
        #expect(hrk.converted.amountText == "1000.00")
    }

    @Test func sameCurrencyIsTheIdentityEvenOutsideTheTable() throws {
        let table = try ECBSample.table()
        for day in ["2000-01-01", "2024-03-16", "2030-01-01"] {
            let amount = try money("1234.56", "USD")
            let result = try table.convert(amount, to: .USD, on: try date(day))
            #expect(result.converted == amount)
            #expect(result.converted.amountText == "1234.56")
            #expect(result.requestedDate == (try date(day)))
            #expect(result.publicationDate == nil)
            #expect(result.fromRatePerEUR == nil)
            #expect(result.toRatePerEUR == nil)
            #expect(result.crossRate == nil)
            #expect(result.source == "ECB")
        }
        // Even for a currency the ECB never publishes, and for an empty table.
        let kwd = try money("1.234", "KWD")
        #expect(try table.convert(kwd, to: kwd.currency).converted == kwd)
        let empty = try RateTable(source: "ECB", publications: [])
        #expect(try empty.convert(kwd, to: kwd.currency, on: try date("2024-03-15")).converted == kwd)
    }

    /// As ``CurrencyConversion/converted`` documents: a same-currency conversion is the identity and keeps extra
    /// decimals, unlike a real conversion, which is rounded to the target's minor units.
    @Test func sameCurrencyIdentityDoesNotRound() throws {
        let table = try ECBSample.table()
        let amount = try money("1.005", "USD")
        let result = try table.convert(amount, to: .USD)
        #expect(result.converted.amountText == "1.005")
        // Whereas a real conversion of the same amount is rounded to 2 decimals.
        #expect(try table.convert(amount, to: .GBP).converted.scale == 2)
    }

    @Test func anEmptyTableHasNoRates() throws {
        let empty = try RateTable(source: "ECB", publications: [])
        #expect(empty.dateRange == nil)
        #expect(empty.validThrough == nil)
        try expectModelError(.rateUnavailable, field: "rates") { try empty.publication(for: nil) }
        try expectModelError(.rateUnavailable, field: "rates") {
            try empty.convert(try money("1", "USD"), to: .GBP, on: try date("2024-03-15"))
        }
    }
}

// MARK: - Half-up ties

@Suite("RateTable half-up ties")
struct RateTableTieTests {
    static func tieTable() throws -> RateTable {
        try RateTable(source: "test", publications: [
            try publication("2024-01-02", source: "test", ["USD": "1", "GBP": "1.5", "JPY": "2.5"]),
        ])
    }

    @Test(arguments: [
        ("0.01", "GBP", "0.02"),   // 0.015 → 0.02
        ("0.03", "GBP", "0.05"),   // 0.045 → 0.05 (half-even: 0.04)
        ("-0.03", "GBP", "-0.05"), // −0.045 → −0.05 (half away from zero)
        ("0.07", "GBP", "0.11"),   // 0.105 → 0.11
        ("1", "JPY", "3"),         // 2.5 → 3 (half-even: 2)
        ("3", "JPY", "8"),         // 7.5 → 8
        ("-1", "JPY", "-3"),       // −2.5 → −3
    ])
    func tiesRoundHalfUp(amount: String, target: String, expected: String) throws {
        let result = try Self.tieTable().convert(try money(amount, "USD"), to: try currency(target))
        #expect(result.converted.amountText == expected)
    }

    @Test func justBelowATieRoundsDown() throws {
        // 0.03 × 1.4999 = 0.044997 → 0.04: just below the tie of 0.045.
        let table = try RateTable(source: "test", publications: [
            try publication("2024-01-02", source: "test", ["USD": "1", "GBP": "1.4999"]),
        ])
        #expect(try table.convert(try money("0.03", "USD"), to: .GBP).converted.amountText == "0.04")
    }
}

// MARK: - Building tables and publications

@Suite("RateTable and RatePublication validation")
struct RateTableValidationTests {
    @Test func duplicateDatesAreInconsistent() throws {
        let a = try publication("2024-03-15", ["USD": "1.0892"])
        let b = try publication("2024-03-15", ["USD": "1.09"])
        try expectModelError(.inconsistent, field: "publications", value: "2024-03-15") {
            try RateTable(source: "ECB", publications: [a, b])
        }
        // Even two identical publications.
        try expectModelError(.inconsistent, field: "publications") {
            try RateTable(source: "ECB", publications: [a, a])
        }
    }

    @Test func aPublicationFromAnotherSourceIsInconsistent() throws {
        let ecb = try publication("2024-03-14", ["USD": "1.0925"])
        let other = try publication("2024-03-15", source: "Frankfurter", ["USD": "1.0892"])
        try expectModelError(.inconsistent, field: "publications", value: "Frankfurter") {
            try RateTable(source: "ECB", publications: [ecb, other])
        }
    }

    @Test func validThroughBeforeTheLastPublicationIsOutOfRange() throws {
        let publications = try ECBSample.publications()
        try expectModelError(.outOfRange, field: "validThrough", value: "2026-10-29") {
            try RateTable(source: "ECB", publications: publications, validThrough: try date("2026-10-29"))
        }
        // The last publication's own date, or later, is fine.
        #expect(try RateTable(source: "ECB", publications: publications, validThrough: try date("2026-10-30"))
                .validThrough == (try date("2026-10-30")))
        #expect(try RateTable(source: "ECB", publications: publications, validThrough: try date("2026-11-02"))
                .validThrough == (try date("2026-11-02")))
    }

    @Test func publicationsAreSortedOldestFirst() throws {
        let table = try ECBSample.table()
        let dates = table.publications.map(\.date)
        #expect(dates == dates.sorted())
        #expect(dates.first == (try date("2022-02-25")))
    }

    @Test(arguments: ["0", "-1.0892", "0.0000"])
    func aNonPositiveRateIsOutOfRange(text: String) throws {
        try expectModelError(.outOfRange, field: "rates.USD") {
            try RatePublication(source: "ECB", date: try date("2024-03-15"), ratesPerEUR: [.USD: decimal(text)])
        }
        let json = #"{"source":"ECB","date":"2024-03-15","ratesPerEUR":{"USD":"\#(text)"}}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RatePublication.self, from: Data(json.utf8))
        }
    }

    @Test func eurIsImpliedAndNeverStored() throws {
        // An EUR entry of 1 (however written) is accepted and dropped.
        for one in [Decimal(1), decimal("1.000")] {
            let publication = try RatePublication(source: "ECB", date: try date("2024-03-15"),
                                                  ratesPerEUR: [.EUR: one, .USD: decimal("1.0892")])
            #expect(publication.ratePerEUR(.EUR) == 1)
            #expect(publication.ratesPerEUR.keys.contains(.EUR) == false)
            #expect(publication.ratesPerEUR == [.USD: decimal("1.0892")])
            #expect(publication.currencies == [.EUR, .USD])
            #expect(publication.ratePerEUR(.GBP) == nil)
        }
        // Without an EUR entry: the same publication.
        #expect(try RatePublication(source: "ECB", date: try date("2024-03-15"), ratesPerEUR: [.EUR: 1, .USD: decimal("1.0892")])
                == (try RatePublication(source: "ECB", date: try date("2024-03-15"), ratesPerEUR: [.USD: decimal("1.0892")])))
    }

    @Test(arguments: ["2", "0", "-1", "0.9999", "1.0001"])
    func anEURRateOtherThanOneIsInconsistent(text: String) throws {
        let error = try expectModelError(.inconsistent, field: "rates.EUR") {
            try RatePublication(source: "ECB", date: try date("2024-03-15"), ratesPerEUR: [.EUR: decimal(text), .USD: decimal("1.0892")])
        }
        #expect(error.value == text)
        #expect(error.message.hasPrefix("rates are units per 1 EUR, so EUR itself is 1"))
        try expectModelError(.inconsistent, field: "rates.EUR", value: text) {
            try publication("2024-03-15", ["EUR": text, "USD": "1.0892"])
        }
    }

    @Test func anEURRateInJSONIsDroppedOrRejected() throws {
        // 1 is dropped.
        for one in ["1", "1.00"] {
            let dropped = #"{"source":"ECB","date":"2024-03-15","ratesPerEUR":{"EUR":"\#(one)","USD":"1.0892"}}"#
            let publication = try JSONDecoder().decode(RatePublication.self, from: Data(dropped.utf8))
            #expect(publication.ratePerEUR(.EUR) == 1)
            #expect(publication.ratesPerEUR.keys.contains(.EUR) == false)
            #expect(try RateTableCodingTests.encode(publication)
                        == #"{"date":"2024-03-15","ratesPerEUR":{"USD":"1.0892"},"source":"ECB"}"#)
        }
        // Anything else is rejected, 2 (positive) as well as 0.
        for text in ["2", "0"] {
            let rejected = #"{"source":"ECB","date":"2024-03-15","ratesPerEUR":{"EUR":"\#(text)","USD":"1.0892"}}"#
            let error = try #require(throws: DecodingError.self) {
                try JSONDecoder().decode(RatePublication.self, from: Data(rejected.utf8))
            }
            guard case .dataCorrupted(let context) = error else {
                Issue.record("expected dataCorrupted, got \(error)")
                continue
            }
            #expect(context.debugDescription.hasPrefix("rates.EUR: rates are units per 1 EUR, so EUR itself is 1"))
            #expect(context.debugDescription.hasSuffix(#"("\#(text)")"#))
            #expect(context.codingPath.last?.stringValue == "ratesPerEUR")
        }
    }
}

// MARK: - Conversion policy

@Suite("RateTable conversion policy")
struct RateTablePolicyTests {
    @Test func aNegativeLookBackIsClampedByTheInitialiser() throws {
        let table = try ECBSample.table()
        let policy = ConversionPolicy(maxLookbackDays: -1)
        #expect(policy.maxLookbackDays == 0)
        #expect(try table.publication(for: try date("2024-03-15"), policy: policy).date == (try date("2024-03-15")))
    }

    /// The clamp applies to decoding and to assignment too, so a publication day itself still converts.
    @Test func aNegativeLookBackFromJSONOrAssignmentIsClamped() throws {
        let table = try ECBSample.table()
        let friday = try date("2024-03-15")
        let decoded = try JSONDecoder().decode(ConversionPolicy.self, from: Data(#"{"maxLookbackDays":-1}"#.utf8))
        var assigned = ConversionPolicy()
        assigned.maxLookbackDays = -1
        for policy in [decoded, assigned] {
            #expect(policy.maxLookbackDays == 0)
            #expect(policy == ConversionPolicy(maxLookbackDays: 0))
            #expect(try table.publication(for: friday, policy: policy).date == friday)
            // 100000 USD → GBP on Friday's own rates: 78415.35 (see the top of this file).
            let result = try table.convert(try money("100000", "USD"), to: .GBP, on: friday, policy: policy)
            #expect(result.publicationDate == friday)
            #expect(result.converted.amountText == "78415.35")
            // Lookback 0: Saturday has no publication of its own.
            try expectModelError(.dateOutOfRange) { try table.publication(for: try date("2024-03-16"), policy: policy) }
            // Re-encoded as 0.
            #expect(String(decoding: try JSONEncoder().encode(policy), as: UTF8.self) == #"{"maxLookbackDays":0}"#)
        }
        // A later non-negative assignment is kept as is.
        assigned.maxLookbackDays = 3
        #expect(assigned.maxLookbackDays == 3)
    }

    @Test func aPolicyRoundTripsThroughJSON() throws {
        let policy = ConversionPolicy(maxLookbackDays: 10)
        let json = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
        #expect(json == #"{"maxLookbackDays":10}"#)
        #expect(try JSONDecoder().decode(ConversionPolicy.self, from: Data(json.utf8)) == policy)
    }
}

// MARK: - JSON

@Suite("RateTable JSON")
struct RateTableCodingTests {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func aPublicationKeepsItsRateTextExactly() throws {
        // ECB's XML writes 0.83380; the CSV writes 0.8338. The JSON path keeps whatever text it is given.
        let json = #"{"date":"2026-10-30","ratesPerEUR":{"GBP":"0.83380","JPY":"175.68","USD":"1.1172"},"source":"ECB"}"#
        let publication = try JSONDecoder().decode(RatePublication.self, from: Data(json.utf8))
        #expect(publication.exactRate(.GBP)?.plainText == "0.83380")
        #expect(publication.exactRate(.GBP)?.scale == 5)
        #expect(try Self.encode(publication) == json)
        #expect(publication.ratePerEUR(.GBP) == decimal("0.8338"))
        // Round trip: equal, and the same text again.
        let again = try JSONDecoder().decode(RatePublication.self, from: Data(try Self.encode(publication).utf8))
        #expect(again == publication)
        #expect(try Self.encode(again) == json)
    }

    @Test func theDecimalInitialiserLosesTrailingZeros() throws {
        // Documented: Decimal has no notion of "0.83380" vs "0.8338", so the Decimal path keeps 0.8338.
        let publication = try RatePublication(source: "ECB", date: try date("2026-10-30"),
                                              ratesPerEUR: [.GBP: decimal("0.83380")])
        #expect(publication.exactRate(.GBP)?.plainText == "0.8338")
        // Equal by value to the exact one all the same.
        let exact = try JSONDecoder().decode(RatePublication.self, from: Data(
            #"{"source":"ECB","date":"2026-10-30","ratesPerEUR":{"GBP":"0.83380"}}"#.utf8))
        #expect(exact == publication)
    }

    @Test func fixtureRatesSurviveAJSONRoundTrip() throws {
        for publication in try ECBSample.publications() {
            let decoded = try JSONDecoder().decode(RatePublication.self, from: Data(try Self.encode(publication).utf8))
            #expect(decoded == publication)
            for currency in publication.currencies where currency != .EUR {
                #expect(decoded.exactRate(currency)?.plainText == publication.exactRate(currency)?.plainText)
            }
        }
    }

    @Test func aTableRoundTripsAndDecodingValidates() throws {
        let table = try ECBSample.table(validThrough: try date("2026-11-02"))
        let decoded = try JSONDecoder().decode(RateTable.self, from: Data(try Self.encode(table).utf8))
        #expect(decoded == table)
        #expect(decoded.validThrough == (try date("2026-11-02")))

        let duplicate = #"{"source":"ECB","publications":[{"source":"ECB","date":"2024-03-15","ratesPerEUR":{"USD":"1.0892"}},{"source":"ECB","date":"2024-03-15","ratesPerEUR":{"USD":"1.0892"}}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RateTable.self, from: Data(duplicate.utf8)) }
        let stranger = #"{"source":"ECB","publications":[{"source":"Frankfurter","date":"2024-03-15","ratesPerEUR":{"USD":"1.0892"}}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RateTable.self, from: Data(stranger.utf8)) }
    }

    @Test func aConversionRecordRoundTrips() throws {
        let table = try ECBSample.table()
        let result = try table.convert(try money("100000", "USD"), to: .GBP, on: try date("2024-03-16"))
        let decoded = try JSONDecoder().decode(CurrencyConversion.self, from: Data(try Self.encode(result).utf8))
        #expect(decoded == result)
        #expect(decoded.converted.amountText == "78415.35")
        #expect(decoded.publicationDate == (try date("2024-03-15")))
        #expect(decoded.requestedDate == (try date("2024-03-16")))
    }
}

// MARK: - Properties

/// Reference arithmetic on Int128 rationals, independent of ExactDecimal's division and rounding.
private func tenToThe(_ exponent: Int) -> Int128 {
    var value: Int128 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// A positive rate `significand × 10^-scale`.
private struct TestRate: Sendable, CustomStringConvertible {
    let significand: Int128
    let scale: Int
    var exact: ExactDecimal { ExactDecimal(significand: significand, scale: scale) }
    var description: String { exact.plainText }
}

@Suite("RateTable conversion properties")
struct RateTablePropertyTests {
    /// Currencies with 0, 2 and 3 minor units.
    static let currencies: [CurrencyCode] = [.EUR, .USD, .GBP, .JPY, (try? CurrencyCode("KWD")) ?? .CHF, .CHF]
    static let currencyIndex = Gen.int(in: 0...(currencies.count - 1))
    /// Rates from 0.000001 to 100,000 with 0…6 decimals (ECB rates run from 0.3 KWD-like to 20,000 IDR).
    fileprivate static let rates = zip(Gen.int64(in: 1...100_000_000_000), Gen.int(in: 0...6))
        .map { s, scale in TestRate(significand: Int128(s), scale: scale) }
    /// Amounts up to ±10^12 with 0…4 decimals.
    static let amounts = zip(Gen.int64(in: -1_000_000_000_000...1_000_000_000_000), Gen.int(in: 0...4))
        .map { s, scale in ExactDecimal(significand: Int128(s), scale: scale) }

    fileprivate static func table(_ from: CurrencyCode, _ fromRate: TestRate, _ to: CurrencyCode, _ toRate: TestRate) throws -> RateTable {
        var rates: [CurrencyCode: ExactDecimal] = [:]
        if from != .EUR { rates[from] = fromRate.exact }
        if to != .EUR { rates[to] = toRate.exact }
        return try RateTable(source: "test", publications: [
            try RatePublication(source: "test", date: try CalendarDate(parsing: "2024-03-15"), exactRates: rates),
        ])
    }

    @Test func convertingACurrencyToItselfIsTheIdentity() async throws {
        let table = try ECBSample.table()
        await propertyCheck(count: 300, input: Self.amounts, Self.currencyIndex, Gen.int(in: -20_000...40_000)) {
            amount, index, days in
            let currency = Self.currencies[index]
            let money = Money(exact: amount, currency: currency)
            let day = try CalendarDate(daysSinceEpoch: days)
            let result = try table.convert(money, to: currency, on: day)
            #expect(result.converted == money)
            #expect(result.converted.scale == money.scale)
            #expect(result.publicationDate == nil)
            #expect(result.requestedDate == day)
        }
    }

    @Test func equalRatesGiveTheSameAmount() async {
        // Pairs with the same minor units; amounts already at those minor units.
        let pairs: [(CurrencyCode, CurrencyCode)] = [
            (.USD, .GBP), (.CHF, .USD), ((try? CurrencyCode("SEK")) ?? .EUR, .GBP),
            (.JPY, (try? CurrencyCode("KRW")) ?? .JPY), ((try? CurrencyCode("ISK")) ?? .JPY, .JPY),
        ]
        await propertyCheck(count: 300, input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000),
                            Gen.int(in: 0...(pairs.count - 1)), Self.rates) { units, pairIndex, rate in
            let (from, to) = pairs[pairIndex]
            let money = Money(exact: ExactDecimal(significand: Int128(units), scale: from.minorUnits!), currency: from)
            let result = try Self.table(from, rate, to, rate).convert(money, to: to)
            #expect(result.converted.value == money.value)
            #expect(result.converted.amountText == money.amountText)
            #expect(result.converted.currency == to)
        }
    }

    @Test func theResultIsWithinHalfAMinorUnitAndTiesGoAwayFromZero() async {
        await propertyCheck(count: 1000, input: Self.amounts, Self.currencyIndex, Self.rates, Self.currencyIndex, Self.rates) {
            amount, fromIndex, fromRate, toIndex, toRate in
            let from = Self.currencies[fromIndex], to = Self.currencies[toIndex]
            guard from != to else { return }
            let money = Money(exact: amount, currency: from)
            let converted = try Self.table(from, fromRate, to, toRate).convert(money, to: to).converted
            let s = to.minorUnits!
            #expect(converted.scale == s)
            let c = converted.value.significand
            // EUR's rate is 1 whatever the generator said.
            let (f, sf) = from == .EUR ? (Int128(1), 0) : (fromRate.significand, fromRate.scale)
            let (t, st) = to == .EUR ? (Int128(1), 0) : (toRate.significand, toRate.scale)
            // exact × 10^s = a·t·10^(sf+s) / (f·10^(sa+st)) =: N / D.
            let n = amount.significand * t * tenToThe(sf + s)
            let d = f * tenToThe(amount.scale + st)
            // |c − N/D| ≤ 1/2  ⇔  |2·c·D − 2·N| ≤ D.
            let twiceDistance = 2 * c * d - 2 * n
            #expect(twiceDistance.magnitude <= d.magnitude,
                    "\(money) → \(to) at \(fromRate)/\(toRate): \(converted) is more than half a unit from \(n)/\(d)")
            // A tie goes away from zero.
            if twiceDistance.magnitude == d.magnitude {
                #expect(c.magnitude * d.magnitude > n.magnitude, "tie \(n)/\(d) rounded toward zero to \(c)")
            }
        }
    }

    @Test func conversionIsMonotoneInTheAmount() async {
        await propertyCheck(count: 500, input: Self.amounts, Self.amounts, Self.currencyIndex, Self.rates,
                            Self.currencyIndex, Self.rates) { x, y, fromIndex, fromRate, toIndex, toRate in
            let from = Self.currencies[fromIndex], to = Self.currencies[toIndex]
            let table = try Self.table(from, fromRate, to, toRate)
            let (low, high) = ExactDecimal.compare(x, y) <= 0 ? (x, y) : (y, x)
            let a = try table.convert(Money(exact: low, currency: from), to: to).converted
            let b = try table.convert(Money(exact: high, currency: from), to: to).converted
            #expect(try a.compare(to: b) <= 0, "\(low) → \(a) but \(high) → \(b)")
        }
    }

    @Test func everyFixtureDayConvertsOnItsOwnPublication() throws {
        let table = try ECBSample.table()
        for publication in table.publications {
            let result = try table.convert(try money("1000", "EUR"), to: .USD, on: publication.date,
                                           policy: .init(maxLookbackDays: 0))
            #expect(result.publicationDate == publication.date)
            #expect(result.toRatePerEUR == publication.ratePerEUR(.USD))
        }
    }
}
