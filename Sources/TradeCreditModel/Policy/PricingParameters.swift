public import Foundation

/// How the premium of a policy is based; each basis is a tariff of the pricing engine.
public enum PremiumBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Risk-based: expected loss and capital from the portfolio model, loaded for expenses.
    case riskBased
    /// A rate on insured turnover (advance premium, adjusted at the declaration).
    case insuredTurnover
    /// A rate on limits per month (top-up cover).
    case limits
    /// Basis points per day of cover, per invoice.
    case perInvoice
    /// A grid: rate by policy type × risk class × months × percentage of cover.
    case grid
}

/// The premium basis and its rates (only those of the chosen basis are read).
public struct PremiumTerms: Hashable, Sendable, Codable {
    /// The basis.
    public var basis: PremiumBasis
    /// Rate on insured turnover (0.0015 for 0.15%).
    public var turnoverRate: Decimal?
    /// Annual rate on limits (0.02: top-up cover priced at 2% a year).
    public var limitRatePerYear: Decimal?
    /// Annual rate on limits of buyers the insurer refused (0.06).
    public var refusedBuyerLimitRatePerYear: Decimal?
    /// Minimum duration of a limit-based cover, in months (3).
    public var minimumMonths: Int?
    /// Per-invoice rate, in basis points per day of cover.
    public var basisPointsPerDay: Decimal?

    public init(basis: PremiumBasis, turnoverRate: Decimal? = nil, limitRatePerYear: Decimal? = nil,
                refusedBuyerLimitRatePerYear: Decimal? = nil, minimumMonths: Int? = nil,
                basisPointsPerDay: Decimal? = nil) {
        self.basis = basis
        self.turnoverRate = turnoverRate
        self.limitRatePerYear = limitRatePerYear
        self.refusedBuyerLimitRatePerYear = refusedBuyerLimitRatePerYear
        self.minimumMonths = minimumMonths
        self.basisPointsPerDay = basisPointsPerDay
    }
}

/// Parameters of the risk-based price (DOMAIN.md §2 and §5).
public struct PricingParameters: Hashable, Sendable, Codable {
    /// Expense ratio loaded on the technical premium (0.25).
    public var expenseRatio: Decimal
    /// Broker commission (0.10).
    public var commission: Decimal
    /// Cost of capital charged on unexpected loss (0.10).
    public var costOfCapital: Decimal
    /// Confidence level of the portfolio quantile (0.995).
    public var confidenceLevel: Decimal
    /// Expected utilisation of a granted limit (0.75).
    public var utilisation: Decimal
    /// Loss given default (0.8: 20% recovered).
    public var lossGivenDefault: Decimal
    /// Default-rate volatility as a multiple of PD (0.5).
    public var volatilityRatio: Decimal
    /// The premium is never below this.
    public var minimumPremium: Money
    /// Insurance premium tax rate; `nil`: by the policyholder's country from the pricing engine's table.
    public var premiumTaxRate: Decimal?
    /// Bonus (negative adjustment) or surcharge by loss-ratio band, lowest band first. Illustrative default.
    public var lossRatioBands: [LossRatioBand]

    public init(expenseRatio: Decimal, commission: Decimal, costOfCapital: Decimal, confidenceLevel: Decimal,
                utilisation: Decimal, lossGivenDefault: Decimal, volatilityRatio: Decimal, minimumPremium: Money,
                premiumTaxRate: Decimal? = nil, lossRatioBands: [LossRatioBand] = []) {
        self.expenseRatio = expenseRatio
        self.commission = commission
        self.costOfCapital = costOfCapital
        self.confidenceLevel = confidenceLevel
        self.utilisation = utilisation
        self.lossGivenDefault = lossGivenDefault
        self.volatilityRatio = volatilityRatio
        self.minimumPremium = minimumPremium
        self.premiumTaxRate = premiumTaxRate
        self.lossRatioBands = lossRatioBands
    }

