public import TradeCreditModel

/// One invoice of a claim, as the indemnity calculation needs it: what is still unpaid, and the limit that covered it.
///
/// The outstanding amounts are after payments and credit notes (the buyer's account applies them: oldest invoice
/// first, net and VAT reduced pro rata). Eligibility decides ``exclusions``: an invoice with any is not in the loss,
/// and its outstanding appears in the result as excluded with those reasons.
public struct IndemnityInvoice: Hashable, Sendable, Codable {
    /// The invoice number.
    public let number: String
    /// The delivery date: the limit cap takes invoices in this order, and the earliest eligible one names the
    /// policy year.
    public let deliveryDate: CalendarDate
    /// Outstanding amount net of VAT, in the invoice currency.
    public let outstandingNet: Money
    /// Outstanding VAT, in the invoice currency (insured only when the policy covers VAT).
    public let outstandingVAT: Money
    /// The credit limit on the buyer in force at the delivery (zero when none was).
    public let limitInForce: Money
    /// Reasons eligibility excluded the invoice; empty when it is eligible.
    public let exclusions: [ReasonCode]

    /// - Throws: ``IndemnityError`` `.outOfRange` for a negative amount, `ModelError` `.currencyMismatch` when net
    ///   and VAT differ in currency.
    public init(number: String, deliveryDate: CalendarDate, outstandingNet: Money, outstandingVAT: Money? = nil,
                limitInForce: Money, exclusions: [ReasonCode] = []) throws {
        let vat = outstandingVAT ?? .zero(outstandingNet.currency)
        guard vat.currency == outstandingNet.currency else {
            throw ModelError(.currencyMismatch, field: "outstandingVAT", value: vat.description,
                             "invoice \(number): VAT must be in the net amount's currency \(outstandingNet.currency)")
        }
        for (field, amount) in [("outstandingNet", outstandingNet), ("outstandingVAT", vat), ("limitInForce", limitInForce)]
        where amount.isNegative {
            throw IndemnityError(.outOfRange, field: field, value: amount.description, "invoice \(number): cannot be negative")
        }
        self.number = number
        self.deliveryDate = deliveryDate
        self.outstandingNet = outstandingNet
        self.outstandingVAT = vat
        self.limitInForce = limitInForce
        self.exclusions = exclusions
    }

    /// The invoice currency.
    public var currency: CurrencyCode { outstandingNet.currency }

    /// Whether eligibility let the invoice into the loss.
    public var isEligible: Bool { exclusions.isEmpty }
}
