public import TradeCreditModel

/// A source the consolidation used, with the figures of its weight.
public struct UsedSource: Hashable, Sendable, Codable {
    /// The source name given to the Altman score of the financial statements.
    public static let financialStatementsSource = "financial-statements"

    /// The bureau (`BureauRating.source`), or ``financialStatementsSource``.
    public let source: String
    /// The rating scale, or `altman-zDoublePrime` / `altman-zOriginal`.
    public let scaleID: String
    /// The value as the source gave it (`"72"`, `"3++"`, `"in default"`, `"Z''=2.874"`).
    public let value: String
    /// The date of the rating or of the balance sheet.
    public let ratedOn: CalendarDate
    /// Days from `ratedOn` to the evaluation date.
    public let ageInDays: Int
    /// The PD the source's map gives (1 for a default).
    public let probabilityOfDefault: Double
    /// The source's reliability.
    public let reliability: Double
    /// 0.5^(age / half-life).
    public let ageFactor: Double
    /// reliability × age factor.
    public let weight: Double
    /// The weight as a share of the live sources' total (0 for a default, which is not averaged).
    public let share: Double
    /// The version of the PD map read (a scale's map, or the Z-score map).
    public let mapVersion: String
    /// The date of the PD map read.
    public let mapDate: CalendarDate

    /// A used source with every figure given (the engine makes these; a host decodes them).
    public init(source: String, scaleID: String, value: String, ratedOn: CalendarDate, ageInDays: Int,
                probabilityOfDefault: Double, reliability: Double, ageFactor: Double, weight: Double, share: Double,
                mapVersion: String, mapDate: CalendarDate) {
        self.source = source
        self.scaleID = scaleID
        self.value = value
        self.ratedOn = ratedOn
        self.ageInDays = ageInDays
        self.probabilityOfDefault = probabilityOfDefault
        self.reliability = reliability
        self.ageFactor = ageFactor
        self.weight = weight
        self.share = share
        self.mapVersion = mapVersion
        self.mapDate = mapDate
    }

    /// The same source with its share of `totalWeight`.
    func sharing(_ totalWeight: Double) -> UsedSource {
        UsedSource(source: source, scaleID: scaleID, value: value, ratedOn: ratedOn, ageInDays: ageInDays,
                   probabilityOfDefault: probabilityOfDefault, reliability: reliability, ageFactor: ageFactor, weight: weight,
                   share: probabilityOfDefault < 1 && totalWeight > 0 ? weight / totalWeight : 0,
                   mapVersion: mapVersion, mapDate: mapDate)
    }
}

/// A source the consolidation set aside, and why.
public struct DroppedSource: Hashable, Sendable, Codable {
    /// Why a source was dropped, in the order the checks run. Stable codes.
    public enum Reason: String, Hashable, Sendable, Codable, CaseIterable {
        /// Dated after the evaluation date: not known on it.
        case ratedAfterAsOf = "rated_after_as_of"
        /// The same bureau has a newer rating on the same scale.
        case superseded
        /// Older than the maximum age.
        case tooOld = "too_old"
        /// The input has no scale with that id.
        case unknownScale = "unknown_scale"
        /// The bureau does not rate the buyer: never a PD of zero.
        case notRated = "not_rated"
        /// A grade or score that is not on the scale.
        case offScale = "off_scale"
        /// The source's reliability is zero.
        case zeroReliability = "zero_reliability"
    }

    /// The bureau, or ``UsedSource/financialStatementsSource``.
    public let source: String
    /// The scale id.
    public let scaleID: String
    /// The value as given.
    public let value: String
    /// The date of the rating.
    public let ratedOn: CalendarDate
    /// Why it was dropped.
    public let reason: Reason
    /// The figures behind it.
    public let detail: String

    /// A dropped source with its reason.
    public init(source: String, scaleID: String, value: String, ratedOn: CalendarDate, reason: Reason, detail: String) {
        self.source = source
        self.scaleID = scaleID
        self.value = value
        self.ratedOn = ratedOn
        self.reason = reason
        self.detail = detail
    }
}

/// The adjustment factors as the assessment read them (`nil`: unknown, not applied).
public struct AppliedFactors: Hashable, Sendable, Codable {
    /// OECD country risk category.
    public var countryRiskCategory: Int?
    /// The buyer's NACE code.
    public var sector: NACECode?
    /// The buyer's age in whole years on the evaluation date.
    public var companyAgeYears: Int?
    /// Days beyond terms.
    public var daysBeyondTerms: Int?
    /// Past overdues with this seller.
    public var pastOverdues: Int?
    /// Share of the seller's exposure.
    public var concentrationShare: Double?

