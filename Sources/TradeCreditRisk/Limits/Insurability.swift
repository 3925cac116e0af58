import TradeCreditModel

/// Whether a policy can cover a buyer at all (DOMAIN.md §1, §4): consumers and related parties never, other
/// categories and countries as the policy says.
enum Insurability {
    /// Every reason the buyer is not insurable under `policy`; empty when it is.
    static func refusals(_ buyer: Buyer, under policy: PolicyTerms) -> [ReasonCode] {
        var reasons: [ReasonCode] = []
        if buyer.category == .individual {
            reasons.append(ReasonCode(.buyerIndividual, detail: "\(buyer.id) is a consumer: never insurable under a trade credit policy"))
        } else if !policy.coveredBuyerCategories.contains(buyer.category) {
            let covered = policy.coveredBuyerCategories.map(\.rawValue).sorted().joined(separator: ", ")
            reasons.append(ReasonCode(.buyerCategoryNotCovered,
                                      detail: "category \(buyer.category.rawValue) is not covered (covered: \(covered))"))
        }
        if buyer.isRelatedParty {
            reasons.append(ReasonCode(.buyerRelatedParty, detail: "\(buyer.id) is an affiliate of the seller: never insurable"))
        }
        if !policy.territory.contains(buyer.country) {
            reasons.append(ReasonCode(.buyerCountryNotCovered, detail: "\(buyer.country) is outside the policy's territory"))
        }
        return reasons
    }
}
