/// Why the insured loss arose.
public enum CauseOfLoss: String, Sendable, Hashable, Codable, CaseIterable {
    /// Legal insolvency proceedings.
    case insolvency
    /// Unpaid after the waiting period, without proceedings.
    case protractedDefault
    /// Political risk: a transfer restriction (the buyer paid locally, the money cannot leave).
    case transferRestriction
    /// Political risk: a general moratorium declared by the buyer's government.
    case moratorium
    /// Political risk: war, civil war, revolution.
    case war
    /// Political risk: cancellation of an import licence.
    case importLicenceCancelled

    /// Whether the cause is political (insured at the policy's political-risk percentage, when covered).
    public var isPolitical: Bool {
        switch self {
        case .insolvency, .protractedDefault: return false
        case .transferRestriction, .moratorium, .war, .importLicenceCancelled: return true
        }
    }
}

/// The states of a claim.
///
/// notified → filed → under review → approved / partly approved / rejected → paid → recovering → closed.
/// ``allowedNext`` lists the transitions; the claims engine refuses any other.
public enum ClaimState: String, Sendable, Hashable, Codable, CaseIterable {
    case notified, filed, underReview, approved, partlyApproved, rejected, paid, recovering, closed

    /// The states a claim may move to from this one.
    public var allowedNext: Set<ClaimState> {
        switch self {
        case .notified: return [.filed, .closed]
        case .filed: return [.underReview]
        case .underReview: return [.approved, .partlyApproved, .rejected]
        case .approved, .partlyApproved: return [.paid]
        case .rejected: return [.closed]
        case .paid: return [.recovering, .closed]
        case .recovering: return [.closed]
        case .closed: return []
        }
    }
}

/// One recorded transition of a claim: who moved it, when, and why.
public struct ClaimEvent: Hashable, Sendable, Codable {
    /// The date of the transition.
    public let date: CalendarDate
    /// Who made it (a user id, `"system"`).
    public let actor: String
    /// The state before (`nil` for the first event).
    public let from: ClaimState?
    /// The state after.
    public let to: ClaimState
    /// Why.
    public let reason: String
    /// An amount the event carries (the approved or paid indemnity, a recovery), when it carries one.
    public let amount: Money?

    public init(date: CalendarDate, actor: String, from: ClaimState?, to: ClaimState, reason: String, amount: Money? = nil) {
        self.date = date
        self.actor = actor
        self.from = from
        self.to = to
        self.reason = reason
        self.amount = amount
    }
}

/// A claim record: what the host stores. The claims engine moves it through its states and records every event.
public struct Claim: Hashable, Sendable, Codable, Identifiable {
    /// The key of the claim.
    public let id: ClaimID
    /// The policy claimed under.
    public let policyID: PolicyID
    /// The buyer who did not pay.
    public let buyerID: BuyerID
    /// Why the loss arose.
    public let cause: CauseOfLoss
    /// The invoices claimed.
    public let invoiceNumbers: [String]
    /// The amount claimed, in the policy currency.
    public let claimedAmount: Money
    /// The overdue notification the claim follows, when there is one.
    public let notificationID: String?
    /// The current state.
    public private(set) var state: ClaimState
    /// Every transition so far, oldest first.
    public private(set) var events: [ClaimEvent]

    /// A claim in its first state with its first event.
    /// - Throws: ``ModelError`` `.outOfRange` for a negative claimed amount.
    public init(id: ClaimID, policyID: PolicyID, buyerID: BuyerID, cause: CauseOfLoss, invoiceNumbers: [String],
                claimedAmount: Money, notificationID: String? = nil, initialState: ClaimState = .notified,
                date: CalendarDate, actor: String, reason: String = "claim opened") throws {
        guard !claimedAmount.isNegative else {
            throw ModelError(.outOfRange, field: "claimedAmount", value: claimedAmount.description, "cannot be negative")
        }
        self.id = id
        self.policyID = policyID
        self.buyerID = buyerID
        self.cause = cause
        self.invoiceNumbers = invoiceNumbers
        self.claimedAmount = claimedAmount
        self.notificationID = notificationID
        self.state = initialState
        self.events = [ClaimEvent(date: date, actor: actor, from: nil, to: initialState, reason: reason)]
    }

