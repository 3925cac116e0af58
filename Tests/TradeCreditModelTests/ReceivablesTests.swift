import Foundation
import Testing
@testable import TradeCreditModel

// Amounts and dates are made up; every expectation is worked out by hand in the comment beside it.

private func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

private func eur(_ text: String) throws -> Money { try Money(parsing: text, currency: .EUR) }

/// `{"amount":"<amount>","currency":"<currency>"}`.
private func money(_ amount: String, _ currency: String = "EUR") -> String {
    #"{"amount":"\#(amount)","currency":"\#(currency)"}"#
}

@Suite("Receivables: Invoice")
struct ReceivablesInvoiceTests {
    private func invoice(number: String = "F-2026-001", issued: String = "2026-01-31", due: String = "2026-03-02",
                         net: Money? = nil, vat: Money? = nil) throws -> Invoice {
        try Invoice(number: number, buyerID: "B1", deliveryDate: date("2026-01-30"), issueDate: date(issued),
                    dueDate: date(due), netAmount: net ?? eur("20000.00"), vatAmount: vat)
    }

    @Test func dueBeforeIssueIsOutOfRange() throws {
        try expectModelError(.outOfRange, field: "dueDate") { try invoice(issued: "2026-01-31", due: "2026-01-30") }
        #expect(try invoice(issued: "2026-01-31", due: "2026-01-31").paymentTermDays == 0)  // cash on issue
    }

    @Test func negativeAmountsAreOutOfRange() throws {
        try expectModelError(.outOfRange, field: "netAmount") { try invoice(net: eur("-0.01")) }
        try expectModelError(.outOfRange, field: "vatAmount") { try invoice(vat: eur("-0.01")) }
        #expect(try invoice(net: eur("0.00")).grossAmount.isZero)
    }

    @Test func vatInAnotherCurrency() throws {
        try expectModelError(.currencyMismatch, field: "vatAmount") {
            try invoice(net: eur("100.00"), vat: Money(parsing: "20.00", currency: .USD))
        }
    }

    @Test(arguments: ["", "  ", "\n"])
    func emptyNumberIsMissing(_ number: String) throws {
        try expectModelError(.missingValue, field: "number") { try invoice(number: number) }
    }

    @Test func numberIsTrimmed() throws {
        let made = try invoice(number: " F-7 \t")
        #expect(made.number == "F-7")
        #expect(made.id == "F-7")
    }

    @Test(arguments: [
        ("2026-01-31", "2026-03-02", 30),  // 28 days to 28 February 2026, then 2 more
        ("2024-01-31", "2024-03-01", 30),  // 29 days to 29 February 2024 (leap year), then 1 more
        ("2026-11-27", "2027-01-26", 60),  // 3 days to 30 November, 31 in December, 26 in January
        ("2026-12-31", "2027-03-31", 90),  // 31 + 28 + 31
    ])
    func paymentTermDays(_ issued: String, _ due: String, _ days: Int) throws {
        #expect(try invoice(issued: issued, due: due).paymentTermDays == days)
    }

    @Test func grossAmountAddsVAT() throws {
        #expect(try invoice(net: eur("20000.00"), vat: eur("4000.00")).grossAmount == eur("24000.00"))
        #expect(try invoice(net: eur("100.10"), vat: eur("20.02")).grossAmount == eur("120.12"))
    }

    @Test func vatDefaultsToZero() throws {
        let made = try invoice(net: eur("1500.00"))
        #expect(made.vatAmount == Money.zero(.EUR))
        #expect(made.grossAmount == (try eur("1500.00")))
        #expect(made.currency == .EUR)
    }

    @Test func jsonRoundTrip() throws {
        let made = try invoice(net: eur("20000.00"), vat: eur("4000.00"))
        #expect(try roundTrip(made) == made)
    }

