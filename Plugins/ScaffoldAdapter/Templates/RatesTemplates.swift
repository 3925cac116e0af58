/// An `ExchangeRateProvider` adapter, its fixtures and its conformance test (tokens as in ``SharedTemplates``).
enum RatesTemplates {
    static let notFound = """
        /// `notFound` is for a date __Name__ has no rates for (`404`). A date beyond the look-back of a
        /// `ConversionPolicy` is not an error of this type: it throws `ModelError` `.dateOutOfRange`, as every
        /// `ExchangeRateProvider` does.
        """

    static let adapter = SharedTemplates.adapterImports + #"""
/// Euro reference rates from __Name__ as a ``TradeCreditModel/ExchangeRateProvider``.
///
/// **Requests.** `GET {baseURL}v1/rates/{YYYY-MM-DD}` for a date, `GET {baseURL}v1/rates/latest` for the latest
/// publication, with `Accept: application/json` and, when an API key is given, `Authorization: Bearer <apiKey>`.
///
/// **Answer** (`200`): `{"base":"EUR","date":"2026-10-30","rates":{"USD":"1.1658","GBP":"0.8702"}}`, units of each
/// currency per euro. The rates are strings, so that every published digit is kept (no `Double` on the way): each must
/// be a plain positive decimal (`1.1658`; no sign, exponent or spaces), for a currency of the SDK's ISO 4217 table.
/// `base` must be `EUR`.
///
/// **Look-back.** __Name__ is taken to answer a day without publication (a weekend, a holiday) with its latest earlier
/// publication, as Frankfurter does. The provider accepts that answer when it is at most `policy.maxLookbackDays`
/// older than the date asked, and throws `ModelError` `.dateOutOfRange` otherwise; an answer dated after the date
/// asked is an invalid response. If __Name__ answers such days with `404` instead, ask the earlier days in turn, up to
/// the look-back. `rateTable(from:through:policy:)` keeps the protocol's default, one request per day: override it
/// if __Name__ has a range endpoint.
///
/// **Outcomes.** `404` → ``__Error__`` `notFound`; `401` and `403` → `unauthorized`; `429` →
/// `rateLimited`; `5xx` and transport failures → `unavailable`; another `4xx` → `invalidRequest`; an answer not as
/// above → `invalidResponse` naming the JSON path (`rates.USD`). Cancellation is rethrown unchanged. No error
/// carries the API key.
"""# + SharedTemplates.adapterDocumentationEnd(role: "provider") + #"""
public struct __Type__: ExchangeRateProvider {
    /// `"__Name__"`, recorded in every publication and conversion.
    public static let sourceName = "__Name__"

    /// `"__Name__"`.
    public var source: String { Self.sourceName }

"""# + SharedTemplates.connection + #"""
    /// - Parameters:
    ///   - baseURL: the API's root; requests go to `{baseURL}v1/rates/…`.
    ///   - apiKey: the caller's __Name__ API key, sent as a bearer token and never put in an error; `nil` when the
    ///     rates are public. The provider reads no credential from a file or the environment.
    ///   - client: sends the requests; wrap it in a `RetryingHTTPClient` for retries.
    public init(baseURL: URL, apiKey: String? = nil, client: any HTTPClient) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.client = client
    }

    /// The publication for `date` (or __Name__'s latest earlier one within `policy`'s look-back), or the latest
    /// publication when `date` is `nil`.
    /// - Throws: ``__Error__``; `ModelError` `.dateOutOfRange` when the publication __Name__ answers with is older
    ///   than the look-back allows.
    public func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication {
        let day = date?.description ?? "latest"
        guard let body = try await fetch(try url(["v1", "rates", day])) else {
            throw __Error__(.notFound, status: 404, message: "__Name__ has no rates for \(day)")
        }
        let publication = try Self.publication(from: body)
        guard let date else { return publication }
        guard publication.date <= date else {
            throw Self.invalid("date", "asked for \(date), answered with the later date \(publication.date)")
        }
        let gap = date.days(since: publication.date)
        guard gap <= policy.maxLookbackDays else {
            throw ModelError(.dateOutOfRange, field: "date", value: date.description,
                             "\(source)'s latest publication on or before it is \(publication.date), \(gap) days "
                                 + "earlier; the look-back allows \(policy.maxLookbackDays)")
        }
        return publication
    }

