import Testing
import TradeCreditClaims
import TradeCreditModel

// Base case, dates counted by hand (2024 is a leap year): invoice A delivered and issued 2024-02-01, due 2024-04-01
// (60 days), 10,000 + 2,000 VAT. MEP ends 2024-05-31; notification deadline 2024-06-30. By default each invoice is
// notified at due + 70 days (A: 2024-06-10, filing deadline 2024-08-09) and its claim filed 10 days later; evaluated on
// 2024-07-15. Typical terms: policy 2024, business buyers, worldwide, max credit period 120, discretionary ceiling 20,000.
@Suite("Invoice eligibility")
struct EligibilityEvaluatorTests {
    typealias F = ClaimsLedgerFixture
    typealias Code = ReasonCode.Claims

    private var invoiceA: Invoice {
        get throws { try F.invoice("A", delivered: "2024-02-01", due: "2024-04-01", net: "10000", vat: "2000") }
    }

    private func evaluate(_ invoices: [Invoice], terms: PolicyTerms? = nil, buyer: Buyer? = nil,
                          limits: [CreditLimit]? = nil, payments: [Payment] = [], disputes: [Dispute] = [],
                          notifiedAfterDue days: Int? = 70, filedAfter filingDays: Int? = 10,
                          on date: String = "2024-07-15") throws -> EligibilityReport {
        let account = try AccountLedger(buyerID: F.buyerID, invoices: invoices, payments: payments, disputes: disputes)
        let notifications = try days.map { days in
            try invoices.map { try F.notification($0, on: $0.dueDate.adding(days: days)) }
        } ?? []
        let claims = try filingDays.map { filingDays in
            try notifications.map { note in
                try F.claim(invoices.first { $0.number == note.invoiceNumbers[0] }!,
                            filedOn: note.notifiedOn.adding(days: filingDays))
            }
        } ?? []
        return try EligibilityEvaluator(terms: terms ?? F.terms()).evaluate(
            buyer: buyer ?? F.buyer(), account: account, limits: limits ?? [F.limit("L1", "50000", from: "2024-01-01")],
            notifications: notifications, claims: claims, on: F.date(date))
    }

    private func codes(_ report: EligibilityReport, _ number: String = "A") -> [String] {
        report.result(for: number)?.reasons.map(\.code) ?? ["<missing>"]
    }

    @Test("the base case is eligible, with its outstanding and limit at the evaluation date")
    func eligibleWithOutput() throws {
        let report = try evaluate([invoiceA], payments: [F.payment("P1", "2024-03-01", "6000")])
        let result = try #require(report.result(for: "A"))
        #expect(result.isEligible)
        #expect(result.outstanding.total == (try F.eur("6000")))
        #expect(result.outstanding.net == (try F.eur("5000")))
        #expect(result.outstanding.vat == (try F.eur("1000")))
        #expect(result.limitInForce?.id == "L1")
        #expect(result.limitInForce?.amount == (try F.eur("50000")))
        #expect(result.notifiedOn == (try F.date("2024-06-10")))
        #expect(result.filedOn == (try F.date("2024-06-20")))
        #expect(report.eligible.map(\.invoiceNumber) == ["A"])
        #expect(report.rulesVersion == TradeCreditClaims.rulesVersion)
    }

    @Test("policy_not_in_force: delivered before the policy period")
    func policyNotInForce() throws {
        // The limit covers the delivery, so that the policy period is the only failure.
        let invoice = try F.invoice("A", delivered: "2023-12-20", due: "2024-02-18", net: "1000")
        let limits = [try F.limit("L0", "50000", from: "2023-01-01")]
        #expect(codes(try evaluate([invoice], limits: limits)) == [Code.policyNotInForce])
    }

    @Test("buyer not insurable: related party, category, country")
    func buyerNotInsurable() throws {
        #expect(codes(try evaluate([invoiceA], buyer: F.buyer(relatedParty: true))) == [Code.buyerRelatedParty])
        #expect(codes(try evaluate([invoiceA], buyer: F.buyer(category: .individual))) == [Code.buyerCategoryNotCovered])
        var terms = try F.terms()
        terms.territory = Territory(excludedCountries: [.DE])
        #expect(codes(try evaluate([invoiceA], terms: terms, buyer: F.buyer(country: .DE))) == [Code.buyerCountryNotCovered])
    }

