public import Foundation

/// An HTTP response. Any status is a response; ``requireSuccess(method:)`` turns a non-2xx status into an ``HTTPError``.
public struct HTTPResponse: Hashable, Sendable {
    /// The status code of the final response (after redirects).
    public let status: Int
    /// Its header fields.
    public let headers: HTTPHeaders
    /// The body, decompressed.
    public let body: Data
    /// The URL that answered (after redirects).
    public let url: URL
    /// Whether the body came from a conditional-request cache after a `304 Not Modified`.
    public let isFromCache: Bool
    /// The protocol that carried the response (`HTTP/1.1`, `HTTP/2`), when the client knows it.
    public let httpVersion: String?

    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data(), url: URL, isFromCache: Bool = false,
                httpVersion: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.url = url
        self.isFromCache = isFromCache
        self.httpVersion = httpVersion
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The response itself when its status is 2xx. - Throws: ``HTTPError`` `.status` with the first bytes of the body.
    @discardableResult
    public func requireSuccess(method: HTTPMethod = .get) throws -> HTTPResponse {
        guard isSuccess else { throw HTTPError.status(self, method: method) }
        return self
    }

    /// The `Retry-After` delay, from seconds or an HTTP date relative to `now`, when present and valid.
    public func retryAfter(now: Date = Date()) -> Duration? {
        guard let value = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value), seconds >= 0 { return .seconds(seconds) }
        guard let date = HTTPDate.parse(value) else { return nil }
        let interval = date.timeIntervalSince(now)
        return .milliseconds(Int64(max(0, interval) * 1000))
    }
}

/// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms.
public enum HTTPDate {
    private static let formats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]

    /// Parses an HTTP date, or `nil`.
    public static func parse(_ text: String) -> Date? {
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// Formats `date` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
