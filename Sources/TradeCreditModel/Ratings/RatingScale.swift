/// A bureau's native rating scale and its map to a one-year probability of default (PD).
///
/// Scales are grades (an ordered list of labels, best first) or scores (an integer range whose direction is
/// stated). Special labels mean *not rated* or *in default*. The PD map is versioned, dated data — no bureau
/// publishes PD per band, so the maps shipped with the SDK are illustrative and meant to be replaced.
public struct RatingScale: Hashable, Sendable, Codable, Identifiable {
    /// Grades or scores.
    public enum Kind: Hashable, Sendable, Codable {
        /// Grade labels, best first.
        case grades([String])
        /// Integer scores from `min` to `max`.
        case scores(min: Int, max: Int)
    }

    /// Which end of a score range is the better one.
    public enum Direction: String, Hashable, Sendable, Codable {
        /// 100 is better than 1 (Creditsafe, PAYDEX, Coface DRA).
        case higherIsBetter
        /// 1 is better than 10 (Allianz Trade grade, Atradius buyer rating).
        case higherIsWorse
    }

    /// A stable identifier, e.g. `creditsafe-international-score`.
    public let id: String
    /// A name for people.
    public let name: String
    /// Grades or scores.
    public let kind: Kind
    /// For scores, which end is better (grades are ordered best first).
    public let direction: Direction
    /// Labels the bureau uses for *not rated* (`"E"`, `"NR"`).
    public let notRatedLabels: Set<String>
    /// Labels the bureau uses for *in default* or *insolvent* (`"0"` on Coface DRA, `"P"` at the Banque de France).
    public let defaultLabels: Set<String>
    /// The PD map.
    public let pdMap: PDMap

    /// - Throws: ``ModelError`` `.inconsistent` when the map does not cover every grade or score exactly once, when
    ///   a band falls outside the scale, or when PD does not worsen monotonically along the scale; `.outOfRange`
    ///   for a PD outside (0, 1].
    public init(id: String, name: String, kind: Kind, direction: Direction = .higherIsBetter,
                notRatedLabels: Set<String> = [], defaultLabels: Set<String> = [], pdMap: PDMap) throws {
        self.id = id
        self.name = name
        self.kind = kind
        self.direction = direction
        self.notRatedLabels = notRatedLabels
        self.defaultLabels = defaultLabels
        self.pdMap = pdMap
        try validate()
    }

    private func validate() throws {
        for entry in pdMap.entries where !(entry.probabilityOfDefault > 0 && entry.probabilityOfDefault <= 1) {
            throw ModelError(.outOfRange, field: "pdMap.\(entry.key)", value: String(entry.probabilityOfDefault),
                             "scale \(id): a PD is in (0, 1]")
        }
        if let both = notRatedLabels.intersection(defaultLabels).first {
            throw ModelError(.inconsistent, field: "defaultLabels", value: both,
                             "scale \(id): a label cannot mean both not rated and in default")
        }
        switch kind {
        case .grades(let grades):
            guard !grades.isEmpty else {
                throw ModelError(.missingValue, field: "kind", "scale \(id): a grade scale needs at least one grade")
            }
            if let repeated = grades.first(where: { grade in grades.filter { $0 == grade }.count > 1 }) {
                throw ModelError(.inconsistent, field: "kind", value: repeated, "scale \(id): grade listed twice")
            }
            var previous = 0.0
            for grade in grades {
                let matches = pdMap.entries.filter { $0.key == .grade(grade) }
                guard matches.count == 1 else {
                    throw ModelError(.inconsistent, field: "pdMap", value: grade,
                                     "scale \(id): every grade needs exactly one PD (found \(matches.count))")
                }
                guard matches[0].probabilityOfDefault >= previous else {
                    throw ModelError(.inconsistent, field: "pdMap", value: grade,
                                     "scale \(id): PD must not improve from a better grade to a worse one")
                }
                previous = matches[0].probabilityOfDefault
            }
            if let stray = pdMap.entries.first(where: { if case .grade(let g) = $0.key { !grades.contains(g) } else { true } }) {
                throw ModelError(.inconsistent, field: "pdMap", value: stray.key.description, "scale \(id): not a grade of the scale")
            }
        case .scores(let low, let high):
            // Bounded so that the band arithmetic below can never overflow, whatever a configuration file says.
            let limit = 1_000_000_000
            guard low >= -limit, high <= limit else {
                throw ModelError(.outOfRange, field: "kind", value: "\(low)...\(high)",
                                 "scale \(id): scores must lie within ±\(limit)")
            }
            guard low <= high else {
                throw ModelError(.inconsistent, field: "kind", value: "\(low)...\(high)", "scale \(id): empty score range")
            }
            var bands: [(Int, Int, Double)] = []
            for entry in pdMap.entries {
                guard case .scores(let from, let to) = entry.key, from <= to, from >= low, to <= high else {
                    throw ModelError(.inconsistent, field: "pdMap", value: entry.key.description,
                                     "scale \(id): bands must be score ranges within \(low)...\(high)")
                }
                bands.append((from, to, entry.probabilityOfDefault))
            }
            bands.sort { $0.0 < $1.0 }
            var next = low
            for band in bands {
                guard band.0 == next else {
                    throw ModelError(.inconsistent, field: "pdMap", value: "\(band.0)...\(band.1)",
                                     "scale \(id): score bands must cover \(low)...\(high) without gap or overlap")
                }
                next = band.1 + 1
            }
            guard next == high + 1 else {
                throw ModelError(.inconsistent, field: "pdMap", value: "\(next)...\(high)",
                                 "scale \(id): scores not covered by the PD map")
            }
            // Ascending scores: PD falls when higher is better, rises when higher is worse.
            for (lower, upper) in zip(bands, bands.dropFirst()) {
                let monotone = direction == .higherIsBetter ? upper.2 <= lower.2 : upper.2 >= lower.2
                guard monotone else {
                    throw ModelError(.inconsistent, field: "pdMap", value: "\(upper.0)...\(upper.1)",
                                     "scale \(id): PD must worsen monotonically along the scale")
                }
            }
        }
    }

