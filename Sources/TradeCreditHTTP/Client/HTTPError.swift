public import Foundation

/// The error of the HTTP layer: a stable ``Code``, and context with every secret redacted.
///
/// The URL keeps scheme, host, port and path; query values whose names look secret (`key`, `token`, `password`, …)
/// and user-info are replaced by `REDACTED`. The body prefix (for `.status`) is at most 256 bytes, redacted too.
public struct HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The URL is not an absolute http or https URL.
        public static let invalidURL = Code(rawValue: "invalid_url")
        /// The host name did not resolve.
        public static let dns = Code(rawValue: "dns")
        /// The connection could not be made (refused, unreachable).
        public static let connect = Code(rawValue: "connect")
        /// TLS failed: handshake, certificate verification.
        public static let tls = Code(rawValue: "tls")
        /// The connect, total or low-speed timeout fired.
        public static let timeout = Code(rawValue: "timeout")
        /// The connection broke while sending or receiving (reset, truncated body).
        public static let network = Code(rawValue: "network")
        /// The response was malformed (bad status line, bad chunking, bad compression).
        public static let protocolError = Code(rawValue: "protocol")
        /// The body exceeded the client's maximum response size.
        public static let tooLarge = Code(rawValue: "too_large")
        /// The task was cancelled.
        public static let cancelled = Code(rawValue: "cancelled")
        /// The client was shut down.
        public static let shutdown = Code(rawValue: "shutdown")
        /// More redirects than allowed, or a redirect to a scheme other than http or https.
        public static let redirect = Code(rawValue: "redirect")
        /// The server answered with a status the caller treats as an error.
        public static let status = Code(rawValue: "status")
        /// The credentials were refused (the token endpoint said no, or a request stayed 401 after one refresh).
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// A response could not be decoded (JSON, XML) by the caller.
        public static let decoding = Code(rawValue: "decoding")
    }

    /// The code.
    public let code: Code
    /// The request method, when known.
    public let method: String?
    /// The URL, redacted.
    public let url: String?
    /// The HTTP status, for `.status` and `.unauthorized`.
    public let status: Int?
    /// The first bytes of the response body (at most 256, redacted), for `.status`.
    public let bodyPrefix: String?
    /// What happened, in one line, redacted.
    public let detail: String

    public init(_ code: Code, method: HTTPMethod? = nil, url: URL? = nil, status: Int? = nil, bodyPrefix: Data? = nil,
                detail: String, redactor: Redactor = .standard) {
        self.code = code
        self.method = method?.rawValue
        self.url = url.map { redactor.redact(url: $0) }
        self.status = status
        self.bodyPrefix = bodyPrefix.map { redactor.redact(text: String(decoding: $0.prefix(256), as: UTF8.self)) }
        self.detail = redactor.redact(text: detail)
    }

    /// The `.status` error for a response.
    public static func status(_ response: HTTPResponse, method: HTTPMethod = .get) -> HTTPError {
        HTTPError(.status, method: method, url: response.url, status: response.status, bodyPrefix: response.body,
                  detail: "HTTP \(response.status)")
    }

    /// `code: METHOD url: detail [status] body…`, one line.
    public var description: String {
        var text = "\(code.rawValue):"
        if let method { text += " \(method)" }
        if let url { text += " \(url)" }
        text += ": \(detail)"
        if let bodyPrefix, !bodyPrefix.isEmpty {
            text += " — body: " + bodyPrefix.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        }
        return text
    }
}
