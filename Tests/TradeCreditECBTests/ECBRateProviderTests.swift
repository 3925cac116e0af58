import Foundation
import Testing
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting
@testable import TradeCreditECB

/// The ECB provider against a loopback server that plays the ECB's folder, with a fixed clock.
@Suite("ECBRateProvider")
struct ECBRateProviderTests {
    /// 2026-11-02 (a Monday) at `hour`:00 UTC; Frankfurt is UTC+1 in November.
    static func monday(hour: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(20_759 * 86_400 + hour * 3_600))
    }

    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var instant: Date
        init(_ instant: Date) { self.instant = instant }
        var now: Date { lock.withLock { instant } }
        func set(_ date: Date) { lock.withLock { instant = date } }
    }

    static func dailyXML(date: String, usd: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
        <gesmes:subject>Reference rates</gesmes:subject>
        <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
        <Cube><Cube time='\(date)'><Cube currency='USD' rate='\(usd)'/><Cube currency='GBP' rate='0.8338'/></Cube></Cube>
        </gesmes:Envelope>
        """
    }

    static func client() throws -> CurlHTTPClient {
        var configuration = CurlHTTPClient.Configuration()
        configuration.proxy = .none
        return try CurlHTTPClient(configuration: configuration)
    }

    @Test func verifyTheFixedClock() throws {
        let date = ECBPublicationSchedule().frankfurtDate(at: Self.monday(hour: 10))
        #expect(date.description == "2026-11-02")
        #expect(date.isoWeekday == 1)
    }

    @Test func latestComesFromTheDailyFileAndStaysFreshUntilTheNextPublication() async throws {
        let daily = ScriptedSequence(
            ScriptedResponse.ok(json: Self.dailyXML(date: "2026-10-30", usd: "1.1172")).with(header: "ETag", "\"d1\""),
            ScriptedResponse.status(304).with(header: "ETag", "\"d1\""),
            ScriptedResponse.ok(json: Self.dailyXML(date: "2026-11-02", usd: "1.1200")).with(header: "ETag", "\"d2\""))
        let server = try LoopbackHTTPServer { request in
            request.pathWithoutQuery == "/eurofxref/eurofxref-daily.xml" ? daily.next() : .notFound
        }
        defer { server.shutdown() }
        let curl = try Self.client()
        defer { curl.shutdown() }
        let clock = Clock(Self.monday(hour: 10))  // 11:00 in Frankfurt: Monday's rates are not out yet
        let provider = ECBRateProvider(baseURL: server.url("/eurofxref"), client: curl, now: { clock.now })

        let friday = try await provider.publication(for: nil, policy: ConversionPolicy())
        #expect(friday.date.description == "2026-10-30")
        #expect(friday.ratePerEUR(.USD) == Decimal(string: "1.1172"))
        // Still before 16:00 Frankfurt: answered from the cache, no request.
        clock.set(Self.monday(hour: 14))
        _ = try await provider.publication(for: nil, policy: ConversionPolicy())
        #expect(server.requests.count == 1)
        // After 16:00 (15:00 UTC): a conditional request; a 304 keeps Friday's rates.
        clock.set(Self.monday(hour: 15).addingTimeInterval(60))
        let stillFriday = try await provider.publication(for: nil, policy: ConversionPolicy())
        #expect(stillFriday.date.description == "2026-10-30")
        #expect(server.requests.count == 2)
        #expect(server.requests[1].headers["If-None-Match"] == "\"d1\"")
        // The ECB was late: looked at again ten minutes later, now with Monday's rates.
        clock.set(Self.monday(hour: 15).addingTimeInterval(60 + 601))
        let monday = try await provider.publication(for: nil, policy: ConversionPolicy())
        #expect(monday.date.description == "2026-11-02")
        #expect(monday.ratePerEUR(.USD) == Decimal(string: "1.12"))
        #expect(server.requests.count == 3)
    }

    @Test func aWeekendConvertsAtFridaysRatesWhileTheyAreTheLatest() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/eurofxref-hist-90d.xml": .ok(json: Self.dailyXML(date: "2026-10-30", usd: "1.1172")),
        ])
        defer { server.shutdown() }
        let curl = try Self.client()
        defer { curl.shutdown() }
        let provider = ECBRateProvider(baseURL: server.baseURL, client: curl, now: { Self.monday(hour: 10) })
        let sunday = try CalendarDate(parsing: "2026-11-01")
        let table = try await provider.rateTable(from: sunday, through: sunday, policy: ConversionPolicy())
        let conversion = try table.convert(Money(parsing: "100000", currency: .USD), to: .GBP, on: sunday)
        #expect(conversion.converted.description == "74633.01 GBP")
        #expect(conversion.publicationDate?.description == "2026-10-30")
        // Monday's rates are due at 16:00; at 11:00 Monday is not covered yet: an error, not Friday's rates.
        let monday = try sunday.adding(days: 1)
        await #expect(throws: ModelError.self) {
            _ = try await provider.rateTable(from: monday, through: monday, policy: ConversionPolicy())
        }
    }

    @Test func aFutureDateFailsWithoutARequest() async throws {
        let server = try LoopbackHTTPServer(routes: [:])
        defer { server.shutdown() }
        let curl = try Self.client()
        defer { curl.shutdown() }
        let provider = ECBRateProvider(baseURL: server.baseURL, client: curl, now: { Self.monday(hour: 10) })
        await #expect(throws: ModelError.self) {
            _ = try await provider.publication(for: try CalendarDate(parsing: "2026-11-03"), policy: ConversionPolicy())
        }
        #expect(server.requests.isEmpty)
    }

    @Test func oldDatesComeFromTheZippedHistoryAndAreCachedForGood() async throws {
        let zip = try ECBRatesFixtures.data("eurofxref-hist-sample.zip")
        let server = try LoopbackHTTPServer(routes: [
            "/eurofxref-hist.zip": ScriptedResponse(status: 200, headers: ["Content-Type": "application/zip"], body: zip),
        ])
        defer { server.shutdown() }
        let curl = try Self.client()
        defer { curl.shutdown() }
        let clock = Clock(Self.monday(hour: 10))
        let provider = ECBRateProvider(baseURL: server.baseURL, client: curl, now: { clock.now })
        let samples = try ECBRatesFixtures.samplePublications()
        let first = try #require(samples.first)
        let answer = try await provider.publication(for: first.date, policy: ConversionPolicy())
        #expect(answer == first)
        // Weeks later the same past date is still answered from the cache.
        clock.set(Self.monday(hour: 10).addingTimeInterval(30 * 86_400))
        _ = try await provider.publication(for: first.date, policy: ConversionPolicy())
        #expect(server.requests.count == 1)
    }

    @Test func transientFailuresAreRetriedWhenTheClientRetries() async throws {
        let daily = ScriptedSequence(.serviceUnavailable(retryAfter: "0"),
                                     .ok(json: Self.dailyXML(date: "2026-10-30", usd: "1.1172")))
        let server = try LoopbackHTTPServer { request in
            request.pathWithoutQuery == "/eurofxref-daily.xml" ? daily.next() : .notFound
        }
        defer { server.shutdown() }
        let curl = try Self.client()
        defer { curl.shutdown() }
        let provider = ECBRateProvider(baseURL: server.baseURL, client: RetryingHTTPClient(wrapping: curl),
                                       now: { Self.monday(hour: 10) })
        let latest = try await provider.publication(for: nil, policy: ConversionPolicy())
        #expect(latest.date.description == "2026-10-30")
        #expect(daily.callCount == 2)
    }

    @Test func brokenAnswersAreTypedErrors() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/garbage/eurofxref-daily.xml": .text("<html>maintenance</html>"),
            "/truncated/eurofxref-daily.xml": ScriptedResponse.ok(json: Self.dailyXML(date: "2026-10-30", usd: "1.1172"))
                .with(.truncateAfterBodyBytes(120)),
            "/cut/eurofxref-daily.xml": .ok(json: String(Self.dailyXML(date: "2026-10-30", usd: "1.1172").prefix(300))),
            "/down/eurofxref-daily.xml": .status(500),
        ])
        defer { server.shutdown() }
        let curl = try Self.client()
        defer { curl.shutdown() }
        for (path, codes) in [("/garbage", [ECBRatesError.Code.unsupportedFormat, .malformed]), ("/truncated", [.unavailable]),
                              ("/cut", [.malformed]), ("/down", [.unavailable]), ("/missing", [.notFound])] {
            let provider = ECBRateProvider(baseURL: server.url(path), client: curl, now: { Self.monday(hour: 10) })
            do {
                _ = try await provider.publication(for: nil, policy: ConversionPolicy())
                Issue.record("\(path): expected an error")
            } catch let error as ECBRatesError {
                #expect(codes.contains(error.code), "\(path): \(error)")
                #expect(error.file == "eurofxref-daily.xml", "\(path)")
            }
        }
    }
}

@Suite("TARGET calendar and ECB schedule")
struct TARGETCalendarTests {
    static func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    @Test(arguments: [("2024", "2024-03-31"), ("2025", "2025-04-20"), ("2026", "2026-04-05"), ("2000", "2000-04-23"),
                      ("2038", "2038-04-25")])
    func easter(year: String, sunday: String) throws {
        #expect(TARGETCalendar.easterSunday(year: Int(year)!) == (try Self.date(sunday)))
    }

    @Test(arguments: ["2024-03-29", "2024-04-01", "2025-01-01", "2025-05-01", "2025-12-25", "2025-12-26", "2026-10-31",
                      "2026-11-01"])
    func closedDays(day: String) throws {
        #expect(!TARGETCalendar.isWorkingDay(try Self.date(day)))
    }

    @Test(arguments: ["2024-03-28", "2024-04-02", "2025-12-24", "2025-12-31", "2026-10-30", "2026-11-02"])
    func openDays(day: String) throws {
        #expect(TARGETCalendar.isWorkingDay(try Self.date(day)))
    }

    /// Every date of the shipped history is a TARGET working day from 2002 on (TARGET's holidays were fixed then).
    @Test func theHistoryPublishesOnlyOnWorkingDays() throws {
        let publications = try ECBRatesFixtures.embedded.get()
        let since2002 = publications.filter { $0.date.year >= 2002 }
        #expect(since2002.count > 6_000)
        let closed = since2002.filter { !TARGETCalendar.isWorkingDay($0.date) }
        #expect(closed.isEmpty, "published on closed days: \(closed.prefix(5).map(\.date))")
    }

    @Test func nextPublicationAndCoverage() throws {
        let schedule = ECBPublicationSchedule()
        let friday = try Self.date("2026-10-30")
        // Next publication: Monday 2026-11-02 16:00 in Frankfurt (CET, UTC+1) = 15:00 UTC.
        #expect(schedule.nextPublication(after: friday) == Date(timeIntervalSince1970: TimeInterval(20_759 * 86_400 + 15 * 3_600)))
        // Fetched on Saturday: the table covers the weekend day it is, not beyond.
        let saturdayNoon = Date(timeIntervalSince1970: TimeInterval(20_757 * 86_400 + 12 * 3_600))
        #expect(schedule.coverage(latest: friday, fetchedAt: saturdayNoon).description == "2026-10-31")
        // Fetched on Monday after 16:00 without a newer file: only Friday itself.
        let mondayEvening = Date(timeIntervalSince1970: TimeInterval(20_759 * 86_400 + 17 * 3_600))
        #expect(schedule.coverage(latest: friday, fetchedAt: mondayEvening).description == "2026-10-30")
        // Summer time: 16:00 CEST is 14:00 UTC (2026-06-01 is day 20605).
        let may29 = try Self.date("2026-05-29")
        #expect(schedule.nextPublication(after: may29) == Date(timeIntervalSince1970: TimeInterval(20_605 * 86_400 + 14 * 3_600)))
    }
}

@Suite("OfflineRateProvider")
struct OfflineRateProviderTests {
    static func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    @Test func embeddedHistoryConverts() async throws {
        let provider = try OfflineRateProvider.embedded()
        #expect(provider.source == "ECB")
        let day = try Self.date("2024-03-15")
        let table = try await provider.rateTable(from: day, through: day, policy: ConversionPolicy())
        // 100000 × 0.8541 / 1.0892 = 78415.350716… (USD 1.0892, GBP 0.8541 on 2024-03-15)
        let conversion = try table.convert(Money(parsing: "100000", currency: .USD), to: .GBP, on: day)
        #expect(conversion.fromRatePerEUR == Decimal(string: "1.0892"))
        #expect(conversion.toRatePerEUR == Decimal(string: "0.8541"))
        #expect(conversion.converted.description == "78415.35 GBP")
        let latest = try await provider.publication(for: nil, policy: ConversionPolicy())
        #expect(latest.date.description == "2026-10-30")
    }

    /// Currencies that stopped: LTL was quoted through 2014-12-31 (ISO dates its withdrawal 2014-12), BGN through
    /// 2025-12-31; after that, no rate, never the last one.
    @Test func withdrawnCurrenciesEndWithTheirLastQuote() async throws {
        let provider = try OfflineRateProvider.embedded()
        func convert(_ code: String, on text: String) async throws -> CurrencyConversion {
            let day = try Self.date(text)
            let table = try await provider.rateTable(from: day, through: day, policy: ConversionPolicy())
            return try table.convert(Money(parsing: "1000", currency: CurrencyCode(code)), to: .EUR, on: day)
        }
        #expect(try await convert("LTL", on: "2014-12-31").publicationDate?.description == "2014-12-31")
        #expect(try await convert("LTL", on: "2014-12-27").publicationDate?.description == "2014-12-24")
        #expect(try await convert("BGN", on: "2025-12-31").converted.description == "511.30 EUR")
        for (code, day) in [("LTL", "2015-01-01"), ("LTL", "2015-01-02"), ("BGN", "2026-01-01"), ("BGN", "2026-01-02"),
                            ("HRK", "2023-01-01"), ("RUB", "2022-03-02")] {
            await #expect(throws: ModelError.self, "\(code) on \(day)") { _ = try await convert(code, on: day) }
        }
    }

    @Test func datesOutsideTheHistoryFail() async throws {
        let provider = try OfflineRateProvider.embedded()
        for day in ["1998-12-31", "2026-11-02"] {
            await #expect(throws: ModelError.self, "\(day)") {
                _ = try await provider.publication(for: try Self.date(day), policy: ConversionPolicy())
            }
        }
    }

    @Test func aFileOfAnyFormatServesRates() async throws {
        for name in ["eurofxref-hist-sample.csv", "eurofxref-hist-sample.zip", "eurofxref-daily.xml"] {
            let provider = try OfflineRateProvider(contentsOf: ECBRatesFixtures.directory.appendingPathComponent(name))
            #expect(!provider.table.publications.isEmpty, "\(name)")
        }
        #expect(throws: ECBRatesError.self) {
            _ = try OfflineRateProvider(contentsOf: URL(fileURLWithPath: "/nonexistent/rates.csv"))
        }
    }
}

@Suite("ECBRateProvider coverage over time")
struct ECBRateProviderCoverageTests {
    /// Fetched on Friday 2026-10-30 at 17:00 UTC (after the publication), asked on Sunday: the weekend converts at
    /// Friday's rates, because the coverage is worked out when asked, not when fetched.
    @Test func aFileFetchedOnFridayEveningCoversTheWeekendWhenAskedLater() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/eurofxref-hist-90d.xml": .ok(json: ECBRateProviderTests.dailyXML(date: "2026-10-30", usd: "1.1172")),
        ])
        defer { server.shutdown() }
        let curl = try ECBRateProviderTests.client()
        defer { curl.shutdown() }
        let clock = ECBRateProviderTests.Clock(Date(timeIntervalSince1970: TimeInterval(20_756 * 86_400 + 17 * 3_600)))
        let provider = ECBRateProvider(baseURL: server.baseURL, client: curl, now: { clock.now })
        let friday = try CalendarDate(parsing: "2026-10-30")
        _ = try await provider.rateTable(from: friday, through: friday, policy: ConversionPolicy())
        clock.set(Date(timeIntervalSince1970: TimeInterval(20_758 * 86_400 + 12 * 3_600)))  // Sunday noon
        let sunday = try CalendarDate(parsing: "2026-11-01")
        let table = try await provider.rateTable(from: sunday, through: sunday, policy: ConversionPolicy())
        #expect(table.publications.last?.date == friday)
        #expect(server.requests.count == 1)  // still fresh: no new request
    }
}
