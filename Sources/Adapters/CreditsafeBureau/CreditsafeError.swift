public import TradeCreditModel

/// A failure of Creditsafe Connect or of its answer, with a stable ``Code``.
///
/// A company Creditsafe does not find is not an error: ``CreditsafeBureau/ratings(for:)`` returns `[]`. Messages never
/// carry the password or a token: credential failures are described by the adapter itself, and transport failures
/// keep the HTTP layer's description, built with a redactor that masks the password and the tokens.
public struct CreditsafeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code as text (`unauthorized`, `invalid_response`, …).
        public let rawValue: String
        /// A code from its raw value.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The raw value.
        public var description: String { rawValue }

        /// The credentials were refused (the login answered `400`, `401` or `403`, a request stayed `401` after one
        /// fresh login, or a request was answered `403`). A refused login is never sent again by the same bureau:
        /// five bad logins lock the account for five minutes.
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// The company asked for by its connectId does not exist (`404` on the report).
        public static let notFound = Code(rawValue: "not_found")
        /// The answer is not the JSON expected: not JSON, cut short, a required field missing or of the wrong type.
        /// ``CreditsafeError/field`` names the JSON path (`report.creditScore.currentCreditRating.providerValue.value`).
        public static let invalidResponse = Code(rawValue: "invalid_response")
        /// Creditsafe answered `429` (after the retries of the caller's `RetryingHTTPClient`, if any).
        public static let rateLimited = Code(rawValue: "rate_limited")
        /// The service could not be reached or failed: a transport error (connection, timeout, a body cut short),
        /// `5xx`, or any other unexpected status.
        public static let unavailable = Code(rawValue: "unavailable")
        /// The request could not be made or was refused as malformed: no identifier Creditsafe can search by, a
        /// base URL that is not http or https, a `4xx` other than those above.
        public static let invalidRequest = Code(rawValue: "invalid_request")
    }

    /// The stable code.
    public let code: Code
    /// The HTTP status of the response, when there was one.
    public let status: Int?
    /// Where in the JSON document the problem is, for `.invalidResponse`.
    public let field: String?
    /// One line for a person, free of secrets.
    public let message: String

    /// An error with `code`; `message` must already be free of secrets.
    public init(_ code: Code, status: Int? = nil, field: String? = nil, message: String) {
        self.code = code
        self.status = status
        self.field = field
        self.message = message
    }

    /// `Creditsafe <code>: field: message [HTTP status]`, one line.
    public var description: String {
        var text = "Creditsafe \(code.rawValue): "
        if let field { text += "\(field): " }
        text += message
        if let status, !message.contains("HTTP \(status)") { text += " [HTTP \(status)]" }
        return text
    }
}

extension CreditsafeError: AdapterError {
    /// `creditsafe`.
    public var adapter: String { "creditsafe" }
    /// The shared kind of this failure.
    public var failure: AdapterFailure { AdapterFailure(rawValue: code.rawValue) ?? .unavailable }
}
