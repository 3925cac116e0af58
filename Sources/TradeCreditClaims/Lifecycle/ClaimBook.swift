public import TradeCreditModel

/// The claims of a policyholder, by id: files each claim once, moves claims through their states, pays each once.
///
/// A value the host stores (Codable). Every change goes through `Claim.transition(to:on:actor:reason:amount:)`, so
/// every claim keeps its full event history, and decoding replays those events (`Claim`'s decoder).
public struct ClaimBook: Hashable, Sendable {
    /// The claims by id.
    public private(set) var claims: [ClaimID: Claim]

    /// An empty book, or one holding `claims`.
    /// - Throws: ``IndemnityError`` `.inconsistent` when two claims share an id.
    public init(claims: [Claim] = []) throws {
        var byID: [ClaimID: Claim] = [:]
        for claim in claims {
            guard byID.updateValue(claim, forKey: claim.id) == nil else {
                throw IndemnityError(.inconsistent, field: "claims", value: claim.id.rawValue, "two claims with one id")
            }
        }
        self.claims = byID
    }

    /// The claim with `id`, if filed.
    public subscript(id: ClaimID) -> Claim? { claims[id] }

    /// What ``file(_:)`` did.
    public struct Filing: Hashable, Sendable {
        /// The claim in the book: the new one, or the one filed before under the same id.
        public let claim: Claim
        /// Whether this call added it.
        public let isNew: Bool
    }

    /// Adds `claim` unless a claim with its id is already in the book, in which case the book is unchanged and the
    /// existing claim is returned: filing twice never makes a second claim, so never a second payment.
    /// - Throws: ``IndemnityError`` `.invoiceAlreadyClaimed` when another claim that still holds its invoices (not
    ///   rejected, not closed unpaid) names one of this claim's invoices for the same policy and buyer.
    @discardableResult
    public mutating func file(_ claim: Claim) throws -> Filing {
        if let existing = claims[claim.id] { return Filing(claim: existing, isNew: false) }
        let invoices = Set(claim.invoiceNumbers)
        if let other = claims.values.sorted(by: { $0.id < $1.id }).first(where: {
            $0.policyID == claim.policyID && $0.buyerID == claim.buyerID && $0.holdsInvoices
                && !invoices.isDisjoint(with: $0.invoiceNumbers)
        }) {
            throw IndemnityError(.invoiceAlreadyClaimed, field: "invoiceNumbers", value: other.id.rawValue,
                                 "claim \(claim.id): an invoice is already in claim \(other.id)")
        }
        claims[claim.id] = claim
        return Filing(claim: claim, isNew: true)
    }

    /// Moves claim `id` to `next`, recording the date, actor, reason and amount.
    /// - Throws: ``IndemnityError`` `.unknownClaim`, `.invalidTransition` for a transition
    ///   `ClaimState.allowedNext` does not list (`.alreadyPaid` for paying a claim twice), `.eventOutOfOrder` for a
    ///   date before the claim's last event. The book is unchanged when it throws.
    @discardableResult
    public mutating func transition(_ id: ClaimID, to next: ClaimState, on date: CalendarDate, actor: String,
                                    reason: String, amount: Money? = nil) throws -> Claim {
        guard var claim = claims[id] else {
            throw IndemnityError(.unknownClaim, field: "claimID", value: id.rawValue, "no such claim in the book")
        }
        if next == .paid, claim.events.contains(where: { $0.to == .paid }) {
            throw IndemnityError(.alreadyPaid, field: "state", value: id.rawValue, "claim \(id) was already paid")
        }
        // Checked here, before the model's own checks, to throw this module's typed codes.
        guard claim.state.allowedNext.contains(next) else {
            throw IndemnityError(.invalidTransition, field: "state", value: "\(claim.state.rawValue) -> \(next.rawValue)",
                                 "claim \(id): transition not allowed")
        }
        if let last = claim.events.last, date < last.date {
            throw IndemnityError(.eventOutOfOrder, field: "date", value: date.description,
                                 "claim \(id): an event cannot precede the last one (\(last.date))")
        }
        try claim.transition(to: next, on: date, actor: actor, reason: reason, amount: amount)
        claims[id] = claim
        return claim
    }

    /// Pays claim `id` (approved or partly approved) the indemnity `amount`: the `paid` transition, once.
    /// - Throws: as ``transition(_:to:on:actor:reason:amount:)``; `.outOfRange` for an amount that is negative or
    ///   above the approved amount recorded on the approval event.
    @discardableResult
    public mutating func pay(_ id: ClaimID, amount: Money, on date: CalendarDate, actor: String,
                             reason: String = "indemnity paid") throws -> Claim {
        if let claim = claims[id], let approved = claim.events.last(where: { $0.to == .approved || $0.to == .partlyApproved })?.amount,
           !claim.events.contains(where: { $0.to == .paid }), try amount.compare(to: approved) > 0 {
            throw IndemnityError(.outOfRange, field: "amount", value: amount.description,
                                 "claim \(id): above the approved \(approved)")
        }
        guard !amount.isNegative else {
            throw IndemnityError(.outOfRange, field: "amount", value: amount.description, "cannot be negative")
        }
        return try transition(id, to: .paid, on: date, actor: actor, reason: reason, amount: amount)
    }

    /// Every claim rebuilt from its recorded events alone.
    /// - Throws: ``IndemnityError`` `.invalidTransition` or `.eventOutOfOrder` for a history that does not replay.
    public func replayed() throws -> ClaimBook {
        try ClaimBook(claims: claims.values.map(ClaimReplay.rebuild))
    }
}

extension Claim {
    /// Whether the claim still holds its invoices: a rejected claim, or one closed without payment, releases them.
    var holdsInvoices: Bool {
        switch state {
        case .rejected: return false
        case .closed: return events.contains { $0.to == .paid }
        default: return true
        }
    }
}

extension ClaimBook: Codable {
    private enum CodingKeys: String, CodingKey { case claims }

    /// Decodes the claims (each replayed by `Claim`'s decoder) and refuses two with one id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let claims = try container.decode([Claim].self, forKey: .claims)
        do { try self.init(claims: claims) } catch let error as IndemnityError {
            throw DecodingError.dataCorruptedError(forKey: .claims, in: container, debugDescription: error.description)
        }
    }

    /// Writes the claims sorted by id, so that the JSON is the same in every process.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(claims.values.sorted { $0.id < $1.id }, forKey: .claims)
    }
}
