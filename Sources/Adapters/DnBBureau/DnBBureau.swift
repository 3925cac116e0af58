public import Foundation
public import Logging
public import TradeCreditHTTP
public import TradeCreditModel

/// Dun & Bradstreet Direct+ as a `RatingBureau`: the D&B failure score class (on
/// `dnb-failure-class`) and PAYDEX (on `dnb-paydex`) of a buyer known by its D-U-N-S number, or matched to one by
/// name or registration number.
///
/// **Authentication.** `POST {baseURL}v2/token` with the client key and secret in HTTP Basic and the JSON body
/// `{"grant_type":"client_credentials"}`; the answer `{"access_token":"…","expiresIn":86400}` gives a bearer token
/// that is shared by concurrent lookups and replaced `refreshMargin` before it expires (`expires_in` is read too).
/// A `401` on a data or match request drops the token, fetches a new one and replays the request once. A credential
/// the token endpoint refuses (`400`, `401`, `403`) is never sent again by this instance: ``DnBError``
/// `.unauthorized`. Credentials come from the caller only; no error text contains the secret or a token.
///
/// **Lookup.** With a `duns:` identifier in the query, `ratings(for:)` asks for that DUNS's data blocks. Without one,
/// it first resolves the buyer with D&B's identity resolution,
/// `GET {baseURL}v1/match/cleanseMatch?name=…&countryISOAlpha2Code=FR&registrationNumber=…`, sending only what the
/// query has: the legal name, the country (the query's, else the one a registration identifier implies), and the
/// registration number — the SIREN for `FR` (a SIRET's first 9 digits), the company number (`gb-crn`) for `GB`,
/// otherwise a `registry:` identifier of that country. It needs the country and a name or a registration number;
/// a query with neither a DUNS nor those gives `[]` without a request. The match request is authorised like a data
/// request (the same token, the same replay after a `401`). Of `matchCandidates[]`, the one with the highest
/// `matchQualityInformation.confidenceCode` wins (ties: the lowest `displaySequence`), if its code is at least
/// `minimumConfidence`; its `organization.duns` is then looked up as above. No candidate, a best one below the
/// threshold, a `404` or one of ``matchNotFoundErrorCodes`` give `[]` (not finding a buyer is not an error), with a
/// `.debug` log line giving the best confidence code seen.
///
/// The data request is `GET {baseURL}v1/data/duns/{duns}?blockIDs=…`, for ``defaultBlockIDs``:
/// - `companyinfo_L2_v1` → `organization.dunsControlStatus.isOutOfBusiness` and `.operatingStatus.description`;
/// - `financialstrengthinsight_L2_v1` → `organization.dnbAssessment.failureScore.{classScore, scoreDate}`
///   (the raw failure score 1001–1875, the delinquency score and the D&B rating are not read);
/// - `paymentinsight_L1_v1` → `organization.businessTrading[].summary[].paydexScore`, dated `summaryDate`.
/// The block ids and levels are **assumptions** (the entitlement of a D&B contract decides which are available);
/// pass others with `blockIDs`. `organization.legalEvents.hasOpenBankruptcy` is read when a filings block supplies it.
///
/// **Mapping.** Out of business (or an open bankruptcy) → one `.inDefault` rating on `dnb-failure-class`; otherwise
/// the failure class 1–5 as `.score`, or `.notRated` when D&B gives no class; plus PAYDEX 1–100 when present. Each
/// rating is dated by its block's date (`scoreDate`, `summaryDate`), falling back to the date of
/// `transactionDetail.transactionTimestamp`, then to today (UTC); its `buyerIdentifier` is the queried DUNS, or the
/// matched one (`duns:`) when the buyer was resolved by name or registration number.
///
/// **Errors.** ``DnBError``: `.notFound` for a `404` or one of ``notFoundErrorCodes`` (D&B's error envelope is quoted
/// in the message), `.invalidResponse` naming the JSON path (`matchCandidates[0].organization.duns` for a candidate
/// whose DUNS is missing or not 9 digits), `.rateLimited` for a `429` (wrap the client in a
/// `RetryingHTTPClient` to retry it honouring `Retry-After`), `.unavailable` for transport failures and `5xx`.
/// A cancelled request rethrows the client's `HTTPError` `.cancelled` unchanged. The match request fails alike,
/// except that its `404` means "no match".
///
/// The payload shapes, the match answer's included, follow D&B's public Direct+ documentation (the match shape as
/// remembered from it) and are **unverified against the live API** (no network here); the tests use fixtures written
/// by hand in those shapes.
public struct DnBBureau: RatingBureau {
    /// The Direct+ API.
    public static let defaultBaseURL = URL(string: "https://plus.dnb.com/")!

