/// Sends HTTP requests. The SDK's adapters talk to the outside world only through this protocol, so that they can
/// be tested with a mock and a host can plug in its own client.
///
/// Implementations return every status as a response (a 404 is not an error) and throw ``HTTPError`` for
/// transport failures: connection, DNS, TLS, timeout, cancellation, oversized or malformed responses.
public protocol HTTPClient: Sendable {
    /// Sends `request` and returns the final response (after redirects). Honours task cancellation.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
