public import Foundation
public import Logging
public import TradeCreditHTTP
public import TradeCreditModel

/// Creditsafe Connect as a `RatingBureau`: it finds a buyer by registration or VAT number, reads
/// its company report and turns the report's international score into a `BureauRating` on
/// `creditsafe-international`.
///
/// **Requests.** It logs in with `POST authenticate` (`{"username","password"}` → `{"token"}`, a JWT valid one hour)
/// through a `LoginTokenAuthorizer` and an `AuthorizingHTTPClient`: concurrent lookups share one login, the token is
/// renewed a minute before it expires, a `401` triggers one fresh login and one replay, and a refused login is never
/// sent again by this bureau (five bad logins lock the account for five minutes). Then:
/// - the query's first usable identifier is searched with `companies?countries=CC&regNo=…` (a SIREN or the SIREN of a
///   SIRET for `FR`, a UK company number for `GB`, a `registry:` identifier whose country is known) or
///   `companies?countries=CC&vatNo=…` (a VAT number); a `provider:creditsafe:<connectId>` identifier skips the
///   search;
/// - the best match (the first company listed; its `id` is the connectId) is read with `companies/{connectId}`.
/// No match (an empty `companies` list, or `404` on the search) gives `[]`.
///
/// **Mapping** (one rating per report, source `creditsafe`, identifier `provider:creditsafe:<connectId>`):
/// - a company status (`report.companySummary.companyStatus` or
///   `report.companyIdentification.basicInformation.companyStatus`, `status` and `description`) that says insolvent or
///   closed — it contains one of insolvency, liquidation, bankruptcy, receivership, administration, dissolved,
///   closed, ceased, struck off, non-active / NonActive, inactive, redressement, sauvegarde, cessation, radié — gives
///   `.inDefault`, whatever the score says; a closed company is treated like an insolvent one, since it takes no new
///   deliveries on credit;
/// - else `report.creditScore.currentCreditRating.commonValue` `E` (a not-rated label of the scale) gives `.notRated`;
/// - else `providerValue.value` (a number or a string of digits, within the scale) gives `.score`; without it, the
///   common value A–D is read as the lowest score of its letter (``commonValueScores``);
/// - `creditLimit.value` with `creditLimit.currency` gives the suggested limit when the value is a number (thousands
///   commas allowed); `"Not Rated"` or any other text gives `nil`;
/// - the rating date is `creditScore.latestRatingChangeDate`, else the report's `dateOfOrder`, else today (`now`);
/// - adverse events: the insolvent or closed status, county court judgments
///   (`report.negativeInformation.ccjSummary.numberOfExact` and `numberOfPossible`), and a downgrade of the common
///   value from `creditScore.previousCreditRating`.
///
/// The payload shapes read here follow Creditsafe Connect's public documentation; they are **unverified against the
/// live API** (no access from here), and the tests use fixtures written by hand in the documented shapes.
///
/// Failures throw ``CreditsafeError``. Wrap `client` in a `RetryingHTTPClient` to retry `429` (honouring
/// `Retry-After`), `5xx` and transport failures; the login is never retried.
public struct CreditsafeBureau: RatingBureau {
    /// Creditsafe Connect, version 1.
    public static let defaultBaseURL = URL(string: "https://connect.creditsafe.com/v1/")!

    /// The source name recorded in every rating, and the provider name of connectId identifiers.
    public static let sourceName = "creditsafe"

    /// `"creditsafe"`.
    public var name: String { Self.sourceName }

    /// The scale the ratings are on: ``illustrativeScale`` unless another was given.
    public let scale: RatingScale

    private let endpoint: CreditsafeEndpoint
    private let fetcher: CreditsafeFetcher
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - baseURL: the API's address including its version (`…/v1/`); the login is `authenticate` under it.
    ///   - username: the Creditsafe Connect user, passed by the caller (never read from a file here).
    ///   - password: its password; it is masked in every error and never sent twice after a refusal.
    ///   - client: sends the requests; wrap it in a `RetryingHTTPClient` for retries.
    ///   - scale: the scale and PD map the ratings are read on (its `id` becomes each rating's `scaleID`).
    ///   - logger: receives a `.debug` line per response.
    ///   - now: the clock, for the token's expiry and for a report without dates.
    public init(baseURL: URL = CreditsafeBureau.defaultBaseURL, username: String, password: String,
                client: any HTTPClient, scale: RatingScale = CreditsafeBureau.illustrativeScale,
                logger: Logger = Logger(label: "tradecredit.creditsafe"),
                now: @escaping @Sendable () -> Date = { Date() }) {
        let endpoint = CreditsafeEndpoint(baseURL: baseURL)
        // An unusable base URL fails every lookup with `.invalidRequest`; the login URL is then never called.
        let loginURL = (try? endpoint.authenticate()) ?? baseURL.appendingPathComponent("authenticate")
        let authorizer = LoginTokenAuthorizer(loginURL: loginURL, username: username, password: password,
                                              client: client, now: now)
        self.endpoint = endpoint
        self.fetcher = CreditsafeFetcher(client: AuthorizingHTTPClient(wrapping: client, authorizer: authorizer),
                                         logger: logger)
        self.scale = scale
        self.now = now
    }

    /// The rating in the report of the company the query identifies, or `[]` when Creditsafe finds none.
    /// - Throws: ``CreditsafeError``: `.invalidRequest` when the query has no identifier Creditsafe can search by
    ///   (no request made), `.notFound` when a connectId (given or found) has no report; see the type's
    ///   documentation for the rest. A cancelled lookup rethrows the HTTP layer's `.cancelled` error.
    public func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        let connectID: String
        if let given = CreditsafeSearchKey.connectID(in: query) {
            connectID = given
        } else {
            guard let key = CreditsafeSearchKey.best(in: query) else {
                throw CreditsafeError(.invalidRequest, message: "the query has no identifier Creditsafe can search "
                    + "by (a SIREN, SIRET, UK company number, registry number with a country, VAT number, or "
                    + "provider:creditsafe connectId)")
            }
            guard let body = try await fetcher.body(of: try endpoint.search(key)),
                  let found = try CreditsafeReport.firstConnectID(from: body) else { return [] }
            connectID = found
        }
        let identifier: BuyerIdentifier
        do {
            identifier = try BuyerIdentifier(scheme: .provider(name: Self.sourceName), value: connectID)
        } catch {
            throw CreditsafeError(.invalidResponse, field: "companies[0].id",
                                  message: "the connectId is not a usable identifier")
        }
        guard let report = try await fetcher.body(of: try endpoint.report(connectID: identifier.value)) else {
            throw CreditsafeError(.notFound, status: 404, message: "no company report for connectId \(identifier.value)")
        }
        let today = try CalendarDate(daysSinceEpoch: Int((now().timeIntervalSince1970 / 86_400).rounded(.down)))
        return [try CreditsafeReport.rating(from: report, connectID: identifier, scale: scale, today: today)]
    }
}
