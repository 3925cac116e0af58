import TradeCreditModel

/// The scoring pipeline of DOMAIN.md §3: bureau PDs through each scale's map, the Altman score as one more source,
/// consolidation in log-odds weighted by reliability and age, adjustments from data tables, the master scale, a
/// confidence, reasons with signed contributions, and a recommended limit.
///
/// Pure and deterministic: the same ``AssessmentInput`` gives the same ``BuyerAssessment`` (whatever the order of its
/// ratings), which records what it used. It never reads the clock: the evaluation date is an input.
public struct BuyerScorer: Sendable {
    /// The tables and parameters read.
    public let rules: ScoringRules

    /// A scorer reading `rules` (the illustrative set by default).
    public init(rules: ScoringRules = .illustrative) {
        self.rules = rules
    }

    /// Scores one buyer.
    /// - Throws: ``UnderwritingError`` for invalid rules, a factor out of range, or an incorporation date after the
    ///   evaluation date.
    public func assess(_ input: AssessmentInput) throws -> BuyerAssessment {
        try rules.validate()
        try input.factors.validate()
        let asOf = input.asOf

        var candidates = input.ratings.map(SourceCandidate.init)
        var altman: AltmanScore?
        if let statements = input.financialStatements {
            let score = try AltmanScore(statements)
            candidates.append(SourceCandidate(statements: score, probability: rules.altman.probabilityOfDefault(for: score),
                                              map: rules.altman))
            // Statements dated after the evaluation date were not known on it: not even their equity is read.
            if statements.date <= asOf { altman = score }
        }
        let consolidation = RatingConsolidator(parameters: rules.consolidation, pdFloor: rules.masterScale.pdFloor)
            .consolidate(candidates, scales: input.scales, asOf: asOf)
        let (factors, adjustments) = try RiskAdjuster(tables: rules.adjustments).adjust(input.buyer, input.factors, asOf: asOf)

        let outcome = score(consolidation, adjustments: adjustments)
        let suggested = consolidation.usedRatings.compactMap { rating in
            rating.suggestedLimit.map { SuggestedLimit(source: rating.source, amount: $0) }
        }.sorted { ($0.source, $0.amount.currency.code, $0.amount.amountText) < ($1.source, $1.amount.currency.code, $1.amount.amountText) }
        let bookEquity = altman == nil ? nil : input.financialStatements?.bookEquity
        let recommended = try input.underwriting.flatMap { underwriting in
            try outcome.grade.flatMap { grade in
                try recommendedLimit(grade: grade, suggested: suggested, bookEquity: bookEquity, underwriting: underwriting)
            }
        }
        return BuyerAssessment(
            buyerID: input.buyer.id, asOf: asOf, rulesVersion: TradeCreditRisk.rulesVersion, tablesVersion: rules.version,
            probabilityOfDefault: outcome.probability, grade: outcome.grade, isInDefault: consolidation.isInDefault,
            confidence: consolidation.confidence, consolidatedLogOdds: consolidation.logOdds, spread: consolidation.spread,
            reasons: ScoreReason.ordered(outcome.reasons), sources: consolidation.used, droppedSources: consolidation.dropped,
            altman: altman, factors: factors, suggestedLimits: suggested, bookEquity: bookEquity,
            recommendedLimit: recommended)
    }

    /// PD, grade and reasons from the consolidation and the adjustments.
    private func score(_ consolidation: Consolidation, adjustments: [ScoreReason])
        -> (probability: Double?, grade: Int?, reasons: [ScoreReason]) {
        let scale = rules.masterScale
        if consolidation.isInDefault {
            let defaults = consolidation.used.filter { $0.probabilityOfDefault >= 1 }
                .map { "\($0.source) \($0.scaleID) \($0.value) on \($0.ratedOn)" }
            return (1, scale.defaultGrade, [ScoreReason(.inDefault, contribution: nil, detail: defaults.joined(separator: "; "))])
        }
        guard let mean = consolidation.logOdds else { return (nil, nil, []) }

        let reference = LogOdds.of(rules.consolidation.referencePD)
        let floorLogit = LogOdds.of(scale.pdFloor)
        var reasons = consolidation.used.map { source in
            let logit = LogOdds.of(max(scale.pdFloor, source.probabilityOfDefault))
            let code: ScoreReason.Code = source.source == UsedSource.financialStatementsSource ? .financialStatements : .bureauRating
            return ScoreReason(code, contribution: source.share * (logit - reference), detail:
                "\(source.source) \(source.scaleID) \(source.value) on \(source.ratedOn): PD \(Figures.percent(source.probabilityOfDefault)), "
                + "weight \(Figures.decimal(source.weight)) (reliability \(Figures.decimal(source.reliability, places: 2)) "
                + "× age factor \(Figures.decimal(source.ageFactor)) at \(source.ageInDays) days), share \(Figures.percent(source.share))")
        }
        reasons += adjustments
        let adjusted = mean + adjustments.compactMap(\.contribution).reduce(0, +)
        var probability = scale.clamped(LogOdds.probability(adjusted))
        if adjusted < floorLogit {
            probability = scale.pdFloor
            reasons.append(ScoreReason(.pdFloor, contribution: floorLogit - adjusted,
                                       detail: "PD \(Figures.percent(LogOdds.probability(adjusted))) raised to the floor "
                                           + Figures.percent(scale.pdFloor)))
        }
        return (probability, scale.grade(for: probability, inDefault: false), reasons)
    }

    /// The capacity rounded down to the step; zero at or above the refusal grade; `nil` when the capacity cannot be
    /// computed (no cap for the grade, an amount in another currency).
    private func recommendedLimit(grade: Int, suggested: [SuggestedLimit], bookEquity: Money?,
                                  underwriting: UnderwritingParameters) throws -> Money? {
        if grade >= underwriting.refusalGrade { return .zero(underwriting.perBuyerMaximum.currency) }
        switch try LimitCapacity.evaluate(grade: grade, suggestedLimits: suggested, bookEquity: bookEquity,
                                          underwriting: underwriting) {
        case .available(let capacity): return try capacity.amount.rounded(toMultipleOf: underwriting.limitStep, .floor)
        case .unavailable: return nil
        }
    }
}
