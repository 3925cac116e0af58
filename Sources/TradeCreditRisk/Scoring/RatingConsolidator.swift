internal import Foundation
import TradeCreditModel

/// One source before consolidation: a bureau rating, or the Altman score of the statements.
struct SourceCandidate {
    enum Reading {
        /// A bureau rating, read through its scale.
        case rating(BureauRating)
        /// A PD already read (the Altman score through the Z-score map).
        case probability(Double, mapVersion: String, mapDate: CalendarDate)
    }

    let source: String
    let scaleID: String
    let value: String
    let ratedOn: CalendarDate
    let reading: Reading

    init(_ rating: BureauRating) {
        source = rating.source
        scaleID = rating.scaleID
        value = rating.value.description
        ratedOn = rating.ratedOn
        reading = .rating(rating)
    }

    init(statements score: AltmanScore, probability: Double, map: ZScorePDMap) {
        source = UsedSource.financialStatementsSource
        scaleID = "altman-\(score.model.rawValue)"
        value = (score.model == .zDoublePrime ? "Z''=" : "Z=") + Figures.decimal(score.value)
        ratedOn = score.date
        reading = .probability(probability, mapVersion: map.version, mapDate: map.date)
    }

    /// A canonical order (source, scale, newest first, value), so that the output does not depend on the order of
    /// the input.
    static func canonicalOrder(_ a: SourceCandidate, _ b: SourceCandidate) -> Bool {
        (a.source, a.scaleID, -a.ratedOn.daysSinceEpoch, a.value) < (b.source, b.scaleID, -b.ratedOn.daysSinceEpoch, b.value)
    }
}

/// The consolidation of several sources in log-odds (DOMAIN.md §3 steps 1–2).
struct Consolidation {
    /// Sources used, heaviest first.
    let used: [UsedSource]
    /// The bureau ratings among them (for their suggested limits).
    let usedRatings: [BureauRating]
    /// Sources set aside.
    let dropped: [DroppedSource]
    /// Whether a used source says *in default*.
    let isInDefault: Bool
    /// The weighted mean log-odds of the live sources; `nil` without one.
    let logOdds: Double?
    /// The weighted standard deviation of the live sources' log-odds.
    let spread: Double?
    /// The confidence (see ``ConsolidationParameters/confidence(totalWeight:spread:)``).
    let confidence: Double
}

/// Reads each source's PD, drops what cannot be used, weighs the rest by reliability and age, and averages the live
/// sources in log-odds.
struct RatingConsolidator {
    let parameters: ConsolidationParameters
    /// Source PDs are raised to the floor before their log-odds are taken.
    let pdFloor: Double

    func consolidate(_ candidates: [SourceCandidate], scales: [RatingScale], asOf: CalendarDate) -> Consolidation {
        let ordered = candidates.sorted(by: SourceCandidate.canonicalOrder)
        var used: [(UsedSource, BureauRating?)] = []
        var dropped: [DroppedSource] = []
        for candidate in ordered {
            switch read(candidate, among: ordered, scales: scales, asOf: asOf) {
            case .success(let source):
                if case .rating(let rating) = candidate.reading { used.append((source, rating)) } else { used.append((source, nil)) }
            case .failure(let drop):
                dropped.append(DroppedSource(source: candidate.source, scaleID: candidate.scaleID, value: candidate.value,
                                             ratedOn: candidate.ratedOn, reason: drop.reason, detail: drop.detail))
            }
        }

        let live = used.map(\.0).filter { $0.probabilityOfDefault < 1 }
        let liveWeight = live.map(\.weight).reduce(0, +)
        let totalWeight = used.map(\.0.weight).reduce(0, +)
        var logOdds: Double?
        var spread: Double?
        let isInDefault = used.contains { $0.0.probabilityOfDefault >= 1 }
        // In default, no estimate is made: the live sources are listed, not averaged.
        if liveWeight > 0, !isInDefault {
            let mean = live.map { $0.weight * logit($0.probabilityOfDefault) }.reduce(0, +) / liveWeight
            let variance = live.map { $0.weight * pow(logit($0.probabilityOfDefault) - mean, 2) }.reduce(0, +) / liveWeight
            logOdds = mean
            spread = variance.squareRoot()
        }
        // A default is a fact, not an estimate: only the evidence counts, disagreement does not lower it.
        let confidence = parameters.confidence(totalWeight: isInDefault ? totalWeight : liveWeight,
                                               spread: isInDefault ? 0 : spread ?? 0)
        let sorted = used.map { ($0.0.sharing(isInDefault ? 0 : liveWeight), $0.1) }.sorted { a, b in
            a.0.weight != b.0.weight ? a.0.weight > b.0.weight
                : (a.0.source, a.0.scaleID, a.0.ratedOn) < (b.0.source, b.0.scaleID, b.0.ratedOn)
        }
        return Consolidation(used: sorted.map(\.0), usedRatings: sorted.compactMap(\.1), dropped: dropped,
                             isInDefault: isInDefault, logOdds: logOdds, spread: spread, confidence: confidence)
    }

