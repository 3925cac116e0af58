public import TradeCreditModel

/// Reviews limits on a date (DOMAIN.md §8): the utilisation of each, and a review item for each limit whose buyer's
/// rating changed, went stale or is missing, that has overdues, or whose outstanding is above it.
///
/// Rules as implemented (each a reason code of `ReasonCode.Monitoring`):
/// - the buyer's current grade is the latest rated on or before the date (see ``BuyerGrade``); none →
///   `rating_missing`; older than ``MonitoringRules/ratingMaxAgeDays`` → `rating_stale`;
/// - a current grade other than the grade at grant → `rating_downgraded` (higher, worse) or `rating_upgraded`
///   (lower): any grade change is a trigger for review; without a grade at grant, no change is judged;
/// - an overdue above ``MonitoringRules/overdueShareThreshold`` × limit → `overdue_against_limit` (by default any
///   positive overdue);
/// - an outstanding above the limit → `outstanding_above_limit` (unless the rules turn it off).
/// Each item carries the ``ReductionNotice`` a reduction would follow: notice on the notice date (the review date by
/// default), effective the policy's notice period later.
public struct LimitMonitor: Sendable {
    /// The parameters.
    public let rules: MonitoringRules

    public init(rules: MonitoringRules = .standard) {
        self.rules = rules
    }

    /// Reviews `limits` on `date`.
    /// - Parameters:
    ///   - limits: the limits, each with its outstanding, overdue, grade at grant and notice period.
    ///   - grades: the buyers' master-scale grades (history allowed; later ones are ignored).
    ///   - date: the review date.
    ///   - noticeDate: when a reduction would be noticed; `date` when `nil`.
    /// - Throws: ``RiskMeasureError`` `.outOfRange` (field `noticeDate`) for a notice before `date`; errors of
    ///   ``LimitUtilisation`` and ``ReductionNotice``.
    public func review(_ limits: [MonitoredLimit], grades: [BuyerGrade], on date: CalendarDate,
                       noticeDate: CalendarDate? = nil) throws -> MonitoringReport {
        let noticeDate = noticeDate ?? date
        guard noticeDate >= date else {
            throw RiskMeasureError(.outOfRange, field: "noticeDate", value: noticeDate.description,
                                   "a notice cannot be given before the review (\(date))")
        }
        let current = BuyerGrade.current(grades, on: date)
        let ordered = limits.sorted { InsuredLimit.ordered($0.insured, $1.insured) }
        var utilisations: [LimitUtilisation] = []
        var items: [ReviewItem] = []
        for monitored in ordered {
            let utilisation = try monitored.outstanding.map { try LimitUtilisation(limit: monitored.insured, outstanding: $0) }
            if let utilisation { utilisations.append(utilisation) }
            var reasons = ratingReasons(monitored, current[monitored.insured.buyerID], on: date)
            if let overdue = try overdueReason(monitored) { reasons.append(overdue) }
            if rules.reviewsOutstandingAboveLimit, let utilisation, utilisation.isOverLimit {
                reasons.append(ReasonCode(ReasonCode.Monitoring.outstandingAboveLimit,
                    detail: "outstanding \(utilisation.outstanding) above the limit \(monitored.insured.limit.amount) by "
                        + "\(utilisation.excess), which is not insured"))
            }
            guard !reasons.isEmpty else { continue }
            let notice = try ReductionNotice(noticeDate: noticeDate, noticePeriodDays: monitored.reductionNoticeDays)
            items.append(ReviewItem(limit: monitored.insured, reasons: reasons, notice: notice))
        }
        return MonitoringReport(date: date, utilisations: utilisations, reviewItems: items)
    }

    /// `rating_downgraded` / `rating_upgraded`, then `rating_missing` / `rating_stale`.
    private func ratingReasons(_ monitored: MonitoredLimit, _ grade: BuyerGrade?, on date: CalendarDate) -> [ReasonCode] {
        guard let grade else {
            return [ReasonCode(ReasonCode.Monitoring.ratingMissing,
                               detail: "no master-scale grade of \(monitored.insured.buyerID) rated on or before \(date)")]
        }
        var reasons: [ReasonCode] = []
        if let atGrant = monitored.gradeAtGrant, atGrant != grade.grade {
            let code = grade.grade > atGrant ? ReasonCode.Monitoring.ratingDowngraded : ReasonCode.Monitoring.ratingUpgraded
            reasons.append(ReasonCode(code, detail: "grade \(atGrant) at grant, \(grade.grade) rated \(grade.ratedOn)"))
        }
        let age = date.days(since: grade.ratedOn)
        if age > rules.ratingMaxAgeDays {
            reasons.append(ReasonCode(ReasonCode.Monitoring.ratingStale,
                detail: "rated \(grade.ratedOn), \(age) days before \(date) (maximum \(rules.ratingMaxAgeDays))"))
        }
        return reasons
    }

    /// `overdue_against_limit` when the overdue is positive and above the threshold share of the limit.
    private func overdueReason(_ monitored: MonitoredLimit) throws -> ReasonCode? {
        guard let overdue = monitored.overdue, overdue.isPositive else { return nil }
        let limit = monitored.insured.limit.amount
        let threshold = try limit.multiplied(by: rules.overdueShareThreshold)
        guard try overdue.compare(to: threshold) > 0 else { return nil }
        let share = limit.isZero ? "a zero limit"
            : "the limit \(limit), a share of \(try overdue.value.divided(by: limit.value, scale: LimitUtilisation.scale, rule: .halfUp).trimmed())"
        return ReasonCode(ReasonCode.Monitoring.overdueAgainstLimit, detail: "overdue \(overdue) against \(share)")
    }
}

/// A limit to review, with why, and when a reduction noticed now would take effect.
public struct ReviewItem: Hashable, Sendable {
    /// The limit and its holder.
    public let limit: InsuredLimit
    /// The triggers, in the order of `ReasonCode.Monitoring.all`.
    public let reasons: [ReasonCode]
    /// The notice a reduction would follow: given on the notice date, effective after the policy's notice period;
    /// deliveries before ``ReductionNotice/effectiveDate`` stay covered at the current limit.
    public let notice: ReductionNotice
}

/// The result of ``LimitMonitor/review(_:grades:on:noticeDate:)``: every utilisation that could be computed and the
/// review items, both ordered by policyholder, buyer and limit id.
public struct MonitoringReport: Hashable, Sendable {
    /// The review date.
    public let date: CalendarDate
    /// The utilisation of every limit whose outstanding is known.
    public let utilisations: [LimitUtilisation]
    /// The limits to review.
    public let reviewItems: [ReviewItem]
}
