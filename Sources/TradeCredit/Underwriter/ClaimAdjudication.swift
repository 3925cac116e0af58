public import TradeCreditModel
public import TradeCreditClaims

/// A claim adjudicated by an ``Underwriter``: the engine's adjustment and the claim as the book now holds it
/// (approved, partly approved or rejected). `ClaimAdjuster(terms:settings:).adjust(claimCase, rates: rates)` gives
/// `adjustment` again.
public struct ClaimAdjudication: Hashable, Sendable {
    /// The adjustment: eligibility per invoice, the indemnity steps, the dates, the decision.
    public let adjustment: ClaimAdjustment
    /// The claim after the decision.
    public let claim: Claim
    /// The rates the adjustment converted with, `nil` when everything was in the policy currency.
    public let rates: RateTable?
    /// The indemnity settings the adjustment used (the conversion date fixed to the rates' date when the filing date
    /// has no publication of its own).
    public let settings: IndemnitySettings

    /// An adjudication (the underwriter makes these).
    public init(adjustment: ClaimAdjustment, claim: Claim, rates: RateTable?, settings: IndemnitySettings) {
        self.adjustment = adjustment
        self.claim = claim
        self.rates = rates
        self.settings = settings
    }
}
