public import TradeCreditModel
public import TradeCreditPricing
public import TradeCreditRisk

/// What the cost/benefit table needs beyond the ledger: the cover to price, the ratings known, and the prior for the
/// buyers no bureau rates.
public struct CoverScenario: Sendable {
    /// The policy: insured percentage, claims threshold, deductible per claim, aggregate first loss, covered buyer
    /// categories and territory, and the pricing parameters (LGD, volatility, level, loadings, minimum premium).
    public var terms: PolicyTerms
    /// The premium tax by the seller's country.
    public var taxTable: PremiumTaxTable
    /// Bureau ratings by ``LedgerBuyer/id``; a buyer absent or whose ratings are all unusable gets the prior.
    public var ratings: [String: [BureauRating]]
    /// The rating scales the ratings are on.
    public var scales: [RatingScale]
    /// The scoring rules for the rated buyers.
    public var scoringRules: ScoringRules
    /// The prior PD of the buyers without a usable rating.
    public var priorPD: PriorPDTable

    /// A scenario; by default no rating (every buyer on the prior), the standard tax table and illustrative tables.
    public init(terms: PolicyTerms, taxTable: PremiumTaxTable = .standard, ratings: [String: [BureauRating]] = [:],
                scales: [RatingScale] = [], scoringRules: ScoringRules = .illustrative,
                priorPD: PriorPDTable = .illustrative) {
        self.terms = terms
        self.taxTable = taxTable
        self.ratings = ratings
        self.scales = scales
        self.scoringRules = scoringRules
        self.priorPD = priorPD
    }
}
