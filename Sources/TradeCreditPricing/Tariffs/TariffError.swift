public import TradeCreditModel

/// The error thrown when a tariff is given invalid inputs or data.
///
/// Every error carries a stable ``Code`` that callers can switch on, the field (or grid key) it concerns, and a
/// one-line human message, following `ModelError`.
public struct TariffError: FieldedError, Sendable, Hashable {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A value outside its allowed range: a negative amount, a rate outside [0, 1], a negative number of days.
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// Two dates in the wrong order (an end before its start, a due date before the delivery).
        public static let invalidPeriod = Code(rawValue: "invalid_period")
        /// Amounts that must share a currency do not.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
        /// A grid has no cell for the requested key.
        public static let missingCell = Code(rawValue: "missing_cell")
        /// A grid defines the same key twice.
        public static let duplicateCell = Code(rawValue: "duplicate_cell")
        /// A rate required by the chosen basis is not given in the premium terms.
        public static let missingRate = Code(rawValue: "missing_rate")
        /// An amount too large for the exact decimal core.
        public static let overflow = Code(rawValue: "overflow")
    }

    /// The stable code of this error.
    public let code: Code
    /// The input field or grid key the error concerns.
    public let field: String?
    /// The offending input as text, when it is short enough to show.
    public let value: String?
    /// A one-line explanation for a person.
    public let message: String

    /// Creates an error; `value` is truncated to 64 characters.
    public init(_ code: Code, field: String? = nil, value: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.value = value.map { $0.count > 64 ? String($0.prefix(61)) + "..." : $0 }
        self.message = message
    }
}
