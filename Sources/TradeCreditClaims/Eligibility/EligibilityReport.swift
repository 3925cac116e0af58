public import TradeCreditModel

/// The eligibility of every invoice of one buyer on an evaluation date.
public struct EligibilityReport: Hashable, Sendable, Codable {
    /// The buyer.
    public let buyerID: BuyerID
    /// The evaluation date: records dated after it are ignored.
    public let evaluationDate: CalendarDate
    /// The rules applied (``TradeCreditClaims/rulesVersion``).
    public let rulesVersion: String
    /// One result per invoice issued by the evaluation date, in delivery order (delivery date, then number).
    public let invoices: [InvoiceEligibility]
    /// Money received that no invoice took yet, one amount per currency.
    public let unappliedCredit: [Money]

    public init(buyerID: BuyerID, evaluationDate: CalendarDate, rulesVersion: String = TradeCreditClaims.rulesVersion,
                invoices: [InvoiceEligibility], unappliedCredit: [Money]) {
        self.buyerID = buyerID
        self.evaluationDate = evaluationDate
        self.rulesVersion = rulesVersion
        self.invoices = invoices
        self.unappliedCredit = unappliedCredit
    }

    /// The eligible invoices, in delivery order.
    public var eligible: [InvoiceEligibility] { invoices.filter(\.isEligible) }

    /// The result for one invoice.
    public func result(for invoiceNumber: String) -> InvoiceEligibility? {
        invoices.first { $0.invoiceNumber == invoiceNumber }
    }
}
