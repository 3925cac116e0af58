import Foundation
import Testing
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

/// The rate suite checked against a small provider written here: `GET {base}rates/{date}` answers
/// `{"date":"2026-10-30","USD":"1.1172"}`; `404` is a date the source lacks.
@Suite("Conformance kit: rate providers")
struct ExchangeRateProviderConformanceTests {
    struct ProbeRates: ExchangeRateProvider {
        struct ProbeError: AdapterError {
            let failure: AdapterFailure
            var field: String?
            var status: Int?
            var description: String { "probe rates: \(failure)" }
            var adapter: String { "probe-rates" }
        }

        let baseURL: URL
        let client: any HTTPClient
        let source = "probe-rates"

        func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication {
            let url = baseURL.appendingPathComponent("rates/\(date?.description ?? "latest")")
            let response: HTTPResponse
            do { response = try await client.send(.get(url)) } catch let error as HTTPError where error.code != .cancelled {
                throw ProbeError(failure: .unavailable)
            }
            guard response.status == 200 else {
                throw ProbeError(failure: response.status == 404 ? .notFound : .unavailable, status: response.status)
            }
            guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: String] else {
                throw ProbeError(failure: .invalidResponse, field: "(document)")
            }
            guard let day = object["date"].flatMap({ try? CalendarDate(parsing: $0) }) else {
                throw ProbeError(failure: .invalidResponse, field: "date")
            }
            guard let usd = object["USD"].flatMap({ Decimal(string: $0) }), usd > 0 else {
                throw ProbeError(failure: .invalidResponse, field: "USD")
            }
            return try RatePublication(source: source, date: day, ratesPerEUR: [.USD: usd])
        }
    }

    static func suite(rate: String = "1.1172", notFound: ScriptedResponse = .notFound) throws -> ExchangeRateProviderConformance {
        let date = try CalendarDate(parsing: "2026-10-30")
        func on(_ answer: ScriptedResponse) -> ConformanceCase<CalendarDate?> {
            ConformanceCase(date, routes: ["/rates/2026-10-30": answer])
        }
        return ExchangeRateProviderConformance(
            transport: .http(),
            found: on(.ok(json: #"{"date":"2026-10-30","USD":"1.1172"}"#)),
            foundDate: date,
            foundRates: [.USD: Decimal(string: rate)!],
            notFound: on(notFound),
            malformed: [MalformedCase("USD is not a number", on(.ok(json: #"{"date":"2026-10-30","USD":"x"}"#)), field: "USD")]
        ) { env in ProbeRates(baseURL: env.baseURL, client: env.client) }
    }

    @Test func aCorrectProviderPassesEveryCheck() async throws {
        let report = try await Self.suite().run()
        #expect(report.adapter == "probe-rates")
        #expect(report.failures.isEmpty, "\(report)")
        #expect(report.skipped.map(\.name) == ["refused credentials give unauthorized"])
    }

    @Test func aRateOtherThanExpectedFailsTheFoundCheckAndTheRetries() async throws {
        let report = try await Self.suite(rate: "1.1173").run()
        #expect(Set(report.failures.map(\.name)) == [
            "found: the publication of the date with its rates", "429 then success is retried",
            "503 then success is retried",
        ], "\(report)")
        #expect(report.failures.first?.detail == "USD is 1.1172, expected 1.1173")
    }

    @Test func aMissingDateAnsweredWithRatesFailsTheNotFoundCheck() async throws {
        let report = try await Self.suite(notFound: .ok(json: #"{"date":"2026-10-30","USD":"1.1172"}"#)).run()
        #expect(report.failures.map(\.name) == ["a date the source lacks gives not found"], "\(report)")
    }
}
