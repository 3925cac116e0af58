import Foundation
import Testing
import TradeCreditClaims
import TradeCreditModel

// Figures by hand. Typical terms (insured 90%, MEP 60, notification 30 days after the MEP, filing 60, waiting 150,
// payment 30, threshold 1,000); unless said otherwise no aggregate first loss and an absolute maximum liability of
// 1,000,000, so that the amounts read plainly. Invoice A: delivered 2024-02-01, due 2024-04-01 (notification deadline
// 2024-06-30); notified 2024-06-10 (filing deadline 2024-08-09), filed 2024-06-20, evaluated 2024-07-15.
@Suite("Claim adjustment")
struct ClaimAdjusterTests {
    typealias F = ClaimsLedgerFixture

    static func plainTerms() throws -> PolicyTerms {
        var terms = try F.terms()
        terms.aggregateFirstLoss = .zero(.EUR)
        terms.maximumLiability = .absolute(try F.eur("1000000"))
        return terms
    }

    static func notification(_ invoices: [Invoice], on day: String) throws -> OverdueNotification {
        try OverdueNotification(id: "N1", buyerID: F.buyerID, notifiedOn: F.date(day),
                                overdueAmount: Money.sum(invoices.map(\.grossAmount), currency: invoices[0].currency),
                                invoiceNumbers: invoices.map(\.number), oldestDueDate: invoices.map(\.dueDate).min()!)
    }

    static func claimCase(_ invoices: [Invoice], claimed: [String]? = nil, limits: [CreditLimit]? = nil,
                          payments: [Payment] = [], disputes: [Dispute] = [], notified: String = "2024-06-10",
                          filed: String = "2024-06-20", on date: String = "2024-07-15",
                          annualPremium: Money? = nil) throws -> ClaimCase {
        ClaimCase(buyer: try F.buyer(), limits: try limits ?? [F.limit("L1", "50000", from: "2024-01-01")],
                  invoices: invoices, payments: payments, disputes: disputes,
                  notifications: [try notification(invoices, on: notified)],
                  claim: try ClaimFiling(id: "C1", cause: .protractedDefault, filedOn: F.date(filed),
                                         invoiceNumbers: claimed ?? invoices.map(\.number)),
                  evaluationDate: try F.date(date), annualPremium: annualPremium)
    }

    static func output(_ result: IndemnityResult, _ step: IndemnityStep) -> Money? { result.output(of: .step(step)) }

    @Test("DOMAIN's partial payment with VAT: 24,000 paid 12,000 leaves 10,000 net + 2,000 VAT; pays 90% of the net")
    func partialPaymentWithVAT() throws {
        let a = try F.invoice("A", delivered: "2024-02-01", due: "2024-04-01", net: "20000", vat: "4000")
        let adjustment = try ClaimAdjuster(terms: Self.plainTerms())
            .adjust(Self.claimCase([a], payments: [F.payment("P1", "2024-03-01", "12000")]))
        let eligibility = try #require(adjustment.eligibility.result(for: "A"))
        let invoice = try IndemnityInvoice(eligibility)
        #expect(invoice.outstandingNet == (try F.eur("10000")))
        #expect(invoice.outstandingVAT == (try F.eur("2000")))
        #expect(invoice.limitInForce == (try F.eur("50000")))
        #expect(invoice.exclusions.isEmpty)
        let result = adjustment.indemnity
        #expect(result.steps[0].input == (try F.eur("12000")))
        #expect(result.loss == (try F.eur("10000")))
        #expect(result.steps[0].exclusions.map(\.amount) == [try F.eur("2000")])
        #expect(result.steps[0].exclusions.flatMap(\.reasons).map(\.code) == ["vat_not_covered"])
        #expect(Self.output(result, .insuredPercentage) == (try F.eur("9000")))
        #expect(result.indemnity == (try F.eur("9000")))
        // VAT not covered is the policy's term, not a refusal: approved.
        #expect(adjustment.decision.outcome == .approved)
        #expect(adjustment.decision.reasons.isEmpty)
        #expect(adjustment.decision.indemnity == (try F.eur("9000")))
        #expect(adjustment.dates.notificationDeadline == (try F.date("2024-06-30")))
        #expect(adjustment.dates.filingDeadline == (try F.date("2024-08-09")))
        #expect(adjustment.dates.lossEstablished == (try F.date("2024-11-07")))
        #expect(adjustment.dates.paymentDue == (try F.date("2024-12-07")))
    }

