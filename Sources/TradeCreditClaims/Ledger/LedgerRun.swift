import TradeCreditModel

/// The state of an account while its entries are applied in order: what each invoice still owes, when it was
/// settled, and the credit no invoice could take yet.
struct LedgerRun {
    /// One dated record, in the form the run applies.
    struct Entry {
        enum Kind {
            /// An invoice is issued (index into the ledger's sorted invoices).
            case issue(invoice: Int)
            /// Money in: to the named invoice first when there is one, then oldest first.
            case credit(Money, invoice: Int?)
        }
        let date: CalendarDate
        /// Order within a day: issues, then named credit notes, then the rest.
        let rank: Int
        let key: String
        let kind: Kind
    }

    let invoices: [Invoice]
    /// `nil` before the invoice is issued.
    private(set) var outstanding: [Money?]
    private(set) var settledOn: [CalendarDate?]
    private(set) var unapplied: [CurrencyCode: Money] = [:]

    init(invoices: [Invoice]) {
        self.invoices = invoices
        self.outstanding = Array(repeating: nil, count: invoices.count)
        self.settledOn = Array(repeating: nil, count: invoices.count)
    }

    mutating func apply(_ entry: Entry) throws {
        switch entry.kind {
        case .issue(let index):
            let invoice = invoices[index]
            outstanding[index] = invoice.grossAmount
            if invoice.grossAmount.isZero { settledOn[index] = entry.date }
            // Credit waiting in this currency goes to the new invoice (every older one is already paid).
            if let waiting = unapplied.removeValue(forKey: invoice.currency) {
                try allocateOldestFirst(waiting, on: entry.date)
            }
        case .credit(let amount, let named):
            var left = amount
            if let named { left = try take(left, into: named, on: entry.date) }
            try allocateOldestFirst(left, on: entry.date)
        }
    }

    /// Gives `amount` to the open invoices of its currency, oldest first; keeps the rest as unapplied credit.
    private mutating func allocateOldestFirst(_ amount: Money, on date: CalendarDate) throws {
        var left = amount
        for index in invoices.indices where left.isPositive && invoices[index].currency == amount.currency {
            left = try take(left, into: index, on: date)
        }
        if left.isPositive {
            unapplied[left.currency] = try (unapplied[left.currency] ?? .zero(left.currency)) + left
        }
    }

    /// Reduces invoice `index` by as much of `amount` as it owes; returns what is left of `amount`.
    private mutating func take(_ amount: Money, into index: Int, on date: CalendarDate) throws -> Money {
        guard let owed = outstanding[index], owed.isPositive else { return amount }
        let paid = try Money.min(owed, amount)
        let remaining = try owed - paid
        outstanding[index] = remaining
        if remaining.isZero { settledOn[index] = date }
        return try amount - paid
    }
}
