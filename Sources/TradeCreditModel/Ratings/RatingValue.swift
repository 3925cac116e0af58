/// What a bureau says about a buyer on its own scale.
public enum RatingValue: Hashable, Sendable, CustomStringConvertible {
    /// A grade label (`"A"`, `"3++"`, `"7"`).
    case grade(String)
    /// A numeric score (`72`, a D&B failure score of `1480`).
    case score(Int)
    /// The bureau does not rate the buyer: its own state, never a PD of zero.
    case notRated
    /// The buyer is in default or insolvent: PD 1 and the worst grade, whatever else says.
    case inDefault

    public var description: String {
        switch self {
        case .grade(let label): return label
        case .score(let score): return String(score)
        case .notRated: return "not rated"
        case .inDefault: return "in default"
        }
    }
}

extension RatingValue: Codable {
    private enum CodingKeys: String, CodingKey { case grade, score, state }

    /// JSON: `{"grade":"A"}`, `{"score":72}`, `{"state":"notRated"}` or `{"state":"inDefault"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let grade = try container.decodeIfPresent(String.self, forKey: .grade) {
            self = .grade(grade)
        } else if let score = try container.decodeIfPresent(Int.self, forKey: .score) {
            self = .score(score)
        } else {
            switch try container.decode(String.self, forKey: .state) {
            case "notRated": self = .notRated
            case "inDefault": self = .inDefault
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .state, in: container,
                    debugDescription: "unknown rating state \"\(other)\" (notRated or inDefault)")
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .grade(let label): try container.encode(label, forKey: .grade)
        case .score(let score): try container.encode(score, forKey: .score)
        case .notRated: try container.encode("notRated", forKey: .state)
        case .inDefault: try container.encode("inDefault", forKey: .state)
        }
    }
}
