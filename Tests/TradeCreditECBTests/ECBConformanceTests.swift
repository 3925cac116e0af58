import Foundation
import Testing
import TradeCreditECB
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

/// The ECB provider through the adapter conformance kit of TradeCreditTesting, on the real daily file of 2026-10-30.
@Suite("ECB: conformance kit")
struct ECBConformanceTests {
    @Test func theECBProviderPassesTheRateProviderSuite() async throws {
        let date = try ECBRatesFixtures.date("2026-10-30")
        func on(_ answer: ScriptedResponse) -> ConformanceCase<CalendarDate?> {
            ConformanceCase(date, routes: ["/eurofxref-hist-90d.xml": answer])
        }
        func xml(_ text: String) -> ScriptedResponse {
            ScriptedResponse(status: 200, headers: ["Content-Type": "text/xml"], body: Data(text.utf8))
        }
        let real = try ECBRatesFixtures.text("eurofxref-daily.xml")
        let report = await ExchangeRateProviderConformance(
            transport: .http(),
            found: on(xml(real)),
            foundDate: date,
            foundRates: [.USD: Decimal(string: "1.1172")!, .GBP: Decimal(string: "0.8338")!],
            notFound: on(.notFound),
            malformed: [
                MalformedCase("a rate that is not a number",
                              on(xml(real.replacingOccurrences(of: "rate='1.1172'", with: "rate='1,1172'"))), field: "rate"),
                MalformedCase("a date that does not exist",
                              on(xml(real.replacingOccurrences(of: "time='2026-10-30'", with: "time='2026-10-32'"))),
                              field: "time"),
            ]
        ) { env in
            ECBRateProvider(baseURL: env.baseURL, client: env.client, logger: env.logger,
                            now: { ECBRateProviderTests.monday(hour: 10) })
        }.run()
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.skipped.map(\.name) == ["refused credentials give unauthorized"], "\(report)")
    }
}

/// The offline provider through the kit, offline: each check's history file is the body of `/eurofxref-hist.csv`.
@Suite("Offline rates: conformance kit")
struct OfflineRateProviderConformanceTests {
    @Test func theOfflineProviderPassesTheOfflineChecks() async throws {
        let date = try ECBRatesFixtures.date("2026-01-05")
        let history = try ECBRatesFixtures.text("eurofxref-hist-sample.csv")
        func on(_ text: String) -> ConformanceCase<CalendarDate?> {
            ConformanceCase(date, routes: ["/eurofxref-hist.csv": .text(text)])
        }
        let report = await ExchangeRateProviderConformance(
            transport: .offline,
            found: on(history),
            foundDate: date,
            foundRates: [.USD: Decimal(string: "1.1664")!, .GBP: Decimal(string: "0.8676")!],
            malformed: [
                MalformedCase("a rate that is not a number",
                              on(history.replacingOccurrences(of: "2026-01-05,1.1664,", with: "2026-01-05,1.16x4,")),
                              field: "USD"),
            ]
        ) { env in
            let file = try ECBRatesFile.publications(from: env.body(at: "/eurofxref-hist.csv") ?? Data(),
                                                     file: "eurofxref-hist.csv")
            return OfflineRateProvider(table: try RateTable(source: "ECB", publications: file))
        }.run()
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.checks.filter { $0.verdict == .passed }.count == 5, "\(report)")
    }
}
