import TradeCreditModel

/// Builders shared by the deadline, ledger and eligibility tests (named apart from other suites' fixtures).
enum ClaimsLedgerFixture {
    static let buyerID: BuyerID = "B1"

    static func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    static func eur(_ text: String) throws -> Money { try Money(parsing: text, currency: .EUR) }

    static func invoice(_ number: String, delivered: String, issued: String? = nil, due: String, net: String,
                        vat: String = "0", currency: CurrencyCode = .EUR) throws -> Invoice {
        try Invoice(number: number, buyerID: buyerID, deliveryDate: date(delivered), issueDate: date(issued ?? delivered),
                    dueDate: date(due), netAmount: Money(parsing: net, currency: currency),
                    vatAmount: Money(parsing: vat, currency: currency))
    }

    static func payment(_ id: String, _ day: String, _ amount: String, currency: CurrencyCode = .EUR) throws -> Payment {
        try Payment(id: id, buyerID: buyerID, date: date(day), amount: Money(parsing: amount, currency: currency))
    }

    static func creditNote(_ number: String, _ day: String, _ amount: String, for invoice: String? = nil,
                           currency: CurrencyCode = .EUR) throws -> CreditNote {
        try CreditNote(number: number, buyerID: buyerID, date: date(day), amount: Money(parsing: amount, currency: currency),
                       invoiceNumber: invoice)
    }

    /// The typical terms, EUR, policy period 2024-01-01 … 2024-12-31.
    static func terms() throws -> PolicyTerms {
        try PolicyTerms.typical(currency: .EUR, period: DatePeriod(start: date("2024-01-01"), end: date("2024-12-31")))
    }

    static func buyer(country: CountryCode = .FR, category: BuyerCategory = .business,
                      relatedParty: Bool = false) throws -> Buyer {
        try Buyer(id: buyerID, legalName: "Acme SA", country: country, category: category, isRelatedParty: relatedParty)
    }

    static func limit(_ id: String, _ amount: String, from day: String, kind: CreditLimitKind = .insurer) throws -> CreditLimit {
        try CreditLimit(id: LimitID(id), buyerID: buyerID, amount: eur(amount), kind: kind, effectiveDate: date(day))
    }

    static func notification(_ invoice: Invoice, on day: CalendarDate) throws -> OverdueNotification {
        try OverdueNotification(id: "N-\(invoice.number)", buyerID: buyerID, notifiedOn: day,
                                overdueAmount: invoice.grossAmount, invoiceNumbers: [invoice.number],
                                oldestDueDate: invoice.dueDate)
    }

    static func claim(_ invoice: Invoice, filedOn day: CalendarDate) throws -> Claim {
        try Claim(id: ClaimID("C-\(invoice.number)"), policyID: "POLICY-1", buyerID: buyerID, cause: .protractedDefault,
                  invoiceNumbers: [invoice.number], claimedAmount: invoice.netAmount, initialState: .filed, date: day,
                  actor: "seller")
    }
}
