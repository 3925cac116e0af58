public import TradeCreditModel

/// The error of the ECB adapter: a file that cannot be read or fetched, or that is not a valid reference-rate file.
///
/// Every error has a stable ``Code`` and, where it applies, the file, the 1-based line and the field (a currency, an
/// XML attribute, a CSV column) it concerns. Its description is one line: `file:line: field: message`, for example
/// `eurofxref-hist.csv:7: USD: not a plain decimal number ("1.1x")`.
public struct ECBRatesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The code as text, e.g. `malformed`.
        public let rawValue: String

        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The code as text.
        public var description: String { rawValue }

        /// The file does not follow the ECB format: a bad number, date, currency, row or element, a duplicate date,
        /// a truncated document or archive, a checksum that does not verify.
        public static let malformed = Code(rawValue: "malformed")
        /// The file (or the data inside an archive) is larger than the parser accepts.
        public static let tooLarge = Code(rawValue: "too_large")
        /// The file uses a feature the parser refuses: a DTD or entity declaration, a foreign XML namespace, a zip
        /// compression method other than stored or deflate, encryption, zip64.
        public static let unsupportedFormat = Code(rawValue: "unsupported_format")
        /// The file holds nothing at all, or no publication where one is required.
        public static let empty = Code(rawValue: "empty")
        /// The rates could not be fetched: a network failure or an unexpected answer from the server.
        public static let unavailable = Code(rawValue: "unavailable")
        /// The file does not exist (a missing local file, an HTTP 404).
        public static let notFound = Code(rawValue: "not_found")
    }

    /// The stable code of this error.
    public let code: Code
    /// The name of the file concerned, when there is one (`eurofxref-hist.csv`, `eurofxref-hist.zip/eurofxref-hist.csv`).
    public let file: String?
    /// The 1-based line of the file where the problem is, when it is known.
    public let line: Int?
    /// The currency, XML attribute or CSV column concerned, when there is one.
    public let field: String?
    /// A one-line explanation for a person.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, file: String? = nil, line: Int? = nil, field: String? = nil, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`, leaving out the parts that are absent.
    public var description: String {
        var text = ""
        if let file {
            text += file
            if let line { text += ":\(line)" }
            text += ": "
        } else if let line {
            text += "line \(line): "
        }
        if let field { text += "\(field): " }
        return text + message
    }
}

extension ECBRatesError {
    /// A `.malformed` error.
    static func malformed(_ file: String, line: Int?, field: String? = nil, _ message: String) -> ECBRatesError {
        ECBRatesError(.malformed, file: file, line: line, field: field, message: message)
    }

    /// Text from the input quoted for a message: at most 32 characters, so that a huge cell never floods a log line.
    static func quoted(_ text: some StringProtocol) -> String {
        let shown = text.count > 32 ? String(text.prefix(29)) + "..." : String(text)
        return "(\"\(shown)\")"
    }

    /// Bytes from the input quoted for a message, as `quoted(_:)` does for text.
    static func quoted(bytes: some Collection<UInt8>) -> String {
        quoted(String(decoding: bytes.prefix(64), as: UTF8.self))
    }
}

extension ECBRatesError: AdapterError {
    /// `ecb`.
    public var adapter: String { "ecb" }
    /// The shared kind of this failure: a file that breaks the format (malformed, too large, unsupported, empty) is
    /// an invalid response.
    public var failure: AdapterFailure {
        switch code {
        case .unavailable: .unavailable
        case .notFound: .notFound
        default: .invalidResponse
        }
    }
    /// Not kept: the message quotes the HTTP status when there was one.
    public var status: Int? { nil }
}