    /// 25% expenses, 10% commission, 10% cost of capital, 99.5% level, utilisation 0.75, LGD 0.8, volatility 0.5,
    /// minimum premium 2,500 (illustrative), tax by country, and the illustrative loss-ratio bands
    /// ``LossRatioBand/illustrative``.
    public static func typical(currency: CurrencyCode) -> PricingParameters {
        PricingParameters(
            expenseRatio: Decimal(string: "0.25")!, commission: Decimal(string: "0.10")!,
            costOfCapital: Decimal(string: "0.10")!, confidenceLevel: Decimal(string: "0.995")!,
            utilisation: Decimal(string: "0.75")!, lossGivenDefault: Decimal(string: "0.8")!,
            volatilityRatio: Decimal(string: "0.5")!, minimumPremium: Money(units: 2_500, currency),
            premiumTaxRate: nil, lossRatioBands: LossRatioBand.illustrative)
    }
}

/// A premium adjustment for a band of past loss ratios (claims paid ÷ premium), as a fraction of the premium:
/// negative for a bonus, positive for a surcharge.
public struct LossRatioBand: Hashable, Sendable, Codable {
    /// Lowest loss ratio of the band (included).
    public var fromLossRatio: Decimal
    /// Highest loss ratio of the band (excluded); `nil` for the open top band.
    public var toLossRatio: Decimal?
    /// Adjustment: −0.10 for a 10% bonus, 0.25 for a 25% surcharge.
    public var adjustment: Decimal

    public init(fromLossRatio: Decimal, toLossRatio: Decimal?, adjustment: Decimal) {
        self.fromLossRatio = fromLossRatio
        self.toLossRatio = toLossRatio
        self.adjustment = adjustment
    }

    /// Illustrative bands (no public calibration): below 20% a 10% bonus; 20–60% none; 60–100% a 15% surcharge;
    /// 100% and above a 30% surcharge.
    public static let illustrative: [LossRatioBand] = [
        LossRatioBand(fromLossRatio: 0, toLossRatio: Decimal(string: "0.2")!, adjustment: Decimal(string: "-0.10")!),
        LossRatioBand(fromLossRatio: Decimal(string: "0.2")!, toLossRatio: Decimal(string: "0.6")!, adjustment: 0),
        LossRatioBand(fromLossRatio: Decimal(string: "0.6")!, toLossRatio: 1, adjustment: Decimal(string: "0.15")!),
        LossRatioBand(fromLossRatio: 1, toLossRatio: nil, adjustment: Decimal(string: "0.30")!),
    ]
}

/// Parameters of credit-limit decisions (DOMAIN.md §4).
public struct UnderwritingParameters: Hashable, Sendable, Codable {
    /// A master-scale grade at or above this is refused (8).
    public var refusalGrade: Int
    /// Granted amounts are rounded down to a multiple of this (1,000 units of the currency).
    public var limitStep: Money
    /// The largest limit on one buyer.
    public var perBuyerMaximum: Money
    /// The largest amount decided without a human; above it the request is referred.
    public var automaticAuthority: Money
    /// The largest limit by master-scale grade (illustrative), grade → cap.
    public var gradeCaps: [Int: Money]
    /// Share of the buyer's book equity a limit may reach when financials are given (0.10, illustrative).
    public var equityShareCap: Decimal

    public init(refusalGrade: Int, limitStep: Money, perBuyerMaximum: Money, automaticAuthority: Money,
                gradeCaps: [Int: Money], equityShareCap: Decimal) {
        self.refusalGrade = refusalGrade
        self.limitStep = limitStep
        self.perBuyerMaximum = perBuyerMaximum
        self.automaticAuthority = automaticAuthority
        self.gradeCaps = gradeCaps
        self.equityShareCap = equityShareCap
    }

    /// Refusal grade 8, step 1,000, per-buyer maximum 5,000,000, automatic authority 250,000, and illustrative grade
    /// caps (grades 1–2: 5,000,000; 3: 2,500,000; 4: 1,000,000; 5: 500,000; 6: 250,000; 7: 100,000), equity share 10%.
    public static func typical(currency: CurrencyCode) -> UnderwritingParameters {
        let caps: [Int: Int] = [1: 5_000_000, 2: 5_000_000, 3: 2_500_000, 4: 1_000_000, 5: 500_000, 6: 250_000, 7: 100_000]
        return UnderwritingParameters(
            refusalGrade: 8, limitStep: Money(units: 1_000, currency), perBuyerMaximum: Money(units: 5_000_000, currency),
            automaticAuthority: Money(units: 250_000, currency),
            gradeCaps: caps.mapValues { Money(units: $0, currency) }, equityShareCap: Decimal(string: "0.10")!)
    }
}
