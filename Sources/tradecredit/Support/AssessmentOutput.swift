import Foundation
import TradeCredit

/// The output of `assess`: the JSON document of Documentation/CLI.md, its table and its CSV.
///
/// Figures from the engine are rounded for the output: PDs to 6 decimals, confidences, contributions, weights and
/// shares to 4. Amounts are `Money` (`{"amount": "150000.00", "currency": "EUR"}`), as everywhere in the CLI.
struct AssessmentOutput: Encodable {
    /// The decision kinds an assessment can end in, in the order the summaries list them.
    static let decisionKinds: [LimitDecisionKind] = [.approved, .partlyApproved, .refused, .referred]

    let policy: PolicyTerms
    let asOf: CalendarDate
    /// `sample`, or the ratings file as given.
    let ratings: String
    /// The rates' source and the date of the rates used, when an amount was converted.
    let rates: (source: String, date: CalendarDate)?
    let outcomes: [PortfolioAssessment.Outcome]

    // MARK: Summary

    /// Counts per decision kind (every kind of ``decisionKinds``, zeros included).
    var counts: [(kind: LimitDecisionKind, count: Int)] {
        Self.decisionKinds.map { kind in (kind, outcomes.filter { $0.decision.kind == kind }.count) }
    }

    /// The new-limit requests (a preliminary assessment binds nobody: it is left out of the totals).
    private var newLimits: [LimitDecision] { outcomes.filter { $0.request.kind == .newLimit }.map(\.decision) }

    func totals() throws -> (requested: Money, granted: Money) {
        (try Money.sum(newLimits.map(\.requestedAmount), currency: policy.currency),
         try Money.sum(newLimits.map(\.grantedAmount), currency: policy.currency))
    }

    // MARK: JSON

