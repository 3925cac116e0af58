public import TradeCreditModel

/// Credit-limit decisions under one policy (DOMAIN.md §4), each explained by reason codes.
///
/// In order: a seller's cancellation or reduction is applied at once; a buyer that is not insurable, in default, or
/// graded at or above the refusal grade is refused; no usable rating, payment terms longer than the maximum credit
/// period, or an amount above the automatic authority is referred to a person (so is a capacity that cannot be
/// computed); otherwise the grant is min(requested, capacity) rounded down to the limit step — approved, partly
/// approved, or refused when less than one step remains. Reductions and withdrawals of the insurer take effect after
/// the notice period (``reduce(_:to:decisionID:noticeDate:because:)``, ``review(_:buyer:assessment:decisionID:noticeDate:)``).
public struct LimitUnderwriter: Sendable {
    /// The policy whose underwriting parameters, territory and notice period apply.
    public let policy: PolicyTerms

    /// An underwriter for `policy`.
    public init(policy: PolicyTerms) {
        self.policy = policy
    }

    /// Decides a seller's request on the buyer's assessment.
    /// - Throws: ``UnderwritingError`` `.currencyMismatch` for a request in another currency than the policy's;
    ///   `.inconsistent` for a request or an assessment about another buyer; `.outOfRange` for a decision before
    ///   the request or an assessment dated after the decision.
    public func decide(_ request: LimitRequest, for buyer: Buyer, assessment: BuyerAssessment, decisionID: LimitID,
                       on decisionDate: CalendarDate) throws -> LimitDecision {
        try check(request.requestedAmount, field: "requestedAmount")
        guard request.buyerID == buyer.id else {
            throw UnderwritingError(.inconsistent, field: "request.buyerID", value: request.buyerID.rawValue,
                                    "the request is about another buyer than \(buyer.id)")
        }
        guard decisionDate >= request.requestDate else {
            throw UnderwritingError(.outOfRange, field: "decisionDate", value: decisionDate.description,
                                    "a decision cannot precede its request (\(request.requestDate))")
        }
        try check(assessment, of: buyer, on: decisionDate)
        func decision(_ kind: LimitDecisionKind, _ granted: Money, _ reasons: [ReasonCode]) throws -> LimitDecision {
            try LimitDecision(id: decisionID, requestID: request.id, buyerID: buyer.id, kind: kind,
                              requestedAmount: request.requestedAmount, grantedAmount: granted, decisionDate: decisionDate,
                              reasons: reasons)
        }
        let requested = request.requestedAmount
        let zero = Money.zero(policy.currency)
        switch request.kind {
        case .cancellation:
            return try decision(.cancelled, zero, [ReasonCode(.cancelledAtSellerRequest, detail: "cancelled by the seller, effective \(decisionDate)")])
        case .reduction:
            return try decision(.reduced, requested, [ReasonCode(.reducedAtSellerRequest, detail: "reduced by the seller to \(requested), effective \(decisionDate)")])
        case .newLimit, .increase, .preliminaryAssessment, .prolongation:
            break
        }

        let grade = gradeReason(assessment)
        let refusals = self.refusals(buyer, assessment)
        if !refusals.isEmpty { return try decision(.refused, zero, refusals + grade) }

        var referrals: [ReasonCode] = []
        let assessedGrade = assessment.grade
        if assessedGrade == nil {
            referrals.append(ReasonCode(.noUsableRating, detail: "no usable rating on \(assessment.asOf): a person decides"))
        }
        if let terms = request.paymentTermsDays, terms > policy.maximumCreditPeriodDays {
            referrals.append(ReasonCode(.paymentTermsExceedMaximum,
                                        detail: "\(terms) days of terms, more than the maximum credit period of \(policy.maximumCreditPeriodDays)"))
        }
        if try requested.compare(to: policy.underwriting.automaticAuthority) > 0 {
            referrals.append(ReasonCode(.aboveAutomaticAuthority,
                                        detail: "\(requested) asked, above the automatic authority \(policy.underwriting.automaticAuthority)"))
        }
        guard referrals.isEmpty, let assessedGrade else { return try decision(.referred, zero, referrals + grade) }

        let preliminary = request.kind == .preliminaryAssessment
            ? [ReasonCode(.preliminaryAssessment, detail: "a preliminary assessment: decided by the same rules, binding nobody")] : []
        switch try capacity(assessment, grade: assessedGrade) {
        case .unavailable(let reason):
            return try decision(.referred, zero, [reason] + grade)
        case .available(let capacity):
            let (granted, bounds) = try grant(requested, within: capacity)
            if granted.isZero {
                let below = ReasonCode(.belowLimitStep, detail: "capacity \(capacity.amount) is less than one step of \(policy.underwriting.limitStep)")
                return try decision(.refused, zero, [below] + bounds.filter { $0.limitReason != .roundedDownToLimitStep } + grade)
            }
            if granted == requested {
                let within = ReasonCode(.approvedWithinCapacity, detail: "\(requested) is within capacity \(capacity.amount)")
                return try decision(.approved, granted, [within] + preliminary + grade)
            }
            return try decision(.partlyApproved, granted, bounds + preliminary + grade)
        }
    }

