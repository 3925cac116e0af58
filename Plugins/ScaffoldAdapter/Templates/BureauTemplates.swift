/// A `RatingBureau` adapter, its fixtures and its conformance test (tokens as in ``SharedTemplates``).
enum BureauTemplates {
    static let notFound = """
        /// A company __Name__ does not find by a public identifier is not an error: the bureau returns `[]`.
        /// `notFound` is for an __Name__ company id (`provider:__name__:<id>`) that does not exist.
        """

    static let adapter = SharedTemplates.adapterImports + #"""
/// __Name__'s buyer ratings as a ``TradeCreditModel/RatingBureau``.
///
/// **Request.** One `GET {baseURL}v1/ratings/{scheme}/{value}` per lookup, with `Authorization: Bearer <apiKey>` and
/// `Accept: application/json`. It asks for the query's __Name__ company id (`provider:__name__:<id>`, sent with the
/// scheme `id`) when the query has one, else for its first identifier of another scheme than a provider's (`siren`,
/// `lei`, `vat`, …, sent as the scheme's text form). Both segments are percent-encoded.
///
/// **Answer** (`200`):
/// `{"company":{"id":"…","name":"…"},"rating":{"score":72,"date":"2026-09-14"},"status":"active"}` gives one
/// ``TradeCreditModel/BureauRating`` from `__name__` on ``scale``, for `provider:__name__:<company.id>`, rated on
/// `rating.date`:
/// - `status` `"insolvent"` → `.inDefault`, whatever the score says;
/// - else `rating.score` `null` → `.notRated`;
/// - else `rating.score`, an integer on the scale → `.score`.
///
/// **Outcomes.** `404` for a public identifier → `[]` (no match); `404` for an __Name__ company id → ``__Error__``
/// `notFound`. `401` and `403` → `unauthorized`; `429` → `rateLimited`; `5xx` and transport failures →
/// `unavailable`; another `4xx` → `invalidRequest`; an answer not as above → `invalidResponse` naming the JSON path
/// (`rating.score`). Cancellation is rethrown unchanged. No error carries the API key.
"""# + SharedTemplates.adapterDocumentationEnd(role: "bureau") + #"""
public struct __Type__: RatingBureau {
    /// The name recorded in every rating, and the provider name of __Name__ company ids (`provider:__name__:<id>`).
    public static let sourceName = "__name__"

    /// `"__name__"`.
    public var name: String { Self.sourceName }

    /// The scale the ratings are on: ``illustrativeScale`` unless another was given.
    public let scale: RatingScale

"""# + SharedTemplates.connection + #"""
    /// - Parameters:
    ///   - baseURL: the API's root; lookups go to `{baseURL}v1/ratings/…`.
    ///   - apiKey: the caller's __Name__ API key, sent as a bearer token and never put in an error. The adapter reads
    ///     no credential from a file or the environment.
    ///   - client: sends the requests; wrap it in a `RetryingHTTPClient` for retries.
    ///   - scale: the scale and PD map the ratings are read on (its `id` becomes each rating's `scaleID`).
    public init(baseURL: URL, apiKey: String, client: any HTTPClient,
                scale: RatingScale = __Type__.illustrativeScale) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.client = client
        self.scale = scale
    }

    /// The rating __Name__ has for the buyer, or `[]` when it does not know the buyer.
    /// - Throws: ``__Error__``: `invalidRequest` when the query has no identifier __Name__ can look up (no request
    ///   made), `notFound` for an unknown __Name__ company id; see the type's documentation for the rest.
    public func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        let ownScheme = IdentifierScheme.provider(name: Self.sourceName)
        let key = query.identifiers.first { $0.scheme == ownScheme } ?? query.identifiers.first {
            if case .provider = $0.scheme { false } else { true }
        }
        guard let key else {
            throw __Error__(.invalidRequest, message: "the query has no identifier __Name__ can look up (a public "
                + "identifier such as a SIREN, an LEI or a VAT number, or provider:__name__:<id>)")
        }
        let isOwnKey = key.scheme == ownScheme
        let body = try await fetch(try url(["v1", "ratings", isOwnKey ? "id" : key.scheme.text, key.value]))
        guard let body else {
            guard isOwnKey else { return [] }
            throw __Error__(.notFound, status: 404, message: "__Name__ has no company with id \(key.value)")
        }
        return [try rating(from: body)]
    }

    /// The answer of `v1/ratings`, read strictly: every field must be present (`score` may be `null`).
    private struct Answer: Decodable {
        struct Company: Decodable {
            let id: String
            let name: String
        }

        struct Rating: Decodable {
            let score: Int?
            let date: String

            private enum CodingKeys: String, CodingKey { case score, date }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                score = try container.decode(Int?.self, forKey: .score)
                date = try container.decode(String.self, forKey: .date)
            }
        }

        let company: Company
        let rating: Rating
        let status: String
    }

    private func rating(from body: Data) throws -> BureauRating {
        let answer = try Self.decode(Answer.self, from: body)
        let identifier: BuyerIdentifier
        do {
            identifier = try BuyerIdentifier(scheme: .provider(name: Self.sourceName), value: answer.company.id)
        } catch {
            throw Self.invalid("company.id", "not a usable company id")
        }
        let ratedOn: CalendarDate
        do {
            ratedOn = try CalendarDate(parsing: answer.rating.date)
        } catch {
            throw Self.invalid("rating.date", "\"\(answer.rating.date.prefix(16))\" is not a date as YYYY-MM-DD")
        }
        let insolvent = answer.status == "insolvent"
        var value = RatingValue.notRated
        if insolvent {
            value = .inDefault
        } else if let score = answer.rating.score {
            value = scale.normalized(.score(score))
            do {
                _ = try scale.probabilityOfDefault(for: value)
            } catch {
                throw Self.invalid("rating.score", "\(score) is not on the scale \(scale.id)")
            }
        }
        return BureauRating(source: Self.sourceName, scaleID: scale.id, buyerIdentifier: identifier, ratedOn: ratedOn,
                            value: value, adverseEvents: insolvent ? ["status: insolvent"] : [])
    }
}

