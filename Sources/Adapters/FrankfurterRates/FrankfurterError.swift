public import TradeCreditModel

/// A failure of the Frankfurter API or of its answer, with a stable ``Code``.
///
/// Dates the provider cannot serve under a `ConversionPolicy` (in the future, before 1999-01-04,
/// beyond the look-back) are not Frankfurter errors: they throw `ModelError` `.dateOutOfRange`, as every
/// `ExchangeRateProvider` does. Messages never carry secrets: transport failures keep the already redacted
/// description of the `HTTPError`.
public struct FrankfurterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code as text (`not_found`, `malformed`, …).
        public let rawValue: String
        /// A code from its raw value.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The raw value.
        public var description: String { rawValue }

        /// `404`: Frankfurter has nothing at that address (an unknown path, a date it does not serve).
        public static let notFound = Code(rawValue: "not_found")
        /// `422` (or `400`): Frankfurter refused the request's parameters.
        public static let invalidRequest = Code(rawValue: "invalid_request")
        /// The body is not a Frankfurter rates document: not JSON, truncated JSON, a base other than EUR, an amount
        /// other than 1, a missing or invalid date, a rate that is not a positive number, a date outside the range
        /// asked for.
        public static let malformed = Code(rawValue: "malformed")
        /// The service could not be reached or failed: a transport error (connection, timeout, a body cut short),
        /// `5xx`, `429`, or any other unexpected status.
        public static let unavailable = Code(rawValue: "unavailable")
    }

    /// The stable code.
    public let code: Code
    /// The HTTP status of the response, when there was one.
    public let status: Int?
    /// Where in the document the problem is (`rates.USD`, `rates.2024-03-15`, `base`), for `.malformed`.
    public let field: String?
    /// One line for a person.
    public let message: String

    /// An error with `code`; `message` should already be free of secrets.
    public init(_ code: Code, status: Int? = nil, field: String? = nil, message: String) {
        self.code = code
        self.status = status
        self.field = field
        self.message = message
    }

    /// `Frankfurter <code>: field: message [HTTP status]`, one line.
    public var description: String {
        var text = "Frankfurter \(code.rawValue): "
        if let field { text += "\(field): " }
        text += message
        if let status, !message.contains("HTTP \(status)") { text += " [HTTP \(status)]" }
        return text
    }
}

extension FrankfurterError: AdapterError {
    /// `frankfurter`.
    public var adapter: String { "frankfurter" }
    /// The shared kind of this failure.
    public var failure: AdapterFailure { code == .malformed ? .invalidResponse : AdapterFailure(rawValue: code.rawValue) ?? .unavailable }
}
