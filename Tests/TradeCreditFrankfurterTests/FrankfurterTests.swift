import Foundation
import Testing
@testable import TradeCreditFrankfurter
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

// Every test runs against a LoopbackHTTPServer on 127.0.0.1 through a real CurlHTTPClient; nothing reaches the
// internet. The fixtures hold real ECB rates (Fixtures/README.md) in Frankfurter's JSON shape.
//
// Hand-checked conversions (Python `decimal`, precision 50, then quantize(..., ROUND_HALF_UP) to the target's minor
// units), from the rates in Fixtures/range-2023-12-09..2023-12-27.json:
//
//   2023-12-15 (Friday): USD 1.0946, GBP 0.85833
//     1000.00 GBP → USD = 1000.00 × 1.0946 / 0.85833 = 1275.26708841587734321…   → 1275.27
//   2023-12-22 (Friday before Christmas; 25 and 26 are TARGET holidays): USD 1.1023, GBP 0.8666, JPY 156.66
//     250000 JPY → GBP = 250000 × 0.8666 / 156.66 = 1382.93118856121537086…    → 1382.93
//     1234.56 USD → JPY = 1234.56 × 156.66 / 1.1023 = 175456.926063685022226…  → 175457 (JPY: 0 decimals)

/// The date after "today" in a few tests: 2024-03-20 23:30 UTC, which is already 2024-03-21 00:30 in Frankfurt.
private let lateEvening = Date(timeIntervalSince1970: 1_710_977_400)

