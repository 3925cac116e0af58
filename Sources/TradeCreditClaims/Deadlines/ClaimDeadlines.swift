public import TradeCreditModel

/// The dates of the claims rules (DOMAIN.md §2, §4, §6), as pure functions of the policy terms.
///
/// Every deadline is a whole number of calendar days after its anchor and is the **last** day that is still in time
/// (inclusive), except ``stopSupplyDate(dueDate:)``, which is the **first** day deliveries are no longer covered.
public struct ClaimDeadlines: Sendable, Hashable {
    /// The terms the periods come from.
    public let terms: PolicyTerms

    public init(terms: PolicyTerms) {
        self.terms = terms
    }

    /// Due date + MEP: the last day an unpaid invoice still leaves cover open.
    /// - Throws: ``ClaimsError`` `.outOfRange` past the calendar's last year.
    public func endOfMaximumExtensionPeriod(dueDate: CalendarDate) throws -> CalendarDate {
        try Self.add(terms.maximumExtensionPeriodDays, to: dueDate, "maximumExtensionPeriodDays")
    }

    /// Due date + MEP + 1: while the invoice is unpaid, deliveries from this day on are not covered (the invoice is
    /// then unpaid *more than* MEP days past its due date).
    /// - Throws: ``ClaimsError`` `.outOfRange` past the calendar's last year.
    public func stopSupplyDate(dueDate: CalendarDate) throws -> CalendarDate {
        try Self.add(1, to: endOfMaximumExtensionPeriod(dueDate: dueDate), "maximumExtensionPeriodDays")
    }

    /// The last day to notify an overdue: the policy's anchor (the due date, or the end of the MEP) + the
    /// notification days.
    /// - Throws: ``ClaimsError`` `.outOfRange` past the calendar's last year.
    public func notificationDeadline(dueDate: CalendarDate) throws -> CalendarDate {
        let anchor = switch terms.overdueNotificationAnchor {
        case .dueDate: dueDate
        case .endOfMaximumExtensionPeriod: try endOfMaximumExtensionPeriod(dueDate: dueDate)
        }
        return try Self.add(terms.overdueNotificationDays, to: anchor, "overdueNotificationDays")
    }

    /// The last day to file the claim: notification + the claim filing days.
    /// - Throws: ``ClaimsError`` `.outOfRange` past the calendar's last year.
    public func claimFilingDeadline(notifiedOn: CalendarDate) throws -> CalendarDate {
        try Self.add(terms.claimFilingDays, to: notifiedOn, "claimFilingDays")
    }

    /// Protracted default: the loss is established at notification + the waiting period.
    /// - Throws: ``ClaimsError`` `.outOfRange` past the calendar's last year.
    public func waitingPeriodEnd(notifiedOn: CalendarDate) throws -> CalendarDate {
        try Self.add(terms.waitingPeriodDays, to: notifiedOn, "waitingPeriodDays")
    }

    /// The day the indemnity is due: the loss established + the indemnity payment days. For an insolvency the loss
    /// is established on the proceedings' date; for a protracted default at ``waitingPeriodEnd(notifiedOn:)``.
    /// - Throws: ``ClaimsError`` `.outOfRange` past the calendar's last year.
    public func paymentDate(lossEstablishedOn: CalendarDate) throws -> CalendarDate {
        try Self.add(terms.indemnityPaymentDays, to: lossEstablishedOn, "indemnityPaymentDays")
    }

    /// The first delivery date a limit reduction or withdrawal applies to: notice + the notice days. Use it as the
    /// `effectiveDate` of the reduced (or zero) `CreditLimit`.
    /// - Throws: ``ClaimsError`` `.outOfRange` past the calendar's last year.
    public func reductionEffectiveDate(noticeDate: CalendarDate) throws -> CalendarDate {
        try Self.add(terms.limitReductionNoticeDays, to: noticeDate, "limitReductionNoticeDays")
    }

    private static func add(_ days: Int, to date: CalendarDate, _ field: String) throws -> CalendarDate {
        do {
            return try date.adding(days: days)
        } catch {
            throw ClaimsError(.outOfRange, field: field, value: "\(date) + \(days)", "the date falls outside the calendar")
        }
    }
}
