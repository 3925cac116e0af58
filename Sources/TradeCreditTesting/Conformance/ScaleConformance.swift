import TradeCreditModel

/// Checks a rating scale through its public lookup, independently of how it validated itself.
enum ScaleConformance {
    static let name = "scale: every value has a PD, monotone along the scale"

    static func check(_ scale: RatingScale) -> ConformanceCheck {
        do {
            let pds = try orderedPDs(scale)
            for (value, pd) in pds where !(pd > 0 && pd <= 1) {
                return ConformanceCheck(name: name, verdict: .failed, detail: "\(scale.id): \(value) has PD \(pd)")
            }
            for (better, worse) in zip(pds, pds.dropFirst()) where worse.1 < better.1 {
                return ConformanceCheck(name: name, verdict: .failed,
                                        detail: "\(scale.id): PD improves from \(better.0) (\(better.1)) to \(worse.0) (\(worse.1))")
            }
            for label in scale.notRatedLabels where try scale.probabilityOfDefault(for: .grade(label)) != nil {
                return ConformanceCheck(name: name, verdict: .failed, detail: "\(scale.id): not-rated \(label) has a PD")
            }
            for label in scale.defaultLabels where try scale.probabilityOfDefault(for: .grade(label)) != 1 {
                return ConformanceCheck(name: name, verdict: .failed, detail: "\(scale.id): default \(label) is not PD 1")
            }
            return ConformanceCheck(name: name, verdict: .passed,
                                    detail: "\(scale.id) \(scale.pdMap.version) (\(pds.count) values)")
        } catch {
            return ConformanceCheck(name: name, verdict: .failed, detail: "\(scale.id): \(error)")
        }
    }

    /// The PD of each value, best value first.
    private static func orderedPDs(_ scale: RatingScale) throws -> [(RatingValue, Double)] {
        var values: [RatingValue]
        switch scale.kind {
        case .grades(let grades):
            values = grades.map(RatingValue.grade)
        case .scores(let low, let high):
            // Every score of a usual scale; the band edges of a very wide one.
            if high - low <= 100_000 {
                values = (low...high).map(RatingValue.score)
            } else {
                values = scale.pdMap.entries.flatMap { entry -> [RatingValue] in
                    guard case .scores(let from, let to) = entry.key else { return [] }
                    return [.score(from), .score(to)]
                }.sorted { if case .score(let a) = $0, case .score(let b) = $1 { a < b } else { false } }
            }
            if scale.direction == .higherIsBetter { values.reverse() }
        }
        return try values.compactMap { value in
            let normalized = scale.normalized(value)
            guard normalized == value else { return nil }  // a special label, checked on its own
            guard let pd = try scale.probabilityOfDefault(for: value) else { return nil }
            return (value, pd)
        }
    }
}
