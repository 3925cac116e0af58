public import TradeCreditModel

/// The error thrown by the claims engine when its inputs are invalid or contradict each other.
///
/// Follows `ModelError`'s pattern: a stable ``Code`` callers can switch on, the field it concerns,
/// the offending public value and a one-line message. Codes are open: other parts of the engine add theirs in
/// extensions of ``Code``.
public struct ClaimsError: FieldedError, Sendable, Hashable {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A value outside its allowed range (a date beyond the calendar, a negative count, …).
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// Records that must agree do not (a payment of another buyer in the account, two invoices with one number).
        public static let inconsistent = Code(rawValue: "inconsistent")
        /// A required value is missing.
        public static let missingValue = Code(rawValue: "missing_value")
        /// Amounts of different currencies meet where one currency is required (a credit note and the invoice it names).
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
        /// A record names an invoice that the account does not hold.
        public static let unknownInvoice = Code(rawValue: "unknown_invoice")
    }

    /// The stable code of this error.
    public let code: Code
    /// The field or record the error concerns (`creditNotes[2].invoiceNumber`), when there is one.
    public let field: String?
    /// The offending input as text, when it is public data; truncated to 64 characters.
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
}
