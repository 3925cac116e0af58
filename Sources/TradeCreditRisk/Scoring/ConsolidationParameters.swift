/// How reliable one source is: a weight in [0, 1] before the age decay.
public struct SourceReliability: Hashable, Sendable, Codable {
    /// The source name, as in `BureauRating.source` (`"creditsafe"`, `"dnb"`, `"file"`), or
    /// ``UsedSource/financialStatementsSource`` for the Altman score.
    public let source: String
    /// In [0, 1]; 0 drops the source.
    public let reliability: Double

    /// The reliability of `source`.
    public init(source: String, reliability: Double) {
        self.source = source
        self.reliability = reliability
    }
}

/// Parameters of the consolidation of several sources in log-odds (DOMAIN.md §3 step 2) and of the confidence.
///
/// weight = reliability × 0.5^(age / half-life); sources older than the maximum age are dropped;
/// confidence = W / (W + `evidenceSaturation`) × 1 / (1 + spread / `spreadScale`), where W is the total weight and the
/// spread is the weighted standard deviation of the sources' log-odds around their weighted mean.
public struct ConsolidationParameters: Hashable, Sendable, Codable {
    /// Days after which a source weighs half (180).
    public var halfLifeDays: Int
    /// Sources older than this many days are dropped (365); a source exactly this old is kept.
    public var maximumAgeDays: Int
    /// Reliability by source name.
    public var reliabilities: [SourceReliability]
    /// Reliability of a source the list does not name (0.5).
    public var defaultReliability: Double
    /// The PD of an average buyer, against which contributions are measured (0.01): a source's contribution is its
    /// share of the weight × (its log-odds − logit(reference)).
    public var referencePD: Double
    /// The total weight at which the evidence term of the confidence reaches one half (0.5).
    public var evidenceSaturation: Double
    /// The spread, in log-odds, that halves the confidence (1.0).
    public var spreadScale: Double

    /// Parameters with every field given; see ``illustrative`` for the defaults.
    public init(halfLifeDays: Int, maximumAgeDays: Int, reliabilities: [SourceReliability], defaultReliability: Double,
                referencePD: Double, evidenceSaturation: Double, spreadScale: Double) {
        self.halfLifeDays = halfLifeDays
        self.maximumAgeDays = maximumAgeDays
        self.reliabilities = reliabilities
        self.defaultReliability = defaultReliability
        self.referencePD = referencePD
        self.evidenceSaturation = evidenceSaturation
        self.spreadScale = spreadScale
    }

    /// Half-life 180 days and maximum age 365 days (DOMAIN.md §3); illustrative reliabilities creditsafe 0.8, dnb 0.8,
    /// file 0.7, financial statements 0.6, any other source 0.5; reference PD 1 %; evidence saturation 0.5; spread
    /// scale 1.0 log-odds.
    public static let illustrative = ConsolidationParameters(
        halfLifeDays: 180, maximumAgeDays: 365,
        reliabilities: [SourceReliability(source: "creditsafe", reliability: 0.8),
                        SourceReliability(source: "dnb", reliability: 0.8),
                        SourceReliability(source: "file", reliability: 0.7),
                        SourceReliability(source: UsedSource.financialStatementsSource, reliability: 0.6)],
        defaultReliability: 0.5, referencePD: 0.01, evidenceSaturation: 0.5, spreadScale: 1.0)

    /// The reliability of `source`: its entry, else the default.
    public func reliability(of source: String) -> Double {
        reliabilities.first { $0.source == source }?.reliability ?? defaultReliability
    }

    /// The confidence of a consolidation of total weight `totalWeight` and spread `spread` (log-odds): in [0, 1),
    /// 0 without weight.
    public func confidence(totalWeight: Double, spread: Double) -> Double {
        guard totalWeight > 0 else { return 0 }
        return totalWeight / (totalWeight + evidenceSaturation) / (1 + spread / spreadScale)
    }

    /// - Throws: ``UnderwritingError`` `.outOfRange` naming the parameter.
    func validate() throws {
        func check(_ ok: Bool, _ field: String, _ value: String, _ message: String) throws {
            if !ok { throw UnderwritingError(.outOfRange, field: field, value: value, message) }
        }
        try check(halfLifeDays > 0, "halfLifeDays", String(halfLifeDays), "a half-life is a positive number of days")
        try check(maximumAgeDays >= 0, "maximumAgeDays", String(maximumAgeDays), "a maximum age is not negative")
        for (index, entry) in reliabilities.enumerated() {
            try check((0...1).contains(entry.reliability), "reliabilities[\(index)]", String(entry.reliability),
                      "a reliability is in [0, 1]")
        }
        try check((0...1).contains(defaultReliability), "defaultReliability", String(defaultReliability), "a reliability is in [0, 1]")
        try check(referencePD > 0 && referencePD < 1, "referencePD", String(referencePD), "a reference PD is in (0, 1)")
        try check(evidenceSaturation > 0 && evidenceSaturation.isFinite, "evidenceSaturation", String(evidenceSaturation),
                  "a saturation is positive")
        try check(spreadScale > 0 && spreadScale.isFinite, "spreadScale", String(spreadScale), "a spread scale is positive")
    }
}
