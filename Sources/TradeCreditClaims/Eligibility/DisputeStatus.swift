public import TradeCreditModel

/// A dispute concerning an invoice, as it stood on the evaluation date.
public struct DisputeStatus: Hashable, Sendable, Codable {
    /// Open or resolved on the evaluation date.
    public enum State: String, Hashable, Sendable, Codable {
        /// Still open: the debt waits until it ends (reason `disputed`).
        case open
        /// Resolved on or before the evaluation date: the debt no longer waits.
        case resolved
    }

    /// The dispute's key.
    public let disputeID: String
    /// Its state on the evaluation date.
    public let state: State
    /// When it was raised.
    public let openedOn: CalendarDate
    /// When it was resolved, if on or before the evaluation date (a later resolution is not known yet).
    public let resolvedOn: CalendarDate?

    /// The status of `dispute` on `date`.
    public init(_ dispute: Dispute, on date: CalendarDate) {
        self.disputeID = dispute.id
        self.openedOn = dispute.openedOn
        self.resolvedOn = dispute.resolvedOn.flatMap { $0 <= date ? $0 : nil }
        self.state = dispute.isOpen(on: date) ? .open : .resolved
    }
}
