public import TradeCreditModel

/// One buyer's account: invoices, payments, credit notes and disputes, and the outstanding of each invoice on any
/// date (DOMAIN.md §6).
///
/// Rules, applied in date order (records dated after the statement date are ignored):
/// - **Oldest first.** A payment goes to the oldest open invoice of its currency, insured or not: oldest by issue
///   date, then by invoice number (plain string order). Only invoices issued on or before the payment's date can take
///   it; what is left is unapplied credit that the next invoices of that currency take when they are issued.
/// - **Credit notes** go to the invoice they name (from its issue date if the note is older); the part beyond that
///   invoice's outstanding, and an unnamed note, go like a payment.
/// - **Same day**: invoices issued that day first, then named credit notes, then payments and unnamed credit notes
///   by id.
/// - **Currencies** never mix: a payment pays invoices of its own currency only; a credit note naming an invoice of
///   another currency is refused.
public struct AccountLedger: Sendable, Hashable {
    /// The buyer.
    public let buyerID: BuyerID
    /// The invoices, oldest first (issue date, then number).
    public let invoices: [Invoice]
    /// The payments received.
    public let payments: [Payment]
    /// The credit notes issued.
    public let creditNotes: [CreditNote]
    /// The disputes raised.
    public let disputes: [Dispute]

    /// - Throws: ``ClaimsError`` `.inconsistent` for a record of another buyer or two invoices with one number,
    ///   `.unknownInvoice` for a credit note naming an invoice the account does not hold, `.currencyMismatch` for a
    ///   credit note in another currency than the invoice it names.
    public init(buyerID: BuyerID, invoices: [Invoice], payments: [Payment] = [], creditNotes: [CreditNote] = [],
                disputes: [Dispute] = []) throws {
        try RecordOwnership.require(buyerID, [
            ("invoices", invoices.map(\.buyerID)), ("payments", payments.map(\.buyerID)),
            ("creditNotes", creditNotes.map(\.buyerID)), ("disputes", disputes.map(\.buyerID)),
        ])
        var byNumber: [String: Invoice] = [:]
        for invoice in invoices {
            guard byNumber.updateValue(invoice, forKey: invoice.number) == nil else {
                throw ClaimsError(.inconsistent, field: "invoices", value: invoice.number, "two invoices share a number")
            }
        }
        for (index, note) in creditNotes.enumerated() {
            guard let number = note.invoiceNumber else { continue }
            guard let invoice = byNumber[number] else {
                throw ClaimsError(.unknownInvoice, field: "creditNotes[\(index)].invoiceNumber", value: number,
                                  "credit note \(note.number) names an invoice the account does not hold")
            }
            guard invoice.currency == note.amount.currency else {
                throw ClaimsError(.currencyMismatch, field: "creditNotes[\(index)].amount", value: note.amount.description,
                                  "credit note \(note.number) credits invoice \(number), which is in \(invoice.currency)")
            }
        }
        self.buyerID = buyerID
        self.invoices = invoices.sorted(by: Self.isOlder)
        self.payments = payments
        self.creditNotes = creditNotes
        self.disputes = disputes
    }

    /// The allocation order: issue date, then invoice number.
    public static func isOlder(_ a: Invoice, _ b: Invoice) -> Bool {
        (a.issueDate, a.number) < (b.issueDate, b.number)
    }

    /// The account on `date`: every record dated after it ignored.
    public func statement(on date: CalendarDate) throws -> AccountStatement {
        var run = LedgerRun(invoices: invoices)
        for entry in entries() where entry.date <= date {
            try run.apply(entry)
        }
        let balances = try invoices.indices.compactMap { index -> InvoiceBalance? in
            guard let outstanding = run.outstanding[index] else { return nil }
            return try InvoiceBalance(invoice: invoices[index], outstanding: outstanding, settledOn: run.settledOn[index])
        }
        let credit = run.unapplied.values.filter(\.isPositive).sorted { $0.currency.code < $1.currency.code }
        return AccountStatement(buyerID: buyerID, date: date, balances: balances, unappliedCredit: credit)
    }

    /// The day each invoice was settled in full, over every record (`nil`: still owed after the last record). Stop
    /// supply reads it: an invoice is unpaid on every day before it.
    public func settlementDates() throws -> [String: CalendarDate?] {
        var run = LedgerRun(invoices: invoices)
        for entry in entries() { try run.apply(entry) }
        return Dictionary(uniqueKeysWithValues: invoices.indices.map { (invoices[$0].number, run.settledOn[$0]) })
    }

    /// The disputes concerning `invoiceNumber` raised on or before `date`, oldest first.
    public func disputes(concerning invoiceNumber: String, raisedBy date: CalendarDate) -> [Dispute] {
        disputes.filter { $0.concerns(invoiceNumber) && $0.openedOn <= date }
            .sorted { ($0.openedOn, $0.id) < ($1.openedOn, $1.id) }
    }

    /// Every record as a dated entry, in the order the rules apply them.
    private func entries() -> [LedgerRun.Entry] {
        let indexByNumber = Dictionary(uniqueKeysWithValues: invoices.enumerated().map { ($1.number, $0) })
        var entries = invoices.indices.map { LedgerRun.Entry(date: invoices[$0].issueDate, rank: 0, key: invoices[$0].number,
                                                              kind: .issue(invoice: $0)) }
        for note in creditNotes {
            if let named = note.invoiceNumber.flatMap({ indexByNumber[$0] }) {
                let date = max(note.date, invoices[named].issueDate)
                entries.append(.init(date: date, rank: 1, key: note.number, kind: .credit(note.amount, invoice: named)))
            } else {
                entries.append(.init(date: note.date, rank: 2, key: note.number, kind: .credit(note.amount, invoice: nil)))
            }
        }
        for payment in payments {
            entries.append(.init(date: payment.date, rank: 2, key: payment.id, kind: .credit(payment.amount, invoice: nil)))
        }
        return entries.sorted { ($0.date, $0.rank, $0.key) < ($1.date, $1.rank, $1.key) }
    }
}
