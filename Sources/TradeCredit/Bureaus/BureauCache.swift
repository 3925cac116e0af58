import Foundation

/// Answers kept per bureau and buyer until their time to live runs out. Only successful answers are cached.
public actor BureauCache {
    private struct Key: Hashable {
        let bureau: String
        let identifiers: [String]
    }

    private struct Entry {
        let ratings: [BureauRating]
        let answeredAt: Date
        let expires: Date
    }

    private var entries: [Key: Entry] = [:]
    /// The most entries kept; the oldest go first beyond it.
    public let capacity: Int
    private var hits = 0

    public init(capacity: Int = 100_000) {
        self.capacity = max(1, capacity)
    }

    /// How many lookups the cache answered so far.
    public var hitCount: Int { hits }

    /// The number of entries.
    public var count: Int { entries.count }

    func answer(bureau: String, query: BuyerQuery, now: Date) -> BureauAnswer? {
        let key = Self.key(bureau, query)
        guard let entry = entries[key] else { return nil }
        guard now < entry.expires else {
            entries[key] = nil
            return nil
        }
        hits += 1
        return BureauAnswer(bureau: bureau, outcome: .rated(ratings: entry.ratings), answeredAt: entry.answeredAt, fromCache: true)
    }

    func store(bureau: String, query: BuyerQuery, ratings: [BureauRating], answeredAt: Date, ttl: Duration) {
        guard ttl > .zero else { return }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.answeredAt < $1.value.answeredAt })?.key {
            entries[oldest] = nil
        }
        let seconds = Double(ttl.components.seconds) + Double(ttl.components.attoseconds) / 1e18
        entries[Self.key(bureau, query)] = Entry(ratings: ratings, answeredAt: answeredAt,
                                                 expires: answeredAt.addingTimeInterval(seconds))
    }

    /// Forgets everything.
    public func removeAll() { entries = [:] }

    private static func key(_ bureau: String, _ query: BuyerQuery) -> Key {
        Key(bureau: bureau, identifiers: query.identifiers.map(\.description).sorted())
    }
}
