public import TradeCreditModel

/// A failure of the GLEIF API or of its answer, with a stable ``Code``.
///
/// An LEI GLEIF does not know is not an error: ``GLEIFRegistry/entity(lei:)`` returns `nil`. Messages never carry
/// secrets (the API takes none): transport failures keep the already redacted description of the `HTTPError`.
public struct GLEIFError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code as text (`malformed`, `unavailable`, …).
        public let rawValue: String
        /// A code from its raw value.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The raw value.
        public var description: String { rawValue }

        /// The request was refused (a `4xx` other than a `404` for a record), or could not be made: an identifier
        /// that is not an LEI, an empty search, a base URL that is not http or https.
        public static let invalidRequest = Code(rawValue: "invalid_request")
        /// The body is not the JSON:API document expected: not JSON, truncated, a required field missing or of the
        /// wrong type, an invalid LEI or country code. ``GLEIFError/field`` names the path (`data[0].attributes.lei`).
        public static let malformed = Code(rawValue: "malformed")
        /// The service could not be reached or failed: a transport error (connection, timeout, a body cut short),
        /// `5xx`, a `429` left after the caller's retries, or any other unexpected status.
        public static let unavailable = Code(rawValue: "unavailable")
    }

    /// The stable code.
    public let code: Code
    /// The HTTP status of the response, when there was one.
    public let status: Int?
    /// Where in the document the problem is (`data.attributes.entity.legalName.name`), for `.malformed`.
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

    /// `GLEIF <code>: field: message [HTTP status]`, one line.
    public var description: String {
        var text = "GLEIF \(code.rawValue): "
        if let field { text += "\(field): " }
        text += message
        if let status, !message.contains("HTTP \(status)") { text += " [HTTP \(status)]" }
        return text
    }
}

extension GLEIFError: AdapterError {
    /// `gleif`.
    public var adapter: String { "gleif" }
    /// The shared kind of this failure.
    public var failure: AdapterFailure { code == .malformed ? .invalidResponse : AdapterFailure(rawValue: code.rawValue) ?? .unavailable }
}
