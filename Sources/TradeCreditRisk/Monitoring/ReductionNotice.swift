public import TradeCreditModel

/// A notice reducing or withdrawing a limit, and the date it takes effect (DOMAIN.md §2 and §4).
///
/// The reduction applies to deliveries made on or after notice date + notice period (the policy's
/// `limitReductionNoticeDays`, typically 30); deliveries before that date stay covered at the old limit. This is the
/// effective date `CreditLimit` documents for a reduction: a notice given on 2026-03-01 with 30 days' notice takes
/// effect on 2026-03-31, and a delivery on 2026-03-30 is still covered at the old limit.
public struct ReductionNotice: Hashable, Sendable {
    /// When the insurer gives notice.
    public let noticeDate: CalendarDate
    /// The notice period in days.
    public let noticePeriodDays: Int
    /// noticeDate + noticePeriodDays: the first delivery date at the reduced limit.
    public let effectiveDate: CalendarDate

    /// - Throws: ``RiskMeasureError`` `.outOfRange` (field `noticePeriodDays`) for a negative period; `ModelError`
    ///   `.invalidDate` past year 9999.
    public init(noticeDate: CalendarDate, noticePeriodDays: Int) throws {
        guard noticePeriodDays >= 0 else {
            throw RiskMeasureError(.outOfRange, field: "noticePeriodDays", value: String(noticePeriodDays),
                                   "a notice period cannot be negative")
        }
        self.noticeDate = noticeDate
        self.noticePeriodDays = noticePeriodDays
        self.effectiveDate = try noticeDate.adding(days: noticePeriodDays)
    }

    /// A notice under `terms` (its `limitReductionNoticeDays`). - Throws: as ``init(noticeDate:noticePeriodDays:)``.
    public init(noticeDate: CalendarDate, terms: PolicyTerms) throws {
        try self.init(noticeDate: noticeDate, noticePeriodDays: terms.limitReductionNoticeDays)
    }

    /// Whether a delivery on `date` falls under the reduced limit.
    public func appliesToDelivery(on date: CalendarDate) -> Bool { date >= effectiveDate }

    /// The limit that the reduction sets: `amount` from ``effectiveDate``, with the old limit's expiry, held by the
    /// same policyholder. Deliveries before the effective date stay under `current`.
    /// - Parameters:
    ///   - current: the limit in force, that the reduction replaces.
    ///   - amount: the reduced amount, in the limit's currency and not above it (zero withdraws the limit).
    ///   - id: the key of the new limit (the insurer's decision id).
    /// - Throws: ``RiskMeasureError`` `.currencyMismatch` or `.outOfRange` (field `amount`) when `amount` is not in
    ///   the limit's currency or is above the current amount (that is an increase, not a reduction); `ModelError`
    ///   when the old limit expires before the effective date.
    public func reducedLimit(_ current: InsuredLimit, to amount: Money, id: LimitID) throws -> InsuredLimit {
        try RiskMeasureError.requireCurrency(amount, current.limit.amount.currency, field: "amount")
        guard try amount.compare(to: current.limit.amount) <= 0 else {
            throw RiskMeasureError(.outOfRange, field: "amount", value: amount.description,
                                   "a reduction cannot raise the limit (\(current.limit.amount))")
        }
        let limit = try CreditLimit(id: id, buyerID: current.buyerID, amount: amount, kind: .insurer,
                                    effectiveDate: effectiveDate, expiryDate: current.limit.expiryDate, decisionID: id)
        return InsuredLimit(policyholderID: current.policyholderID, limit: limit)
    }
}