    /// The reasons a buyer is refused: not insurable, in default, or graded at or above the refusal grade.
    func refusals(_ buyer: Buyer, _ assessment: BuyerAssessment) -> [ReasonCode] {
        var reasons = Insurability.refusals(buyer, under: policy)
        if assessment.isInDefault {
            let sources = assessment.reasons.first { $0.code == .inDefault }?.detail ?? ""
            reasons.append(ReasonCode(.buyerInDefault, detail: "in default: \(sources)"))
        } else if let grade = assessment.grade, grade >= policy.underwriting.refusalGrade {
            reasons.append(ReasonCode(.gradeAtOrAboveRefusal,
                                      detail: "grade \(grade) is at or above the refusal grade \(policy.underwriting.refusalGrade)"))
        }
        return reasons
    }

    /// The grade the decision rests on, as a reason (none without a grade).
    func gradeReason(_ assessment: BuyerAssessment) -> [ReasonCode] {
        guard let grade = assessment.grade, let pd = assessment.probabilityOfDefault else { return [] }
        return [ReasonCode(.assessedGrade, detail: "grade \(grade), PD \(Figures.percent(pd)), confidence "
                           + "\(Figures.decimal(assessment.confidence, places: 2)) (assessed on \(assessment.asOf), tables \(assessment.tablesVersion))")]
    }

    /// The capacity of the assessed buyer at `grade`.
    func capacity(_ assessment: BuyerAssessment, grade: Int) throws -> LimitCapacity.Outcome {
        try LimitCapacity.evaluate(grade: grade, suggestedLimits: assessment.suggestedLimits, bookEquity: assessment.bookEquity,
                                   underwriting: policy.underwriting)
    }

    /// min(`wanted`, capacity) rounded down to the step, and the reasons that bounded it below `wanted`.
    func grant(_ wanted: Money, within capacity: LimitCapacity) throws -> (Money, [ReasonCode]) {
        let step = policy.underwriting.limitStep
        let granted = try capacity.granted(for: wanted, step: step)
        var reasons: [ReasonCode] = []
        if try capacity.amount.compare(to: wanted) < 0 {
            reasons += capacity.binding.map { ReasonCode($0.reason, detail: "capacity \(capacity.amount): \($0.detail)") }
        }
        let bound = try Money.min(wanted, capacity.amount)
        if granted != bound {
            reasons.append(ReasonCode(.roundedDownToLimitStep, detail: "\(bound) rounded down to a multiple of \(step): \(granted)"))
        }
        return (granted, reasons)
    }

    /// - Throws: `.currencyMismatch` for an amount outside the policy currency.
    func check(_ amount: Money, field: String) throws {
        guard amount.currency == policy.currency else {
            throw UnderwritingError(.currencyMismatch, field: field, value: amount.description,
                                    "the policy currency is \(policy.currency)")
        }
    }

    /// - Throws: `.inconsistent` for an assessment of another buyer, `.outOfRange` for one dated after `date`.
    func check(_ assessment: BuyerAssessment, of buyer: Buyer, on date: CalendarDate) throws {
        guard assessment.buyerID == buyer.id else {
            throw UnderwritingError(.inconsistent, field: "assessment.buyerID", value: assessment.buyerID.rawValue,
                                    "the assessment is about another buyer than \(buyer.id)")
        }
        guard assessment.asOf <= date else {
            throw UnderwritingError(.outOfRange, field: "assessment.asOf", value: assessment.asOf.description,
                                    "the assessment is dated after the decision (\(date))")
        }
    }
}