    @Test("no_limit_in_force: none, or a withdrawal (zero limit) reported with its id")
    func noLimit() throws {
        #expect(codes(try evaluate([invoiceA], limits: [])) == [Code.noLimitInForce])
        let limits = try [F.limit("L1", "50000", from: "2024-01-01"), F.limit("W", "0", from: "2024-01-20")]
        let report = try evaluate([invoiceA], limits: limits)
        #expect(codes(report) == [Code.noLimitInForce])
        #expect(report.result(for: "A")?.limitInForce?.id == "W")
    }

    @Test("a limit reduction between two deliveries: the earlier keeps the old limit")
    func reductionBetweenDeliveries() throws {
        let deadlines = ClaimDeadlines(terms: try F.terms())
        let effective = try deadlines.reductionEffectiveDate(noticeDate: F.date("2024-03-01"))  // 2024-03-31
        let reduced = try CreditLimit(id: "L2", buyerID: F.buyerID, amount: F.eur("20000"), effectiveDate: effective)
        let invoices = try [F.invoice("P", delivered: "2024-03-15", due: "2024-05-14", net: "1000"),
                            F.invoice("Q", delivered: "2024-04-10", due: "2024-06-09", net: "1000")]
        let report = try evaluate(invoices, limits: [F.limit("L1", "50000", from: "2024-01-01"), reduced],
                                  on: "2024-04-20")
        #expect(report.result(for: "P")?.limitInForce?.id == "L1")
        #expect(report.result(for: "Q")?.limitInForce?.id == "L2")
        #expect(report.result(for: "Q")?.limitInForce?.amount == (try F.eur("20000")))
        #expect(report.eligible.map(\.invoiceNumber) == ["P", "Q"])
    }

    @Test("a discretionary limit within the ceiling is used")
    func discretionaryLimitUsed() throws {
        let report = try evaluate([invoiceA], limits: [F.limit("D1", "15000", from: "2024-01-15", kind: .discretionary)])
        #expect(codes(report) == [])
        #expect(report.result(for: "A")?.limitInForce?.kind == .discretionary)
        #expect(report.result(for: "A")?.limitInForce?.id == "D1")
    }

    @Test("invalid_discretionary_limit: above the ceiling, or a policy that allows none")
    func invalidDiscretionaryLimit() throws {
        let above = [try F.limit("D1", "25000", from: "2024-01-15", kind: .discretionary)]
        #expect(codes(try evaluate([invoiceA], limits: above)) == [Code.invalidDiscretionaryLimit])
        var terms = try F.terms()
        terms.discretionaryLimitCeiling = nil
        let within = [try F.limit("D1", "5000", from: "2024-01-15", kind: .discretionary)]
        #expect(codes(try evaluate([invoiceA], terms: terms, limits: within)) == [Code.invalidDiscretionaryLimit])
    }

    @Test("payment_term_exceeds_maximum: 150 days against 120")
    func paymentTermTooLong() throws {
        let invoice = try F.invoice("A", delivered: "2024-02-01", due: "2024-06-30", net: "1000")
        #expect(codes(try evaluate([invoice])) == [Code.paymentTermExceedsMaximum])
    }

    @Test("delivered_after_stop_supply: the day after due + MEP, and until the day after payment")
    func stopSupplyReason() throws {
        // O due 2024-02-09: MEP ends 2024-04-09, cover closed from 2024-04-10; paid in full on 2024-04-20.
        let invoices = try [F.invoice("O", delivered: "2024-01-10", due: "2024-02-09", net: "1000"),
                            F.invoice("B", delivered: "2024-04-09", due: "2024-05-09", net: "100"),
                            F.invoice("C", delivered: "2024-04-10", due: "2024-05-10", net: "100"),
                            F.invoice("D", delivered: "2024-04-20", due: "2024-05-20", net: "100"),
                            F.invoice("E", delivered: "2024-04-21", due: "2024-05-21", net: "100")]
        let report = try evaluate(invoices, payments: [F.payment("P1", "2024-04-20", "1000")],
                                  notifiedAfterDue: nil, on: "2024-04-25")
        #expect(codes(report, "B") == [])
        #expect(codes(report, "C") == [Code.deliveredAfterStopSupply])
        #expect(codes(report, "D") == [Code.deliveredAfterStopSupply])
        #expect(codes(report, "E") == [])
    }