    @Test("protracted default: notified 2022-05-30, loss established 2022-10-27, payment 2022-11-26")
    func protractedDefaultTimeline() throws {
        // Delivered 2022-01-10, due 2022-03-11; notification deadline 2022-06-09, filing deadline 2022-07-29.
        let terms = PolicyTerms.typical(currency: .EUR, period: try DatePeriod(start: F.date("2022-01-01"),
                                                                                end: F.date("2022-12-31")))
        let a = try F.invoice("A", delivered: "2022-01-10", due: "2022-03-11", net: "5000")
        let claimCase = try Self.claimCase([a], limits: [F.limit("L1", "50000", from: "2022-01-01")],
                                           notified: "2022-05-30", filed: "2022-06-15", on: "2022-07-01",
                                           annualPremium: F.eur("10000"))
        let adjustment = try ClaimAdjuster(terms: terms).adjust(claimCase)
        let dates = adjustment.dates
        #expect(dates.oldestDueDate == (try F.date("2022-03-11")))
        #expect(dates.notificationDeadline == (try F.date("2022-06-09")))
        #expect(dates.notifiedOn == (try F.date("2022-05-30")))
        #expect(dates.filingDeadline == (try F.date("2022-07-29")))
        #expect(dates.filedOn == (try F.date("2022-06-15")))
        #expect(dates.waitingPeriodEnd == (try F.date("2022-10-27")))
        #expect(dates.lossEstablished == (try F.date("2022-10-27")))
        #expect(dates.paymentDue == (try F.date("2022-11-26")))
        // The typical AFL of 20,000 absorbs 5,000 × 90% = 4,500: approved, pays zero.
        #expect(adjustment.indemnity.aggregateFirstLossAbsorbed == (try F.eur("4500")))
        #expect(adjustment.decision.outcome == .approved)
        #expect(adjustment.decision.indemnity.isZero)
    }

    @Test("a limit reduction between two deliveries caps only the later one")
    func limitReductionBetweenDeliveries() throws {
        // A 15,000 under 20,000; the limit is reduced to 10,000 from 2024-03-01; B 8,000 delivered 2024-03-05.
        // covered = min(15,000, 20,000) = 15,000, then max(15,000, min(23,000, 10,000)) = 15,000: B's 8,000 is above.
        let a = try F.invoice("A", delivered: "2024-02-01", due: "2024-04-01", net: "15000")
        let b = try F.invoice("B", delivered: "2024-03-05", due: "2024-05-04", net: "8000")
        let limits = try [F.limit("L1", "20000", from: "2024-01-01"), F.limit("L2", "10000", from: "2024-03-01")]
        let adjustment = try ClaimAdjuster(terms: Self.plainTerms()).adjust(Self.claimCase([a, b], limits: limits))
        #expect(adjustment.eligibility.eligible.map(\.invoiceNumber) == ["A", "B"])
        #expect(try IndemnityInvoice(#require(adjustment.eligibility.result(for: "B"))).limitInForce == (try F.eur("10000")))
        let result = adjustment.indemnity
        #expect(result.loss == (try F.eur("23000")))
        #expect(Self.output(result, .limitCap) == (try F.eur("15000")))
        let excess = try #require(result.steps[1].exclusions.first)
        #expect(excess.invoiceNumber == "B")
        #expect(excess.amount == (try F.eur("8000")))
        #expect(result.indemnity == (try F.eur("13500")))
        #expect(adjustment.decision.outcome == .partlyApproved)
        #expect(adjustment.decision.reasons.map(\.code) == ["above_limit"])
        #expect(adjustment.decision.reasons.first?.detail.hasPrefix("B: ") == true)
    }

