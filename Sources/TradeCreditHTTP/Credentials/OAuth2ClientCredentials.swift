public import Foundation

/// Obtains bearer tokens with the OAuth 2.0 client-credentials grant (RFC 6749 §4.4), as D&B Direct+ `POST /v2/token`
/// does, and adds them to requests.
///
/// It POSTs `grant_type=client_credentials` (and `scope`) as a form, with the client id and secret in HTTP Basic (the
/// way RFC 6749 §2.3.1 prefers) or in the body. The token is cached until `expires_in` minus `refreshMargin`
/// (forever, until a `401`, when the server gives no `expires_in`); concurrent callers share one in-flight refresh.
///
/// A `400`, `401` or `403` from the token endpoint throws ``HTTPError`` `.unauthorized` and is remembered: this
/// authorizer never sends the refused credential again (make a new one with corrected credentials). A token response
/// without `access_token`, or with a `token_type` other than `Bearer`, throws `.decoding`. Errors never contain the
/// secret or a token.
public final class OAuth2ClientCredentials: RequestAuthorizer {
    /// Where the client credentials go in the token request.
    public enum ClientAuthentication: Sendable, Hashable {
        /// `Authorization: Basic base64(id:secret)`, each part form-encoded first (the RFC's preference).
        case basic
        /// `client_id` and `client_secret` fields in the form body.
        case requestBody
    }

    /// The token endpoint.
    public let tokenURL: URL
    /// The client id.
    public let clientID: String
    private let grant: ClientCredentialsGrant
    private let store: TokenStore

    /// An authorizer for the client `clientID`.
    /// - Parameters:
    ///   - tokenURL: The token endpoint.
    ///   - clientID: The client id.
    ///   - clientSecret: The client secret; it is masked in every error.
    ///   - scope: The `scope` to ask for, if any.
    ///   - client: Sends the token requests (not through this authorizer).
    ///   - authentication: Where to put the client credentials.
    ///   - refreshMargin: How long before expiry a token is replaced (at most half its lifetime).
    ///   - now: The clock; inject one in tests.
    public init(tokenURL: URL, clientID: String, clientSecret: String, scope: String? = nil, client: any HTTPClient,
                authentication: ClientAuthentication = .basic, refreshMargin: Duration = .seconds(60),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        let basic = ClientCredentialsGrant.basicCredential(clientID: clientID, clientSecret: clientSecret)
        let redactor = Redactor(secrets: [clientSecret, FormEncoding.escape(clientSecret), basic])
        let grant = ClientCredentialsGrant(tokenURL: tokenURL, clientID: clientID, clientSecret: clientSecret,
                                           scope: scope, authentication: authentication, client: client,
                                           refreshMargin: refreshMargin, now: now, redactor: redactor)
        self.grant = grant
        self.store = TokenStore(now: now) { try await grant.fetch() }
    }

    /// A valid access token, fetched or refreshed when needed.
    public func accessToken() async throws -> String {
        try await store.token()
    }

    /// `request` with `Authorization: Bearer <token>`, fetching a token first when it is missing or due.
    public func authorize(_ request: HTTPRequest) async throws -> HTTPRequest {
        BearerAuthorization.apply(try await store.token(), to: request)
    }

    /// Drops the token `request` carried (if it is still the cached one), so the next request fetches a new one.
    public func credentialRejected(for request: HTTPRequest) async {
        if let token = BearerAuthorization.token(in: request) { await store.invalidate(token) }
    }

    /// The client secret (plain, form-encoded and as Basic credential) and the current and previous tokens.
    public var secrets: [String] {
        grant.redactor.secrets + store.recentTokenValues
    }
}
