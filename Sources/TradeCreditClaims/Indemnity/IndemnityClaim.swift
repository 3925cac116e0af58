public import TradeCreditModel

/// What a claim brings to the indemnity calculation: its key, its cause, its filing date and its invoices.
public struct IndemnityClaim: Hashable, Sendable, Codable {
    /// The claim.
    public let id: ClaimID
    /// Why the loss arose; a political cause is insured at the political-risk percentage.
    public let cause: CauseOfLoss
    /// The filing date (the default date of currency conversion).
    public let filingDate: CalendarDate
    /// The invoices claimed, eligible or not, in any order.
    public let invoices: [IndemnityInvoice]

    public init(id: ClaimID, cause: CauseOfLoss, filingDate: CalendarDate, invoices: [IndemnityInvoice]) {
        self.id = id
        self.cause = cause
        self.filingDate = filingDate
        self.invoices = invoices
    }

    /// The eligible invoices in delivery order (by number on the same day, so that the order never depends on input).
    var eligibleInDeliveryOrder: [IndemnityInvoice] {
        invoices.filter(\.isEligible).sorted {
            ($0.deliveryDate, $0.number) < ($1.deliveryDate, $1.number)
        }
    }
}
