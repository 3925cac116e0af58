public import Logging
public import TradeCreditModel
public import TradeCreditRisk
import TradeCreditPricing
import TradeCreditFileBureau

/// The one place a host configures once and calls for each flow of trade credit insurance: assess a buyer, decide a
/// limit, quote a policy, and take a claim from the overdue notification to the recovery.
///
/// It composes; the rules are the engines'. It asks the bureaus (through a ``MultiBureau``) and the rate provider,
/// the only I/O, and passes what they return as values to `BuyerScorer`, `LimitUnderwriter`, `QuoteEngine`,
/// `ClaimAdjuster`, `ClaimBook` and `RecoverySplit`, which do no I/O. Each result carries the engine's input, so
/// that the engine gives the same result again from it.
///
/// A `Sendable` struct of immutable configuration: share one between tasks. Every call is `async` and cancellable: it
/// checks for cancellation between steps and throws `CancellationError`, and cancellation reaches the bureaus' calls
/// in flight. The batch calls (``assessAll(_:asOf:progress:)``, ``decideAll(_:on:progress:)``) work on at most
/// ``UnderwriterSettings/maximumConcurrentBuyers`` buyers at a time and report a failure per buyer.
public struct Underwriter: Sendable {
    /// The policy: currency, underwriting parameters, claim and indemnity terms.
    public let terms: PolicyTerms
    /// The rules and limits.
    public let settings: UnderwriterSettings
    /// Where the underwriter logs (one `debug` line per buyer, `info` per batch, `warning` per failed bureau).
    public let logger: Logger
    /// The bureaus, composed.
    public let bureaus: MultiBureau
    /// The scales the bureaus' ratings are on, by id.
    public let scales: [RatingScale]
    /// The rate provider.
    public let rates: any ExchangeRateProvider

    /// An underwriter over `bureaus`, converting with `rates`, for the policy `terms`.
    /// - Parameters:
    ///   - bureaus: one or more bureaus, asked as `lookupPolicy` says (all at once by default).
    ///   - lookupPolicy: time-outs, cache lifetimes, fallback order of the bureaus.
    ///   - cache: the bureaus' answer cache (share one between underwriters to share answers).
    ///   - scales: scales besides each bureau's `RatingBureau.scale` (a `FileRatingBureau`'s `FileRatingBureau.scales`
    ///     are added by themselves); a later scale replaces an earlier one of the same id.
    ///   - rates: the exchange-rate provider.
    ///   - terms: the policy.
    ///   - settings: scoring rules, concurrency, claims choices.
    ///   - logger: a swift-log logger (the host chooses its backend).
    /// - Throws: `ModelError` `.missingValue` without a bureau; the policy's validation errors
    ///   (`PolicyTerms.validate()`); `UnderwritingError` for invalid scoring rules.
    public init(bureaus: [any RatingBureau], lookupPolicy: BureauLookupPolicy = BureauLookupPolicy(),
                cache: BureauCache = BureauCache(), scales: [RatingScale] = [], rates: any ExchangeRateProvider,
                terms: PolicyTerms, settings: UnderwriterSettings = UnderwriterSettings(),
                logger: Logger = Logger(label: "tradecredit.underwriter")) throws {
        guard !bureaus.isEmpty else {
            throw ModelError(.missingValue, field: "bureaus", "an underwriter needs at least one rating bureau")
        }
        try terms.validate()
        try settings.scoringRules.validate()
        var byID: [String: RatingScale] = [:]
        var order: [String] = []
        let fileScales = bureaus.compactMap { $0 as? FileRatingBureau }.flatMap { $0.scales.values.sorted { $0.id < $1.id } }
        for scale in bureaus.map(\.scale) + fileScales + scales {
            if byID.updateValue(scale, forKey: scale.id) == nil { order.append(scale.id) }
        }
        self.terms = terms
        self.settings = settings
        self.logger = logger
        self.bureaus = MultiBureau(bureaus: bureaus, policy: lookupPolicy, cache: cache)
        self.scales = order.compactMap { byID[$0] }
        self.rates = rates
    }

    /// The scorer the underwriter assesses with.
    public var scorer: BuyerScorer { BuyerScorer(rules: settings.scoringRules) }
    /// The limit engine the underwriter decides with.
    public var limitUnderwriter: LimitUnderwriter { LimitUnderwriter(policy: terms) }

    /// Rates kept for one call or one batch.
    func policyRates() -> PolicyRates {
        PolicyRates(provider: rates, currency: terms.currency, policy: settings.conversionPolicy)
    }
}