    /// The factors read, each `nil` when unknown.
    public init(countryRiskCategory: Int? = nil, sector: NACECode? = nil, companyAgeYears: Int? = nil,
                daysBeyondTerms: Int? = nil, pastOverdues: Int? = nil, concentrationShare: Double? = nil) {
        self.countryRiskCategory = countryRiskCategory
        self.sector = sector
        self.companyAgeYears = companyAgeYears
        self.daysBeyondTerms = daysBeyondTerms
        self.pastOverdues = pastOverdues
        self.concentrationShare = concentrationShare
    }
}

/// A credit limit a bureau suggests in a used report.
public struct SuggestedLimit: Hashable, Sendable, Codable {
    /// The bureau.
    public let source: String
    /// The amount, in the bureau's currency.
    public let amount: Money

    /// A suggestion of `source` for `amount`.
    public init(source: String, amount: Money) {
        self.source = source
        self.amount = amount
    }
}

/// The result of scoring one buyer (DOMAIN.md §3): PD, grade, confidence, reasons, the sources used and dropped,
/// and a recommended limit. It records the inputs it used, the evaluation date and the rules' versions, so that a
/// decision taken on it can be replayed.
public struct BuyerAssessment: Hashable, Sendable, Codable {
    /// The buyer.
    public let buyerID: BuyerID
    /// The evaluation date.
    public let asOf: CalendarDate
    /// The engine's rules version (``TradeCreditRisk/rulesVersion``).
    public let rulesVersion: String
    /// The version of the ``ScoringRules`` read.
    public let tablesVersion: String
    /// The one-year PD in [floor, 1]; `nil` when no source is usable (the limit decision is then referred).
    public let probabilityOfDefault: Double?
    /// The master-scale grade 1–10; `nil` without a PD.
    public let grade: Int?
    /// Whether a source says the buyer is in default (PD 1, grade 10).
    public let isInDefault: Bool
    /// How far to trust the PD, in [0, 1): more and fresher sources raise it, disagreement lowers it; 0 without PD.
    public let confidence: Double
    /// The weighted mean log-odds of the live sources, before adjustments.
    public let consolidatedLogOdds: Double?
    /// The weighted standard deviation of the live sources' log-odds around that mean.
    public let spread: Double?
    /// Each factor's contribution, largest first.
    public let reasons: [ScoreReason]
    /// The sources used, heaviest first.
    public let sources: [UsedSource]
    /// The sources set aside, with why.
    public let droppedSources: [DroppedSource]
    /// The Altman score, when statements dated by the evaluation date were given.
    public let altman: AltmanScore?
    /// The adjustment factors read.
    public let factors: AppliedFactors
    /// Limits the used bureau reports suggest.
    public let suggestedLimits: [SuggestedLimit]
    /// The buyer's book equity, when statements dated by the evaluation date were given.
    public let bookEquity: Money?
    /// The recommended limit (capacity rounded down to the step) when underwriting parameters were given and the
    /// capacity can be computed; zero at or above the refusal grade or in default.
    public let recommendedLimit: Money?

    /// An assessment with every field given (the scorer makes these; a host decodes stored ones).
    public init(buyerID: BuyerID, asOf: CalendarDate, rulesVersion: String, tablesVersion: String,
                probabilityOfDefault: Double?, grade: Int?, isInDefault: Bool, confidence: Double,
                consolidatedLogOdds: Double?, spread: Double?, reasons: [ScoreReason], sources: [UsedSource],
                droppedSources: [DroppedSource], altman: AltmanScore?, factors: AppliedFactors,
                suggestedLimits: [SuggestedLimit], bookEquity: Money?, recommendedLimit: Money?) {
        self.buyerID = buyerID
        self.asOf = asOf
        self.rulesVersion = rulesVersion
        self.tablesVersion = tablesVersion
        self.probabilityOfDefault = probabilityOfDefault
        self.grade = grade
        self.isInDefault = isInDefault
        self.confidence = confidence
        self.consolidatedLogOdds = consolidatedLogOdds
        self.spread = spread
        self.reasons = reasons
        self.sources = sources
        self.droppedSources = droppedSources
        self.altman = altman
        self.factors = factors
        self.suggestedLimits = suggestedLimits
        self.bookEquity = bookEquity
        self.recommendedLimit = recommendedLimit
    }
}
