public import Foundation
public import Logging
public import TradeCreditHTTP
public import TradeCreditModel

/// Euro reference rates from the Frankfurter API (`api.frankfurter.dev`, v1), which republishes the ECB's rates as
/// JSON.
///
/// Every request asks with `base=EUR` and the default amount of 1, the only form in which Frankfurter passes the ECB's
/// rates through unrounded (it rounds rebased rates, and rates for another amount, to a few decimals); a body
/// with another base or amount is rejected. The caller converts through the returned `RateTable`,
/// which computes the cross rate over the euro exactly. Rates keep the digits of their JSON literals.
///
/// - `publication(for: nil, …)` asks `/v1/latest`.
/// - `publication(for: date, …)` asks `/v1/{date}`. Frankfurter answers a weekend or holiday with the previous
///   working day; the provider enforces the policy's look-back on that answer itself.
/// - `rateTable(from:through:policy:)` makes one request, `/v1/{from − look-back}..{through}`, so that `from`
///   converts even when it is not a publication day.
///
/// A date after today (in Frankfurt) or before 1999-01-04 throws `ModelError` `.dateOutOfRange` without a request.
/// Requests are conditional (`If-None-Match`): the given client is wrapped in a `ConditionalHTTPClient` on `cache`,
/// so an unchanged answer costs a `304`. Wrap the client in a `RetryingHTTPClient` to retry `503`s and transport
/// failures. Failures of the service or its answers throw ``FrankfurterError``.
///
/// Currency codes Frankfurter publishes that the SDK's ISO 4217 table does not know are skipped with a logged
/// warning rather than failing the whole publication.
public struct FrankfurterRateProvider: ExchangeRateProvider {
    /// The public Frankfurter API.
    public static let defaultBaseURL = URL(string: "https://api.frankfurter.dev")!

    /// `"Frankfurter"`, recorded in every publication and conversion.
    public let source = FrankfurterDocument.source

    private let endpoint: FrankfurterEndpoint
    private let fetcher: FrankfurterFetcher
    private let document: FrankfurterDocument
    private let coverage: FrankfurterCoverage

    /// - Parameters:
    ///   - baseURL: the API's address, without `/v1` (a mirror may add a path prefix).
    ///   - client: sends the requests; wrap it in a `RetryingHTTPClient` for retries. The provider adds conditional
    ///     requests on top of it.
    ///   - cache: where ETags and bodies are kept between requests; share one to share revalidation.
    ///   - logger: receives a `.debug` line per response and a `.warning` for skipped currency codes.
    ///   - now: the clock that decides which dates are in the future; for tests.
    public init(baseURL: URL = FrankfurterRateProvider.defaultBaseURL, client: any HTTPClient,
                cache: ConditionalRequestCache = .init(), logger: Logger = Logger(label: "tradecredit.frankfurter"),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.endpoint = FrankfurterEndpoint(baseURL: baseURL)
        self.fetcher = FrankfurterFetcher(client: ConditionalHTTPClient(wrapping: client, cache: cache), logger: logger)
        self.document = FrankfurterDocument(logger: logger)
        self.coverage = FrankfurterCoverage(now: now)
    }

    /// The publication for `date` — that day's, or Frankfurter's previous working day within `policy`'s look-back —
    /// or the latest publication when `date` is `nil`.
    /// - Throws: `ModelError` `.dateOutOfRange` for a date after today or before 1999-01-04 (no request made) or when
    ///   the publication Frankfurter answers with is older than the look-back allows; ``FrankfurterError``.
    public func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication {
        guard let date else {
            return try document.publication(from: try await fetcher.body(of: try endpoint.latest()))
        }
        try coverage.check(date)
        let publication = try document.publication(from: try await fetcher.body(of: try endpoint.day(date)))
        guard publication.date <= date else {
            throw FrankfurterError(.malformed, field: "date",
                                   message: "asked for \(date), answered with the later date \(publication.date)")
        }
        let gap = date.days(since: publication.date)
        guard gap <= policy.maxLookbackDays else {
            throw ModelError(.dateOutOfRange, field: "date", value: date.description,
                             "\(source)'s latest publication on or before it is \(publication.date), \(gap) days earlier; the look-back allows \(policy.maxLookbackDays)")
        }
        return publication
    }

    /// Every publication from `start` through `end`, from one range request, as a table valid through `end`. The
    /// latest publication on or before `start` (within the look-back) is included so that `start` converts.
    /// - Throws: `ModelError` `.outOfRange` when `end` is before `start`; `.dateOutOfRange` for a date after today or
    ///   before 1999-01-04 (no request made) or when `start` or `end` has no publication within the look-back;
    ///   ``FrankfurterError``, `.malformed` also when the answer holds a date after `end`.
    public func rateTable(from start: CalendarDate, through end: CalendarDate, policy: ConversionPolicy) async throws -> RateTable {
        guard start <= end else {
            throw ModelError(.outOfRange, field: "end", value: "\(start)..\(end)", "the range ends before it starts")
        }
        try coverage.check(start, field: "start")
        try coverage.check(end, field: "end")
        let lookbackStart = (try? start.adding(days: -policy.maxLookbackDays)) ?? FrankfurterCoverage.firstPublication
        let requestStart = max(lookbackStart, FrankfurterCoverage.firstPublication)
        let publications = try document.publications(from: try await fetcher.body(of: try endpoint.range(requestStart, end)))
        if let stray = publications.first(where: { $0.date > end }) {
            throw FrankfurterError(.malformed, field: "rates.\(stray.date)", message: "a date after the range asked for (\(requestStart)..\(end))")
        }
        // Keep the publication `start` converts with, and everything after it.
        let anchor = publications.filter { $0.date <= start }.map(\.date).max() ?? start
        let table = try RateTable(source: source, publications: publications.filter { $0.date >= anchor }, validThrough: end)
        _ = try table.publication(for: start, policy: policy)
        _ = try table.publication(for: end, policy: policy)
        return table
    }
}
