import Foundation
import Testing
import TradeCreditFrankfurter
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

/// Frankfurter through the adapter conformance kit of TradeCreditTesting.
@Suite("Frankfurter: conformance kit")
struct FrankfurterConformanceTests {
    @Test func frankfurterPassesTheRateProviderSuite() async throws {
        let date = try day("2023-12-15")
        func on(_ answer: ScriptedResponse) -> ConformanceCase<CalendarDate?> {
            ConformanceCase(date, routes: ["/v1/2023-12-15": answer])
        }
        let report = await ExchangeRateProviderConformance(
            transport: .http(),
            found: on(try Fixture.ok("2023-12-15.json")),
            foundDate: date,
            foundRates: [.USD: Decimal(string: "1.0946")!, .GBP: Decimal(string: "0.85833")!],
            notFound: on(.text(#"{"message":"not found"}"#, status: 404)),
            malformed: [
                MalformedCase("rate as a string", on(.ok(json: #"{"amount":1.0,"base":"EUR","date":"2023-12-15","rates":{"USD":"1.0892"}}"#)),
                              field: "rates.USD"),
                MalformedCase("missing date", on(.ok(json: #"{"amount":1.0,"base":"EUR","rates":{"USD":1.0892}}"#)),
                              field: "date"),
                MalformedCase("amount 100", on(.ok(json: #"{"amount":100.0,"base":"EUR","date":"2023-12-15","rates":{"USD":108.92}}"#)),
                              field: "amount"),
            ]
        ) { env in
            FrankfurterRateProvider(baseURL: env.baseURL, client: env.client, logger: env.logger,
                                    now: { LoopbackFrankfurter.defaultNow })
        }.run()
        #expect(report.failures.isEmpty, "\(report)")
        // Frankfurter takes no credentials.
        #expect(report.skipped.map(\.name) == ["refused credentials give unauthorized"], "\(report)")
    }
}
