/// The kind of a credit-limit decision (after UN/EDIFACT data element 4507).
public enum LimitDecisionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Granted in full.
    case approved
    /// Granted for less than requested.
    case partlyApproved
    /// Granted under conditions (a guarantee, shorter terms, …).
    case conditional
    /// Not granted.
    case refused
    /// Pending manual underwriting.
    case referred
    /// The limit is cancelled.
    case cancelled
    /// The limit is reduced (or withdrawn, to zero).
    case reduced
}

/// The insurer's answer to a limit request, which explains itself with reason codes.
public struct LimitDecision: Hashable, Sendable, Codable, Identifiable {
    /// The key of the decision.
    public let id: LimitID
    /// The request answered, when there was one.
    public let requestID: LimitID?
    /// The buyer concerned.
    public let buyerID: BuyerID
    /// The decision.
    public let kind: LimitDecisionKind
    /// The amount asked.
    public let requestedAmount: Money
    /// The amount granted (zero when refused, referred or cancelled).
    public let grantedAmount: Money
    /// The date of the decision.
    public let decisionDate: CalendarDate
    /// The first day of cover at the granted amount (later than the decision date for a reduction with notice).
    public let effectiveDate: CalendarDate
    /// The end of the limit, when it expires.
    public let expiryDate: CalendarDate?
    /// Conditions attached (for a conditional approval).
    public let conditions: [String]
    /// Why, largest reason first.
    public let reasons: [ReasonCode]

    /// - Throws: ``ModelError`` `.currencyMismatch` when the amounts differ in currency; `.inconsistent` when the
    ///   amounts contradict the kind (approved must grant the request, partly approved grant less but more than
    ///   zero, refused, referred and cancelled grant zero, conditional carry at least one condition); `.outOfRange`
    ///   for negative amounts or dates out of order.
    public init(id: LimitID, requestID: LimitID? = nil, buyerID: BuyerID, kind: LimitDecisionKind, requestedAmount: Money,
                grantedAmount: Money, decisionDate: CalendarDate, effectiveDate: CalendarDate? = nil,
                expiryDate: CalendarDate? = nil, conditions: [String] = [], reasons: [ReasonCode] = []) throws {
        guard requestedAmount.currency == grantedAmount.currency else {
            throw ModelError(.currencyMismatch, field: "grantedAmount", value: grantedAmount.description,
                             "granted and requested amounts must be in one currency")
        }
        guard !requestedAmount.isNegative, !grantedAmount.isNegative else {
            throw ModelError(.outOfRange, field: "grantedAmount", value: grantedAmount.description, "amounts cannot be negative")
        }
        let comparison = try grantedAmount.compare(to: requestedAmount)
        func inconsistent(_ message: String) -> ModelError {
            ModelError(.inconsistent, field: "grantedAmount", value: grantedAmount.description, message)
        }
        switch kind {
        case .approved where comparison != 0:
            throw inconsistent("an approval grants the requested \(requestedAmount)")
        case .partlyApproved where comparison >= 0 || grantedAmount.isZero:
            throw inconsistent("a partial approval grants more than zero and less than \(requestedAmount)")
        case .refused, .referred, .cancelled:
            if !grantedAmount.isZero { throw inconsistent("a \(kind.rawValue) decision grants nothing") }
        case .conditional where conditions.isEmpty:
            throw ModelError(.missingValue, field: "conditions", "a conditional decision states its conditions")
        default:
            break
        }
        let effective = effectiveDate ?? decisionDate
        guard effective >= decisionDate else {
            throw ModelError(.outOfRange, field: "effectiveDate", value: effective.description,
                             "cannot take effect before the decision (\(decisionDate))")
        }
        if let expiryDate, expiryDate < effective {
            throw ModelError(.outOfRange, field: "expiryDate", value: expiryDate.description,
                             "cannot expire before it takes effect (\(effective))")
        }
        self.id = id
        self.requestID = requestID
        self.buyerID = buyerID
        self.kind = kind
        self.requestedAmount = requestedAmount
        self.grantedAmount = grantedAmount
        self.decisionDate = decisionDate
        self.effectiveDate = effective
        self.expiryDate = expiryDate
        self.conditions = conditions
        self.reasons = reasons
    }

    /// Whether the decision puts a limit in force (approved, partly approved, conditional, reduced).
    public var grantsCover: Bool {
        switch kind {
        case .approved, .partlyApproved, .conditional, .reduced: return true
        case .refused, .referred, .cancelled: return false
        }
    }

    /// The credit limit this decision sets, or `nil` when it grants no cover. A withdrawal (a cancellation, a
    /// refusal, or a reduction to zero) yields a zero limit from its effective date when `includeWithdrawals` is
    /// true — so that it replaces a discretionary limit, as any insurer decision does — and `nil` when it is false.
    /// A referral decides nothing yet and sets no limit.
    public func creditLimit(includeWithdrawals: Bool = true) -> CreditLimit? {
        let isWithdrawal = kind == .cancelled || kind == .refused || (kind == .reduced && grantedAmount.isZero)
        guard isWithdrawal ? includeWithdrawals : grantsCover else { return nil }
        return try? CreditLimit(id: id, buyerID: buyerID, amount: grantedAmount, kind: .insurer,
                                effectiveDate: effectiveDate, expiryDate: expiryDate, decisionID: id)
    }
}

extension LimitDecision {
    private enum CodingKeys: String, CodingKey {
        case id, requestID, buyerID, kind, requestedAmount, grantedAmount, decisionDate, effectiveDate, expiryDate
        case conditions, reasons
    }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does; an absent
    /// `effectiveDate` is the decision date, absent `conditions` and `reasons` mean none.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the decision is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .grantedAmount) {
            try LimitDecision(
                id: container.decode(LimitID.self, forKey: .id),
                requestID: container.decodeIfPresent(LimitID.self, forKey: .requestID),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                kind: container.decode(LimitDecisionKind.self, forKey: .kind),
                requestedAmount: container.decode(Money.self, forKey: .requestedAmount),
                grantedAmount: container.decode(Money.self, forKey: .grantedAmount),
                decisionDate: container.decode(CalendarDate.self, forKey: .decisionDate),
                effectiveDate: container.decodeIfPresent(CalendarDate.self, forKey: .effectiveDate),
                expiryDate: container.decodeIfPresent(CalendarDate.self, forKey: .expiryDate),
                conditions: container.decodeIfPresent([String].self, forKey: .conditions) ?? [],
                reasons: container.decodeIfPresent([ReasonCode].self, forKey: .reasons) ?? [])
        }
    }
}
