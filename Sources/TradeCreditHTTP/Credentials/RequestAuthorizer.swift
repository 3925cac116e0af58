/// Adds credentials to requests: a static key, or a token it obtains and refreshes itself.
///
/// Credentials are passed in by the caller (never read from files or the environment). Use an authorizer through
/// ``AuthorizingHTTPClient``, which also reacts to a `401`.
public protocol RequestAuthorizer: Sendable {
    /// `request` with its credentials added (obtaining or refreshing a token first when needed).
    /// - Throws: ``HTTPError`` `.unauthorized` when the credential was refused; transport errors of the token call.
    func authorize(_ request: HTTPRequest) async throws -> HTTPRequest

    /// Tells the authorizer that the server answered `401` to `request` (as returned by ``authorize(_:)``), so that
    /// the next ``authorize(_:)`` obtains a fresh token instead of reusing this one.
    func credentialRejected(for request: HTTPRequest) async

    /// The literal secrets (keys, passwords, current tokens) that a ``Redactor`` must mask in errors and logs.
    var secrets: [String] { get }
}

extension RequestAuthorizer {
    /// A redactor that masks the usual places of secrets and this authorizer's ``secrets``.
    public var redactor: Redactor { Redactor(secrets: secrets) }
}
