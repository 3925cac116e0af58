/// How ``MultiBureau`` asks its bureaus.
public struct BureauLookupPolicy: Sendable, Hashable {
    /// How the bureaus of one lookup are asked.
    public enum Mode: Sendable, Hashable {
        /// Every bureau at once; every answer is kept (partial results when some fail).
        case all
        /// One after another in the given order (bureau names), stopping at the first that has ratings: a fallback
        /// chain. Bureaus not named are asked last, in their configured order.
        case fallback([String])
    }

    /// All at once, or a fallback chain. Default: all.
    public var mode: Mode
    /// How long one bureau may take for one buyer before it counts as timed out (10 s).
    public var timeoutPerBureau: Duration
    /// How long an answer stays in the cache, per bureau name; bureaus not listed use ``defaultCacheTTL``.
    public var cacheTTL: [String: Duration]
    /// The cache lifetime of bureaus without their own (24 hours); zero disables caching.
    public var defaultCacheTTL: Duration
    /// How many buyers of a batch are looked up at once (8).
    public var maximumConcurrentLookups: Int

    public init(mode: Mode = .all, timeoutPerBureau: Duration = .seconds(10), cacheTTL: [String: Duration] = [:],
                defaultCacheTTL: Duration = .seconds(86_400), maximumConcurrentLookups: Int = 8) {
        self.mode = mode
        self.timeoutPerBureau = timeoutPerBureau
        self.cacheTTL = cacheTTL
        self.defaultCacheTTL = defaultCacheTTL
        self.maximumConcurrentLookups = max(1, maximumConcurrentLookups)
    }

    /// The cache lifetime of `bureau`.
    public func ttl(for bureau: String) -> Duration { cacheTTL[bureau] ?? defaultCacheTTL }
}