    /// Moves the claim to `next`, recording the event.
    /// - Throws: ``ModelError`` `.invalidOperation` for a transition ``ClaimState/allowedNext`` does not list, or an
    ///   event dated before the last one. The claim is unchanged when it throws.
    public mutating func transition(to next: ClaimState, on date: CalendarDate, actor: String, reason: String,
                                    amount: Money? = nil) throws {
        guard state.allowedNext.contains(next) else {
            throw ModelError(.invalidOperation, field: "state", value: "\(state.rawValue) -> \(next.rawValue)",
                             "claim \(id): transition not allowed")
        }
        if let last = events.last, date < last.date {
            throw ModelError(.invalidOperation, field: "date", value: date.description,
                             "claim \(id): an event cannot precede the last one (\(last.date))")
        }
        events.append(ClaimEvent(date: date, actor: actor, from: state, to: next, reason: reason, amount: amount))
        state = next
    }
}

/// Money recovered from a buyer after an indemnity, to be shared between insurer and seller.
public struct Recovery: Hashable, Sendable, Codable {
    /// The claim the recovery relates to.
    public let claimID: ClaimID
    /// The date received.
    public let date: CalendarDate
    /// The gross amount recovered.
    public let amount: Money
    /// Costs of recovery (collection, legal), deducted first when the policy says so.
    public let costs: Money

    /// - Throws: `.outOfRange` for a non-positive amount or negative costs, `.currencyMismatch`.
    public init(claimID: ClaimID, date: CalendarDate, amount: Money, costs: Money? = nil) throws {
        let costs = costs ?? .zero(amount.currency)
        guard amount.isPositive else {
            throw ModelError(.outOfRange, field: "amount", value: amount.description, "a recovery must be positive")
        }
        guard !costs.isNegative else {
            throw ModelError(.outOfRange, field: "costs", value: costs.description, "cannot be negative")
        }
        guard costs.currency == amount.currency else {
            throw ModelError(.currencyMismatch, field: "costs", value: costs.description,
                             "must be in the recovery's currency \(amount.currency)")
        }
        self.claimID = claimID
        self.date = date
        self.amount = amount
        self.costs = costs
    }
}

// MARK: - Decoding with validation

extension Claim {
    private enum CodingKeys: String, CodingKey {
        case id, policyID, buyerID, cause, invoiceNumbers, claimedAmount, notificationID, state, events
    }

    /// Decodes the JSON that `encode(to:)` writes, validates the claim as the throwing initialiser does and replays
    /// its events: the first has no previous state, each next one starts where the last ended, every transition is
    /// one that ``ClaimState/allowedNext`` lists, dates never go backward, and `state` is where the last one ended.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key, naming the event index for an event that does
    ///   not replay.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let events = try container.decode([ClaimEvent].self, forKey: .events)
        func corrupted(_ key: CodingKeys, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }
        guard let first = events.first else { throw corrupted(.events, "a claim has at least one event") }
        guard first.from == nil else {
            throw corrupted(.events, "events[0]: the first event cannot have a previous state")
        }
        var claim = try container.validated(orKey: .claimedAmount) {
            try Claim(
                id: container.decode(ClaimID.self, forKey: .id),
                policyID: container.decode(PolicyID.self, forKey: .policyID),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                cause: container.decode(CauseOfLoss.self, forKey: .cause),
                invoiceNumbers: container.decode([String].self, forKey: .invoiceNumbers),
                claimedAmount: container.decode(Money.self, forKey: .claimedAmount),
                notificationID: container.decodeIfPresent(String.self, forKey: .notificationID),
                initialState: first.to, date: first.date, actor: first.actor, reason: first.reason)
        }
        for (index, event) in events.enumerated().dropFirst() {
            guard event.from == claim.state else {
                throw corrupted(.events, "events[\(index)]: starts from \(event.from?.rawValue ?? "nothing"), but the "
                                    + "claim was \(claim.state.rawValue)")
            }
            do {
                try claim.transition(to: event.to, on: event.date, actor: event.actor, reason: event.reason,
                                     amount: event.amount)
            } catch let error as ModelError {
                throw corrupted(.events, "events[\(index)]: \(error.description)")
            }
        }
        let state = try container.decode(ClaimState.self, forKey: .state)
        guard state == claim.state else {
            throw corrupted(.state, "state \(state.rawValue) differs from the last event's \(claim.state.rawValue)")
        }
        claim.events = events  // as recorded, including any amount on the first event
        self = claim
    }
}

extension Recovery {
    private enum CodingKeys: String, CodingKey { case claimID, date, amount, costs }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does; absent `costs`
    /// are zero.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the recovery is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .costs) {
            try Recovery(
                claimID: container.decode(ClaimID.self, forKey: .claimID),
                date: container.decode(CalendarDate.self, forKey: .date),
                amount: container.decode(Money.self, forKey: .amount),
                costs: container.decodeIfPresent(Money.self, forKey: .costs))
        }
    }
}
