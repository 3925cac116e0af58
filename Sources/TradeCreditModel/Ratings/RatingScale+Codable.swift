extension RatingScale.Kind {
    private enum CodingKeys: String, CodingKey { case grades, scores }
    private struct Range: Codable { let min: Int; let max: Int }

    /// JSON: `{"grades":["A","B","C"]}` or `{"scores":{"min":1,"max":100}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let grades = try container.decodeIfPresent([String].self, forKey: .grades) {
            self = .grades(grades)
        } else {
            let range = try container.decode(Range.self, forKey: .scores)
            self = .scores(min: range.min, max: range.max)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .grades(let grades): try container.encode(grades, forKey: .grades)
        case .scores(let min, let max): try container.encode(Range(min: min, max: max), forKey: .scores)
        }
    }
}

extension PDMap.Key {
    private enum CodingKeys: String, CodingKey { case grade, scores }
    private struct Band: Codable { let from: Int; let to: Int }

    /// JSON: `{"grade":"A"}` or `{"scores":{"from":71,"to":100}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let grade = try container.decodeIfPresent(String.self, forKey: .grade) {
            self = .grade(grade)
        } else {
            let band = try container.decode(Band.self, forKey: .scores)
            self = .scores(from: band.from, to: band.to)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .grade(let grade): try container.encode(grade, forKey: .grade)
        case .scores(let from, let to): try container.encode(Band(from: from, to: to), forKey: .scores)
        }
    }
}