    /// Turns special labels into their states: a grade or score the bureau uses for *not rated* or *in default*.
    public func normalized(_ value: RatingValue) -> RatingValue {
        let label: String
        switch value {
        case .grade(let grade): label = grade
        case .score(let score): label = String(score)
        case .notRated, .inDefault: return value
        }
        if defaultLabels.contains(label) { return .inDefault }
        if notRatedLabels.contains(label) { return .notRated }
        return value
    }

    /// The PD of a rating on this scale: 1 for *in default*, `nil` for *not rated* (never zero).
    /// - Throws: ``ModelError`` `.outOfRange` for a grade or score that is not on the scale.
    public func probabilityOfDefault(for value: RatingValue) throws -> Double? {
        switch normalized(value) {
        case .notRated: return nil
        case .inDefault: return 1
        case .grade(let grade):
            guard let entry = pdMap.entries.first(where: { $0.key == .grade(grade) }) else {
                throw ModelError(.outOfRange, field: id, value: grade, "not a grade of this scale")
            }
            return entry.probabilityOfDefault
        case .score(let score):
            guard let entry = pdMap.entries.first(where: {
                if case .scores(let from, let to) = $0.key { return from <= score && score <= to }
                return false
            }) else {
                throw ModelError(.outOfRange, field: id, value: String(score), "score outside the scale")
            }
            return entry.probabilityOfDefault
        }
    }
}

/// A versioned, dated table from a scale's grades or score bands to one-year PDs.
public struct PDMap: Hashable, Sendable, Codable {
    /// What a PD applies to.
    public enum Key: Hashable, Sendable, Codable, CustomStringConvertible {
        /// One grade label.
        case grade(String)
        /// A band of scores, both ends included.
        case scores(from: Int, to: Int)

        public var description: String {
            switch self {
            case .grade(let grade): return grade
            case .scores(let from, let to): return "\(from)...\(to)"
            }
        }
    }

    /// One row of the map.
    public struct Entry: Hashable, Sendable, Codable {
        /// The grade or score band.
        public let key: Key
        /// One-year probability of default, in (0, 1].
        public let probabilityOfDefault: Double

        public init(_ key: Key, _ probabilityOfDefault: Double) {
            self.key = key
            self.probabilityOfDefault = probabilityOfDefault
        }
    }

    /// Version label of the calibration.
    public let version: String
    /// The date the calibration applies from.
    public let date: CalendarDate
    /// Whether the map is illustrative (not calibrated on data). Every map shipped with the SDK is.
    public let isIllustrative: Bool
    /// Where the numbers come from.
    public let source: String
    /// The rows.
    public let entries: [Entry]

    public init(version: String, date: CalendarDate, isIllustrative: Bool, source: String, entries: [Entry]) {
        self.version = version
        self.date = date
        self.isIllustrative = isIllustrative
        self.source = source
        self.entries = entries
    }
}

extension RatingScale {
    private enum CodingKeys: String, CodingKey { case id, name, kind, direction, notRatedLabels, defaultLabels, pdMap }

    /// Encodes with the label sets as sorted arrays, so that the JSON is the same in every process.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(direction, forKey: .direction)
        try container.encode(notRatedLabels.sorted(), forKey: .notRatedLabels)
        try container.encode(defaultLabels.sorted(), forKey: .defaultLabels)
        try container.encode(pdMap, forKey: .pdMap)
    }

    /// Decodes and validates like ``init(id:name:kind:direction:notRatedLabels:defaultLabels:pdMap:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                id: try container.decode(String.self, forKey: .id),
                name: try container.decode(String.self, forKey: .name),
                kind: try container.decode(Kind.self, forKey: .kind),
                direction: try container.decodeIfPresent(Direction.self, forKey: .direction) ?? .higherIsBetter,
                notRatedLabels: try container.decodeIfPresent(Set<String>.self, forKey: .notRatedLabels) ?? [],
                defaultLabels: try container.decodeIfPresent(Set<String>.self, forKey: .defaultLabels) ?? [],
                pdMap: try container.decode(PDMap.self, forKey: .pdMap))
        } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(forKey: .pdMap, in: container, debugDescription: error.description)
        }
    }
}

