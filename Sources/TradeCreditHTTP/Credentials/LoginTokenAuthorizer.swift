public import Foundation

/// Logs in with a username and password and sends the returned token as `Authorization: Bearer`, as Creditsafe
/// Connect (`POST /v1/authenticate`, a JWT valid one hour) expects.
///
/// It POSTs `{"username": …, "password": …}` (field names configurable), reads the string field `tokenField` of the
/// JSON answer, and caches the token until the JWT's `exp` (or `validity` when the token carries no readable `exp`)
/// minus `refreshMargin`; concurrent callers share one login.
///
/// A refused login (`400`, `401`, `403`) throws ``HTTPError`` `.unauthorized` and is remembered: the authorizer never
/// logs in again with that password, because a few bad logins lock the account. The login request is marked not
/// retryable, so a ``RetryingHTTPClient`` does not repeat it either. Errors never contain the password or a token.
public final class LoginTokenAuthorizer: RequestAuthorizer {
    /// The login endpoint.
    public let loginURL: URL
    private let exchange: LoginExchange
    private let store: TokenStore

    /// An authorizer for `username`.
    /// - Parameters:
    ///   - loginURL: The login endpoint.
    ///   - username: The account's username, sent in the login request body.
    ///   - password: The password; it is masked in every error.
    ///   - client: Sends the login requests (not through this authorizer).
    ///   - tokenField: The field of the JSON answer that holds the token.
    ///   - usernameField: The name of the username field in the request body.
    ///   - passwordField: The name of the password field in the request body.
    ///   - validity: The lifetime of a token whose `exp` cannot be read.
    ///   - refreshMargin: How long before expiry a token is replaced (at most half its lifetime).
    ///   - now: The clock; inject one in tests.
    public init(loginURL: URL, username: String, password: String, client: any HTTPClient, tokenField: String = "token",
                usernameField: String = "username", passwordField: String = "password",
                validity: Duration = .seconds(3600), refreshMargin: Duration = .seconds(60),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.loginURL = loginURL
        let exchange = LoginExchange(loginURL: loginURL, username: username, password: password,
                                     usernameField: usernameField, passwordField: passwordField, tokenField: tokenField,
                                     client: client, validity: validity, refreshMargin: refreshMargin, now: now,
                                     redactor: Redactor(secrets: [password]))
        self.exchange = exchange
        self.store = TokenStore(now: now) { try await exchange.fetch() }
    }

    /// A valid token, logging in when needed.
    public func token() async throws -> String {
        try await store.token()
    }

    /// `request` with `Authorization: Bearer <token>`, logging in first when the token is missing or due.
    public func authorize(_ request: HTTPRequest) async throws -> HTTPRequest {
        BearerAuthorization.apply(try await store.token(), to: request)
    }

    /// Drops the token `request` carried (if it is still the cached one), so the next request logs in again.
    public func credentialRejected(for request: HTTPRequest) async {
        if let token = BearerAuthorization.token(in: request) { await store.invalidate(token) }
    }

    /// The password and the current and previous tokens.
    public var secrets: [String] {
        exchange.redactor.secrets + store.recentTokenValues
    }
}