    /// The log-odds of a source PD, raised to the floor first.
    func logit(_ probability: Double) -> Double { LogOdds.of(max(pdFloor, probability)) }

    private struct Drop: Error {
        let reason: DroppedSource.Reason
        let detail: String
    }

    /// The checks, in the order ``DroppedSource/Reason`` lists them.
    private func read(_ candidate: SourceCandidate, among all: [SourceCandidate], scales: [RatingScale],
                      asOf: CalendarDate) -> Result<UsedSource, Drop> {
        let age = asOf.days(since: candidate.ratedOn)
        if age < 0 {
            return .failure(Drop(reason: .ratedAfterAsOf, detail: "dated \(candidate.ratedOn), after the evaluation date \(asOf)"))
        }
        if let newer = all.first(where: { $0.source == candidate.source && $0.scaleID == candidate.scaleID
                                          && $0.ratedOn > candidate.ratedOn && $0.ratedOn <= asOf }) {
            return .failure(Drop(reason: .superseded, detail: "\(candidate.source) rated again on \(newer.ratedOn) (\(newer.value))"))
        }
        if age > parameters.maximumAgeDays {
            return .failure(Drop(reason: .tooOld, detail: "\(age) days old, more than the maximum \(parameters.maximumAgeDays)"))
        }
        let probability: Double
        let mapVersion: String
        let mapDate: CalendarDate
        switch candidate.reading {
        case .probability(let pd, let version, let date):
            (probability, mapVersion, mapDate) = (pd, version, date)
        case .rating(let rating):
            guard let scale = scales.first(where: { $0.id == rating.scaleID }) else {
                return .failure(Drop(reason: .unknownScale, detail: "no scale \(rating.scaleID) among the inputs"))
            }
            let pd: Double?
            do { pd = try scale.probabilityOfDefault(for: rating.value) } catch {
                return .failure(Drop(reason: .offScale, detail: "\(rating.value) is not on \(scale.id)"))
            }
            guard let pd else {
                return .failure(Drop(reason: .notRated, detail: "\(rating.source) does not rate the buyer (\(rating.value))"))
            }
            (probability, mapVersion, mapDate) = (pd, scale.pdMap.version, scale.pdMap.date)
        }
        let reliability = parameters.reliability(of: candidate.source)
        guard reliability > 0 else {
            return .failure(Drop(reason: .zeroReliability, detail: "\(candidate.source) has reliability 0"))
        }
        let ageFactor = LogOdds.decay(days: age, halfLife: parameters.halfLifeDays)
        return .success(UsedSource(
            source: candidate.source, scaleID: candidate.scaleID, value: candidate.value, ratedOn: candidate.ratedOn,
            ageInDays: age, probabilityOfDefault: min(1, probability), reliability: reliability, ageFactor: ageFactor,
            weight: reliability * ageFactor, share: 0, mapVersion: mapVersion, mapDate: mapDate))
    }
}
