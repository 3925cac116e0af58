public import TradeCreditModel
public import TradeCreditClaims

/// A recovery recorded by an ``Underwriter``: how it is shared, and the claim as the book now holds it.
public struct RecoveryRecord: Hashable, Sendable {
    /// The split between insurer and seller (of the recovery in the policy currency).
    public let split: RecoverySplit
    /// The claim after the recovery (`recovering`).
    public let claim: Claim
    /// The amount and costs converted into the policy currency, when they were in another one.
    public let conversions: [CurrencyConversion]

    /// A record (the underwriter makes these).
    public init(split: RecoverySplit, claim: Claim, conversions: [CurrencyConversion]) {
        self.split = split
        self.claim = claim
        self.conversions = conversions
    }
}
