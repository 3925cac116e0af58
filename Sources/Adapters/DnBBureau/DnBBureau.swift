public import Foundation
public import Logging
public import TradeCreditHTTP
public import TradeCreditModel

/// Dun & Bradstreet Direct+ as a ``TradeCreditModel/RatingBureau``: the D&B failure score class (on
/// `dnb-failure-class`) and PAYDEX (on `dnb-paydex`) of a buyer known by its D-U-N-S number.
///
/// **Authentication.** `POST {baseURL}v2/token` with the client key and secret in HTTP Basic and the JSON body
/// `{"grant_type":"client_credentials"}`; the answer `{"access_token":"…","expiresIn":86400}` gives a bearer token
/// that is shared by concurrent lookups and replaced `refreshMargin` before it expires (`expires_in` is read too).
/// A `401` on a data request drops the token, fetches a new one and replays the request once. A credential the token
/// endpoint refuses (`400`, `401`, `403`) is never sent again by this instance: ``DnBError`` `.unauthorized`.
/// Credentials come from the caller only; no error text contains the secret or a token.
///
/// **Lookup.** `ratings(for:)` needs a `duns:` identifier in the query and returns `[]` without a request when there
/// is none: matching a buyer by name or registration number (D&B's `/v1/match/cleanseMatch`) is not implemented.
/// It asks `GET {baseURL}v1/data/duns/{duns}?blockIDs=…` for ``defaultBlockIDs``:
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
/// `transactionDetail.transactionTimestamp`, then to today (UTC); its `buyerIdentifier` is the queried DUNS.
///
/// **Errors.** ``DnBError``: `.notFound` for a `404` or one of ``notFoundErrorCodes`` (D&B's error envelope is quoted
/// in the message), `.invalidResponse` naming the JSON path, `.rateLimited` for a `429` (wrap the client in a
/// `RetryingHTTPClient` to retry it honouring `Retry-After`), `.unavailable` for transport failures and `5xx`.
/// A cancelled request rethrows the client's `HTTPError` `.cancelled` unchanged.
///
/// The payload shapes follow D&B's public Direct+ documentation and are **unverified against the live API** (no
/// network here); the tests use fixtures written by hand in those shapes.
public struct DnBBureau: RatingBureau {
    /// The Direct+ API.
    public static let defaultBaseURL = URL(string: "https://plus.dnb.com/")!

    /// The data blocks asked for by default (an assumption; see the type's documentation).
    public static let defaultBlockIDs = ["companyinfo_L2_v1", "paymentinsight_L1_v1", "financialstrengthinsight_L2_v1"]

    /// D&B error codes read as "unknown D-U-N-S number" whatever the HTTP status. An assumption taken from D&B's
    /// public error-code list, to be checked against a live account.
    public static let notFoundErrorCodes: Set<String> = ["10001", "40105"]

    /// `"dnb"`.
    public let name = "dnb"

    /// `dnb-failure-class` (``failureClassScale``); PAYDEX ratings are on ``paydexScale``.
    public var scale: RatingScale { Self.failureClassScale }

    private let baseURL: URL
    private let blockIDs: [String]
    private let client: any HTTPClient
    private let authorizer: DnBTokenAuthorizer
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - baseURL: the API's root (`https://plus.dnb.com/`); `v2/token` and `v1/data/…` are resolved under it.
    ///   - clientKey: the Direct+ consumer key.
    ///   - clientSecret: the consumer secret; it is masked in every error.
    ///   - client: sends token and data requests; wrap it in a `RetryingHTTPClient` to retry `429`, `5xx` and
    ///     transport failures.
    ///   - blockIDs: the data blocks to ask for.
    ///   - refreshMargin: how long before expiry a token is replaced (at most half its lifetime).
    ///   - logger: receives a `.debug` line per data response.
    ///   - now: the clock, for token expiry and the fallback rating date; inject one in tests.
    public init(baseURL: URL = DnBBureau.defaultBaseURL, clientKey: String, clientSecret: String,
                client: any HTTPClient, blockIDs: [String] = DnBBureau.defaultBlockIDs,
                refreshMargin: Duration = .seconds(300), logger: Logger = Logger(label: "tradecredit.dnb"),
                now: @escaping @Sendable () -> Date = { Date() }) {
        let root = baseURL.absoluteString.hasSuffix("/") ? baseURL : URL(string: baseURL.absoluteString + "/") ?? baseURL
        self.baseURL = root
        self.blockIDs = blockIDs
        self.client = client
        self.logger = logger
        self.now = now
        self.authorizer = DnBTokenAuthorizer(tokenURL: URL(string: "v2/token", relativeTo: root)!.absoluteURL,
                                             clientKey: clientKey, clientSecret: clientSecret, client: client,
                                             refreshMargin: refreshMargin, now: now)
    }

    /// The ratings D&B has for the buyer's D-U-N-S number; `[]` when the query has no `duns:` identifier.
    /// - Throws: ``DnBError`` (see the type's documentation).
    public func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        guard let duns = query.identifiers.first(where: { $0.scheme == .duns }) else { return [] }
        let response = try await authorizedGet(try dataURL(duns: duns.value))
        logger.debug("dnb response", metadata: ["duns": "\(duns.value)", "status": "\(response.status)"])
        guard response.isSuccess else {
            throw DnBResponseErrors.dataFailure(response, duns: duns.value, notFoundCodes: Self.notFoundErrorCodes,
                                                redactor: authorizer.redactor)
        }
        let document = try DnBDocument.decode(response.body, status: response.status)
        return try DnBMapping(document: document, duns: duns, status: response.status, today: today()).ratings()
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

    private func dataURL(duns: String) throws -> URL {
        let path = "v1/data/duns/\(duns)?blockIDs=\(blockIDs.joined(separator: ","))"
        guard let url = URL(string: path, relativeTo: baseURL)?.absoluteURL,
              url.scheme == "http" || url.scheme == "https" else {
            throw DnBError(.invalidRequest, message: "cannot build a data URL under \(baseURL.absoluteString)")
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
