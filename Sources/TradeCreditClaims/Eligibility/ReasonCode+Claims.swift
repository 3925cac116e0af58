public import TradeCreditModel

extension ReasonCode {
    /// The stable codes of invoice eligibility (DOMAIN.md §6): one per failed condition. They never change meaning.
    public enum Claims {
        /// The delivery date is outside the policy period.
        public static let policyNotInForce = "policy_not_in_force"
        /// The buyer is an affiliate of the seller (never insurable).
        public static let buyerRelatedParty = "buyer_related_party"
        /// The policy does not cover the buyer's category (an individual, a public body unless the policy says so).
        public static let buyerCategoryNotCovered = "buyer_category_not_covered"
        /// The buyer's country is outside the policy's territory.
        public static let buyerCountryNotCovered = "buyer_country_not_covered"
        /// No limit in force at delivery, or a zero one (a withdrawal or a refusal).
        public static let noLimitInForce = "no_limit_in_force"
        /// The limit in force at delivery is discretionary but not valid: the policy allows none, it is above the
        /// ceiling, or it is not in the policy currency.
        public static let invalidDiscretionaryLimit = "invalid_discretionary_limit"
        /// The payment term (issue to due date) is longer than the maximum credit period.
        public static let paymentTermExceedsMaximum = "payment_term_exceeds_maximum"
        /// Delivered while cover was closed: on the delivery date another invoice was unpaid more than MEP days past due.
        public static let deliveredAfterStopSupply = "delivered_after_stop_supply"
        /// The overdue was notified after the deadline, or not at all and the deadline has passed.
        public static let overdueNotNotifiedInTime = "overdue_not_notified_in_time"
        /// The claim was filed after the deadline, or not at all and the deadline has passed.
        public static let claimNotFiledInTime = "claim_not_filed_in_time"
        /// A dispute concerning the invoice is open: the debt waits until it ends.
        public static let disputed = "disputed"

        /// Every code above, in the order eligibility checks them.
        public static let all: [String] = [
            policyNotInForce, buyerRelatedParty, buyerCategoryNotCovered, buyerCountryNotCovered, noLimitInForce,
            invalidDiscretionaryLimit, paymentTermExceedsMaximum, deliveredAfterStopSupply, overdueNotNotifiedInTime,
            claimNotFiledInTime, disputed,
        ]
    }
}
