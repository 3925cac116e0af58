public import Foundation

/// An HTTP request: method, URL, headers, optional body, and an optional per-request timeout.
public struct HTTPRequest: Hashable, Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute `http` or `https` URL.
    public var url: URL
    /// Header fields. `Content-Length` and `Host` are set by the client (given values are ignored); the client
    /// offers every compression it can decode unless the request sets its own `Accept-Encoding`.
    public var headers: HTTPHeaders
    /// The body, when there is one.
    public var body: Data?
    /// The total time allowed for this request, overriding the client's default.
    public var timeout: Duration?
    /// Whether a retry policy may repeat the request. Defaults to the method's idempotency; set it to `true` for a
    /// POST that is safe to repeat (a search), never for one that creates something.
    public var isRetryable: Bool

    public init(method: HTTPMethod = .get, url: URL, headers: HTTPHeaders = [:], body: Data? = nil,
                timeout: Duration? = nil, isRetryable: Bool? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.isRetryable = isRetryable ?? method.isIdempotent
    }

    /// A GET of `url`.
    public static func get(_ url: URL, headers: HTTPHeaders = [:]) -> HTTPRequest {
        HTTPRequest(method: .get, url: url, headers: headers)
    }

    /// A POST of a JSON body (`Content-Type: application/json`).
    public static func postJSON(_ url: URL, body: Data, headers: HTTPHeaders = [:]) -> HTTPRequest {
        var headers = headers
        headers.set("Content-Type", "application/json")
        return HTTPRequest(method: .post, url: url, headers: headers, body: body)
    }
}
