public import Foundation

/// What one bureau said about one buyer, and when.
public struct BureauAnswer: Sendable, Hashable, Codable {
    /// How the bureau answered.
    public enum Outcome: Sendable, Hashable, Codable {
        /// Ratings (empty: the bureau does not know the buyer).
        case rated(ratings: [BureauRating])
        /// The lookup failed: a stable code and a message without secrets.
        case failed(code: String, message: String)
        /// No answer within the policy's timeout.
        case timedOut
        /// Not asked: an earlier bureau of the fallback chain answered.
        case skipped
    }

    /// The bureau's name.
    public let bureau: String
    /// Its outcome.
    public let outcome: Outcome
    /// When the answer was obtained (for a cached answer: when it was first obtained).
    public let answeredAt: Date?
    /// Whether the answer came from the cache.
    public let fromCache: Bool

    public init(bureau: String, outcome: Outcome, answeredAt: Date?, fromCache: Bool) {
        self.bureau = bureau
        self.outcome = outcome
        self.answeredAt = answeredAt
        self.fromCache = fromCache
    }

    /// The ratings, when the bureau answered.
    public var ratings: [BureauRating] {
        if case .rated(let ratings) = outcome { return ratings }
        return []
    }
}

/// Everything the bureaus said about one buyer.
public struct CompositeLookup: Sendable, Hashable, Codable {
    /// The query.
    public let query: BuyerQuery
    /// One answer per bureau, in the bureaus' configured order.
    public let answers: [BureauAnswer]

    public init(query: BuyerQuery, answers: [BureauAnswer]) {
        self.query = query
        self.answers = answers
    }

    /// Every rating of every bureau that answered.
    public var ratings: [BureauRating] { answers.flatMap(\.ratings) }

    /// The bureaus that failed or timed out.
    public var failures: [BureauAnswer] {
        answers.filter {
            switch $0.outcome {
            case .failed, .timedOut: return true
            case .rated, .skipped: return false
            }
        }
    }
}