    /// The data blocks asked for by default (an assumption; see the type's documentation).
    public static let defaultBlockIDs = ["companyinfo_L2_v1", "paymentinsight_L1_v1", "financialstrengthinsight_L2_v1"]

    /// D&B error codes read as "unknown D-U-N-S number" whatever the HTTP status. An assumption taken from D&B's
    /// public error-code list, to be checked against a live account.
    public static let notFoundErrorCodes: Set<String> = ["10001", "40105"]

    /// D&B error codes read as "no match" on identity resolution (`cleanseMatch`), like a `404`: `[]`, not an
    /// error. An assumption (`20505`, "No Match found for the given input criteria", recalled from D&B's public
    /// error-code list), to be checked against a live account.
    public static let matchNotFoundErrorCodes: Set<String> = ["20505"]

    /// The lowest confidence code accepted by default: D&B's guidance reads codes 8–10 as high-confidence matches,
    /// fit to use without review, and lower ones as needing a person to confirm them.
    public static let defaultMinimumConfidence = 8

    /// `"dnb"`.
    public let name = "dnb"

    /// `dnb-failure-class` (``failureClassScale``); PAYDEX ratings are on ``paydexScale``.
    public var scale: RatingScale { Self.failureClassScale }

    private let baseURL: URL
    private let blockIDs: [String]
    private let minimumConfidence: Int
    private let client: any HTTPClient
    private let authorizer: DnBTokenAuthorizer
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - baseURL: the API's root (`https://plus.dnb.com/`); `v2/token`, `v1/match/…` and `v1/data/…` are resolved
    ///     under it.
    ///   - clientKey: the Direct+ consumer key.
    ///   - clientSecret: the consumer secret; it is masked in every error.
    ///   - client: sends token, match and data requests; wrap it in a `RetryingHTTPClient` to retry `429`, `5xx` and
    ///     transport failures.
    ///   - blockIDs: the data blocks to ask for.
    ///   - minimumConfidence: the lowest match confidence code (1–10) that resolves a buyer found by name or
    ///     registration number (default 8: D&B reads 8–10 as high confidence; a lower code wants a person's review).
    ///   - refreshMargin: how long before expiry a token is replaced (at most half its lifetime).
    ///   - logger: receives a `.debug` line per data and match response (never the buyer's name or registration
    ///     number, nor a secret).
    ///   - now: the clock, for token expiry and the fallback rating date; inject one in tests.
    public init(baseURL: URL = DnBBureau.defaultBaseURL, clientKey: String, clientSecret: String,
                client: any HTTPClient, blockIDs: [String] = DnBBureau.defaultBlockIDs,
                minimumConfidence: Int = DnBBureau.defaultMinimumConfidence,
                refreshMargin: Duration = .seconds(300), logger: Logger = Logger(label: "tradecredit.dnb"),
                now: @escaping @Sendable () -> Date = { Date() }) {
        let root = baseURL.absoluteString.hasSuffix("/") ? baseURL : URL(string: baseURL.absoluteString + "/") ?? baseURL
        self.baseURL = root
        self.blockIDs = blockIDs
        self.minimumConfidence = minimumConfidence
        self.client = client
        self.logger = logger
        self.now = now
        self.authorizer = DnBTokenAuthorizer(tokenURL: URL(string: "v2/token", relativeTo: root)!.absoluteURL,
                                             clientKey: clientKey, clientSecret: clientSecret, client: client,
                                             refreshMargin: refreshMargin, now: now)
    }

