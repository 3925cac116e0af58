public import TradeCreditModel

/// The stable reason codes of limit decisions, reviews and discretionary limits (DOMAIN.md §4). They never change
/// meaning; a decision's ``TradeCreditModel/ReasonCode`` carries one of them with a detail that names the figures.
public enum LimitReason: String, Hashable, Sendable, Codable, CaseIterable {
    // Refusals: the buyer is not insurable.
    /// A consumer: never insurable under a trade credit policy.
    case buyerIndividual = "buyer_individual"
    /// An affiliate of the seller: never insurable.
    case buyerRelatedParty = "buyer_related_party"
    /// The policy does not cover the buyer's category.
    case buyerCategoryNotCovered = "buyer_category_not_covered"
    /// The policy's territory excludes the buyer's country.
    case buyerCountryNotCovered = "buyer_country_not_covered"
    /// A source says the buyer is in default.
    case buyerInDefault = "buyer_in_default"
    /// The grade is at or above the policy's refusal grade.
    case gradeAtOrAboveRefusal = "grade_at_or_above_refusal"
    /// Less than one limit step can be granted.
    case belowLimitStep = "below_limit_step"

    // Referrals: a person decides.
    /// No usable rating: no PD, never a guess.
    case noUsableRating = "no_usable_rating"
    /// Payment terms longer than the policy's maximum credit period.
    case paymentTermsExceedMaximum = "payment_terms_exceed_maximum"
    /// The amount asked is above the automatic authority.
    case aboveAutomaticAuthority = "above_automatic_authority"
    /// The policy sets no cap for the buyer's grade.
    case noGradeCap = "no_grade_cap"
    /// A capacity amount is in another currency than the policy's: the composition layer converts first.
    case capacityNeedsConversion = "capacity_needs_conversion"

    // Grants and what bounded them.
    /// Granted in full: the request is within capacity.
    case approvedWithinCapacity = "approved_within_capacity"
    /// Review: the limit in force is within capacity.
    case withinCapacity = "within_capacity"
    /// The policy's per-buyer maximum bounds the limit.
    case limitedByPerBuyerMaximum = "limited_by_per_buyer_maximum"
    /// The grade's cap bounds the limit.
    case limitedByGradeCap = "limited_by_grade_cap"
    /// A bureau's suggested limit bounds the limit.
    case limitedByBureauSuggestion = "limited_by_bureau_suggestion"
    /// The share of the buyer's book equity bounds the limit.
    case limitedByEquityShare = "limited_by_equity_share"
    /// The amount was rounded down to the limit step.
    case roundedDownToLimitStep = "rounded_down_to_limit_step"
    /// A preliminary assessment: decided by the same rules, binding nobody.
    case preliminaryAssessment = "preliminary_assessment"
    /// The buyer's grade, PD and confidence the decision rests on.
    case assessedGrade = "assessed_grade"

    // Seller requests, reductions and withdrawals.
    /// The seller cancelled the limit (effective at once).
    case cancelledAtSellerRequest = "cancelled_at_seller_request"
    /// The seller asked for a lower limit (effective at once).
    case reducedAtSellerRequest = "reduced_at_seller_request"
    /// The insurer reduces the limit for deliveries after the notice period.
    case reducedWithNotice = "reduced_with_notice"
    /// The insurer withdraws the limit for deliveries after the notice period.
    case withdrawnWithNotice = "withdrawn_with_notice"

    // Discretionary limits.
    /// The policy allows no discretionary limit.
    case noDiscretionaryCeiling = "no_discretionary_ceiling"
    /// The insurer has decided on the buyer: its decision replaces any discretionary limit.
    case insurerDecisionExists = "insurer_decision_exists"
    /// A bureau report under the maximum age shows no adverse information.
    case cleanBureauReport = "clean_bureau_report"
    /// The seller's own payment experience supports the limit.
    case paymentExperience = "payment_experience"
    /// A recent bureau report shows adverse information.
    case adverseBureauInformation = "adverse_bureau_information"
    /// Neither a clean recent report nor qualifying payment experience.
    case noQualifyingBasis = "no_qualifying_basis"
    /// The amount was capped at the policy's discretionary ceiling.
    case cappedAtDiscretionaryCeiling = "capped_at_discretionary_ceiling"
    /// The amount was capped at the highest amount the buyer paid on time.
    case cappedAtPaymentExperience = "capped_at_payment_experience"
}

extension ReasonCode {
    /// A reason with one of the limit engine's stable codes.
    public init(_ reason: LimitReason, detail: String) {
        self.init(reason.rawValue, detail: detail)
    }

    /// The limit engine's code of this reason, or `nil` for another engine's.
    public var limitReason: LimitReason? { LimitReason(rawValue: code) }
}
