/// The error the scoring and limit engines throw when an input or a data table is invalid.
///
/// Every error carries a stable ``Code`` that callers can switch on, the field it concerns (a dotted path such as
/// `factors.countryRiskCategory` or `bands[2]`), the offending value when it is public data, and a one-line message.
public struct UnderwritingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The code text, snake_case.
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code text.
        public var description: String { rawValue }

        /// A value outside its allowed range (a category above 7, a share above 1, a PD outside (0, 1]).
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// Values that must agree do not (a table that improves as its factor worsens, a request for another buyer).
        public static let inconsistent = Code(rawValue: "inconsistent")
        /// A required value is missing (an empty table, the market equity of the original Altman Z).
        public static let missingValue = Code(rawValue: "missing_value")
        /// Amounts in different currencies where one currency is required.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
    }

    /// The stable code of this error.
    public let code: Code
    /// The field, table row or parameter the error concerns.
    public let field: String
    /// The offending input as text, when there is one.
    public let value: String?
    /// A one-line explanation for a person.
    public let message: String

    /// Creates an error; `value` is truncated to 64 characters so that a huge input never floods a log line.
    public init(_ code: Code, field: String, value: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.value = value.map { $0.count > 64 ? String($0.prefix(61)) + "..." : $0 }
        self.message = message
    }

    /// `field: message ("value")`, one line.
    public var description: String {
        "\(field): \(message)" + (value.map { " (\"\($0)\")" } ?? "")
    }

    /// The same error with `prefix` prepended to its field, e.g. `"consolidation"` + `"halfLifeDays"`.
    func within(_ prefix: String) -> UnderwritingError {
        UnderwritingError(code, field: "\(prefix).\(field)", value: value, message)
    }
}
