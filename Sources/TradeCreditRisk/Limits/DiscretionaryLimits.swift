public import TradeCreditModel

/// The seller's own record with a buyer, one basis of a discretionary limit.
public struct PaymentExperience: Hashable, Sendable, Codable {
    /// First day of the trading observed.
    public let from: CalendarDate
    /// Last day of the trading observed.
    public let through: CalendarDate
    /// The highest balance the buyer settled within terms over the period.
    public let highestAmountPaidOnTime: Money
    /// The most days beyond terms of any payment over the period.
    public let maximumDaysBeyondTerms: Int

    /// - Throws: ``UnderwritingError`` `.outOfRange` for a period that ends before it starts, a negative amount or
    ///   negative days.
    public init(from: CalendarDate, through: CalendarDate, highestAmountPaidOnTime: Money, maximumDaysBeyondTerms: Int) throws {
        guard through >= from else {
            throw UnderwritingError(.outOfRange, field: "through", value: through.description, "the period ends before \(from)")
        }
        guard !highestAmountPaidOnTime.isNegative else {
            throw UnderwritingError(.outOfRange, field: "highestAmountPaidOnTime", value: highestAmountPaidOnTime.description,
                                    "cannot be negative")
        }
        guard maximumDaysBeyondTerms >= 0 else {
            throw UnderwritingError(.outOfRange, field: "maximumDaysBeyondTerms", value: String(maximumDaysBeyondTerms),
                                    "cannot be negative")
        }
        self.from = from
        self.through = through
        self.highestAmountPaidOnTime = highestAmountPaidOnTime
        self.maximumDaysBeyondTerms = maximumDaysBeyondTerms
    }
}

/// When the seller's payment experience supports a discretionary limit (DOMAIN.md §4 leaves it to the policy).
public struct DiscretionaryLimitRules: Hashable, Sendable, Codable {
    /// The experience must run to a day at most this many days before the limit (365).
    public var experienceWindowDays: Int
    /// No payment of the period may have been later than this many days beyond terms (30).
    public var maximumDaysBeyondTerms: Int

    /// Rules with both limits given; see ``illustrative``.
    public init(experienceWindowDays: Int, maximumDaysBeyondTerms: Int) {
        self.experienceWindowDays = experienceWindowDays
        self.maximumDaysBeyondTerms = maximumDaysBeyondTerms
    }

    /// Illustrative: experience within the last 365 days, never more than 30 days beyond terms; the limit is then at
    /// most the highest amount paid on time.
    public static let illustrative = DiscretionaryLimitRules(experienceWindowDays: 365, maximumDaysBeyondTerms: 30)
}

/// What a discretionary limit rests on.
public enum DiscretionaryBasis: String, Hashable, Sendable, Codable, CaseIterable {
    /// A bureau report under the policy's maximum age that rates the buyer and shows no adverse information.
    case bureauReport
    /// The seller's own payment experience.
    case paymentExperience
}

/// The answer to a seller that wants to self-approve a limit.
public struct DiscretionaryLimitOutcome: Hashable, Sendable, Codable {
    /// The discretionary limit, or `nil` when the seller may not set one.
    public let limit: CreditLimit?
    /// The bases that qualified.
    public let bases: [DiscretionaryBasis]
    /// Why.
    public let reasons: [ReasonCode]

    /// An outcome; `limit` is `nil` when the seller may not set one.
    public init(limit: CreditLimit?, bases: [DiscretionaryBasis], reasons: [ReasonCode]) {
        self.limit = limit
        self.bases = bases
        self.reasons = reasons
    }
}

/// Discretionary limits (DOMAIN.md §4): the seller self-approves up to the policy's ceiling when a bureau report
/// under the policy's maximum age shows no adverse information, or on its own payment experience (then at most the
/// highest amount paid on time). Adverse information in a recent report blocks both; any insurer decision on the
/// buyer replaces a discretionary limit (`CreditLimit.inForce(on:among:)`) and prevents a new one.
public struct DiscretionaryLimits: Sendable {
    /// The policy: its ceiling, its report age, its territory and categories.
    public let policy: PolicyTerms
    /// When payment experience qualifies.
    public let rules: DiscretionaryLimitRules

    /// Discretionary limits under `policy`, with the illustrative experience rules by default.
    public init(policy: PolicyTerms, rules: DiscretionaryLimitRules = .illustrative) {
        self.policy = policy
        self.rules = rules
    }

