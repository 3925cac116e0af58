/// One factor of an assessment and its signed contribution in log-odds (positive: riskier).
///
/// The contributions add up: logit(reference PD) + Σ contributions = logit(PD). A default overrides everything and
/// has no contribution (`nil`). Reasons are listed by |contribution|, largest first (a default first of all).
public struct ScoreReason: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable codes of the scoring pipeline; they never change meaning.
    public enum Code: String, Hashable, Sendable, Codable, CaseIterable {
        /// One bureau rating: its share of the weight × (its log-odds − the reference's).
        case bureauRating = "bureau_rating"
        /// The Altman score of the financial statements, as a source like a bureau rating.
        case financialStatements = "financial_statements"
        /// The OECD country risk category.
        case countryRisk = "country_risk"
        /// The NACE section.
        case sectorRisk = "sector_risk"
        /// The company's age.
        case companyAge = "company_age"
        /// Days beyond terms.
        case daysBeyondTerms = "days_beyond_terms"
        /// Past overdues with this seller.
        case pastOverdues = "past_overdues"
        /// The share of the seller's exposure on this buyer.
        case concentration
        /// The PD was raised to the floor; the contribution is what the floor added.
        case pdFloor = "pd_floor"
        /// A source says the buyer is in default: PD 1 and grade 10, whatever else says.
        case inDefault = "in_default"
    }

    /// The factor.
    public let code: Code
    /// Its contribution in log-odds; `nil` for a default, which overrides.
    public let contribution: Double?
    /// The figures behind it, for a person.
    public let detail: String

    /// A reason with its contribution (`nil` only for a default).
    public init(_ code: Code, contribution: Double?, detail: String) {
        self.code = code
        self.contribution = contribution
        self.detail = detail
    }

    /// `code (+0.350): detail`.
    public var description: String {
        "\(code.rawValue) (\(contribution.map(Figures.signed) ?? "overrides")): \(detail)"
    }

    /// Largest |contribution| first, a default before everything; ties by code, then detail, so that the order is
    /// the same in every run.
    static func ordered(_ reasons: [ScoreReason]) -> [ScoreReason] {
        reasons.sorted { a, b in
            let (x, y) = (abs(a.contribution ?? .infinity), abs(b.contribution ?? .infinity))
            if x != y { return x > y }
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            return a.detail < b.detail
        }
    }
}
