public import TradeCreditModel

/// Choices of the indemnity calculation that `PolicyTerms` does not hold: the date of currency conversion, the
/// look-back for rates, and the rounding of percentages.
public struct IndemnitySettings: Hashable, Sendable, Codable {
    /// Which date the rates of a foreign-currency invoice are taken at (default: the claim filing date).
    public var conversionDate: ConversionDate
    /// How far back a rate publication may be from that date.
    public var conversionPolicy: ConversionPolicy
    /// The rounding of a percentage step to minor units (default half up, once per step).
    public var percentageRounding: RoundingRule

    public init(conversionDate: ConversionDate = .claimFilingDate, conversionPolicy: ConversionPolicy = .init(),
                percentageRounding: RoundingRule = .halfUp) {
        self.conversionDate = conversionDate
        self.conversionPolicy = conversionPolicy
        self.percentageRounding = percentageRounding
    }

    /// The date at which an invoice in another currency is converted to the policy currency.
    public enum ConversionDate: Hashable, Sendable, Codable {
        /// The claim filing date (the default).
        case claimFilingDate
        /// Each invoice's delivery date.
        case deliveryDate
        /// A date the policy names.
        case fixed(CalendarDate)

        /// The date for `invoice` of `claim`.
        func date(for invoice: IndemnityInvoice, of claim: IndemnityClaim) -> CalendarDate {
            switch self {
            case .claimFilingDate: return claim.filingDate
            case .deliveryDate: return invoice.deliveryDate
            case .fixed(let date): return date
            }
        }
    }
}
