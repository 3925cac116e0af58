import Foundation
import PropertyBased
import Testing
import TradeCreditClaims
import TradeCreditModel

/// End to end through the account, eligibility and indemnity: random claims of one to four invoices.
@Suite("Claim adjustment properties")
struct ClaimAdjusterPropertyTests {
    typealias F = ClaimsLedgerFixture

    private struct Scenario: Sendable, CustomStringConvertible {
        var invoices: [(day: Int, net: Int, vat: Int)]
        var latePayment: Int
        var more: Int
        var description: String { "invoices \(invoices), late payment \(latePayment) + \(more) cents" }
    }

    private static let scenarios = zip(
        zip(Gen.int(in: 0...40), Gen.int(in: 1...4_000_000), Gen.int(in: 0...800_000)).array(of: 1...4),
        Gen.int(in: 0...6_000_000), Gen.int(in: 1...1_000_000)
    ).map { invoices, late, more in
        Scenario(invoices: invoices.map { ($0, $1, $2) }, latePayment: late, more: more)
    }

    private static func cents(_ units: Int) throws -> Money {
        try Money(Decimal(sign: .plus, exponent: -2, significand: Decimal(units)), .EUR)
    }

    private static func day(_ offset: Int) throws -> CalendarDate { try F.date("2024-01-01").adding(days: offset) }

    /// The indemnity of the scenario's claim with a payment of `paid` cents on day 45, after every delivery
    /// (typical terms: insured 90 %, threshold 1,000, no aggregate first loss; limit 25,000).
    private static func indemnity(_ scenario: Scenario, paid: Int) throws -> Money {
        let invoices = try scenario.invoices.enumerated().map { index, spec in
            try Invoice(number: "INV-\(index)", buyerID: F.buyerID, deliveryDate: day(spec.day), issueDate: day(spec.day),
                        dueDate: day(spec.day + 30), netAmount: cents(spec.net), vatAmount: cents(spec.vat))
        }
        let payments = paid == 0 ? [] : [try Payment(id: "P-late", buyerID: F.buyerID, date: day(45), amount: cents(paid))]
        // Due on days 30…70, notified on day 100 (2024-04-10: within every invoice's deadline, due + 60 + 30 days),
        // filed on day 110; no delivery is made after stop supply (day 40 at most, the earliest due date is day 30).
        let claimCase = try ClaimAdjusterTests.claimCase(invoices, limits: [F.limit("L1", "25000", from: "2024-01-01")],
                                                         payments: payments, notified: "2024-04-10",
                                                         filed: "2024-04-20")
        let adjustment = try ClaimAdjuster(terms: ClaimAdjusterTests.plainTerms()).adjust(claimCase)
        return adjustment.indemnity.indemnity
    }

    @Test("a fixed case of the property: 20,000 owed pays 18,000; 5,000 more paid late leaves 13,500")
    func fixedCase() throws {
        let scenario = Scenario(invoices: [(day: 10, net: 2_000_000, vat: 0)], latePayment: 0, more: 500_000)
        #expect(try Self.indemnity(scenario, paid: 0) == (try F.eur("18000")))
        #expect(try Self.indemnity(scenario, paid: 500_000) == (try F.eur("13500")))
    }

    @Test("the indemnity is never negative, never above insured % × the limit, and never grows when a payment dated after the last delivery grows")
    func latePaymentsNeverRaiseTheIndemnity() async {
        await propertyCheck(count: 200, input: Self.scenarios) { scenario in
            let before = try Self.indemnity(scenario, paid: scenario.latePayment)
            let after = try Self.indemnity(scenario, paid: scenario.latePayment + scenario.more)
            // Insured 90 % of the 25,000 limit.
            let ceiling = try F.eur("22500")
            for amount in [before, after] {
                #expect(!amount.isNegative, "\(scenario)")
                #expect(try amount.compare(to: ceiling) <= 0, "\(scenario)")
            }
            #expect(try after.compare(to: before) <= 0, "\(scenario): \(before) then \(after)")
        }
    }
}