    /// Whether, and up to what, the seller may set a limit of `amount` on `buyer` on `date`.
    /// - Throws: ``UnderwritingError`` `.currencyMismatch` for an amount or experience outside the policy currency,
    ///   `.outOfRange` for an amount that is not positive.
    public func evaluate(buyer: Buyer, amount: Money, on date: CalendarDate, limitID: LimitID, ratings: [BureauRating],
                         scales: [RatingScale], experience: PaymentExperience?, existingLimits: [CreditLimit]) throws
        -> DiscretionaryLimitOutcome {
        for (field, money) in [("amount", amount), ("experience.highestAmountPaidOnTime", experience?.highestAmountPaidOnTime)]
            as [(String, Money?)] {
            if let money, money.currency != policy.currency {
                throw UnderwritingError(.currencyMismatch, field: field, value: money.description, "the policy currency is \(policy.currency)")
            }
        }
        guard amount.isPositive else {
            throw UnderwritingError(.outOfRange, field: "amount", value: amount.description, "a limit asked is positive")
        }
        func refuse(_ reasons: [ReasonCode]) -> DiscretionaryLimitOutcome { DiscretionaryLimitOutcome(limit: nil, bases: [], reasons: reasons) }

        guard let ceiling = policy.discretionaryLimitCeiling else {
            return refuse([ReasonCode(.noDiscretionaryCeiling, detail: "policy \(policy.policyID) allows no discretionary limit")])
        }
        let uninsurable = Insurability.refusals(buyer, under: policy)
        if !uninsurable.isEmpty { return refuse(uninsurable) }
        if let insurer = existingLimits.first(where: { $0.buyerID == buyer.id && $0.kind == .insurer && $0.effectiveDate <= date }) {
            return refuse([ReasonCode(.insurerDecisionExists,
                                      detail: "insurer limit \(insurer.id) of \(insurer.amount) from \(insurer.effectiveDate) replaces any discretionary limit")])
        }

        let recent = ratings.filter { (0...policy.discretionaryReportMaxAgeDays).contains($0.ageInDays(on: date)) }
        let adverse = recent.filter { rating in
            !rating.adverseEvents.isEmpty || normalized(rating, scales) == .inDefault
        }
        if !adverse.isEmpty {
            let what = adverse.map { "\($0.source) \($0.ratedOn): " + ($0.adverseEvents.isEmpty ? "in default" : $0.adverseEvents.joined(separator: ", ")) }
            return refuse([ReasonCode(.adverseBureauInformation, detail: what.joined(separator: "; "))])
        }

        var reasons: [ReasonCode] = []
        var bases: [DiscretionaryBasis] = []
        var cap = ceiling
        if let clean = recent.first(where: { isClean($0, scales) }) {
            bases.append(.bureauReport)
            reasons.append(ReasonCode(.cleanBureauReport, detail: "\(clean.source) \(clean.scaleID) \(clean.value) on \(clean.ratedOn), "
                                      + "\(clean.ageInDays(on: date)) days old, no adverse information"))
        }
        if let experience, qualifies(experience, on: date) {
            bases.append(.paymentExperience)
            reasons.append(ReasonCode(.paymentExperience, detail: "paid on time up to \(experience.highestAmountPaidOnTime) from "
                                      + "\(experience.from) to \(experience.through), at most \(experience.maximumDaysBeyondTerms) days beyond terms"))
            if !bases.contains(.bureauReport) { cap = try Money.min(ceiling, experience.highestAmountPaidOnTime) }
        }
        guard !bases.isEmpty else {
            return refuse([ReasonCode(.noQualifyingBasis, detail: "no rated bureau report of at most \(policy.discretionaryReportMaxAgeDays) days "
                                      + "and no payment experience within \(rules.experienceWindowDays) days at most \(rules.maximumDaysBeyondTerms) days late")])
        }
        let granted = try Money.min(amount, cap)
        if granted != amount {
            reasons.append(cap == ceiling
                ? ReasonCode(.cappedAtDiscretionaryCeiling, detail: "\(amount) asked, the policy's discretionary ceiling is \(ceiling)")
                : ReasonCode(.cappedAtPaymentExperience, detail: "\(amount) asked, paid on time up to \(cap)"))
        }
        guard granted.isPositive else { return refuse(reasons) }
        let limit = try CreditLimit(id: limitID, buyerID: buyer.id, amount: granted, kind: .discretionary, effectiveDate: date)
        return DiscretionaryLimitOutcome(limit: limit, bases: bases, reasons: reasons)
    }

    /// The rating's state through its scale, when the scale is known.
    private func normalized(_ rating: BureauRating, _ scales: [RatingScale]) -> RatingValue {
        scales.first { $0.id == rating.scaleID }?.normalized(rating.value) ?? rating.value
    }

    /// A report that rates the buyer (a live PD on a known scale) and shows no adverse information.
    private func isClean(_ rating: BureauRating, _ scales: [RatingScale]) -> Bool {
        guard rating.adverseEvents.isEmpty, let scale = scales.first(where: { $0.id == rating.scaleID }),
              let pd = try? scale.probabilityOfDefault(for: rating.value) else { return false }
        return pd < 1
    }

    private func qualifies(_ experience: PaymentExperience, on date: CalendarDate) -> Bool {
        (0...rules.experienceWindowDays).contains(date.days(since: experience.through))
            && experience.maximumDaysBeyondTerms <= rules.maximumDaysBeyondTerms && experience.highestAmountPaidOnTime.isPositive
    }
}
