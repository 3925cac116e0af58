public import TradeCreditModel

/// What a buyer still owes on one invoice on a date: the outstanding total and its split into net and VAT.
///
/// The split is pro rata of the invoice's net and VAT: the VAT part is `total × VAT / gross` rounded half-up to the
/// currency's minor units, and the net part is the remainder, so `net + vat == total` always holds exactly. It is
/// computed from the outstanding total, not payment by payment, so it does not depend on how the total was reached.
public struct InvoiceBalance: Hashable, Sendable, Codable {
    /// The invoice number.
    public let invoiceNumber: String
    /// Outstanding total, VAT included.
    public let total: Money
    /// Outstanding net of VAT.
    public let net: Money
    /// Outstanding VAT.
    public let vat: Money
    /// The day the outstanding reached zero, when it did on or before the statement date.
    public let settledOn: CalendarDate?

    /// The balance of `invoice` with `total` outstanding, split pro rata.
    /// - Throws: ``ClaimsError`` `.currencyMismatch` when `total` is not in the invoice's currency, `.outOfRange` when it
    ///   is negative or above the invoice's gross amount.
    public init(invoice: Invoice, outstanding total: Money, settledOn: CalendarDate? = nil) throws {
        guard total.currency == invoice.currency else {
            throw ClaimsError(.currencyMismatch, field: "outstanding", value: total.description,
                              "invoice \(invoice.number) is in \(invoice.currency)")
        }
        guard !total.isNegative, try total.compare(to: invoice.grossAmount) <= 0 else {
            throw ClaimsError(.outOfRange, field: "outstanding", value: total.description,
                              "invoice \(invoice.number): outstanding must be between 0 and \(invoice.grossAmount)")
        }
        let vat: Money
        if invoice.grossAmount.isZero || invoice.vatAmount.isZero {
            vat = .zero(invoice.currency)
        } else {
            // Exact product, one rounding, at least at the minor units (or the amount's own finer scale).
            let scale = max(total.scale, invoice.currency.minorUnits ?? total.scale)
            vat = try total.multiplied(by: invoice.vatAmount.amount)
                .divided(by: invoice.grossAmount.amount, rule: .halfUp, scale: scale)
        }
        self.invoiceNumber = invoice.number
        self.total = total
        self.vat = vat
        self.net = try total - vat
        self.settledOn = settledOn
    }

    /// The currency of the invoice.
    public var currency: CurrencyCode { total.currency }

    /// Whether something is still owed.
    public var isOutstanding: Bool { total.isPositive }
}
