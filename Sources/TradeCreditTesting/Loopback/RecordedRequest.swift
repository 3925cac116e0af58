public import Foundation
public import TradeCreditHTTP

/// A request as the ``LoopbackHTTPServer`` received it: what the client really put on the wire, after the body was
/// de-chunked.
public struct RecordedRequest: Sendable, Hashable {
    /// The method (`GET`, `POST`, …).
    public var method: HTTPMethod
    /// The request target exactly as sent, with its query: `/v1/rates?date=2024-01-02`.
    public var path: String
    /// The protocol version of the request line: `HTTP/1.1` or `HTTP/1.0`.
    public var version: String
    /// The header fields, in order, with case-insensitive lookup.
    public var headers: HTTPHeaders
    /// The body: `Content-Length` bytes, or the decoded chunks of a chunked body; empty when there is none.
    public var body: Data
    /// Which accepted connection carried the request: 0 for the first the server accepted, 1 for the next, …
    /// Two requests with the same index travelled on one kept-alive connection.
    public var connectionIndex: Int

    /// A request with these parts.
    public init(method: HTTPMethod, path: String, version: String = "HTTP/1.1", headers: HTTPHeaders = [:],
                body: Data = Data(), connectionIndex: Int = 0) {
        self.method = method
        self.path = path
        self.version = version
        self.headers = headers
        self.body = body
        self.connectionIndex = connectionIndex
    }

    /// The path without its query: `/v1/rates`.
    public var pathWithoutQuery: String {
        guard let mark = path.firstIndex(of: "?") else { return path }
        return String(path[..<mark])
    }

    /// The query, without the `?`, when the target has one.
    public var query: String? {
        guard let mark = path.firstIndex(of: "?") else { return nil }
        return String(path[path.index(after: mark)...])
    }

    /// The body decoded as UTF-8 (invalid sequences replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
