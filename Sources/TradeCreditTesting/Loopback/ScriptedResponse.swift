public import Foundation
public import TradeCreditHTTP

/// What the ``LoopbackHTTPServer`` answers to one request: a status, headers, a body, and faults to inject.
///
/// The server adds `Content-Length` (or `Transfer-Encoding: chunked` with ``Fault/chunkedEncoding``) unless the
/// headers already carry one of them, so a script can also lie about the length on purpose. It adds
/// `Connection: close` when it is going to close the connection because the client asked to.
public struct ScriptedResponse: Sendable, Hashable {
    /// The status code. Any integer is sent as is (a script may send 999).
    public var status: Int
    /// The reason phrase of the status line.
    public var reason: String
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body (before any ``Fault/gzipBody`` or ``Fault/chunkedEncoding`` transformation).
    public var body: Data
    /// The faults to inject, applied together (see ``Fault``).
    public var faults: [Fault]

    /// A response; `reason` defaults to the standard phrase of `status`.
    public init(status: Int = 200, reason: String? = nil, headers: HTTPHeaders = [:], body: Data = Data(),
                faults: [Fault] = []) {
        self.status = status
        self.reason = reason ?? Self.standardReason(for: status)
        self.headers = headers
        self.body = body
        self.faults = faults
    }

    // MARK: Helpers

    /// `200 OK` with a JSON body (`Content-Type: application/json`).
    public static func ok(json: String, headers: HTTPHeaders = [:]) -> ScriptedResponse {
        ok(json: Data(json.utf8), headers: headers)
    }

    /// `200 OK` with JSON bytes (`Content-Type: application/json`).
    public static func ok(json: Data, headers: HTTPHeaders = [:]) -> ScriptedResponse {
        var fields = headers
        if !fields.contains("Content-Type") { fields.add("Content-Type", "application/json") }
        return ScriptedResponse(status: 200, headers: fields, body: json)
    }

    /// A plain-text body (`Content-Type: text/plain; charset=utf-8`) with `status`.
    public static func text(_ text: String, status: Int = 200) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data(text.utf8))
    }

    /// `status` with an empty body.
    public static func status(_ status: Int) -> ScriptedResponse {
        ScriptedResponse(status: status)
    }

    /// A redirect to `location`, sent verbatim in `Location` (it may be relative, another host, or another scheme
    /// such as `ftp://…` or `file:///etc/passwd`).
    public static func redirect(to location: String, status: Int = 302) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: ["Location": location])
    }

    /// A redirect to `url`.
    public static func redirect(to url: URL, status: Int = 302) -> ScriptedResponse {
        redirect(to: url.absoluteString, status: status)
    }

    /// `429 Too Many Requests` with `Retry-After` (seconds such as `"1"`, or an HTTP date).
    public static func tooManyRequests(retryAfter: String) -> ScriptedResponse {
        ScriptedResponse(status: 429, headers: ["Retry-After": retryAfter])
    }

    /// `503 Service Unavailable`, with `Retry-After` when given.
    public static func serviceUnavailable(retryAfter: String? = nil) -> ScriptedResponse {
        var response = ScriptedResponse(status: 503)
        if let retryAfter { response.headers.add("Retry-After", retryAfter) }
        return response
    }

    /// `404 Not Found` with a short text body: what ``LoopbackHTTPServer/init(routes:maxRequestBytes:)`` answers for
    /// a path it does not know.
    public static var notFound: ScriptedResponse { text("not found", status: 404) }

    // MARK: Modifiers

    /// This response with `faults` appended.
    public func with(_ faults: Fault...) -> ScriptedResponse {
        var copy = self
        copy.faults += faults
        return copy
    }

    /// This response with the field `name` set to `value` (replacing any field of that name).
    public func with(header name: String, _ value: String) -> ScriptedResponse {
        var copy = self
        copy.headers.set(name, value)
        return copy
    }

    /// This response with `Connection: close`: the server closes the connection after sending it.
    public func closingConnection() -> ScriptedResponse {
        with(header: "Connection", "close")
    }

    // MARK: Reason phrases

    /// The standard reason phrase of `status` (RFC 9110), or `Status N` for one it does not know.
    public static func standardReason(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
