public import TradeCreditModel

/// An overdue notification recorded by an ``Underwriter``: the claim it opened (state `notified`) and its deadlines.
public struct OverdueNotice: Hashable, Sendable {
    /// The claim in the book: the one opened, or the one already there under the same id.
    public let claim: Claim
    /// Whether this notification opened the claim (`false`: the book already held one with that id, unchanged).
    public let isNew: Bool
    /// The last day the overdue could be notified (from the oldest due date, under the policy's anchor).
    public let notificationDeadline: CalendarDate
    /// Whether it was notified by that day.
    public let isInTime: Bool
    /// The last day to file the claim.
    public let filingDeadline: CalendarDate
    /// The overdue amount converted into the policy currency, when it was in another one.
    public let conversion: CurrencyConversion?

    /// A notice (the underwriter makes these).
    public init(claim: Claim, isNew: Bool, notificationDeadline: CalendarDate, isInTime: Bool,
                filingDeadline: CalendarDate, conversion: CurrencyConversion?) {
        self.claim = claim
        self.isNew = isNew
        self.notificationDeadline = notificationDeadline
        self.isInTime = isInTime
        self.filingDeadline = filingDeadline
        self.conversion = conversion
    }
}