    private enum CodingKeys: String, CodingKey {
        case asOf, buyers, policy, rates, ratings, rulesVersion, summary, tablesVersion
    }
    private enum PolicyKeys: String, CodingKey {
        case id, currency, refusalGrade, limitStep, perBuyerMaximum, automaticAuthority, maximumCreditPeriodDays
    }
    private enum SummaryKeys: String, CodingKey { case buyers, decisions, preliminaryAssessments, requested, granted }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(outcomes.map(BuyerEntry.init), forKey: .buyers)
        var terms = container.nestedContainer(keyedBy: PolicyKeys.self, forKey: .policy)
        try terms.encode(policy.policyID, forKey: .id)
        try terms.encode(policy.currency, forKey: .currency)
        try terms.encode(policy.underwriting.refusalGrade, forKey: .refusalGrade)
        try terms.encode(policy.underwriting.limitStep, forKey: .limitStep)
        try terms.encode(policy.underwriting.perBuyerMaximum, forKey: .perBuyerMaximum)
        try terms.encode(policy.underwriting.automaticAuthority, forKey: .automaticAuthority)
        try terms.encode(policy.maximumCreditPeriodDays, forKey: .maximumCreditPeriodDays)
        try container.encodeRates(rates, forKey: .rates)
        try container.encode(ratings, forKey: .ratings)
        try container.encode(TradeCreditRisk.rulesVersion, forKey: .rulesVersion)
        try container.encode(ScoringRules.illustrative.version, forKey: .tablesVersion)
        var summary = container.nestedContainer(keyedBy: SummaryKeys.self, forKey: .summary)
        try summary.encode(outcomes.count, forKey: .buyers)
        try summary.encode(Dictionary(uniqueKeysWithValues: counts.map { ($0.kind.rawValue, $0.count) }), forKey: .decisions)
        try summary.encode(outcomes.count - newLimits.count, forKey: .preliminaryAssessments)
        let (requested, granted) = try totals()
        try summary.encode(requested, forKey: .requested)
        try summary.encode(granted, forKey: .granted)
    }

    /// One buyer in the JSON form.
    private struct BuyerEntry: Encodable {
        let outcome: PortfolioAssessment.Outcome

        private enum CodingKeys: String, CodingKey {
            case id, line, legalName, request, requestedLimit, paymentTermsDays, probabilityOfDefault, grade, confidence
            case decision, requested, granted, decisionReasons, scoreReasons, sources, droppedSources, conversions
        }
        private enum ScoreKeys: String, CodingKey { case code, contribution, detail }
        /// The keys of a used source (up to `share`) and of a dropped one (the first four, `reason`, `detail`).
        private enum SourceKeys: String, CodingKey {
            case source, scale, value, ratedOn, ageInDays, probabilityOfDefault, weight, share, reason, detail
        }
        private enum ConversionKeys: String, CodingKey { case field, source, from, to, rate, rateDate }

        func encode(to encoder: any Encoder) throws {
            let (record, assessment, decision) = (outcome.record, outcome.assessment, outcome.decision)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(record.buyer.id, forKey: .id)
            try container.encode(outcome.line, forKey: .line)
            try container.encode(record.buyer.legalName, forKey: .legalName)
            try container.encode(outcome.request.kind.rawValue, forKey: .request)
            try container.encodeOrNull(record.requestedLimit, forKey: .requestedLimit)
            try container.encodeOrNull(record.paymentTermsDays, forKey: .paymentTermsDays)
            try container.encodeOrNull(assessment.probabilityOfDefault.map { Rounded.places($0, 6) },
                                       forKey: .probabilityOfDefault)
            try container.encodeOrNull(assessment.grade, forKey: .grade)
            try container.encode(Rounded.places(assessment.confidence, 4), forKey: .confidence)
            try container.encode(decision.kind.rawValue, forKey: .decision)
            try container.encode(decision.requestedAmount, forKey: .requested)
            try container.encode(decision.grantedAmount, forKey: .granted)
            try container.encode(decision.reasons, forKey: .decisionReasons)
            var reasons = container.nestedUnkeyedContainer(forKey: .scoreReasons)
            for reason in assessment.reasons {
                var item = reasons.nestedContainer(keyedBy: ScoreKeys.self)
                try item.encode(reason.code.rawValue, forKey: .code)
                try item.encodeOrNull(reason.contribution.map { Rounded.places($0, 4) }, forKey: .contribution)
                try item.encode(reason.detail, forKey: .detail)
            }
            var sources = container.nestedUnkeyedContainer(forKey: .sources)
            for source in assessment.sources {
                var item = try Self.rating(in: &sources, source.source, source.scaleID, source.value, source.ratedOn)
                try item.encode(source.ageInDays, forKey: .ageInDays)
                try item.encode(Rounded.places(source.probabilityOfDefault, 6), forKey: .probabilityOfDefault)
                try item.encode(Rounded.places(source.weight, 4), forKey: .weight)
                try item.encode(Rounded.places(source.share, 4), forKey: .share)
            }
            var dropped = container.nestedUnkeyedContainer(forKey: .droppedSources)
            for source in assessment.droppedSources {
                var item = try Self.rating(in: &dropped, source.source, source.scaleID, source.value, source.ratedOn)
                try item.encode(source.reason.rawValue, forKey: .reason)
                try item.encode(source.detail, forKey: .detail)
            }
            var conversions = container.nestedUnkeyedContainer(forKey: .conversions)
            for conversion in outcome.conversions {
                var item = conversions.nestedContainer(keyedBy: ConversionKeys.self)
                try item.encode(conversion.field, forKey: .field)
                try item.encodeOrNull(conversion.source, forKey: .source)
                try item.encode(conversion.conversion.original, forKey: .from)
                try item.encode(conversion.conversion.converted, forKey: .to)
                try item.encode(conversion.conversion.crossRate.map { "\($0)" } ?? "1", forKey: .rate)
                try item.encodeOrNull(conversion.conversion.publicationDate, forKey: .rateDate)
            }
        }

        /// A new source object in `list`, with the keys a used and a dropped source share.
        private static func rating(in list: inout any UnkeyedEncodingContainer, _ source: String, _ scale: String,
                                   _ value: String, _ ratedOn: CalendarDate) throws -> KeyedEncodingContainer<SourceKeys> {
            var item = list.nestedContainer(keyedBy: SourceKeys.self)
            try item.encode(source, forKey: .source)
            try item.encode(scale, forKey: .scale)
            try item.encode(value, forKey: .value)
            try item.encode(ratedOn, forKey: .ratedOn)
            return item
        }
    }

    // MARK: Table

    /// One row per buyer, then the summary lines.
    func text() throws -> String {
        var table = TextTable([("ID", .left), ("Legal name", .left), ("Grade", .right), ("PD", .right), ("Conf.", .right),
                               ("Decision", .left), ("Requested", .right), ("Granted", .right), ("Reasons", .left)])
        for outcome in outcomes {
            let (assessment, decision) = (outcome.assessment, outcome.decision)
            let preliminary = outcome.request.kind == .preliminaryAssessment
            table.append([
                outcome.record.buyer.id.rawValue, outcome.record.buyer.legalName,
                assessment.grade.map(String.init) ?? "-",
                assessment.probabilityOfDefault.map { String(format: "%.2f%%", $0 * 100) } ?? "-",
                String(format: "%.2f", assessment.confidence),
                decision.kind.rawValue + (preliminary ? " (preliminary)" : ""),
                preliminary ? "-" : MoneyText.grouped(decision.requestedAmount),
                MoneyText.grouped(decision.grantedAmount),
                Self.topReasons(outcome),
            ])
        }
        let (requested, granted) = try totals()
        let decided = counts.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
        var lines = [table.render(), ""]
        lines.append("\(outcomes.count) buyers assessed on \(asOf) under policy \(policy.policyID) (typical terms, "
                     + "\(policy.currency)): \(decided).")
        let preliminaries = outcomes.count - newLimits.count
        lines.append("New limits: \(MoneyText.grouped(requested)) requested, \(MoneyText.grouped(granted)) granted"
                     + (preliminaries > 0 ? " (not counting \(preliminaries) preliminary assessment\(preliminaries == 1 ? "" : "s"))."
                                          : "."))
        let rateLine: String
        if let rates {
            rateLine = "\(rates.source) reference rates of \(rates.date)"
                + (rates.date < asOf ? " (the last publication of the source on or before \(asOf))" : "")
        } else {
            rateLine = "none needed"
        }
        lines.append("Ratings: \(ratings). Rates: \(rateLine). Scoring tables \(ScoringRules.illustrative.version) "
                     + "(illustrative).")
        return lines.joined(separator: "\n")
    }

    /// The decision's reason codes (its grade left out: the Grade column shows it), the two largest scoring reasons
    /// with their contributions (those that round to ±0.000 left out), and the dropped sources' reasons.
    static func topReasons(_ outcome: PortfolioAssessment.Outcome) -> String {
        var parts = outcome.decision.reasons.map(\.code).filter { $0 != LimitReason.assessedGrade.rawValue }
        parts += outcome.assessment.reasons.filter { abs($0.contribution ?? 1) >= 0.0005 }.prefix(2).map(scoreText)
        parts += outcome.assessment.droppedSources.map { "dropped \($0.source) \($0.reason.rawValue)" }
        return parts.joined(separator: ", ")
    }

    /// `bureau_rating -1.234`, or `in_default` (which has no contribution).
    static func scoreText(_ reason: ScoreReason) -> String {
        reason.code.rawValue + (reason.contribution.map { String(format: " %+.3f", $0) } ?? "")
    }

    // MARK: CSV

    static let csvColumns = [
        "id", "legal_name", "country", "request", "requested_limit", "requested_limit_currency", "payment_terms_days",
        "grade", "probability_of_default", "confidence", "decision", "requested", "granted", "currency",
        "decision_reasons", "score_reasons", "sources_used", "sources_dropped",
    ]

    /// The header, then one row per buyer.
    func csv() -> String {
        CSVText.document([Self.csvColumns] + outcomes.map { outcome in
            let (record, assessment, decision) = (outcome.record, outcome.assessment, outcome.decision)
            return [
                record.buyer.id.rawValue, record.buyer.legalName, record.buyer.country.code, outcome.request.kind.rawValue,
                record.requestedLimit?.amountText ?? "", record.requestedLimit?.currency.code ?? "",
                record.paymentTermsDays.map(String.init) ?? "",
                assessment.grade.map(String.init) ?? "",
                assessment.probabilityOfDefault.map { Rounded.text($0, 6) } ?? "",
                Rounded.text(assessment.confidence, 4),
                decision.kind.rawValue, decision.requestedAmount.amountText, decision.grantedAmount.amountText,
                decision.grantedAmount.currency.code,
                decision.reasons.map(\.code).joined(separator: ";"),
                assessment.reasons.map { $0.code.rawValue + ($0.contribution.map { String(format: ":%+.4f", $0) } ?? "") }
                    .joined(separator: ";"),
                assessment.sources.map { "\($0.source) \($0.scaleID) \($0.value) on \($0.ratedOn)" }.joined(separator: ";"),
                assessment.droppedSources.map { "\($0.source) \($0.scaleID) \($0.value) on \($0.ratedOn): \($0.reason.rawValue)" }
                    .joined(separator: ";"),
            ]
        })
    }
}

/// Engine figures rounded for output.
enum Rounded {
    /// `value` rounded half away from zero to `places` decimals.
    static func places(_ value: Double, _ places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (value * factor).rounded() / factor
    }

    /// `value` rounded to `places` decimals as JSON writes it: `0.000332`, `1`, `0`.
    static func text(_ value: Double, _ places: Int) -> String {
        let rounded = Self.places(value, places)
        return rounded == rounded.rounded() ? String(Int(rounded)) : "\(rounded)"
    }
}