    @Test("a disputed invoice alone: rejected with the reason, nothing payable, no payment date")
    func disputedInvoiceRejected() throws {
        let a = try F.invoice("A", delivered: "2024-02-01", due: "2024-04-01", net: "10000", vat: "2000")
        let dispute = try Dispute(id: "D1", buyerID: F.buyerID, invoiceNumbers: ["A"], openedOn: F.date("2024-05-01"))
        let adjustment = try ClaimAdjuster(terms: Self.plainTerms()).adjust(Self.claimCase([a], disputes: [dispute]))
        #expect(adjustment.eligibility.result(for: "A")?.reasons.map(\.code) == ["disputed"])
        #expect(adjustment.indemnity.loss.isZero)
        #expect(adjustment.indemnity.steps[0].exclusions.map(\.amount) == [try F.eur("12000")])
        #expect(adjustment.decision.outcome == .rejected)
        #expect(adjustment.decision.outcome.state == .rejected)
        #expect(adjustment.decision.reasons.map(\.code) == ["disputed"])
        #expect(adjustment.decision.indemnity.isZero)
        #expect(adjustment.dates.paymentDue == nil)
    }

    @Test("an ineligible invoice beside an eligible one: partly approved")
    func partlyApprovedByAnIneligibleInvoice() throws {
        let a = try F.invoice("A", delivered: "2024-02-01", due: "2024-04-01", net: "10000")
        let b = try F.invoice("B", delivered: "2024-02-02", due: "2024-04-02", net: "3000")
        let dispute = try Dispute(id: "D1", buyerID: F.buyerID, invoiceNumbers: ["B"], openedOn: F.date("2024-05-01"))
        let adjustment = try ClaimAdjuster(terms: Self.plainTerms()).adjust(Self.claimCase([a, b], disputes: [dispute]))
        #expect(adjustment.indemnity.indemnity == (try F.eur("9000")))
        #expect(adjustment.decision.outcome == .partlyApproved)
        #expect(adjustment.decision.reasons.map(\.code) == ["disputed"])
    }

    @Test("inputs that contradict each other are refused")
    func badInputs() throws {
        let a = try F.invoice("A", delivered: "2024-02-01", due: "2024-04-01", net: "10000")
        let adjuster = try ClaimAdjuster(terms: Self.plainTerms())
        #expect(throws: ClaimsError.self) { try adjuster.adjust(Self.claimCase([a], claimed: ["A", "Z"])) }
        #expect(throws: ClaimsError.self) { try adjuster.adjust(Self.claimCase([a], on: "2024-06-19")) }
        #expect(throws: ModelError.self) {
            try ClaimFiling(id: "C1", cause: .insolvency, filedOn: F.date("2024-06-20"), invoiceNumbers: ["A"])
        }
        #expect(throws: ModelError.self) {
            try ClaimFiling(id: "C1", cause: .protractedDefault, filedOn: F.date("2024-06-20"), invoiceNumbers: ["A", "A"])
        }
    }

    @Test("no limit in force gives a zero limit in the invoice currency")
    func noLimitIsZero() throws {
        let a = try F.invoice("A", delivered: "2024-02-01", due: "2024-04-01", net: "1000")
        let adjustment = try ClaimAdjuster(terms: Self.plainTerms()).adjust(Self.claimCase([a], limits: []))
        let invoice = try IndemnityInvoice(#require(adjustment.eligibility.result(for: "A")))
        #expect(invoice.limitInForce == .zero(.EUR))
        #expect(invoice.exclusions.map(\.code) == ["no_limit_in_force"])
    }

    @Test("an indemnity stage is a plain string in JSON")
    func stageJSON() throws {
        let data = try JSONEncoder().encode([IndemnityStage.loss, .step(.limitCap)])
        #expect(String(decoding: data, as: UTF8.self) == #"["loss","limitCap"]"#)
        #expect(try JSONDecoder().decode([IndemnityStage].self, from: data) == [.loss, .step(.limitCap)])
    }
}
