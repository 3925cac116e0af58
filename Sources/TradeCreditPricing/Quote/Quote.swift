public import Foundation
public import TradeCreditModel

/// A risk-based quote (DOMAIN.md §5) with every step that produced it.
///
/// Every published amount is `Money` in the policy currency, rounded once, half up, to its minor units; each step is
/// computed from the amounts published before it, so the whole quote can be re-checked from its breakdown.
public struct Quote: Hashable, Sendable, Codable {
    /// The rules version of the engine (``TradeCreditPricing/rulesVersion``).
    public let rulesVersion: String
    /// The policy currency.
    public let currency: CurrencyCode
    /// The insured percentage the quote is at.
    public let insuredPercentage: Decimal
    /// The pricing parameters used.
    public let pricing: PricingParameters
    /// One line per buyer, in the input order.
    public let buyers: [BuyerQuote]
    /// The portfolio figures from CreditRisk+.
    public let portfolio: PortfolioFigures
    /// The premium, step by step.
    public let premium: PremiumSteps
    /// Σ granted limits, converted.
    public let totalLimits: Money
    /// Σ annual insured turnover of the buyers that give one; `nil` when none does.
    public let insuredTurnover: Money?
    /// Pre-tax premium ÷ insured turnover, rounded half up to 6 decimals; `nil` without turnover.
    public let rateOnInsuredTurnover: Decimal?
    /// Pre-tax premium ÷ Σ limits, rounded half up to 6 decimals; `nil` when the limits sum to zero.
    public let rateOnLimits: Decimal?
    /// The exchange rates used, one per converted currency (empty when all amounts were in the policy currency).
    public let ratesUsed: [RateUsed]
    /// The same quote at other insured percentages.
    public let sensitivity: [SensitivityRow]
}

/// One buyer's line of a quote.
public struct BuyerQuote: Hashable, Sendable, Codable {
    /// The buyer's id.
    public let id: String
    /// The limit as given (before conversion).
    public let originalLimit: Money
    /// The limit in the policy currency.
    public let limit: Money
    /// The PD used.
    public let pd: Double
    /// Exposure at default: limit × utilisation, or the expected average outstanding when given.
    public let exposureAtDefault: Money
    /// Whether ``exposureAtDefault`` is the expected average outstanding.
    public let exposureFromOutstanding: Bool
    /// The net insured exposure E_A = EAD × LGD × insured % (rounded once; the portfolio model's input).
    public let netExposure: Money
    /// EL = PD × E_A.
    public let expectedLoss: Money
    /// The buyer's risk contribution RC_A at the policy's level (model figure, in the policy currency).
    public let riskContribution: Double
    /// Capital charge = cost of capital × (RC_A − EL_A), zero when the portfolio's VaR is not above its EL.
    public let capitalCharge: Money
    /// EL + capital charge.
    public let technicalPremium: Money
    /// The CreditRisk+ sector.
    public let sector: String
}

/// The portfolio's CreditRisk+ figures (model figures as `Double` in currency units, and their published amounts).
public struct PortfolioFigures: Hashable, Sendable, Codable {
    /// The level q of the quantile and of the risk contributions.
    public let level: Double
    /// The loss unit L.
    public let lossUnit: Decimal
    /// EL (model figure).
    public let expectedLossFigure: Double
    /// σ (model figure).
    public let standardDeviationFigure: Double
    /// VaR at q (model figure).
    public let valueAtRiskFigure: Double
    /// VaR at q as money.
    public let valueAtRisk: Money
    /// Σ EL of the buyers.
    public let expectedLoss: Money
    /// Σ capital charges of the buyers (≈ cost of capital × (VaR − EL), up to the rounding of each buyer's charge).
    public let capitalCharge: Money
    /// The rules version of the risk engine.
    public let riskRulesVersion: String
}

/// The premium steps, in the order that keeps every invariant (DOMAIN.md §5).
public struct PremiumSteps: Hashable, Sendable, Codable {
    /// Σ (EL + capital charge) of the buyers.
    public let technical: Money
    /// 1 − expense ratio − commission.
    public let loadingDivisor: Decimal
    /// technical ÷ (1 − expense − commission).
    public let gross: Money
    /// The loss-ratio band applied, `nil` when no past loss ratio was given or no band holds it.
    public let lossRatioBand: LossRatioBand?
    /// The bonus (negative) or surcharge as a fraction (0 when none).
    public let adjustmentRate: Decimal
    /// gross × (1 + adjustment).
    public let adjusted: Money
    /// The minimum premium.
    public let minimumPremium: Money
    /// Whether the minimum premium set the pre-tax premium.
    public let minimumApplied: Bool
    /// max(adjusted, minimum): the premium before tax.
    public let preTax: Money
    /// The premium tax rate.
    public let taxRate: Decimal
    /// Where the tax rate comes from (the parameters, or the table's source for the country).
    public let taxSource: String
    /// Whether the tax rate is illustrative.
    public let taxRateIsIllustrative: Bool
    /// final − pre-tax.
    public let tax: Money
    /// pre-tax × (1 + tax rate), rounded once.
    public let final: Money
}

/// The rate used for one converted currency.
public struct RateUsed: Hashable, Sendable, Codable {
    /// The currency converted from.
    public let currency: CurrencyCode
    /// Units of it per 1 EUR.
    public let ratePerEUR: Decimal?
    /// Units of the policy currency per 1 EUR.
    public let policyCurrencyRatePerEUR: Decimal?
    /// Policy-currency units per unit of ``currency`` (10 decimals, for display).
    public let crossRate: Decimal?
    /// The date asked for.
    public let requestedDate: CalendarDate?
    /// The publication used.
    public let publicationDate: CalendarDate?
    /// The source of the rates.
    public let source: String
}

/// One row of the sensitivity table: the whole quote recomputed at another insured percentage.
public struct SensitivityRow: Hashable, Sendable, Codable {
    /// The insured percentage.
    public let insuredPercentage: Decimal
    /// Σ EL.
    public let expectedLoss: Money
    /// Σ capital charges.
    public let capitalCharge: Money
    /// The technical premium.
    public let technical: Money
    /// The pre-tax premium.
    public let preTax: Money
    /// The final premium, tax included.
    public let final: Money
    /// Pre-tax premium ÷ Σ limits.
    public let rateOnLimits: Decimal?
}