    @Test func decodingWithoutVATMeansZero() throws {
        let decoded = try decode(Invoice.self, #"""
            {"number":"F-1","buyerID":"B1","deliveryDate":"2026-01-30","issueDate":"2026-01-31",
             "dueDate":"2026-03-02","netAmount":\#(money("1500.00"))}
            """#)
        #expect(decoded.vatAmount == Money.zero(.EUR))
    }

    private static func invoiceJSON(number: String = "F-1", issued: String = "2026-01-31", due: String = "2026-03-02",
                                    net: String = money("100.00"), vat: String = money("20.00")) -> String {
        #"{"number":"\#(number)","buyerID":"B1","deliveryDate":"2026-01-30","issueDate":"\#(issued)","#
            + #""dueDate":"\#(due)","netAmount":\#(net),"vatAmount":\#(vat)}"#
    }

    @Test func decodingInvalidInvoiceFails() throws {
        #expect(try decode(Invoice.self, Self.invoiceJSON()).grossAmount == eur("120.00"))
        try expectDecodingFailure(Invoice.self, Self.invoiceJSON(due: "2026-01-30"), key: "dueDate")
        try expectDecodingFailure(Invoice.self, Self.invoiceJSON(net: money("-100.00")), key: "netAmount")
        try expectDecodingFailure(Invoice.self, Self.invoiceJSON(vat: money("-1.00")), key: "vatAmount")
        try expectDecodingFailure(Invoice.self, Self.invoiceJSON(vat: money("20.00", "USD")), key: "vatAmount")
        try expectDecodingFailure(Invoice.self, Self.invoiceJSON(number: " "), key: "number")
        try expectDecodingFailure(Invoice.self, Self.invoiceJSON(issued: "2026-13-01"), key: "issueDate")
    }
}

@Suite("Receivables: payments and credit notes")
struct ReceivablesPaymentTests {
    @Test(arguments: ["0.00", "-1.00"])
    func paymentMustBePositive(_ amount: String) throws {
        try expectModelError(.outOfRange, field: "amount") {
            try Payment(id: "P1", buyerID: "B1", date: date("2026-03-01"), amount: eur(amount))
        }
        try expectDecodingFailure(Payment.self, #"""
            {"id":"P1","buyerID":"B1","date":"2026-03-01","amount":\#(money(amount))}
            """#, key: "amount")
    }

    @Test func paymentJSONRoundTrip() throws {
        let payment = try Payment(id: "P1", buyerID: "B1", date: date("2026-03-01"), amount: eur("12000.00"),
                                  reference: "VIR 0042")
        #expect(try roundTrip(payment) == payment)
    }

    @Test(arguments: ["0.00", "-5.00"])
    func creditNoteMustBePositive(_ amount: String) throws {
        try expectModelError(.outOfRange, field: "amount") {
            try CreditNote(number: "AV-1", buyerID: "B1", date: date("2026-03-01"), amount: eur(amount))
        }
        try expectDecodingFailure(CreditNote.self, #"""
            {"number":"AV-1","buyerID":"B1","date":"2026-03-01","amount":\#(money(amount))}
            """#, key: "amount")
    }

    @Test func creditNoteNeedsANumber() throws {
        try expectModelError(.missingValue, field: "number") {
            try CreditNote(number: " ", buyerID: "B1", date: date("2026-03-01"), amount: eur("10.00"))
        }
        try expectDecodingFailure(CreditNote.self, #"""
            {"number":"","buyerID":"B1","date":"2026-03-01","amount":\#(money("10.00"))}
            """#, key: "number")
    }

    @Test func creditNoteJSONRoundTrip() throws {
        let note = try CreditNote(number: " AV-1 ", buyerID: "B1", date: date("2026-03-01"), amount: eur("240.00"),
                                  invoiceNumber: "F-1")
        #expect(note.number == "AV-1")
        #expect(try roundTrip(note) == note)
    }
}

@Suite("Receivables: Dispute")
struct ReceivablesDisputeTests {
    @Test func resolvedBeforeOpened() throws {
        try expectModelError(.outOfRange, field: "resolvedOn") {
            try Dispute(id: "D1", buyerID: "B1", openedOn: date("2026-03-10"), resolvedOn: date("2026-03-09"))
        }
        try expectDecodingFailure(Dispute.self, #"""
            {"id":"D1","buyerID":"B1","invoiceNumbers":[],"openedOn":"2026-03-10","resolvedOn":"2026-03-09",
             "description":""}
            """#, key: "resolvedOn")
    }

    /// Opened on 10 March, resolved on 20 March: open from the 10th up to the 19th.
    @Test(arguments: [("2026-03-09", false), ("2026-03-10", true), ("2026-03-19", true), ("2026-03-20", false),
                      ("2026-04-01", false)])
    func isOpenOnBoundaryDays(_ day: String, _ open: Bool) throws {
        let dispute = try Dispute(id: "D1", buyerID: "B1", openedOn: date("2026-03-10"), resolvedOn: date("2026-03-20"))
        #expect(dispute.isOpen(on: try date(day)) == open)
    }

    @Test func unresolvedStaysOpen() throws {
        let dispute = try Dispute(id: "D1", buyerID: "B1", openedOn: date("2026-03-10"))
        #expect(dispute.isOpen(on: try date("2026-03-09")) == false)
        #expect(dispute.isOpen(on: try date("2036-03-10")))
    }

    @Test func resolvedTheDayItOpenedIsNeverOpen() throws {
        let dispute = try Dispute(id: "D1", buyerID: "B1", openedOn: date("2026-03-10"), resolvedOn: date("2026-03-10"))
        #expect(dispute.isOpen(on: try date("2026-03-10")) == false)
    }

    @Test func concerns() throws {
        let whole = try Dispute(id: "D1", buyerID: "B1", openedOn: date("2026-03-10"))
        #expect(whole.concerns("F-1") && whole.concerns("anything"))
        let some = try Dispute(id: "D2", buyerID: "B1", invoiceNumbers: ["F-1", "F-3"], openedOn: date("2026-03-10"))
        #expect(some.concerns("F-1") && some.concerns("F-3"))
        #expect(!some.concerns("F-2"))
    }

    @Test func jsonRoundTripAndDefaults() throws {
        let dispute = try Dispute(id: "D1", buyerID: "B1", invoiceNumbers: ["F-1"], openedOn: date("2026-03-10"),
                                  resolvedOn: date("2026-04-02"), description: "goods damaged in transit")
        #expect(try roundTrip(dispute) == dispute)
        let bare = try decode(Dispute.self, #"{"id":"D1","buyerID":"B1","openedOn":"2026-03-10"}"#)
        #expect(bare.invoiceNumbers.isEmpty && bare.description.isEmpty && bare.resolvedOn == nil)
    }
}

@Suite("Receivables: OverdueNotification")
struct ReceivablesOverdueTests {
    private func notification(notified: String, due: String = "2026-03-02",
                              amount: String = "24000.00") throws -> OverdueNotification {
        try OverdueNotification(id: "N1", buyerID: "B1", notifiedOn: date(notified), overdueAmount: eur(amount),
                                invoiceNumbers: ["F-1"], oldestDueDate: date(due))
    }

    @Test func notifiedBeforeDueDate() throws {
        try expectModelError(.outOfRange, field: "notifiedOn") { try notification(notified: "2026-03-01") }
        #expect(try notification(notified: "2026-03-02").notifiedOn == (try date("2026-03-02")))
    }

    @Test(arguments: ["0.00", "-1.00"])
    func amountMustBePositive(_ amount: String) throws {
        try expectModelError(.outOfRange, field: "overdueAmount") { try notification(notified: "2026-04-01", amount: amount) }
    }

    @Test func json() throws {
        let made = try notification(notified: "2026-04-01")
        #expect(try roundTrip(made) == made)
        try expectDecodingFailure(OverdueNotification.self, #"""
            {"id":"N1","buyerID":"B1","notifiedOn":"2026-03-01","overdueAmount":\#(money("24000.00")),
             "invoiceNumbers":["F-1"],"oldestDueDate":"2026-03-02"}
            """#, key: "notifiedOn")
        try expectDecodingFailure(OverdueNotification.self, #"""
            {"id":"N1","buyerID":"B1","notifiedOn":"2026-04-01","overdueAmount":\#(money("0")),
             "invoiceNumbers":["F-1"],"oldestDueDate":"2026-03-02"}
            """#, key: "overdueAmount")
    }
}

@Suite("Receivables: Recovery")
struct ReceivablesRecoveryTests {
    @Test func costsDefaultToZero() throws {
        let recovery = try Recovery(claimID: "C1", date: date("2026-09-01"), amount: eur("10000.00"))
        #expect(recovery.costs == Money.zero(.EUR))
    }

    @Test func costsInAnotherCurrency() throws {
        try expectModelError(.currencyMismatch, field: "costs") {
            try Recovery(claimID: "C1", date: date("2026-09-01"), amount: eur("10000.00"),
                         costs: Money(parsing: "100.00", currency: .GBP))
        }
    }

    @Test func negativeCostsAndNonPositiveAmount() throws {
        try expectModelError(.outOfRange, field: "costs") {
            try Recovery(claimID: "C1", date: date("2026-09-01"), amount: eur("10000.00"), costs: eur("-0.01"))
        }
        try expectModelError(.outOfRange, field: "amount") {
            try Recovery(claimID: "C1", date: date("2026-09-01"), amount: eur("0.00"))
        }
        #expect(try Recovery(claimID: "C1", date: date("2026-09-01"), amount: eur("1.00"), costs: eur("0.00"))
            .costs.isZero)
    }

    @Test(arguments: [
        (money("10000.00"), money("100.00", "GBP"), "costs"),
        (money("10000.00"), money("-5.00"), "costs"),
        (money("0.00"), money("0.00"), "amount"),
        (money("-3.00"), money("0.00"), "amount"),
    ])
    func decodingInvalidRecoveryFails(_ amount: String, _ costs: String, _ key: String) throws {
        try expectDecodingFailure(Recovery.self, #"""
            {"claimID":"C1","date":"2026-09-01","amount":\#(amount),"costs":\#(costs)}
            """#, key: key)
    }

    @Test func json() throws {
        let recovery = try Recovery(claimID: "C1", date: date("2026-09-01"), amount: eur("10000.00"), costs: eur("350.00"))
        #expect(try roundTrip(recovery) == recovery)
        let bare = try decode(Recovery.self, #"{"claimID":"C1","date":"2026-09-01","amount":\#(money("10.00"))}"#)
        #expect(bare.costs == Money.zero(.EUR))
    }
}
