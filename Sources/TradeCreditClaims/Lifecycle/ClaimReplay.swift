public import TradeCreditModel

/// Rebuilds a claim from its recorded events: the first event opens it, each next one is applied as a transition.
public enum ClaimReplay {
    /// The claim `claim`'s events rebuild (equal to `claim` when its history is sound).
    /// - Throws: ``IndemnityError`` `.invalidTransition` or `.eventOutOfOrder` naming the event that does not replay.
    public static func rebuild(_ claim: Claim) throws -> Claim {
        guard let first = claim.events.first else {
            throw IndemnityError(.inconsistent, field: "events", value: claim.id.rawValue, "a claim has at least one event")
        }
        var rebuilt = try Claim(id: claim.id, policyID: claim.policyID, buyerID: claim.buyerID, cause: claim.cause,
                                invoiceNumbers: claim.invoiceNumbers, claimedAmount: claim.claimedAmount,
                                notificationID: claim.notificationID, initialState: first.to, date: first.date,
                                actor: first.actor, reason: first.reason)
        var book = try ClaimBook(claims: [rebuilt])
        for (index, event) in claim.events.enumerated().dropFirst() {
            guard event.from == rebuilt.state else {
                throw IndemnityError(.invalidTransition, field: "events[\(index)]",
                                     value: "\(event.from?.rawValue ?? "nothing") -> \(event.to.rawValue)",
                                     "claim \(claim.id): the claim was \(rebuilt.state.rawValue)")
            }
            rebuilt = try book.transition(claim.id, to: event.to, on: event.date, actor: event.actor,
                                          reason: event.reason, amount: event.amount)
        }
        return rebuilt
    }
}
