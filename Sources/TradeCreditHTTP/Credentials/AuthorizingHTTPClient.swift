/// An ``HTTPClient`` that adds credentials to every request with a ``RequestAuthorizer`` and recovers once from an
/// expired token.
///
/// On a `401` it tells the authorizer (``RequestAuthorizer/credentialRejected(for:)``), authorizes again and replays
/// the request once; a `401` means the server did not act on the request, so replaying is safe even for a POST. A
/// second `401` throws ``HTTPError`` `.unauthorized` with status `401`, built with a redactor that masks the
/// authorizer's secrets. Put it outside a ``RetryingHTTPClient`` so retries reuse the authorized request.
public struct AuthorizingHTTPClient: HTTPClient {
    private let client: any HTTPClient
    private let authorizer: any RequestAuthorizer

    /// Wraps `client`, authorizing with `authorizer`.
    public init(wrapping client: any HTTPClient, authorizer: any RequestAuthorizer) {
        self.client = client
        self.authorizer = authorizer
    }

    /// Sends `request` authorized, replaying it once with a refreshed credential after a `401`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let first = try await authorizer.authorize(request)
        let response = try await client.send(first)
        guard response.status == 401 else { return response }

        await authorizer.credentialRejected(for: first)
        let second = try await authorizer.authorize(request)
        let replayed = try await client.send(second)
        guard replayed.status == 401 else { return replayed }

        throw HTTPError(.unauthorized, method: request.method, url: request.url, status: 401, bodyPrefix: replayed.body,
                        detail: "HTTP 401 again after refreshing the credential", redactor: authorizer.redactor)
    }
}
