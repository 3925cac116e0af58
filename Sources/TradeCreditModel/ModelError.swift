/// The error thrown when a value of the domain model is invalid or an operation on it is not allowed.
///
/// Every error carries a stable ``Code`` that callers can switch on, the field (or identifier scheme, column, flag)
/// it concerns, and a one-line human message. Errors never echo secrets: the offending value is kept only where it is
/// public data (a currency code, a date, an identifier).
public struct ModelError: FieldedError, Sendable, Hashable {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The text does not have the expected shape (characters, length, separators).
        public static let invalidFormat = Code(rawValue: "invalid_format")
        /// A check digit or checksum does not verify.
        public static let invalidChecksum = Code(rawValue: "invalid_checksum")
        /// A currency code that is not in the ISO 4217 table.
        public static let unknownCurrency = Code(rawValue: "unknown_currency")
        /// A country code that is not in the ISO 3166-1 table.
        public static let unknownCountry = Code(rawValue: "unknown_country")
        /// Arithmetic or comparison between amounts of different currencies.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
        /// A number too large (or too precise) for the exact decimal core.
        public static let overflow = Code(rawValue: "overflow")
        /// More decimals than the currency's minor units allow, under strict parsing.
        public static let tooManyDecimals = Code(rawValue: "too_many_decimals")
        /// A calendar date that does not exist or is not ISO 8601 (`YYYY-MM-DD`).
        public static let invalidDate = Code(rawValue: "invalid_date")
        /// A value outside its allowed range (a negative amount, a percentage above 100%, …).
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// Two values that must agree do not (a VAT number and a SIREN, an invoice's net and VAT currencies, …).
        public static let inconsistent = Code(rawValue: "inconsistent")
        /// A required value is missing.
        public static let missingValue = Code(rawValue: "missing_value")
        /// No exchange rate for a currency on the requested date.
        public static let rateUnavailable = Code(rawValue: "rate_unavailable")
        /// A date before the first or after the last publication of a rate table, or beyond the look-back limit.
        public static let dateOutOfRange = Code(rawValue: "date_out_of_range")
        /// An operation that the value's current state does not allow.
        public static let invalidOperation = Code(rawValue: "invalid_operation")
    }

    /// The stable code of this error.
    public let code: Code
    /// The field, identifier scheme, column or parameter the error concerns, when there is one.
    public let field: String?
    /// The offending input as text, when it is public data and short enough to show.
    public let value: String?
    /// A one-line explanation for a person.
    public let message: String

    /// Creates an error; `value` is truncated to 64 characters so that a huge input never floods a log line.
    public init(_ code: Code, field: String? = nil, value: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.value = value.map { $0.count > 64 ? String($0.prefix(61)) + "..." : $0 }
        self.message = message
    }

    /// Returns the same error with `prefix` prepended to its field, e.g. `"buyers[3]"` + `"country"`.
    public func within(_ prefix: String) -> ModelError {
        ModelError(code, field: field.map { "\(prefix).\($0)" } ?? prefix, value: value, message)
    }
}