    /// The ratings D&B has for the buyer: by its `duns:` identifier, else by the DUNS that identity resolution
    /// matches to its name or registration number; `[]` when there is nothing to look up or no match good enough.
    /// - Throws: ``DnBError`` (see the type's documentation).
    public func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        if let duns = query.identifiers.first(where: { $0.scheme == .duns }) { return try await ratings(duns: duns) }
        guard let criteria = DnBMatchCriteria(query), let duns = try await match(criteria) else { return [] }
        return try await ratings(duns: duns)
    }

    /// Looks the buyers up one at a time, recording each failure with its ``DnBError`` code.
    public func ratings(for queries: [BuyerQuery]) async -> [BureauLookupResult] {
        var results: [BureauLookupResult] = []
        for query in queries {
            let outcome: BureauLookupOutcome
            if Task.isCancelled {
                outcome = .failed(code: "cancelled", message: "lookup cancelled")
            } else {
                do {
                    outcome = .rated(try await ratings(for: query))
                } catch let error as DnBError {
                    outcome = .failed(code: error.code.rawValue, message: error.description)
                } catch let error as HTTPError where error.code == .cancelled {
                    outcome = .failed(code: "cancelled", message: error.description)
                } catch {
                    outcome = .failed(code: "lookup_failed", message: String(describing: error))
                }
            }
            results.append(BureauLookupResult(query: query, outcome: outcome))
        }
        return results
    }

    private func ratings(duns: BuyerIdentifier) async throws -> [BureauRating] {
        let blocks = blockIDs.joined(separator: ",")
        let response = try await authorizedGet(try url("v1/data/duns/\(duns.value)?blockIDs=\(blocks)"))
        logger.debug("dnb response", metadata: ["duns": "\(duns.value)", "status": "\(response.status)"])
        guard response.isSuccess else {
            throw DnBResponseErrors.dataFailure(response, duns: duns.value, notFoundCodes: Self.notFoundErrorCodes,
                                                redactor: authorizer.redactor)
        }
        let document = try DnBJSON.decode(DnBDocument.self, from: response.body, status: response.status)
        return try DnBMapping(document: document, duns: duns, status: response.status, today: today()).ratings()
    }

    /// The DUNS D&B matches to `criteria` with a confidence code of at least `minimumConfidence`; `nil` for none.
    private func match(_ criteria: DnBMatchCriteria) async throws -> BuyerIdentifier? {
        let response = try await authorizedGet(try url("v1/match/cleanseMatch?\(criteria.queryString)"))
        // The name and registration number stay out of the log: a sole trader's name is personal data.
        var metadata: Logger.Metadata = ["country": "\(criteria.country)", "status": "\(response.status)",
                                         "minimumConfidence": "\(minimumConfidence)"]
        guard response.isSuccess else {
            guard DnBResponseErrors.isNoMatch(response, noMatchCodes: Self.matchNotFoundErrorCodes) else {
                throw DnBResponseErrors.matchFailure(response, redactor: authorizer.redactor)
            }
            logger.debug("dnb match: none", metadata: metadata)
            return nil
        }
        let document = try DnBJSON.decode(DnBMatchDocument.self, from: response.body, status: response.status)
        let best = try document.best(status: response.status)
        metadata["candidates"] = "\(document.matchCandidates?.count ?? 0)"
        metadata["bestConfidence"] = "\(best.map { String($0.confidenceCode) } ?? "none")"
        guard let best, best.confidenceCode >= minimumConfidence else {
            logger.debug("dnb match: none good enough", metadata: metadata)
            return nil
        }
        metadata["duns"] = "\(best.duns.value)"
        logger.debug("dnb match", metadata: metadata)
        return best.duns
    }

    /// `pathAndQuery` under the base URL, already percent-encoded.
    private func url(_ pathAndQuery: String) throws -> URL {
        guard let url = URL(string: pathAndQuery, relativeTo: baseURL)?.absoluteURL,
              url.scheme == "http" || url.scheme == "https" else {
            throw DnBError(.invalidRequest, message: "cannot build a request URL under \(baseURL.absoluteString)")
        }
        return url
    }

    /// A GET with a bearer token, replayed once with a fresh token after a `401`.
    private func authorizedGet(_ url: URL) async throws -> HTTPResponse {
        let request = HTTPRequest.get(url, headers: ["Accept": "application/json"])
        let first = try await authorizer.authorize(request)
        let response = try await send(first)
        guard response.status == 401 else { return response }
        await authorizer.credentialRejected(for: first)
        return try await send(try await authorizer.authorize(request))
    }

    private func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await client.send(request)
        } catch let error as HTTPError where error.code != .cancelled {
            throw DnBError(.unavailable, message: authorizer.redactor.redact(text: error.description))
        }
    }

    private func today() -> CalendarDate {
        let days = Int((now().timeIntervalSince1970 / 86_400).rounded(.down))
        return (try? CalendarDate(daysSinceEpoch: days)) ?? DnBBureau.scaleDate
    }
}
