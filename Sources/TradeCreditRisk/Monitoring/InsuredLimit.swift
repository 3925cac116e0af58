public import TradeCreditModel

/// A credit limit together with the policyholder who holds it: the unit the insurer accumulates and monitors.
///
/// `CreditLimit` carries the buyer but not the policy; limits of several policyholders on one buyer are separate
/// commitments that add up.
public struct InsuredLimit: Hashable, Sendable, Codable {
    /// The insured seller holding the limit.
    public let policyholderID: PolicyholderID
    /// The limit.
    public let limit: CreditLimit

    public init(policyholderID: PolicyholderID, limit: CreditLimit) {
        self.policyholderID = policyholderID
        self.limit = limit
    }

    /// The buyer covered.
    public var buyerID: BuyerID { limit.buyerID }

    /// Orders limits by policyholder, buyer, then limit id, so that reports list them the same way every time.
    static func ordered(_ lhs: InsuredLimit, _ rhs: InsuredLimit) -> Bool {
        (lhs.policyholderID, lhs.buyerID, lhs.limit.id) < (rhs.policyholderID, rhs.buyerID, rhs.limit.id)
    }
}

/// What a policyholder's buyer owes it on a date (invoiced and unpaid, VAT included as the seller's ledger shows it).
public struct OutstandingBalance: Hashable, Sendable, Codable {
    /// The seller owed.
    public let policyholderID: PolicyholderID
    /// The buyer owing.
    public let buyerID: BuyerID
    /// The amount outstanding, not negative.
    public let amount: Money

    /// - Throws: ``RiskMeasureError`` `.outOfRange` (field `amount`) for a negative amount.
    public init(policyholderID: PolicyholderID, buyerID: BuyerID, amount: Money) throws {
        try RiskMeasureError.requireNotNegative(amount, field: "amount")
        self.policyholderID = policyholderID
        self.buyerID = buyerID
        self.amount = amount
    }
}
