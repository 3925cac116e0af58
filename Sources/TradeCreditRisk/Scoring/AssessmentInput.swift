public import TradeCreditModel

/// The facts about a buyer that adjust its PD beyond the bureaus (DOMAIN.md §3 step 4); each is optional, and an
/// absent one adds nothing. The sector and the company age come from the `Buyer`.
public struct BuyerRiskFactors: Hashable, Sendable, Codable {
    /// The OECD country risk category of the buyer's country, 0…7 (the host looks it up: the OECD revises it).
    public var countryRiskCategory: Int?
    /// How many days beyond terms the buyer pays, on average (0 or more).
    public var daysBeyondTerms: Int?
    /// How many overdues the seller has had with this buyer (0 or more; the window is the host's).
    public var pastOverdues: Int?
    /// The share of the seller's total exposure that is on this buyer, 0…1.
    public var concentrationShare: Double?

    /// Factors, each optional (absent: not applied).
    public init(countryRiskCategory: Int? = nil, daysBeyondTerms: Int? = nil, pastOverdues: Int? = nil,
                concentrationShare: Double? = nil) {
        self.countryRiskCategory = countryRiskCategory
        self.daysBeyondTerms = daysBeyondTerms
        self.pastOverdues = pastOverdues
        self.concentrationShare = concentrationShare
    }

    /// - Throws: ``UnderwritingError`` `.outOfRange` naming the factor.
    func validate() throws {
        if let category = countryRiskCategory, !(0...7).contains(category) {
            throw UnderwritingError(.outOfRange, field: "factors.countryRiskCategory", value: String(category),
                                    "OECD categories are 0 to 7")
        }
        if let days = daysBeyondTerms, days < 0 {
            throw UnderwritingError(.outOfRange, field: "factors.daysBeyondTerms", value: String(days), "cannot be negative")
        }
        if let count = pastOverdues, count < 0 {
            throw UnderwritingError(.outOfRange, field: "factors.pastOverdues", value: String(count), "cannot be negative")
        }
        if let share = concentrationShare, !(0...1).contains(share) {
            throw UnderwritingError(.outOfRange, field: "factors.concentrationShare", value: String(share),
                                    "a share is in [0, 1] (0.25 for 25%)")
        }
    }
}

/// Everything one assessment reads. The evaluation date is an input: the engine never reads the clock.
public struct AssessmentInput: Hashable, Sendable, Codable {
    /// The buyer (its country, sector, incorporation date and category).
    public var buyer: Buyer
    /// The evaluation date: ages are counted to it, and anything dated after it is ignored.
    public var asOf: CalendarDate
    /// The bureau ratings the composition layer fetched, in any order.
    public var ratings: [BureauRating]
    /// The scales the ratings are on (a rating whose scale is missing is dropped).
    public var scales: [RatingScale]
    /// The buyer's statements, when known: one more source, and the equity cap of a limit.
    public var financialStatements: FinancialStatements?
    /// The adjustment factors.
    public var factors: BuyerRiskFactors
    /// The policy's underwriting parameters, for the recommended limit; `nil`: no recommendation.
    public var underwriting: UnderwritingParameters?

    /// An input; `asOf` is the evaluation date (the engine never reads the clock).
    public init(buyer: Buyer, asOf: CalendarDate, ratings: [BureauRating], scales: [RatingScale],
                financialStatements: FinancialStatements? = nil, factors: BuyerRiskFactors = BuyerRiskFactors(),
                underwriting: UnderwritingParameters? = nil) {
        self.buyer = buyer
        self.asOf = asOf
        self.ratings = ratings
        self.scales = scales
        self.financialStatements = financialStatements
        self.factors = factors
        self.underwriting = underwriting
    }
}
