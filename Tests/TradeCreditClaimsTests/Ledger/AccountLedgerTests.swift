import Testing
import TradeCreditClaims
import TradeCreditModel

// Every expected amount below was worked out by hand before the code was written.
@Suite("Account ledger")
struct AccountLedgerTests {
    typealias F = ClaimsLedgerFixture

    private func ledger(_ invoices: [Invoice], payments: [Payment] = [], credits: [CreditNote] = []) throws -> AccountLedger {
        try AccountLedger(buyerID: F.buyerID, invoices: invoices, payments: payments, creditNotes: credits)
    }

    private func expectBalance(_ statement: AccountStatement, _ number: String, total: String, net: String, vat: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let balance = try #require(statement.balance(of: number), sourceLocation: sourceLocation)
        #expect(balance.total == (try F.eur(total)), sourceLocation: sourceLocation)
        #expect(balance.net == (try F.eur(net)), sourceLocation: sourceLocation)
        #expect(balance.vat == (try F.eur(vat)), sourceLocation: sourceLocation)
    }

    @Test("DOMAIN §6: 24,000 = 20,000 + 4,000 VAT, paid 12,000 → 10,000 net + 2,000 VAT outstanding")
    func partialPaymentSplitsVATProRata() throws {
        let account = try ledger([F.invoice("A", delivered: "2024-01-10", due: "2024-03-10", net: "20000", vat: "4000")],
                                 payments: [F.payment("P1", "2024-02-01", "12000")])
        try expectBalance(account.statement(on: F.date("2024-02-01")), "A", total: "12000", net: "10000", vat: "2000")
    }

    @Test("VAT part rounded half-up, net the remainder", arguments: [
        // (net, vat, paid, outstanding total, outstanding net, outstanding VAT)
        ("100.00", "20.00", "0.01", "119.99", "99.99", "20.00"),   // 119.99 × 20 / 120 = 19.998… → 20.00
        ("100.00", "20.00", "119.95", "0.05", "0.04", "0.01"),     // 0.05 × 20 / 120 = 0.0083… → 0.01
        ("33.33", "6.67", "30.00", "10.00", "8.33", "1.67"),       // 10 × 6.67 / 40 = 1.6675 → 1.67 (half-up)
        ("500.00", "0", "100.00", "400.00", "400.00", "0.00"),     // no VAT
    ])
    func vatRounding(net: String, vat: String, paid: String, total: String, outstandingNet: String,
                     outstandingVAT: String) throws {
        let account = try ledger([F.invoice("A", delivered: "2024-01-10", due: "2024-03-10", net: net, vat: vat)],
                                 payments: [F.payment("P1", "2024-02-01", paid)])
        try expectBalance(account.statement(on: F.date("2024-02-01")), "A", total: total, net: outstandingNet,
                          vat: outstandingVAT)
    }

    @Test("payments go to the oldest invoice first (issue date, then number), insured or not")
    func oldestFirstAcrossInvoices() throws {
        // U is older and (in the eligibility tests' sense) uninsured: it still takes the payment first.
        let invoices = try [
            F.invoice("I1", delivered: "2024-01-10", due: "2024-03-10", net: "1000"),
            F.invoice("U", delivered: "2024-01-05", due: "2024-03-05", net: "500"),
            F.invoice("I3", delivered: "2024-01-20", due: "2024-03-20", net: "2000"),
        ]
        let account = try ledger(invoices, payments: [F.payment("P1", "2024-02-01", "1200")])
        let statement = try account.statement(on: F.date("2024-02-01"))
        #expect(statement.balances.map(\.invoiceNumber) == ["U", "I1", "I3"])
        try expectBalance(statement, "U", total: "0", net: "0", vat: "0")
        try expectBalance(statement, "I1", total: "300", net: "300", vat: "0")
        try expectBalance(statement, "I3", total: "2000", net: "2000", vat: "0")
        #expect(statement.balance(of: "U")?.settledOn == (try F.date("2024-02-01")))
    }

    @Test("same issue date: the lower number (plain string order) is older")
    func sameDayByNumber() throws {
        let invoices = try [
            F.invoice("A-2", delivered: "2024-01-10", due: "2024-03-10", net: "100"),
            F.invoice("A-1", delivered: "2024-01-10", due: "2024-03-10", net: "100"),
        ]
        let statement = try ledger(invoices, payments: [F.payment("P1", "2024-01-31", "150")]).statement(on: F.date("2024-02-01"))
        try expectBalance(statement, "A-1", total: "0", net: "0", vat: "0")
        try expectBalance(statement, "A-2", total: "50", net: "50", vat: "0")
    }

    private var twoInvoices: [Invoice] {
        get throws {
            try [F.invoice("X", delivered: "2024-01-05", due: "2024-03-05", net: "1000"),
                 F.invoice("Y", delivered: "2024-01-10", due: "2024-03-10", net: "1000")]
        }
    }

