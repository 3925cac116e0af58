public import TradeCreditModel

/// One invoice judged on the evaluation date: eligible when ``reasons`` is empty.
///
/// This is what the indemnity computation consumes: take the eligible invoices, their ``outstanding`` net and VAT (in
/// the invoice's currency: eligibility converts nothing), their delivery date and the ``limitInForce`` at that date.
public struct InvoiceEligibility: Hashable, Sendable, Codable {
    /// The invoice (number, delivery, issue and due dates, currency, amounts).
    public let invoice: Invoice
    /// What is owed on it on the evaluation date, split into net and VAT.
    public let outstanding: InvoiceBalance
    /// The limit in force on the delivery date (`nil` when none); reported even when it is not valid, with the reason.
    public let limitInForce: CreditLimit?
    /// Every failed condition, in the order of `ReasonCode.Claims.all`; empty when eligible.
    public let reasons: [ReasonCode]
    /// The disputes concerning the invoice raised by the evaluation date, oldest first.
    public let disputes: [DisputeStatus]
    /// The notification that covers the invoice, when one was made by the evaluation date.
    public let notifiedOn: CalendarDate?
    /// The claim filing that covers the invoice, when one was made by the evaluation date.
    public let filedOn: CalendarDate?

    public init(invoice: Invoice, outstanding: InvoiceBalance, limitInForce: CreditLimit?, reasons: [ReasonCode],
                disputes: [DisputeStatus], notifiedOn: CalendarDate?, filedOn: CalendarDate?) {
        self.invoice = invoice
        self.outstanding = outstanding
        self.limitInForce = limitInForce
        self.reasons = reasons
        self.disputes = disputes
        self.notifiedOn = notifiedOn
        self.filedOn = filedOn
    }

    /// Whether every condition holds.
    public var isEligible: Bool { reasons.isEmpty }
    /// The invoice number.
    public var invoiceNumber: String { invoice.number }
    /// The invoice's currency (outstanding amounts are in it).
    public var currency: CurrencyCode { invoice.currency }
    /// The delivery date (limits and cover are judged on it).
    public var deliveryDate: CalendarDate { invoice.deliveryDate }
    /// Whether one of the reasons has `code`.
    public func hasReason(_ code: String) -> Bool { reasons.contains { $0.code == code } }
}