@Suite("Frankfurter: publications")
struct FrankfurterPublicationTests {
    @Test func latestAsksWithBaseEUR() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/latest": try Fixture.ok("latest-2026-10-30.json")])
        defer { frankfurter.close() }
        let publication = try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        #expect(frankfurter.paths == ["/v1/latest?base=EUR"])
        #expect(frankfurter.provider.source == "Frankfurter")
        #expect(publication.source == "Frankfurter")
        #expect(publication.date == (try day("2026-10-30")))
        #expect(publication.exactRate(.USD)?.plainText == "1.1172")
        #expect(publication.exactRate(.GBP)?.plainText == "0.8338")
        // BGN left the ECB's list on 2026-01-01: 29 currencies and the euro.
        #expect(publication.currencies.count == 30)
        #expect(!publication.currencies.contains(try CurrencyCode("BGN")))
    }

    @Test func supportedCurrenciesComeFromThePublication() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/2023-12-15": try Fixture.ok("2023-12-15.json")])
        defer { frankfurter.close() }
        let currencies = try await frankfurter.provider.supportedCurrencies(on: try day("2023-12-15"))
        #expect(currencies.count == 31)
        #expect(currencies.isSuperset(of: [.EUR, .USD, .GBP, .JPY, .CHF, try CurrencyCode("BGN")]))
    }

    @Test func aDateAsksForThatDay() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/2023-12-15": try Fixture.ok("2023-12-15.json")])
        defer { frankfurter.close() }
        let publication = try await frankfurter.provider.publication(for: try day("2023-12-15"), policy: ConversionPolicy())
        #expect(frankfurter.paths == ["/v1/2023-12-15?base=EUR"])
        #expect(publication.date == (try day("2023-12-15")))
        #expect(publication.ratePerEUR(.USD) == Decimal(string: "1.0946"))
        #expect(publication.ratePerEUR(.GBP) == Decimal(string: "0.85833"))
    }

    @Test func ratesKeepTheDigitsOfTheirJSONLiterals() async throws {
        let body = #"""
            {"amount":1.0,"base":"EUR","date":"2024-03-15",
             "rates":{"USD":1.0892,"GBP":0.85833,"JPY":162.24,"ISK":150.10,"IDR":1.701102E4,"CHF":9613e-4}}
            """#
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/2024-03-15": .ok(json: body)])
        defer { frankfurter.close() }
        let publication = try await frankfurter.provider.publication(for: try day("2024-03-15"), policy: ConversionPolicy())
        #expect(publication.exactRate(.USD)?.plainText == "1.0892")
        #expect(publication.exactRate(.GBP)?.plainText == "0.85833")
        #expect(publication.exactRate(.JPY)?.plainText == "162.24")
        #expect(publication.exactRate(try CurrencyCode("ISK"))?.plainText == "150.10")
        #expect(publication.exactRate(try CurrencyCode("IDR"))?.plainText == "17011.02")
        #expect(publication.exactRate(.CHF)?.plainText == "0.9613")
        #expect(publication.ratePerEUR(.GBP) == Decimal(string: "0.85833"))
    }

    @Test func aHolidayIsAnsweredWithThePreviousWorkingDay() async throws {
        // 2023-12-26 is a TARGET holiday; Frankfurter answers with Friday 2023-12-22, four days earlier.
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/2023-12-26": try Fixture.ok("2023-12-22.json")])
        defer { frankfurter.close() }
        let publication = try await frankfurter.provider.publication(for: try day("2023-12-26"), policy: ConversionPolicy())
        #expect(publication.date == (try day("2023-12-22")))
        #expect(publication.exactRate(.USD)?.plainText == "1.1023")
        try await expectModelError(.dateOutOfRange) {
            try await frankfurter.provider.publication(for: try day("2023-12-26"), policy: ConversionPolicy(maxLookbackDays: 3))
        }
    }

    @Test func theLookbackIsEnforced() async throws {
        // Asked for 2024-03-15, the server answers with 2024-03-06: nine days, more than the default seven.
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/2024-03-15": try Fixture.ok("2024-03-06.json")])
        defer { frankfurter.close() }
        let error = try await expectModelError(.dateOutOfRange) {
            try await frankfurter.provider.publication(for: try day("2024-03-15"), policy: ConversionPolicy())
        }
        #expect(error.value == "2024-03-15")
        #expect(error.message.contains("2024-03-06"))
        let wider = try await frankfurter.provider.publication(for: try day("2024-03-15"), policy: ConversionPolicy(maxLookbackDays: 9))
        #expect(wider.date == (try day("2024-03-06")))
    }

    @Test func aLaterDateThanAskedIsMalformed() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/2023-12-14": try Fixture.ok("2023-12-15.json")])
        defer { frankfurter.close() }
        let error = try await expectFrankfurterError(.malformed) {
            try await frankfurter.provider.publication(for: try day("2023-12-14"), policy: ConversionPolicy())
        }
        #expect(error.field == "date")
    }

    @Test func datesOutsideTheCoverageMakeNoRequest() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: [:], now: lateEvening)
        defer { frankfurter.close() }
        let provider = frankfurter.provider
        let policy = ConversionPolicy()
        for text in ["2024-03-22", "2025-01-01", "1999-01-03", "1998-12-31"] {
            try await expectModelError(.dateOutOfRange) { try await provider.publication(for: try day(text), policy: policy) }
        }
        try await expectModelError(.dateOutOfRange) {
            try await provider.rateTable(from: try day("2024-03-18"), through: try day("2024-03-22"), policy: policy)
        }
        try await expectModelError(.dateOutOfRange) {
            try await provider.rateTable(from: try day("1998-12-28"), through: try day("1999-01-08"), policy: policy)
        }
        try await expectModelError(.outOfRange) {
            try await provider.rateTable(from: try day("2024-03-15"), through: try day("2024-03-14"), policy: policy)
        }
        #expect(frankfurter.server.requests.isEmpty)
        // 2024-03-21 is already today in Frankfurt (00:30 CET), so it is asked for; the empty server says 404.
        try await expectFrankfurterError(.notFound) { try await provider.publication(for: try day("2024-03-21"), policy: policy) }
        #expect(frankfurter.paths == ["/v1/2024-03-21?base=EUR"])
    }
}

@Suite("Frankfurter: rate tables")
struct FrankfurterRateTableTests {
    @Test func oneRangeRequestBuildsTheTable() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: [
            "/v1/2023-12-09..2023-12-27": try Fixture.ok("range-2023-12-09..2023-12-27.json"),
        ])
        defer { frankfurter.close() }
        // From Saturday 2023-12-16: the request starts seven days earlier so that Friday's rates come with it.
        let table = try await frankfurter.provider.rateTable(from: try day("2023-12-16"), through: try day("2023-12-27"),
                                                             policy: ConversionPolicy())
        #expect(frankfurter.paths == ["/v1/2023-12-09..2023-12-27?base=EUR"])
        #expect(table.source == "Frankfurter")
        #expect(table.publications.map(\.date.description) == [
            "2023-12-15", "2023-12-18", "2023-12-19", "2023-12-20", "2023-12-21", "2023-12-22", "2023-12-27",
        ])
        #expect(table.validThrough == (try day("2023-12-27")))
        // Weekends and holidays resolve to the previous publication; each publication appears once.
        for (asked, used) in [("2023-12-16", "2023-12-15"), ("2023-12-17", "2023-12-15"), ("2023-12-23", "2023-12-22"),
                              ("2023-12-25", "2023-12-22"), ("2023-12-26", "2023-12-22"), ("2023-12-27", "2023-12-27")] {
            #expect(try table.publication(for: try day(asked)).date == (try day(used)), "\(asked)")
        }
        #expect(try table.publication(for: try day("2023-12-15")).exactRate(.GBP)?.plainText == "0.85833")
    }

    @Test func conversionsGoThroughTheTableOverTheEuro() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: [
            "/v1/2023-12-09..2023-12-27": try Fixture.ok("range-2023-12-09..2023-12-27.json"),
        ])
        defer { frankfurter.close() }
        let table = try await frankfurter.provider.rateTable(from: try day("2023-12-16"), through: try day("2023-12-27"),
                                                             policy: ConversionPolicy())
        let pounds = try table.convert(try money("1000.00", "GBP"), to: .USD, on: try day("2023-12-16"))
        #expect(pounds.converted == (try money("1275.27", "USD")))
        #expect(pounds.publicationDate == (try day("2023-12-15")))
        #expect(pounds.source == "Frankfurter")
        let yen = try table.convert(try money("250000", "JPY"), to: .GBP, on: try day("2023-12-24"))
        #expect(yen.converted == (try money("1382.93", "GBP")))
        #expect(yen.publicationDate == (try day("2023-12-22")))
        let dollars = try table.convert(try money("1234.56", "USD"), to: .JPY, on: try day("2023-12-26"))
        #expect(dollars.converted == (try money("175457", "JPY")))
    }

    @Test func aDateAfterTheRangeIsMalformed() async throws {
        // The server answers more than was asked for (through 2023-12-27 instead of 2023-12-22).
        let frankfurter = try LoopbackFrankfurter(routes: [
            "/v1/2023-12-11..2023-12-22": try Fixture.ok("range-2023-12-09..2023-12-27.json"),
        ])
        defer { frankfurter.close() }
        let error = try await expectFrankfurterError(.malformed) {
            try await frankfurter.provider.rateTable(from: try day("2023-12-18"), through: try day("2023-12-22"),
                                                     policy: ConversionPolicy())
        }
        #expect(error.field == "rates.2023-12-27")
    }

    @Test func aStartWithoutPublicationInTheLookbackFails() async throws {
        // With no look-back, Tuesday 2023-12-26 (a TARGET holiday) needs a publication of its own. Frankfurter starts
        // a series at the nearest publication on or before the first day asked for, here Friday 2023-12-22: four
        // days earlier, more than the policy allows.
        let body = #"{"amount":1.0,"base":"EUR","start_date":"2023-12-22","end_date":"2023-12-27","rates":{"2023-12-22":{"USD":1.1023},"2023-12-27":{"USD":1.1065}}}"#
        let frankfurter = try LoopbackFrankfurter(routes: [
            "/v1/2023-12-26..2023-12-27": .ok(json: body), "/v1/2023-12-22..2023-12-27": .ok(json: body),
        ])
        defer { frankfurter.close() }
        try await expectModelError(.dateOutOfRange) {
            try await frankfurter.provider.rateTable(from: try day("2023-12-26"), through: try day("2023-12-27"),
                                                     policy: ConversionPolicy(maxLookbackDays: 0))
        }
        #expect(frankfurter.paths == ["/v1/2023-12-26..2023-12-27?base=EUR"])
        // Four days of look-back are enough: the table then starts with Friday's rates.
        let table = try await frankfurter.provider.rateTable(from: try day("2023-12-26"), through: try day("2023-12-27"),
                                                             policy: ConversionPolicy(maxLookbackDays: 4))
        #expect(table.publications.map(\.date.description) == ["2023-12-22", "2023-12-27"])
        #expect(frankfurter.paths.last == "/v1/2023-12-22..2023-12-27?base=EUR")
    }
}

@Suite("Frankfurter: documents")
struct FrankfurterDocumentTests {
    @Test func aBaseOtherThanEURIsRejected() async throws {
        let body = #"{"amount":1.0,"base":"USD","date":"2024-03-15","rates":{"EUR":0.91811,"GBP":0.78415}}"#
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/latest": .ok(json: body)])
        defer { frankfurter.close() }
        let error = try await expectFrankfurterError(.malformed) {
            try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        }
        #expect(error.field == "base")
    }

    static let malformedBodies: [(String, String)] = [
        ("zero rate", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"USD":0}}"#),
        ("negative rate", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"USD":-1.0892}}"#),
        ("rate as a string", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"USD":"1.0892"}}"#),
        ("rate null", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"USD":null}}"#),
        ("missing date", #"{"amount":1.0,"base":"EUR","rates":{"USD":1.0892}}"#),
        ("impossible date", #"{"amount":1.0,"base":"EUR","date":"2024-02-30","rates":{"USD":1.0892}}"#),
        ("date with a time", #"{"amount":1.0,"base":"EUR","date":"2024-03-15T16:00:00Z","rates":{"USD":1.0892}}"#),
        ("missing base", #"{"amount":1.0,"date":"2024-03-15","rates":{"USD":1.0892}}"#),
        ("amount 100", #"{"amount":100.0,"base":"EUR","date":"2024-03-15","rates":{"USD":108.92}}"#),
        ("rates not an object", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":[1.0892]}"#),
        ("no rates", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{}}"#),
        ("lower-case code", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"usd":1.0892}}"#),
        ("repeated currency", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"USD":1.0892,"USD":1.09}}"#),
        ("EUR other than 1", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"EUR":1.1,"USD":1.0892}}"#),
        ("top-level array", #"[{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"USD":1.0892}}]"#),
        ("NaN", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"USD":NaN}}"#),
        ("HTML", "<html><body><h1>502 Bad Gateway</h1></body></html>"),
        ("empty body", ""),
        ("JSON cut short", #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"USD":1.08"#),
    ]

    @Test(arguments: malformedBodies)
    func documentsNotAsDocumentedAreMalformed(_ name: String, _ body: String) async throws {
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/latest": .ok(json: body)])
        defer { frankfurter.close() }
        try await expectFrankfurterError(.malformed) {
            try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        }
    }

    @Test func unknownCurrencyCodesAreSkipped() async throws {
        // "QQQ" is well formed but not in ISO 4217: skipped (with a logged warning), the other rates kept.
        let body = #"{"amount":1.0,"base":"EUR","date":"2024-03-15","rates":{"QQQ":3.5,"USD":1.0892,"EUR":1}}"#
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/latest": .ok(json: body)])
        defer { frankfurter.close() }
        let publication = try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        #expect(publication.currencies == [.EUR, .USD])
    }

    @Test func aSeriesWithABadDayIsMalformed() async throws {
        let body = #"{"amount":1.0,"base":"EUR","start_date":"2024-03-14","end_date":"2024-03-15","rates":{"2024-03-14":{"USD":1.0925},"2024-13-15":{"USD":1.0892}}}"#
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/2024-03-07..2024-03-15": .ok(json: body)])
        defer { frankfurter.close() }
        let error = try await expectFrankfurterError(.malformed) {
            try await frankfurter.provider.rateTable(from: try day("2024-03-14"), through: try day("2024-03-15"),
                                                     policy: ConversionPolicy())
        }
        #expect(error.field == "rates")
    }
}

@Suite("Frankfurter: HTTP")
struct FrankfurterHTTPTests {
    @Test func notFoundAndUnprocessableAreTyped() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: [
            "/v1/2024-03-15": .text(#"{"message":"not found"}"#, status: 404),
            "/v1/2024-03-14": .text(#"{"message":"invalid date"}"#, status: 422),
        ])
        defer { frankfurter.close() }
        let notFound = try await expectFrankfurterError(.notFound) {
            try await frankfurter.provider.publication(for: try day("2024-03-15"), policy: ConversionPolicy())
        }
        #expect(notFound.status == 404)
        #expect(notFound.description.contains("not found"))
        let invalid = try await expectFrankfurterError(.invalidRequest) {
            try await frankfurter.provider.publication(for: try day("2024-03-14"), policy: ConversionPolicy())
        }
        #expect(invalid.status == 422)
    }

    @Test func aBodyCutShortInTransitIsUnavailable() async throws {
        // The server announces the whole body and closes after 60 bytes: a transport failure (retryable), not a
        // malformed document.
        let frankfurter = try LoopbackFrankfurter(routes: [
            "/v1/latest": try Fixture.ok("latest-2026-10-30.json").with(.truncateAfterBodyBytes(60)),
        ])
        defer { frankfurter.close() }
        let error = try await expectFrankfurterError(.unavailable) {
            try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        }
        #expect(error.status == nil)
        #expect(error.message.hasPrefix("network:"))
    }

    @Test func aServerThatIsDownIsUnavailable() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: [:])
        defer { frankfurter.close() }
        frankfurter.server.shutdown()
        try await expectFrankfurterError(.unavailable) {
            try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        }
    }

    @Test func a503IsRetriedWhenTheCallerWrapsTheClient() async throws {
        let server = try LoopbackHTTPServer(sequences: [
            "/v1/latest": [.serviceUnavailable(), try Fixture.ok("latest-2026-10-30.json")],
        ])
        // The composition: libcurl, then retries, then (inside the provider) conditional requests.
        let fast = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2))
        let frankfurter = try LoopbackFrankfurter(server: server) { RetryingHTTPClient(wrapping: $0, policy: fast) }
        defer { frankfurter.close() }
        let publication = try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        #expect(publication.date == (try day("2026-10-30")))
        #expect(frankfurter.paths == ["/v1/latest?base=EUR", "/v1/latest?base=EUR"])
    }

    @Test func a503WithoutRetriesIsUnavailable() async throws {
        let frankfurter = try LoopbackFrankfurter(routes: ["/v1/latest": .serviceUnavailable(retryAfter: "1")])
        defer { frankfurter.close() }
        let error = try await expectFrankfurterError(.unavailable) {
            try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        }
        #expect(error.status == 503)
    }

    @Test func aSecondRequestRevalidatesWithTheETag() async throws {
        let body = try Fixture.text("latest-2026-10-30.json")
        let etag = #""2026-10-30-v1""#
        let server = try LoopbackHTTPServer { request in
            guard request.pathWithoutQuery == "/v1/latest" else { return .notFound }
            if request.headers["If-None-Match"] == etag { return ScriptedResponse(status: 304, headers: ["ETag": etag]) }
            return .ok(json: body, headers: ["ETag": etag])
        }
        let cache = ConditionalRequestCache()
        let frankfurter = try LoopbackFrankfurter(server: server, cache: cache)
        defer { frankfurter.close() }
        let first = try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        let second = try await frankfurter.provider.publication(for: nil, policy: ConversionPolicy())
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.first?.headers["If-None-Match"] == nil)
        #expect(requests.last?.headers["If-None-Match"] == etag)
        #expect(second == first)
        #expect(await cache.count == 1)
    }
}

@Suite("Frankfurter: JSON scanner")
struct RawJSONScannerTests {
    @Test func numbersKeepTheirLiteralText() throws {
        let value = try RawJSONScanner.parse(Data(#" {"a":[0,-0.5,1.0892,1E+3,2.50e-2,true,false,null,"\u00e9\ud83d\ude00\n"]} "#.utf8))
        guard case .object(let members) = value, case .array(let items)? = members["a"] else {
            Issue.record("unexpected shape: \(value)")
            return
        }
        #expect(items == [.number("0"), .number("-0.5"), .number("1.0892"), .number("1E+3"), .number("2.50e-2"),
                          .bool(true), .bool(false), .null, .string("é😀\n")])
        #expect(try ExactDecimal(jsonNumber: "1E+3", field: "x").plainText == "1000")
        #expect(try ExactDecimal(jsonNumber: "2.50e-2", field: "x").plainText == "0.0250")
        #expect(try ExactDecimal(jsonNumber: "0.85833", field: "x").plainText == "0.85833")
    }

    @Test(arguments: ["", "01", "1.", ".5", "1e", "+1", "NaN", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "\"\u{01}\"",
                      "\"\\x\"", "\"\\ud800\"", "[1] x", "{\"a\":1,\"a\":2}", String(repeating: "[", count: 40)])
    func invalidDocumentsAreRejected(_ text: String) {
        #expect(throws: RawJSONError.self) { try RawJSONScanner.parse(Data(text.utf8)) }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: RawJSONError.self) { try RawJSONScanner.parse([0x22, 0xC3, 0x28, 0x22]) }
    }
}