    @Test("overdue_not_notified_in_time: late, or missing once the deadline has passed")
    func notification() throws {
        // Deadline 2024-06-30 = due + 90.
        #expect(codes(try evaluate([invoiceA], notifiedAfterDue: 91)) == [Code.overdueNotNotifiedInTime])
        #expect(codes(try evaluate([invoiceA], notifiedAfterDue: 90)) == [])
        #expect(codes(try evaluate([invoiceA], notifiedAfterDue: nil)) == [Code.overdueNotNotifiedInTime])
        #expect(codes(try evaluate([invoiceA], notifiedAfterDue: nil, on: "2024-06-30")) == [])
        // Paid in full: nothing to notify.
        #expect(codes(try evaluate([invoiceA], payments: [F.payment("P1", "2024-05-01", "12000")],
                                   notifiedAfterDue: nil)) == [])
    }

    @Test("claim_not_filed_in_time: late, or missing once the deadline has passed")
    func filing() throws {
        // Notified 2024-06-10; filing deadline 2024-08-09 (60 days).
        #expect(codes(try evaluate([invoiceA], filedAfter: 61, on: "2024-08-20")) == [Code.claimNotFiledInTime])
        #expect(codes(try evaluate([invoiceA], filedAfter: 60, on: "2024-08-20")) == [])
        #expect(codes(try evaluate([invoiceA], filedAfter: nil, on: "2024-08-10")) == [Code.claimNotFiledInTime])
        #expect(codes(try evaluate([invoiceA], filedAfter: nil, on: "2024-08-09")) == [])
    }

    @Test("disputed: an open dispute holds the debt; a resolved one does not")
    func disputed() throws {
        func dispute(resolved: String?) throws -> Dispute {
            try Dispute(id: "D1", buyerID: F.buyerID, invoiceNumbers: ["A"], openedOn: F.date("2024-05-01"),
                        resolvedOn: resolved.map(F.date))
        }
        let open = try evaluate([invoiceA], disputes: [dispute(resolved: nil)])
        #expect(codes(open) == [Code.disputed])
        #expect(open.result(for: "A")?.disputes.first?.state == .open)
        let resolved = try evaluate([invoiceA], disputes: [dispute(resolved: "2024-06-01")])
        #expect(codes(resolved) == [])
        #expect(resolved.result(for: "A")?.disputes.first?.state == .resolved)
        #expect(resolved.result(for: "A")?.disputes.first?.resolvedOn == (try F.date("2024-06-01")))
        // Resolved after the evaluation date: still open then, and the resolution is not known yet.
        let later = try evaluate([invoiceA], disputes: [dispute(resolved: "2024-08-01")])
        #expect(codes(later) == [Code.disputed])
        #expect(later.result(for: "A")?.disputes.first?.resolvedOn == nil)
    }

    @Test("every reason code is exercised above and is stable")
    func codesAreStable() {
        #expect(Code.all == [
            "policy_not_in_force", "buyer_related_party", "buyer_category_not_covered", "buyer_country_not_covered",
            "no_limit_in_force", "invalid_discretionary_limit", "payment_term_exceeds_maximum",
            "delivered_after_stop_supply", "overdue_not_notified_in_time", "claim_not_filed_in_time", "disputed",
        ])
    }

    @Test("a limit of another buyer is inconsistent")
    func otherBuyersLimit() throws {
        let foreign = try CreditLimit(id: "X", buyerID: "B2", amount: F.eur("1000"), effectiveDate: F.date("2024-01-01"))
        let error = #expect(throws: ClaimsError.self) { try evaluate([invoiceA], limits: [foreign]) }
        #expect(error?.code == .inconsistent)
        #expect(error?.field == "limits[0].buyerID")
    }
}
