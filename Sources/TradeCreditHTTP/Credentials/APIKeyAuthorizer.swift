/// Sends a fixed API key in a header, such as `X-API-Key` or `Authorization`.
///
/// A static key cannot be refreshed: ``credentialRejected(for:)`` does nothing.
public struct APIKeyAuthorizer: RequestAuthorizer {
    /// The header that carries the key.
    public let headerName: String
    private let key: String

    /// An authorizer that sets `headerName: key` on every request.
    public init(headerName: String = "X-API-Key", key: String) {
        self.headerName = headerName
        self.key = key
    }

    /// `request` with the key header set (replacing any value it had).
    public func authorize(_ request: HTTPRequest) async throws -> HTTPRequest {
        var request = request
        request.headers.set(headerName, key)
        return request
    }

    /// Does nothing: a static key cannot be refreshed.
    public func credentialRejected(for request: HTTPRequest) async {}

    /// The key.
    public var secrets: [String] { [key] }
}