// MARK: Scale

extension __Type__ {
    /// The version label of ``illustrativeScale``'s PD map.
    public static let illustrativeScaleVersion = "__name__-illustrative-1"

    /// `__name__-score`: __Name__'s score, 1–100, higher is better.
    ///
    /// The PD map is **illustrative**: its numbers were set when the adapter was scaffolded (__Date__), not
    /// calibrated on data, and __Name__ publishes no PD per band. It must be calibrated on observed defaults (or
    /// replaced by the insurer's own table, passed through `init(baseURL:apiKey:client:scale:)`) before any decision
    /// rests on it; a calibrated map gets a new version, its own date and `isIllustrative: false`.
    ///
    /// | Scores | PD |
    /// |---|---|
    /// | 81–100 | 0.1 % |
    /// | 61–80 | 0.4 % |
    /// | 41–60 | 1.5 % |
    /// | 21–40 | 6 % |
    /// | 1–20 | 25 % |
    public static let illustrativeScale: RatingScale = {
        do {
            let map = PDMap(
                version: illustrativeScaleVersion, date: try CalendarDate(parsing: "__Date__"), isIllustrative: true,
                source: "__Type__ illustrative table (scaffolded, not calibrated; __Name__ publishes no PDs)",
                entries: [PDMap.Entry(.scores(from: 1, to: 20), 0.25), PDMap.Entry(.scores(from: 21, to: 40), 0.06),
                          PDMap.Entry(.scores(from: 41, to: 60), 0.015), PDMap.Entry(.scores(from: 61, to: 80), 0.004),
                          PDMap.Entry(.scores(from: 81, to: 100), 0.001)])
            return try RatingScale(id: "__name__-score", name: "__Name__ score (illustrative PDs)",
                                   kind: .scores(min: 1, max: 100), direction: .higherIsBetter, pdMap: map)
        } catch {
            fatalError("the illustrative __Name__ scale is invalid: \(error)")
        }
    }()
}

"""#

    static let tests = SharedTemplates.testHead + ##"""
    static let path = "/v1/ratings/siren/732829320"

    @Test func __name__PassesTheRatingBureauSuite() async throws {
        let query = BuyerQuery(identifiers: [try BuyerIdentifier(parsing: "siren:732829320")])
        let byID = BuyerQuery(identifiers: [try BuyerIdentifier(parsing: "provider:__name__:UNKNOWN-1")])
        func answering(_ response: ScriptedResponse) -> ConformanceCase<BuyerQuery> {
            ConformanceCase(query, routes: [Self.path: response])
        }
        let report = await RatingBureauConformance(
            transport: .http(),
            found: answering(try Fixture.ok("found.json")),
            foundValue: .score(72),
            noMatch: ConformanceCase(query, routes: [:]),  // 404
            notFound: ConformanceCase(byID, routes: [:]),  // 404 on __Name__'s own key
            notRated: answering(try Fixture.ok("not-rated.json")),
            inDefault: answering(try Fixture.ok("insolvent.json")),
            unauthorized: answering(.status(401)),
            malformed: [
                MalformedCase("score is text", answering(try Fixture.ok("malformed-score.json")),
                              field: "rating.score"),
                MalformedCase("no company",
                              answering(.ok(json: #"{"rating":{"score":72,"date":"2026-09-14"},"status":"active"}"#)),
                              field: "company"),
            ]
"""## + SharedTemplates.conformanceRun + ##"""

    @Test func aLookupSendsTheKeyAndAsksByTheIdentifier() async throws {
        let ratings = try await withLoopback([Self.path: try Fixture.ok("found.json")]) { server, client in
            let bureau = __Type__(baseURL: server.url("/"), apiKey: "test-key-0123", client: client)
            let query = BuyerQuery(identifiers: [try BuyerIdentifier(parsing: "siren:732829320")])
            let ratings = try await bureau.ratings(for: query)
            #expect(server.requests.map(\.path) == [Self.path])
            #expect(server.requests.first?.headers["Authorization"] == "Bearer test-key-0123")
            return ratings
        }
        #expect(ratings.map(\.value) == [.score(72)])
        #expect(ratings.map(\.buyerIdentifier.description) == ["provider:__name__:__NAME__-000123"])
        #expect(ratings.map(\.ratedOn.description) == ["2026-09-14"])
    }
}

"""##

    /// The fixtures, by file name.
    static let fixtures: [(name: String, contents: String)] = [
        ("found.json", #"{"company":{"id":"__NAME__-000123","name":"Exemple Industries SA"},"rating":{"score":72,"date":"2026-09-14"},"status":"active"}"#),
        ("not-rated.json", #"{"company":{"id":"__NAME__-000123","name":"Exemple Industries SA"},"rating":{"score":null,"date":"2026-09-14"},"status":"active"}"#),
        ("insolvent.json", #"{"company":{"id":"__NAME__-000123","name":"Exemple Industries SA"},"rating":{"score":12,"date":"2026-09-14"},"status":"insolvent"}"#),
        ("malformed-score.json", #"{"company":{"id":"__NAME__-000123","name":"Exemple Industries SA"},"rating":{"score":"seventy-two","date":"2026-09-14"},"status":"active"}"#),
    ]
}
