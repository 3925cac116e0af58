public import TradeCreditModel

/// A buyer's account on a date: the outstanding of every invoice issued by then, and the money received that no
/// invoice could take yet.
public struct AccountStatement: Hashable, Sendable, Codable {
    /// The buyer.
    public let buyerID: BuyerID
    /// The statement date: records dated after it are ignored.
    public let date: CalendarDate
    /// One balance per invoice issued on or before ``date``, oldest first (issue date, then number).
    public let balances: [InvoiceBalance]
    /// Payments and credits beyond every open invoice of their currency, one positive amount per currency (sorted by
    /// code); they go to the next invoices issued.
    public let unappliedCredit: [Money]

    public init(buyerID: BuyerID, date: CalendarDate, balances: [InvoiceBalance], unappliedCredit: [Money]) {
        self.buyerID = buyerID
        self.date = date
        self.balances = balances
        self.unappliedCredit = unappliedCredit
    }

    /// The balance of one invoice, `nil` when it is not on the statement.
    public func balance(of invoiceNumber: String) -> InvoiceBalance? {
        balances.first { $0.invoiceNumber == invoiceNumber }
    }

    /// The total outstanding in `currency`.
    /// - Throws: never in practice (all amounts summed are in `currency`); `.currencyMismatch` from the model otherwise.
    public func totalOutstanding(in currency: CurrencyCode) throws -> Money {
        try Money.sum(balances.filter { $0.currency == currency }.map(\.total), currency: currency)
    }
}
