public import TradeCreditModel

/// What a review of a limit in force concludes.
public enum LimitReview: Hashable, Sendable {
    /// The limit stays: it is within what the insurer would grant today.
    case unchanged([ReasonCode])
    /// A person decides (no usable rating, or a capacity that cannot be computed): the engine does not cut a limit
    /// on its own.
    case referred([ReasonCode])
    /// A reduction or a withdrawal with notice.
    case changed(LimitDecision)
}

extension LimitUnderwriter {
    /// The insurer reduces `limit` to `amount` (a withdrawal when zero) on `noticeDate`; the change applies to
    /// deliveries from the notice date plus the policy's notice period, and deliveries before stay covered at the old
    /// limit (`CreditLimit.inForce(on:among:)` on the old and the new limit).
    ///
    /// A reduction is a `reduced` decision; a withdrawal a `cancelled` one (a zero insurer limit). `because` follows
    /// the first reason.
    /// - Throws: ``UnderwritingError`` `.currencyMismatch`; `.outOfRange` for a negative amount; `.inconsistent`
    ///   for an amount that does not reduce, or a limit that expires before the change would take effect.
    public func reduce(_ limit: CreditLimit, to amount: Money, decisionID: LimitID, noticeDate: CalendarDate,
                       because reasons: [ReasonCode]) throws -> LimitDecision {
        guard amount.currency == limit.amount.currency else {
            throw UnderwritingError(.currencyMismatch, field: "amount", value: amount.description,
                                    "the limit is in \(limit.amount.currency)")
        }
        guard !amount.isNegative else {
            throw UnderwritingError(.outOfRange, field: "amount", value: amount.description, "a limit cannot be negative")
        }
        guard try amount.compare(to: limit.amount) < 0 else {
            throw UnderwritingError(.inconsistent, field: "amount", value: amount.description,
                                    "a reduction is below the current \(limit.amount)")
        }
        let effective = try noticeDate.adding(days: policy.limitReductionNoticeDays)
        if let expiry = limit.expiryDate, expiry < effective {
            throw UnderwritingError(.inconsistent, field: "noticeDate", value: noticeDate.description,
                                    "the limit expires on \(expiry), before the change would take effect (\(effective))")
        }
        let withdrawal = amount.isZero
        let notice = "notice \(noticeDate) + \(policy.limitReductionNoticeDays) days: deliveries from \(effective) "
            + "are covered at \(amount), deliveries before stay covered at \(limit.amount)"
        let first = withdrawal ? ReasonCode(.withdrawnWithNotice, detail: "limit \(limit.id) withdrawn; \(notice)")
                               : ReasonCode(.reducedWithNotice, detail: "limit \(limit.id) reduced; \(notice)")
        return try LimitDecision(id: decisionID, buyerID: limit.buyerID, kind: withdrawal ? .cancelled : .reduced,
                                 requestedAmount: limit.amount, grantedAmount: amount, decisionDate: noticeDate,
                                 effectiveDate: effective, expiryDate: limit.expiryDate, reasons: [first] + reasons)
    }

    /// Reviews a limit in force on a new assessment of its buyer: withdrawn with notice when the buyer is refused
    /// today (not insurable, in default, at or above the refusal grade); reduced with notice to the capacity rounded
    /// down to the step when that is below the limit; otherwise unchanged. Without a usable rating, or a capacity, a
    /// person decides.
    /// - Throws: ``UnderwritingError`` as ``reduce(_:to:decisionID:noticeDate:because:)``, and `.inconsistent` for an
    ///   assessment or a limit of another buyer.
    public func review(_ limit: CreditLimit, buyer: Buyer, assessment: BuyerAssessment, decisionID: LimitID,
                       noticeDate: CalendarDate) throws -> LimitReview {
        guard limit.buyerID == buyer.id else {
            throw UnderwritingError(.inconsistent, field: "limit.buyerID", value: limit.buyerID.rawValue,
                                    "the limit is on another buyer than \(buyer.id)")
        }
        try check(limit.amount, field: "limit.amount")
        try check(assessment, of: buyer, on: noticeDate)
        let grade = gradeReason(assessment)
        let refusals = self.refusals(buyer, assessment)
        if !refusals.isEmpty {
            if limit.amount.isZero { return .unchanged(refusals + grade) }
            return .changed(try reduce(limit, to: .zero(policy.currency), decisionID: decisionID, noticeDate: noticeDate,
                                       because: refusals + grade))
        }
        guard let assessedGrade = assessment.grade else {
            return .referred([ReasonCode(.noUsableRating, detail: "no usable rating on \(assessment.asOf): a person reviews limit \(limit.id)")])
        }
        switch try capacity(assessment, grade: assessedGrade) {
        case .unavailable(let reason):
            return .referred([reason] + grade)
        case .available(let capacity):
            let (granted, bounds) = try grant(limit.amount, within: capacity)
            if granted == limit.amount {
                return .unchanged([ReasonCode(.withinCapacity, detail: "\(limit.amount) is within capacity \(capacity.amount)")] + grade)
            }
            return .changed(try reduce(limit, to: granted, decisionID: decisionID, noticeDate: noticeDate, because: bounds + grade))
        }
    }
}