    /// The answer of `v1/rates`.
    private struct Answer: Decodable {
        let base: String
        let date: String
        let rates: [String: String]
    }

    private static func publication(from body: Data) throws -> RatePublication {
        let answer = try decode(Answer.self, from: body)
        guard answer.base == "EUR" else {
            throw invalid("base", "is \"\(answer.base.prefix(8))\", not EUR: the rates must be per euro")
        }
        let date: CalendarDate
        do {
            date = try CalendarDate(parsing: answer.date)
        } catch {
            throw invalid("date", "\"\(answer.date.prefix(16))\" is not a date as YYYY-MM-DD")
        }
        var rates: [CurrencyCode: Decimal] = [:]
        for (code, text) in answer.rates {
            let field = "rates.\(code.prefix(8))"
            guard let currency = try? CurrencyCode(code) else {
                throw invalid(field, "not a currency code of the ISO 4217 table")
            }
            guard let rate = exactDecimal(text), rate > 0 else {
                throw invalid(field, "\"\(text.prefix(24))\" is not a positive decimal such as 1.1658")
            }
            rates[currency] = rate
        }
        guard !rates.isEmpty else { throw invalid("rates", "no rate on \(date)") }
        do {
            return try RatePublication(source: sourceName, date: date, ratesPerEUR: rates)
        } catch {
            // An EUR rate other than 1.
            throw invalid("rates", "\(error)")
        }
    }

    /// The exact value of a plain decimal such as `1.1658` (ASCII digits with at most one point inside; at most 30
    /// characters, so that `Decimal` keeps every digit), or `nil`.
    private static func exactDecimal(_ text: String) -> Decimal? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.count <= 30, parts.count <= 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

"""#

    static let tests = SharedTemplates.testHead + ##"""
    static let path = "/v1/rates/2026-10-30"

    @Test func __name__RatesPassTheExchangeRateProviderSuite() async throws {
        let day = try CalendarDate(parsing: "2026-10-30")
        func answering(_ response: ScriptedResponse) -> ConformanceCase<CalendarDate?> {
            ConformanceCase(day, routes: [Self.path: response])
        }
        let report = await ExchangeRateProviderConformance(
            transport: .http(),
            found: answering(try Fixture.ok("rates-2026-10-30.json")),
            foundDate: day,
            foundRates: [.USD: try #require(Decimal(string: "1.1658")), .GBP: try #require(Decimal(string: "0.8702"))],
            notFound: ConformanceCase(try CalendarDate(parsing: "1990-01-02"), routes: [:]),  // 404
            unauthorized: answering(.status(401)),
            malformed: [
                MalformedCase("a rate is a JSON number", answering(try Fixture.ok("malformed-rate.json")),
                              field: "rates.USD"),
                MalformedCase("the base is not EUR",
                              answering(.ok(json: #"{"base":"USD","date":"2026-10-30","rates":{"GBP":"0.7464"}}"#)),
                              field: "base"),
            ]
"""## + SharedTemplates.conformanceRun + ##"""

    @Test func aDayWithoutRatesTakesTheLatestEarlierOneWithinTheLookBack() async throws {
        let sunday = try CalendarDate(parsing: "2026-11-01")
        try await withLoopback(["/v1/rates/2026-11-01": try Fixture.ok("rates-2026-10-30.json")]) { server, client in
            let rates = __Type__(baseURL: server.url("/"), apiKey: "test-key-0123", client: client)
            let publication = try await rates.publication(for: sunday, policy: ConversionPolicy())
            #expect(publication.date.description == "2026-10-30")
            #expect(publication.ratePerEUR(.USD) == Decimal(string: "1.1658"))
            let error = try await #require(throws: ModelError.self) {
                try await rates.publication(for: sunday, policy: ConversionPolicy(maxLookbackDays: 1))
            }
            #expect(error.code == .dateOutOfRange)
            #expect(server.requests.first?.headers["Authorization"] == "Bearer test-key-0123")
        }
    }
}

"""##

    /// The fixtures, by file name.
    static let fixtures: [(name: String, contents: String)] = [
        ("rates-2026-10-30.json", #"{"base":"EUR","date":"2026-10-30","rates":{"USD":"1.1658","GBP":"0.8702","JPY":"177.53","CHF":"0.9312"}}"#),
        ("malformed-rate.json", #"{"base":"EUR","date":"2026-10-30","rates":{"USD":1.1658,"GBP":"0.8702"}}"#),
    ]
}
