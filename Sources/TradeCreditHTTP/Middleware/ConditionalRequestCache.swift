public import Foundation

/// The last `200` of each URL that carried a validator (`ETag`, `Last-Modified`), for ``ConditionalHTTPClient``.
///
/// It holds at most `capacity` URLs and evicts the least recently used one. Entries are keyed by the absolute URL
/// only (no `Vary` handling): share one cache only among clients that send the same credentials and `Accept` headers.
public actor ConditionalRequestCache {
    /// One stored response and its validators.
    public struct Entry: Sendable, Hashable {
        /// The `ETag` of the stored response, when it had one.
        public var etag: String?
        /// The `Last-Modified` of the stored response, when it had one.
        public var lastModified: String?
        /// The headers of the stored response.
        public var headers: HTTPHeaders
        /// The body of the stored response.
        public var body: Data

        /// An entry.
        public init(etag: String?, lastModified: String?, headers: HTTPHeaders, body: Data) {
            self.etag = etag
            self.lastModified = lastModified
            self.headers = headers
            self.body = body
        }

        /// Whether the entry can make a request conditional.
        public var hasValidator: Bool { etag != nil || lastModified != nil }
    }

    /// The most URLs kept.
    public let capacity: Int
    private var entries: [String: (entry: Entry, lastUse: UInt64)] = [:]
    private var useCounter: UInt64 = 0

    /// An empty cache for at most `capacity` URLs (at least one).
    public init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// The entry for `url`, marking it as recently used.
    public func entry(for url: URL) -> Entry? {
        let key = url.absoluteString
        guard let stored = entries[key] else { return nil }
        entries[key] = (stored.entry, nextUse())
        return stored.entry
    }

    /// Stores `entry` for `url`, evicting the least recently used URL when full.
    public func store(_ entry: Entry, for url: URL) {
        let key = url.absoluteString
        if entries[key] == nil, entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
        }
        entries[key] = (entry, nextUse())
    }

    /// Forgets `url`.
    public func removeEntry(for url: URL) {
        entries[url.absoluteString] = nil
    }

    /// Forgets every URL.
    public func removeAll() {
        entries.removeAll()
    }

    /// The number of URLs stored.
    public var count: Int { entries.count }

    private func nextUse() -> UInt64 {
        useCounter += 1
        return useCounter
    }
}