    @Test("credit notes: to the invoice named, the rest (or an unnamed note) oldest first", arguments: [
        // (amount, invoice named, outstanding X, outstanding Y); X is the older invoice, both 1,000.
        ("300", "Y", "1000", "700"),   // named: goes to Y
        ("300", nil, "700", "1000"),   // unnamed: like a payment, to X
        ("1200", "Y", "800", "0"),     // named beyond Y's 1,000: the 200 left goes to X
    ] as [(String, String?, String, String)])
    func creditNotes(amount: String, named: String?, outstandingX: String, outstandingY: String) throws {
        let statement = try ledger(twoInvoices, credits: [F.creditNote("CN1", "2024-02-01", amount, for: named)])
            .statement(on: F.date("2024-02-01"))
        try expectBalance(statement, "X", total: outstandingX, net: outstandingX, vat: "0")
        try expectBalance(statement, "Y", total: outstandingY, net: outstandingY, vat: "0")
    }

    @Test("outstanding at intermediate dates ignores later records")
    func intermediateDates() throws {
        let account = try ledger([F.invoice("X", delivered: "2024-01-05", due: "2024-03-05", net: "1000", vat: "200")],
                                 payments: [F.payment("P1", "2024-02-01", "480"), F.payment("P2", "2024-03-01", "720")])
        #expect(try account.statement(on: F.date("2024-01-04")).balances.isEmpty)  // not issued yet
        try expectBalance(account.statement(on: F.date("2024-01-31")), "X", total: "1200", net: "1000", vat: "200")
        try expectBalance(account.statement(on: F.date("2024-02-01")), "X", total: "720", net: "600", vat: "120")
        try expectBalance(account.statement(on: F.date("2024-02-29")), "X", total: "720", net: "600", vat: "120")
        let settled = try account.statement(on: F.date("2024-03-01"))
        try expectBalance(settled, "X", total: "0", net: "0", vat: "0")
        #expect(settled.balance(of: "X")?.settledOn == (try F.date("2024-03-01")))
        #expect(try account.statement(on: F.date("2024-02-29")).balance(of: "X")?.settledOn == nil)
    }

    @Test("money received before any invoice waits as unapplied credit and goes to the next invoice")
    func paymentBeforeInvoice() throws {
        let account = try ledger([F.invoice("X", delivered: "2024-01-05", due: "2024-03-05", net: "1000")],
                                 payments: [F.payment("P0", "2024-01-01", "400")])
        #expect(try account.statement(on: F.date("2024-01-02")).unappliedCredit == [F.eur("400")])
        let statement = try account.statement(on: F.date("2024-01-05"))
        #expect(statement.unappliedCredit.isEmpty)
        try expectBalance(statement, "X", total: "600", net: "600", vat: "0")
    }

    @Test("currencies never mix: a USD payment does not pay a EUR invoice")
    func perCurrency() throws {
        let account = try ledger(
            [F.invoice("E", delivered: "2024-01-05", due: "2024-03-05", net: "1000"),
             F.invoice("D", delivered: "2024-01-06", due: "2024-03-06", net: "800", currency: .USD)],
            payments: [F.payment("P1", "2024-02-01", "900", currency: .USD)])
        let statement = try account.statement(on: F.date("2024-02-01"))
        try expectBalance(statement, "E", total: "1000", net: "1000", vat: "0")
        #expect(statement.balance(of: "D")?.total == (try Money(parsing: "0", currency: .USD)))
        #expect(statement.unappliedCredit == [try Money(parsing: "100", currency: .USD)])
    }

    @Test("a credit note in another currency than its invoice is refused")
    func creditNoteCurrencyMismatch() throws {
        let error = #expect(throws: ClaimsError.self) {
            try ledger(twoInvoices, credits: [F.creditNote("CN1", "2024-02-01", "10", for: "X", currency: .USD)])
        }
        #expect(error?.code == .currencyMismatch)
        #expect(error?.field == "creditNotes[0].amount")
    }

    @Test("a credit note naming an unknown invoice is refused")
    func creditNoteUnknownInvoice() throws {
        let error = #expect(throws: ClaimsError.self) {
            try ledger(twoInvoices, credits: [F.creditNote("CN1", "2024-02-01", "10", for: "Z")])
        }
        #expect(error?.code == .unknownInvoice)
    }

    @Test("records of another buyer and duplicate invoice numbers are inconsistent")
    func inconsistentRecords() throws {
        let other = try Payment(id: "P9", buyerID: "B2", date: F.date("2024-02-01"), amount: F.eur("10"))
        let error = #expect(throws: ClaimsError.self) { try ledger(twoInvoices, payments: [other]) }
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "payments[0].buyerID")
        let duplicate = #expect(throws: ClaimsError.self) { try ledger(twoInvoices + twoInvoices) }
        #expect(duplicate?.code == .inconsistent)
    }
}
