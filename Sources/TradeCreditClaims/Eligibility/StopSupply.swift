public import TradeCreditModel

/// Stop supply (DOMAIN.md §6): a delivery on day *d* is covered only if, on *d*, none of the buyer's invoices (insured
/// or not, any currency) was unpaid more than MEP days past its due date.
///
/// An invoice closes cover from its stop-supply date (due + MEP + 1) until it is settled in full; paying it re-opens
/// cover from the day **after** the settlement day, so a delivery on the day of the payment is still not covered,
/// and deliveries made while cover was closed stay uncovered.
public struct StopSupply: Sendable {
    private let closures: [(invoice: Invoice, from: CalendarDate, settledOn: CalendarDate?)]

    /// - Throws: ``ClaimsError`` `.outOfRange` for a due date whose stop-supply date falls outside the calendar.
    public init(account: AccountLedger, deadlines: ClaimDeadlines) throws {
        let settled = try account.settlementDates()
        closures = try account.invoices.map { invoice in
            (invoice, try deadlines.stopSupplyDate(dueDate: invoice.dueDate), settled[invoice.number] ?? nil)
        }
    }

    /// The oldest invoice that kept cover closed on `date`, `nil` when cover was open.
    public func closingInvoice(on date: CalendarDate) -> Invoice? {
        closures.first { closure in
            closure.from <= date && (closure.settledOn.map { date <= $0 } ?? true)
        }?.invoice
    }

    /// Whether a delivery on `date` is covered as far as stop supply goes.
    public func isOpen(on date: CalendarDate) -> Bool { closingInvoice(on: date) == nil }
}
