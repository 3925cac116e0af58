public import TradeCreditModel

/// The error thrown when a seller profile, a ledger or the thresholds given to the diagnosis are invalid.
///
/// Like `ModelError`, it carries a stable ``Code``, the field it concerns (with the line, e.g. `invoices[2].dueDate`)
/// and a one-line message. The offending value is kept only where it is public data (an id, a date, a currency).
public struct DiagnosisError: FieldedError, Sendable, Hashable {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The ledger has no invoice, or its invoices sum to zero: no share can be computed.
        public static let emptyLedger = Code(rawValue: "empty_ledger")
        /// An invoice names a buyer that the ledger does not list.
        public static let unknownBuyer = Code(rawValue: "unknown_buyer")
        /// A payment names an invoice that the ledger does not list.
        public static let unknownInvoice = Code(rawValue: "unknown_invoice")
        /// Two buyers or two invoices share an id.
        public static let duplicateID = Code(rawValue: "duplicate_id")
        /// A negative invoice amount, a non-positive payment, or a size below zero.
        public static let negativeAmount = Code(rawValue: "negative_amount")
        /// A due date before its invoice date, an invoice dated after the evaluation date, or an incorporation date
        /// after it.
        public static let invalidDate = Code(rawValue: "invalid_date")
        /// An amount whose currency cannot be converted to the reporting currency (no rate table, or no rate).
        public static let conversionUnavailable = Code(rawValue: "conversion_unavailable")
        /// A payment in another currency than the invoice it settles, or a policy amount not in the reporting currency.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
        /// A threshold or a country risk category outside its allowed range.
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// The cover scenario cannot be priced or scored: a rating the risk
        /// engine refuses, a pricing or portfolio input the engines reject.
        public static let cover = Code(rawValue: "cover")
    }

    /// The stable code of this error.
    public let code: Code
    /// The field (with its line) the error concerns, when there is one.
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
}
