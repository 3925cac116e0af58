/// Who set a credit limit.
public enum CreditLimitKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Granted by the insurer.
    case insurer
    /// Self-approved by the seller within the policy's discretionary ceiling; replaced by any insurer decision.
    case discretionary
}

/// A credit limit in force on a buyer: the most of the buyer's outstanding the policy covers, from a date.
///
/// A reduction or a withdrawal is a new limit (a withdrawal has a zero amount) whose effective date is the notice
/// date plus the policy's notice period; deliveries before it stay covered at the old limit.
public struct CreditLimit: Hashable, Sendable, Codable, Identifiable {
    /// The key of the limit.
    public let id: LimitID
    /// The buyer covered.
    public let buyerID: BuyerID
    /// The limit amount, in the policy currency.
    public let amount: Money
    /// Insurer or discretionary.
    public let kind: CreditLimitKind
    /// First day deliveries are covered under this limit.
    public let effectiveDate: CalendarDate
    /// Last day deliveries are covered under this limit, when it expires.
    public let expiryDate: CalendarDate?
    /// The decision that set it, when there is one.
    public let decisionID: LimitID?

    /// - Throws: ``ModelError`` `.outOfRange` for a negative amount, or an expiry before the effective date.
    public init(id: LimitID, buyerID: BuyerID, amount: Money, kind: CreditLimitKind = .insurer,
                effectiveDate: CalendarDate, expiryDate: CalendarDate? = nil, decisionID: LimitID? = nil) throws {
        guard !amount.isNegative else {
            throw ModelError(.outOfRange, field: "amount", value: amount.description, "a credit limit cannot be negative")
        }
        if let expiryDate, expiryDate < effectiveDate {
            throw ModelError(.outOfRange, field: "expiryDate", value: expiryDate.description,
                             "a limit cannot expire before it takes effect (\(effectiveDate))")
        }
        self.id = id
        self.buyerID = buyerID
        self.amount = amount
        self.kind = kind
        self.effectiveDate = effectiveDate
        self.expiryDate = expiryDate
        self.decisionID = decisionID
    }

    /// Whether deliveries on `date` fall under this limit's dates (the latest effective limit wins: see
    /// ``CreditLimit/inForce(on:among:)``).
    public func covers(_ date: CalendarDate) -> Bool {
        effectiveDate <= date && (expiryDate.map { date <= $0 } ?? true)
    }

    /// The limit in force for a buyer on `date`: among the limits whose dates cover it, the one that took effect
    /// last (an insurer limit before a discretionary one on the same day, since any insurer decision replaces a
    /// discretionary limit). `nil` when none.
    public static func inForce(on date: CalendarDate, among limits: [CreditLimit]) -> CreditLimit? {
        let insurerDecided = limits.contains { $0.kind == .insurer && $0.effectiveDate <= date }
        return limits
            .filter { $0.covers(date) && !(insurerDecided && $0.kind == .discretionary) }
            .max { ($0.effectiveDate, $0.kind == .insurer ? 1 : 0) < ($1.effectiveDate, $1.kind == .insurer ? 1 : 0) }
    }
}

extension CreditLimit {
    private enum CodingKeys: String, CodingKey { case id, buyerID, amount, kind, effectiveDate, expiryDate, decisionID }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does; an absent
    /// `kind` means an insurer limit.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the limit is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .amount) {
            try CreditLimit(
                id: container.decode(LimitID.self, forKey: .id),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                amount: container.decode(Money.self, forKey: .amount),
                kind: container.decodeIfPresent(CreditLimitKind.self, forKey: .kind) ?? .insurer,
                effectiveDate: container.decode(CalendarDate.self, forKey: .effectiveDate),
                expiryDate: container.decodeIfPresent(CalendarDate.self, forKey: .expiryDate),
                decisionID: container.decodeIfPresent(LimitID.self, forKey: .decisionID))
        }
    }
}
