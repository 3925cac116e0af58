import Foundation
import PropertyBased
import Testing
import TradeCreditClaims
import TradeCreditModel

/// Random accounts: invoices, payments and credit notes (named or not) over about three months, amounts in cents.
private struct Scenario: Sendable, CustomStringConvertible {
    var invoices: [(day: Int, net: Int, vat: Int)]
    var payments: [(day: Int, amount: Int)]
    var credits: [(day: Int, amount: Int, target: Int)]
    var description: String { "invoices \(invoices) payments \(payments) credits \(credits)" }
}

@Suite("Account ledger properties")
struct AccountLedgerPropertyTests {
    typealias F = ClaimsLedgerFixture

    private static let scenarios = zip(
        zip(Gen.int(in: 0...60), Gen.int(in: 0...100_000), Gen.int(in: 0...20_000)).array(of: 1...6),
        zip(Gen.int(in: 0...90), Gen.int(in: 1...50_000)).array(of: 0...6),
        zip(Gen.int(in: 0...90), Gen.int(in: 1...20_000), Gen.int(in: 0...8)).array(of: 0...3)
    ).map { invoices, payments, credits in
        Scenario(invoices: invoices.map { ($0, $1, $2) }, payments: payments.map { ($0, $1) },
                 credits: credits.map { ($0, $1, $2) })
    }

    private static func cents(_ units: Int) throws -> Money {
        try Money(Decimal(sign: .plus, exponent: -2, significand: Decimal(units)), .EUR)
    }

    private static func day(_ offset: Int) throws -> CalendarDate { try F.date("2024-01-01").adding(days: offset) }

    private static func build(_ scenario: Scenario) throws -> (AccountLedger, invoiced: Money, received: Money) {
        let invoices = try scenario.invoices.enumerated().map { index, spec in
            try Invoice(number: "INV-\(index)", buyerID: F.buyerID, deliveryDate: day(spec.day), issueDate: day(spec.day),
                        dueDate: day(spec.day + 30), netAmount: cents(spec.net), vatAmount: cents(spec.vat))
        }
        let payments = try scenario.payments.enumerated().map { index, spec in
            try Payment(id: "P-\(index)", buyerID: F.buyerID, date: day(spec.day), amount: cents(spec.amount))
        }
        let credits = try scenario.credits.enumerated().map { index, spec in
            try CreditNote(number: "CN-\(index)", buyerID: F.buyerID, date: day(spec.day), amount: cents(spec.amount),
                           invoiceNumber: spec.target < invoices.count ? "INV-\(spec.target)" : nil)
        }
        let account = try AccountLedger(buyerID: F.buyerID, invoices: invoices, payments: payments, creditNotes: credits)
        let invoiced = try Money.sum(invoices.map(\.grossAmount), currency: .EUR)
        let received = try Money.sum(payments.map(\.amount) + credits.map(\.amount), currency: .EUR)
        return (account, invoiced, received)
    }

    @Test("no outstanding is ever negative or above the invoice, and net + VAT = outstanding")
    func balancesStayInRange() async {
        await propertyCheck(count: 300, input: Self.scenarios) { scenario in
            let (account, _, _) = try Self.build(scenario)
            let gross = Dictionary(uniqueKeysWithValues: account.invoices.map { ($0.number, $0.grossAmount) })
            for offset in [0, 15, 30, 45, 61, 75, 91] {
                for balance in try account.statement(on: Self.day(offset)).balances {
                    #expect(!balance.total.isNegative, "\(balance)")
                    #expect(!balance.net.isNegative && !balance.vat.isNegative, "\(balance)")
                    #expect(try balance.total.compare(to: gross[balance.invoiceNumber]!) <= 0)
                    #expect(try balance.net + balance.vat == balance.total)
                }
            }
        }
    }

    @Test("Σ outstanding = Σ invoiced − Σ paid − Σ credited (while payments ≤ invoiced)")
    func conservation() async {
        await propertyCheck(count: 300, input: Self.scenarios) { scenario in
            let (account, invoiced, received) = try Self.build(scenario)
            let statement = try account.statement(on: Self.day(200))
            let outstanding = try statement.totalOutstanding(in: .EUR)
            let unapplied = try Money.sum(statement.unappliedCredit, currency: .EUR)
            // Always: what is owed minus what waits equals what was invoiced minus what was received.
            #expect(try outstanding - unapplied == invoiced - received)
            if try received.compare(to: invoiced) <= 0 {
                #expect(statement.unappliedCredit.isEmpty)
                #expect(try outstanding == invoiced - received)
            }
        }
    }
}
