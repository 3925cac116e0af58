public import Foundation
public import TradeCreditModel

/// The conformance suite of an `ExchangeRateProvider` adapter: one call, from a test, that checks
/// the provider against the loopback server with the author's fixtures.
///
/// A question is a date (`nil`: the latest publication). `found` must give the publication of `foundDate` with at
/// least the `foundRates` (units of each currency per euro, compared exactly). The other checks are those of
/// ``RatingBureauConformance`` that make sense for rates: a date the source does not have → `notFound` when given;
/// malformed cases → `invalidResponse` naming the field; payloads cut short or replaced by HTML → `invalidResponse`;
/// retries, failures, timeouts, cancellation and credentials over HTTP; the secret in no error or log line; and
/// the publication's currencies reported by `supportedCurrencies(on:)`, euro included.
///
/// ```swift
/// let report = await ExchangeRateProviderConformance(
///     transport: .http(),
///     found: ConformanceCase(try CalendarDate(year: 2026, month: 10, day: 30),
///                            routes: ["/rates/2026-10-30": .ok(json: fixture)]),
///     foundDate: try CalendarDate(year: 2026, month: 10, day: 30),
///     foundRates: [.USD: Decimal(string: "1.1658")!]
/// ) { env in AcmeRates(baseURL: env.url("/rates/"), client: env.client, logger: env.logger) }.run()
/// #expect(report.failures.isEmpty, "\(report)")
/// ```
public struct ExchangeRateProviderConformance: Sendable {
    /// Builds the provider for one check; a throw counts as that check's request failing with the error.
    public typealias Factory = @Sendable (ConformanceEnvironment) throws -> any ExchangeRateProvider

    public var transport: ConformanceTransport
    public var found: ConformanceCase<CalendarDate?>
    public var foundDate: CalendarDate
    public var foundRates: [CurrencyCode: Decimal]
    public var notFound: ConformanceCase<CalendarDate?>?
    public var unauthorized: ConformanceCase<CalendarDate?>?
    public var malformed: [MalformedCase<CalendarDate?>]
    public var limits: ConformanceLimits
    public var makeProvider: Factory

    public init(transport: ConformanceTransport, found: ConformanceCase<CalendarDate?>, foundDate: CalendarDate,
                foundRates: [CurrencyCode: Decimal], notFound: ConformanceCase<CalendarDate?>? = nil,
                unauthorized: ConformanceCase<CalendarDate?>? = nil, malformed: [MalformedCase<CalendarDate?>] = [],
                limits: ConformanceLimits = ConformanceLimits(), makeProvider: @escaping Factory) {
        self.transport = transport
        self.found = found
        self.foundDate = foundDate
        self.foundRates = foundRates
        self.notFound = notFound
        self.unauthorized = unauthorized
        self.malformed = malformed
        self.limits = limits
        self.makeProvider = makeProvider
    }

    /// What one request saw.
    struct Answer: Sendable, CustomStringConvertible {
        let source: String
        let publication: RatePublication
        let currencies: Set<CurrencyCode>
        var description: String {
            "\(source) \(publication.date), \(publication.currencies.count) currencies"
        }
    }

    /// Runs every check and reports.
    public func run() async -> ConformanceReport {
        let harness = ConformanceHarness(transport: transport, limits: limits)
        let factory = makeProvider
        let request: @Sendable (ConformanceEnvironment, CalendarDate?) async throws -> Answer = { env, date in
            let provider = try factory(env)
            let publication = try await provider.publication(for: date, policy: ConversionPolicy())
            let currencies = try await provider.supportedCurrencies(on: date)
            return Answer(source: provider.source, publication: publication, currencies: currencies)
        }
        let date = foundDate
        let rates = foundRates
        let judge: @Sendable (Answer) -> String? = { Self.problems(in: $0, date: date, rates: rates) }
        let baseline = await harness.trial(found, request)
        var checks: [ConformanceCheck] = []
        switch baseline.outcome {
        case .value(let answer):
            checks.append(check("found: the publication of the date with its rates", judge(answer),
                                passed: answer.description))
        default:
            checks.append(check("found: the publication of the date with its rates",
                                "expected a publication; \(baseline.outcome.summary)"))
        }
        if let notFound {
            let trial = await harness.trial(notFound, request)
            checks.append(check("a date the source lacks gives not found", trial.outcome.problem(unlessFailure: [.notFound])))
        } else {
            checks.append(ConformanceCheck(name: "a date the source lacks gives not found", verdict: .skipped,
                                           detail: "no fixture given"))
        }
        for item in malformed {
            let trial = await harness.trial(item.situation, request)
            checks.append(check("malformed: \(item.name)",
                                RatingBureauConformance.invalidResponseProblem(trial.outcome, field: item.field)))
        }
        checks += await TransportChecks(harness: harness, found: found, unauthorized: unauthorized,
                                        operation: request, judge: judge).run(baseline: baseline)
        checks.append(SecretCheck.run(harness))
        let name: String
        if case .value(let answer) = baseline.outcome { name = answer.source } else { name = "rates" }
        return ConformanceReport(adapter: name, checks: checks)
    }

    static func problems(in answer: Answer, date: CalendarDate, rates: [CurrencyCode: Decimal]) -> String? {
        guard answer.publication.date == date else {
            return "publication of \(answer.publication.date), expected \(date)"
        }
        for (currency, rate) in rates.sorted(by: { $0.key.description < $1.key.description }) {
            guard let published = answer.publication.ratePerEUR(currency) else { return "no \(currency) rate" }
            guard published == rate else { return "\(currency) is \(published), expected \(rate)" }
        }
        guard answer.currencies.contains(.EUR), answer.currencies.isSuperset(of: rates.keys) else {
            return "supportedCurrencies lacks EUR or one of \(rates.keys.map(\.description).sorted())"
        }
        return nil
    }
}
