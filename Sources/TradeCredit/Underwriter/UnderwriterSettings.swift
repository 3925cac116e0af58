public import TradeCreditModel
public import TradeCreditRisk
public import TradeCreditClaims
public import TradeCreditPricing

/// The rules and limits an ``Underwriter`` works with besides its ports and policy; every field has a default.
public struct UnderwriterSettings: Sendable {
    /// The scoring tables (`ScoringRules.illustrative` by default).
    public var scoringRules: ScoringRules
    /// Whether an assessment carries a recommended limit (the policy's underwriting parameters are then passed to the
    /// scorer). Default `true`.
    public var recommendsLimits: Bool
    /// How many buyers of a batch are worked on at once (8; at least 1). Each buyer asks every bureau (in `.all`
    /// mode), so up to this many × the number of bureaus calls are in flight.
    public var maximumConcurrentBuyers: Int
    /// The claims engine's choices the policy terms do not hold (date of conversion, rounding of percentages).
    public var indemnity: IndemnitySettings
    /// Whether recovery costs come off a recovery before it is shared (PolicyTerms has no field for it). Default `true`.
    public var deductRecoveryCostsFirst: Bool
    /// The premium tax table of quotes (`PremiumTaxTable.standard`).
    public var taxTable: PremiumTaxTable
    /// How far back a rate publication may be from the date of a conversion (7 days).
    public var conversionPolicy: ConversionPolicy
    /// The actor recorded on the claim events the underwriter makes (`"underwriter"`).
    public var actor: String

    /// Settings, each defaulted.
    public init(scoringRules: ScoringRules = .illustrative, recommendsLimits: Bool = true, maximumConcurrentBuyers: Int = 8,
                indemnity: IndemnitySettings = IndemnitySettings(), deductRecoveryCostsFirst: Bool = true,
                taxTable: PremiumTaxTable = .standard, conversionPolicy: ConversionPolicy = ConversionPolicy(),
                actor: String = "underwriter") {
        self.scoringRules = scoringRules
        self.recommendsLimits = recommendsLimits
        self.maximumConcurrentBuyers = max(1, maximumConcurrentBuyers)
        self.indemnity = indemnity
        self.deductRecoveryCostsFirst = deductRecoveryCostsFirst
        self.taxTable = taxTable
        self.conversionPolicy = conversionPolicy
        self.actor = actor
    }
}
