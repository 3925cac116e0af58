public import TradeCreditModel

/// The error of the file bureau: a ratings file that cannot be read, or that breaks the format of
/// ``FileRatingBureau``.
///
/// Every error has a stable ``Code`` and, where it applies, the file, the 1-based line (CSV), the field — a CSV
/// column, or a JSON index path such as `ratings[2].ratedOn` — and the offending text. Its description is one line:
/// `file:line: field: message ("value")`, for example `ratings.csv:4: rated_on: expected a date as YYYY-MM-DD
/// ("2026-13-01")`.
public struct FileBureauError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The code as text, e.g. `malformed`.
        public let rawValue: String

        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The code as text.
        public var description: String { rawValue }

        /// The file breaks the format: bad JSON or CSV, a missing or unknown field or column, a bad identifier,
        /// date, score, amount or currency.
        public static let malformed = Code(rawValue: "malformed")
        /// A rating names a scale that is neither built in nor defined in the file.
        public static let unknownScale = Code(rawValue: "unknown_scale")
        /// A grade or score that is not on the rating's scale.
        public static let notOnScale = Code(rawValue: "not_on_scale")
        /// A custom scale of the file fails the model's validation, or is defined twice.
        public static let invalidScale = Code(rawValue: "invalid_scale")
        /// A JSON file whose `version` this adapter does not read.
        public static let unsupportedVersion = Code(rawValue: "unsupported_version")
        /// The file does not exist.
        public static let notFound = Code(rawValue: "not_found")
        /// The file exists but cannot be read, or is not UTF-8 text.
        public static let unreadable = Code(rawValue: "unreadable")
    }

    /// The stable code of this error.
    public let code: Code
    /// The name of the file concerned.
    public let file: String
    /// The 1-based line of a CSV file where the record starts, when it is known.
    public let line: Int?
    /// The CSV column or JSON index path concerned, when there is one.
    public let field: String?
    /// The offending text, shortened to 64 characters, when there is one.
    public let value: String?
    /// A one-line explanation for a person.
    public let message: String

    /// Creates an error; `value` is shortened to 64 characters.
    public init(_ code: Code, file: String, line: Int? = nil, field: String? = nil, value: String? = nil,
                message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.field = field
        self.value = value.map { $0.count > 64 ? String($0.prefix(61)) + "..." : $0 }
        self.message = message
    }

    /// `file:line: field: message ("value")`, leaving out the parts that are absent.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        text += message
        if let value { text += " (\"\(value)\")" }
        return text
    }
}

extension FileBureauError: AdapterError {
    /// `file`.
    public var adapter: String { "file" }
    /// The shared kind of this failure: a file that is missing or unreadable is unavailable (a buyer the file does
    /// not list is not an error but `[]`); a file that breaks the format is an invalid response.
    public var failure: AdapterFailure {
        switch code {
        case .notFound, .unreadable: .unavailable
        default: .invalidResponse
        }
    }
    /// Always `nil`: a file has no HTTP status.
    public var status: Int? { nil }
}
