public import TradeCreditModel

/// A failure of D&B Direct+ or of its answer, with a stable ``Code``.
///
/// Messages never carry the client secret, the Basic credential or a token: texts quoted from D&B (its error
/// envelope `{"transactionDetail":{…},"error":{"errorCode":"…","errorMessage":"…"}}`) pass through a redactor that
/// knows them, and transport failures keep the already redacted description of the `HTTPError`.
public struct DnBError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code as text (`unauthorized`, `not_found`, …).
        public let rawValue: String
        /// A code from its raw value.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The raw value.
        public var description: String { rawValue }

        /// The credential was refused: the token endpoint answered `400`, `401` or `403` (never asked again with the
        /// same credential), a data request stayed `401` after one token refresh, or D&B answered `403` (the
        /// credential is not entitled to a data block).
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// D&B does not know the D-U-N-S number: a `404`, or one of ``DnBBureau/notFoundErrorCodes``.
        public static let notFound = Code(rawValue: "not_found")
        /// The answer is not the JSON expected: not JSON, cut short, a field of the wrong type or out of range.
        /// ``DnBError/field`` names its path (`organization.dnbAssessment.failureScore.classScore`).
        public static let invalidResponse = Code(rawValue: "invalid_response")
        /// D&B answered `429 Too Many Requests` (after the caller's retries, if it wraps the client in a
        /// `RetryingHTTPClient`). ``DnBError/retryAfterSeconds`` holds D&B's `Retry-After` in seconds when given.
        public static let rateLimited = Code(rawValue: "rate_limited")
        /// The service could not be reached or failed: a transport error, `5xx`, or another unexpected status.
        public static let unavailable = Code(rawValue: "unavailable")
        /// D&B refused the request itself (a `4xx` other than the above), or the request could not be built.
        public static let invalidRequest = Code(rawValue: "invalid_request")
    }

    /// The stable code.
    public let code: Code
    /// The HTTP status of the response, when there was one.
    public let status: Int?
    /// The JSON path of the offending field, for `.invalidResponse`.
    public let field: String?
    /// D&B's own `error.errorCode`, when its error envelope was readable.
    public let dnbErrorCode: String?
    /// D&B's `Retry-After`, in seconds, for `.rateLimited`.
    public let retryAfterSeconds: Int?
    /// One line for a person, free of secrets.
    public let message: String

    /// An error with `code`; `message` must already be free of secrets.
    public init(_ code: Code, status: Int? = nil, field: String? = nil, dnbErrorCode: String? = nil,
                retryAfterSeconds: Int? = nil, message: String) {
        self.code = code
        self.status = status
        self.field = field
        self.dnbErrorCode = dnbErrorCode
        self.retryAfterSeconds = retryAfterSeconds
        self.message = message
    }

    /// `D&B <code>: field: message [D&B error X] [HTTP status]`, one line.
    public var description: String {
        var text = "D&B \(code.rawValue): "
        if let field { text += "\(field): " }
        text += message
        if let dnbErrorCode, !message.contains(dnbErrorCode) { text += " [D&B error \(dnbErrorCode)]" }
        if let status, !message.contains("HTTP \(status)") { text += " [HTTP \(status)]" }
        return text
    }
}

extension DnBError: AdapterError {
    /// `dnb`.
    public var adapter: String { "dnb" }
    /// The shared kind of this failure.
    public var failure: AdapterFailure { AdapterFailure(rawValue: code.rawValue) ?? .unavailable }
}
