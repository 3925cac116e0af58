import Testing
import TradeCreditClaims
import TradeCreditModel

// O due 2024-02-09; MEP 60 → unpaid more than 60 days past due from 2024-04-10 (2024-02-09 + 61 days, leap year).
@Suite("Stop supply")
struct StopSupplyTests {
    typealias F = ClaimsLedgerFixture

    private func stopSupply(payments: [Payment]) throws -> StopSupply {
        let invoices = try [F.invoice("O", delivered: "2024-01-10", due: "2024-02-09", net: "1000"),
                            F.invoice("N", delivered: "2024-03-01", due: "2024-05-30", net: "300")]
        let account = try AccountLedger(buyerID: F.buyerID, invoices: invoices, payments: payments)
        return try StopSupply(account: account, deadlines: ClaimDeadlines(terms: F.terms()))
    }

    @Test("closes the day after due + MEP, stays closed through a partial payment and the payment day, reopens after")
    func closesAndReopens() throws {
        let supply = try stopSupply(payments: [F.payment("P1", "2024-04-15", "500"), F.payment("P2", "2024-04-20", "500")])
        #expect(supply.isOpen(on: try F.date("2024-04-09")))
        #expect(supply.closingInvoice(on: try F.date("2024-04-10"))?.number == "O")
        #expect(supply.closingInvoice(on: try F.date("2024-04-15"))?.number == "O")  // partly paid: still unpaid
        #expect(supply.closingInvoice(on: try F.date("2024-04-20"))?.number == "O")  // the payment day itself
        #expect(supply.isOpen(on: try F.date("2024-04-21")))
    }

    @Test("never paid: closed for good; a later invoice closes it again")
    func neverPaid() throws {
        let supply = try stopSupply(payments: [])
        #expect(supply.closingInvoice(on: try F.date("2024-12-31"))?.number == "O")
        // O paid on 2024-04-20; N due 2024-05-30 closes cover from 2024-07-30 (30 + 31 = 61 days later).
        let paid = try stopSupply(payments: [F.payment("P1", "2024-04-20", "1000")])
        #expect(paid.isOpen(on: try F.date("2024-07-29")))
        #expect(paid.closingInvoice(on: try F.date("2024-07-30"))?.number == "N")
    }
}
