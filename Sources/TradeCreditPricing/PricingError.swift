public import TradeCreditModel

/// The error thrown by the pricing engine's risk-based quote when an input cannot be priced.
///
/// Every error carries a stable ``Code`` that callers can switch on, the field it concerns (`buyers[2].pd`,
/// `insuredPercentage`, `pricing.expenseRatio`, …), the offending value when it is public data, and a one-line message.
/// The tariffs have their own error type.
public struct PricingError: FieldedError, Sendable, Hashable {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A value outside its allowed range (a negative limit, a PD above 1, an insured percentage of 120%, …).
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// A quote needs at least one buyer.
        public static let emptyPortfolio = Code(rawValue: "empty_portfolio")
        /// Two buyers with the same id.
        public static let duplicateBuyer = Code(rawValue: "duplicate_buyer")
        /// An amount in another currency than the policy's, with no rate table to convert it, or a parameter amount
        /// (the minimum premium) in another currency.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
        /// The rate table has no rate for a currency (or the date) needed.
        public static let rateUnavailable = Code(rawValue: "rate_unavailable")
        /// No premium tax rate for the policyholder's country in the table, and none given in the parameters.
        public static let unknownTaxRate = Code(rawValue: "unknown_tax_rate")
        /// The portfolio model refused the portfolio (a loss grid too large, say); the message says why.
        public static let portfolioModel = Code(rawValue: "portfolio_model")
        /// An amount beyond what exact money can hold.
        public static let overflow = Code(rawValue: "overflow")
    }

    /// The stable code of this error.
    public let code: Code
    /// The input field the error concerns, when there is one.
    public let field: String?
    /// The offending input as text, truncated to 64 characters.
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
