import Foundation
import Testing
@testable import TradeCreditModel

// Amounts and dates are made up; every expectation is worked out by hand in the comment beside it.

private func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

private func eur(_ units: Int) -> Money { Money(units: units, .EUR) }

private func limit(_ id: LimitID, _ units: Int, _ kind: CreditLimitKind = .insurer, from effective: String,
                   to expiry: String? = nil) throws -> CreditLimit {
    try CreditLimit(id: id, buyerID: "B1", amount: eur(units), kind: kind, effectiveDate: date(effective),
                    expiryDate: expiry.map(date))
}

@Suite("Limits: CreditLimit")
struct LimitsCreditLimitTests {
    @Test func negativeAmountIsOutOfRange() throws {
        try expectModelError(.outOfRange, field: "amount") { try limit("L1", -1, from: "2026-01-01") }
    }

    @Test func zeroAmountIsAWithdrawal() throws {
        #expect(try limit("L1", 0, from: "2026-01-01").amount.isZero)
    }

    @Test func expiryBeforeEffectiveIsOutOfRange() throws {
        try expectModelError(.outOfRange, field: "expiryDate") {
            try limit("L1", 1_000, from: "2026-01-02", to: "2026-01-01")
        }
        #expect(try limit("L1", 1_000, from: "2026-01-02", to: "2026-01-02").covers(date("2026-01-02")))
    }

    @Test(arguments: [("2025-12-31", false), ("2026-01-01", true), ("2026-03-31", true), ("2026-04-01", false)])
    func coversBothEnds(_ day: String, _ covered: Bool) throws {
        #expect(try limit("L1", 1_000, from: "2026-01-01", to: "2026-03-31").covers(date(day)) == covered)
    }

    /// 50,000 from 1 January; reduced to 20,000 by a notice of 2 May with 30 days' notice, so from 1 June.
    @Test(arguments: [("2025-12-31", nil), ("2026-01-01", "L1"), ("2026-05-31", "L1"), ("2026-06-01", "L2"),
                      ("2027-01-01", "L2")] as [(String, String?)])
    func reductionAppliesToLaterDeliveriesOnly(_ delivery: String, _ expected: String?) throws {
        let limits = [try limit("L1", 50_000, from: "2026-01-01"), try limit("L2", 20_000, from: "2026-06-01")]
        let inForce = CreditLimit.inForce(on: try date(delivery), among: limits)
        #expect(inForce?.id.rawValue == expected)
        #expect(inForce?.amount == expected.map { $0 == "L1" ? eur(50_000) : eur(20_000) })
        // The order of the list does not matter.
        #expect(CreditLimit.inForce(on: try date(delivery), among: limits.reversed())?.id.rawValue == expected)
    }

    /// Discretionary 10,000 from 1 January; the insurer grants 30,000 from 1 March.
    @Test(arguments: [("2026-02-28", "D"), ("2026-03-01", "I"), ("2026-09-01", "I")])
    func discretionaryLimitReplacedByInsurerLimit(_ delivery: String, _ expected: String) throws {
        let limits = [try limit("D", 10_000, .discretionary, from: "2026-01-01"), try limit("I", 30_000, from: "2026-03-01")]
        #expect(CreditLimit.inForce(on: try date(delivery), among: limits)?.id.rawValue == expected)
    }

    @Test func insurerDecisionReplacesALaterDiscretionaryLimit() throws {
        // The insurer's 30,000 took effect on 1 January; a discretionary 40,000 set on 1 February does not apply.
        let limits = [try limit("I", 30_000, from: "2026-01-01"), try limit("D", 40_000, .discretionary, from: "2026-02-01")]
        #expect(CreditLimit.inForce(on: try date("2026-02-15"), among: limits)?.id.rawValue == "I")
    }

    @Test func insurerWinsOnTheSameDay() throws {
        let limits = [try limit("D", 10_000, .discretionary, from: "2026-03-01"), try limit("I", 5_000, from: "2026-03-01")]
        #expect(CreditLimit.inForce(on: try date("2026-03-01"), among: limits)?.id.rawValue == "I")
    }

    @Test func insurerWithdrawalReplacesDiscretionaryLimit() throws {
        let limits = [try limit("D", 10_000, .discretionary, from: "2026-01-01"), try limit("W", 0, from: "2026-04-01")]
        let inForce = try #require(CreditLimit.inForce(on: try date("2026-04-02"), among: limits))
        #expect(inForce.id == "W")
        #expect(inForce.amount.isZero)
    }

    /// 5,000 since 2025 without end; 25,000 from 1 January to 31 March 2026.
    @Test(arguments: [("2026-03-31", "TEMP"), ("2026-04-01", "BASE"), ("2025-06-01", "BASE")])
    func expiredLimitsAreIgnored(_ delivery: String, _ expected: String) throws {
        let limits = [try limit("BASE", 5_000, from: "2025-01-01"), try limit("TEMP", 25_000, from: "2026-01-01", to: "2026-03-31")]
        #expect(CreditLimit.inForce(on: try date(delivery), among: limits)?.id.rawValue == expected)
    }

    @Test func noLimitInForce() throws {
        #expect(CreditLimit.inForce(on: try date("2026-01-01"), among: []) == nil)
        let expired = [try limit("L1", 1_000, from: "2025-01-01", to: "2025-12-31")]
        #expect(CreditLimit.inForce(on: try date("2026-01-01"), among: expired) == nil)
        let future = [try limit("L1", 1_000, from: "2026-01-02")]
        #expect(CreditLimit.inForce(on: try date("2026-01-01"), among: future) == nil)
    }

    @Test func jsonRoundTrip() throws {
        let credit = try CreditLimit(id: "L1", buyerID: "B1", amount: Money(parsing: "12500.50", currency: .EUR),
                                     kind: .discretionary, effectiveDate: date("2026-01-01"),
                                     expiryDate: date("2026-12-31"), decisionID: "D1")
        #expect(try roundTrip(credit) == credit)
    }

    @Test func decodingWithoutKindMeansInsurer() throws {
        let credit = try decode(CreditLimit.self, #"""
            {"id":"L1","buyerID":"B1","amount":{"amount":"1000.00","currency":"EUR"},"effectiveDate":"2026-01-01"}
            """#)
        #expect(credit.kind == .insurer)
        #expect(credit.expiryDate == nil && credit.decisionID == nil)
    }

    @Test(arguments: [
        (#"{"id":"L1","buyerID":"B1","amount":{"amount":"-1","currency":"EUR"},"effectiveDate":"2026-01-01"}"#, "amount"),
        (#"{"id":"L1","buyerID":"B1","amount":{"amount":"1","currency":"EUR"},"effectiveDate":"2026-01-02","expiryDate":"2026-01-01"}"#,
         "expiryDate"),
        (#"{"id":"L1","buyerID":"B1","amount":{"amount":"1","currency":"EUR"},"effectiveDate":"2026-02-30"}"#,
         "effectiveDate"),
    ])
    func decodingInvalidLimitFails(_ json: String, _ key: String) throws {
        try expectDecodingFailure(CreditLimit.self, json, key: key)
    }
}

@Suite("Limits: LimitRequest")
struct LimitsRequestTests {
    private func request(_ kind: LimitRequestKind, _ amount: Money, terms: Int? = nil,
                         turnover: Money? = nil) throws -> LimitRequest {
        try LimitRequest(id: "R1", buyerID: "B1", kind: kind, requestedAmount: amount, requestDate: date("2026-03-02"),
                         paymentTermsDays: terms, expectedAnnualTurnover: turnover)
    }

    @Test func cancellationRequestsZero() throws {
        #expect(try request(.cancellation, eur(0)).requestedAmount.isZero)
        try expectModelError(.outOfRange, field: "requestedAmount") { try request(.cancellation, eur(10_000)) }
    }

    @Test(arguments: [LimitRequestKind.newLimit, .increase, .preliminaryAssessment, .reduction, .prolongation])
    func otherKindsNeedAPositiveAmount(_ kind: LimitRequestKind) throws {
        try expectModelError(.outOfRange, field: "requestedAmount") { try request(kind, eur(0)) }
        #expect(try request(kind, eur(10_000)).kind == kind)
    }

    @Test func negativeAmountIsOutOfRange() throws {
        try expectModelError(.outOfRange, field: "requestedAmount") { try request(.newLimit, eur(-1)) }
        try expectModelError(.outOfRange, field: "requestedAmount") { try request(.cancellation, eur(-1)) }
    }

    @Test func paymentTerms() throws {
        try expectModelError(.outOfRange, field: "paymentTermsDays") { try request(.newLimit, eur(1_000), terms: -1) }
        #expect(try request(.newLimit, eur(1_000), terms: 0).paymentTermsDays == 0)
        #expect(try request(.newLimit, eur(1_000), terms: 60).paymentTermsDays == 60)
    }

    @Test func turnoverInAnotherCurrency() throws {
        try expectModelError(.currencyMismatch, field: "expectedAnnualTurnover") {
            try request(.newLimit, eur(1_000), turnover: Money(units: 120_000, .USD))
        }
        #expect(try request(.newLimit, eur(1_000), turnover: eur(120_000)).expectedAnnualTurnover == eur(120_000))
    }

    @Test func jsonRoundTrip() throws {
        let full = try request(.increase, eur(75_000), terms: 60, turnover: eur(900_000))
        #expect(try roundTrip(full) == full)
        let bare = try request(.cancellation, eur(0))
        #expect(try roundTrip(bare) == bare)
    }

    @Test(arguments: [
        (#"{"id":"R1","buyerID":"B1","kind":"cancellation","requestedAmount":{"amount":"5.00","currency":"EUR"},"requestDate":"2026-03-02"}"#,
         "requestedAmount"),
        (#"{"id":"R1","buyerID":"B1","kind":"newLimit","requestedAmount":{"amount":"0","currency":"EUR"},"requestDate":"2026-03-02"}"#,
         "requestedAmount"),
        (#"{"id":"R1","buyerID":"B1","kind":"newLimit","requestedAmount":{"amount":"5","currency":"EUR"},"requestDate":"2026-03-02","paymentTermsDays":-30}"#,
         "paymentTermsDays"),
        (#"{"id":"R1","buyerID":"B1","kind":"newLimit","requestedAmount":{"amount":"5","currency":"EUR"},"requestDate":"2026-03-02","expectedAnnualTurnover":{"amount":"5","currency":"USD"}}"#,
         "expectedAnnualTurnover"),
        (#"{"id":"R1","buyerID":"B1","kind":"renewal","requestedAmount":{"amount":"5","currency":"EUR"},"requestDate":"2026-03-02"}"#,
         "kind"),
    ])
    func decodingInvalidRequestFails(_ json: String, _ key: String) throws {
        try expectDecodingFailure(LimitRequest.self, json, key: key)
    }
}

/// A decision's JSON, decided on 2026-03-02, with `extra` members appended.
private func decisionJSON(kind: String, requested: String, granted: String, grantedCurrency: String = "EUR",
                          extra: String = "") -> String {
    #"{"id":"D1","buyerID":"B1","kind":"\#(kind)","requestedAmount":{"amount":"\#(requested)","currency":"EUR"},"#
        + #""grantedAmount":{"amount":"\#(granted)","currency":"\#(grantedCurrency)"},"decisionDate":"2026-03-02"\#(extra)}"#
}

@Suite("Limits: LimitDecision")
struct LimitsDecisionTests {
    private func decision(_ kind: LimitDecisionKind, requested: Money = Money(units: 50_000, .EUR), granted: Money,
                          decided: String = "2026-03-02", effective: String? = nil, expiry: String? = nil,
                          conditions: [String] = []) throws -> LimitDecision {
        try LimitDecision(id: "D1", requestID: "R1", buyerID: "B1", kind: kind, requestedAmount: requested,
                          grantedAmount: granted, decisionDate: date(decided), effectiveDate: effective.map(date),
                          expiryDate: expiry.map(date), conditions: conditions)
    }

    @Test func approvedGrantsTheRequest() throws {
        #expect(try decision(.approved, granted: eur(50_000)).grantedAmount == eur(50_000))
        #expect(try decision(.approved, granted: Money(parsing: "50000.000", currency: .EUR, strict: false)).kind
            == .approved)  // equal in value, whatever the scale
        for granted in [0, 49_999, 50_001] {
            try expectModelError(.inconsistent, field: "grantedAmount") { try decision(.approved, granted: eur(granted)) }
        }
    }

    @Test(arguments: [(1, true), (40_000, true), (49_999, true), (0, false), (50_000, false), (60_000, false)])
    func partlyApprovedIsStrictlyBetween(_ granted: Int, _ valid: Bool) throws {
        if valid {
            #expect(try decision(.partlyApproved, granted: eur(granted)).grantedAmount == eur(granted))
        } else {
            try expectModelError(.inconsistent, field: "grantedAmount") {
                try decision(.partlyApproved, granted: eur(granted))
            }
        }
    }

    @Test(arguments: [LimitDecisionKind.refused, .referred, .cancelled])
    func noCoverKindsGrantZero(_ kind: LimitDecisionKind) throws {
        #expect(try decision(kind, granted: eur(0)).grantsCover == false)
        try expectModelError(.inconsistent, field: "grantedAmount") { try decision(kind, granted: eur(1)) }
    }

    @Test func conditionalNeedsConditions() throws {
        try expectModelError(.missingValue, field: "conditions") { try decision(.conditional, granted: eur(50_000)) }
        let granted = try decision(.conditional, granted: eur(30_000), conditions: ["personal guarantee of the director"])
        #expect(granted.conditions == ["personal guarantee of the director"])
    }

    @Test func reducedAcceptsAnyAmount() throws {
        #expect(try decision(.reduced, granted: eur(20_000)).grantsCover)
        #expect(try decision(.reduced, granted: eur(0)).grantsCover)
    }

    @Test(arguments: LimitDecisionKind.allCases)
    func mismatchedCurrencies(_ kind: LimitDecisionKind) throws {
        try expectModelError(.currencyMismatch, field: "grantedAmount") {
            try decision(kind, granted: Money(units: 0, .USD), conditions: ["guarantee"])
        }
    }

    @Test(arguments: LimitDecisionKind.allCases)
    func negativeAmounts(_ kind: LimitDecisionKind) throws {
        try expectModelError(.outOfRange, field: "grantedAmount") {
            try decision(kind, granted: eur(-1), conditions: ["guarantee"])
        }
        try expectModelError(.outOfRange, field: "grantedAmount") {
            try decision(kind, requested: eur(-1), granted: eur(0), conditions: ["guarantee"])
        }
    }

    /// One valid granted amount per kind (50,000 requested).
    private static let validGrant: [LimitDecisionKind: Int] = [
        .approved: 50_000, .partlyApproved: 30_000, .conditional: 50_000, .refused: 0, .referred: 0, .cancelled: 0,
        .reduced: 20_000,
    ]

    @Test(arguments: LimitDecisionKind.allCases)
    func datesInOrder(_ kind: LimitDecisionKind) throws {
        let granted = eur(try #require(Self.validGrant[kind]))
        try expectModelError(.outOfRange, field: "effectiveDate") {
            try decision(kind, granted: granted, decided: "2026-03-02", effective: "2026-03-01", conditions: ["c"])
        }
        try expectModelError(.outOfRange, field: "expiryDate") {
            try decision(kind, granted: granted, effective: "2026-04-01", expiry: "2026-03-31", conditions: ["c"])
        }
        // Without an effective date the decision takes effect on its own date, and the expiry is checked against it.
        try expectModelError(.outOfRange, field: "expiryDate") {
            try decision(kind, granted: granted, decided: "2026-03-02", expiry: "2026-03-01", conditions: ["c"])
        }
        let valid = try decision(kind, granted: granted, decided: "2026-03-02", expiry: "2026-03-02", conditions: ["c"])
        #expect(valid.effectiveDate == (try date("2026-03-02")))
    }

    @Test(arguments: [
        (LimitDecisionKind.approved, true), (.partlyApproved, true), (.conditional, true), (.reduced, true),
        (.refused, false), (.referred, false), (.cancelled, false),
    ])
    func grantsCover(_ kind: LimitDecisionKind, _ expected: Bool) throws {
        let granted = eur(try #require(Self.validGrant[kind]))
        #expect(try decision(kind, granted: granted, conditions: ["c"]).grantsCover == expected)
    }

    @Test func creditLimitOfAnApproval() throws {
        let approved = try decision(.partlyApproved, granted: eur(30_000), decided: "2026-03-02",
                                    effective: "2026-03-05", expiry: "2027-03-04")
        let credit = try #require(approved.creditLimit())
        #expect(credit.id == "D1")
        #expect(credit.decisionID == "D1")
        #expect(credit.buyerID == "B1")
        #expect(credit.amount == eur(30_000))
        #expect(credit.kind == .insurer)
        #expect(credit.effectiveDate == (try date("2026-03-05")))
        #expect(credit.expiryDate == (try date("2027-03-04")))
        #expect(approved.creditLimit(includeWithdrawals: false) == credit)
    }

    @Test func referralSetsNoLimit() throws {
        #expect(try decision(.referred, granted: eur(0)).creditLimit() == nil)
        #expect(try decision(.referred, granted: eur(0)).creditLimit(includeWithdrawals: false) == nil)
    }

    /// Any insurer decision replaces a discretionary limit (DOMAIN.md §4): a refusal is a zero limit.
    @Test func refusalIsAZeroLimitThatReplacesADiscretionaryOne() throws {
        let refusal = try #require(try decision(.refused, granted: eur(0)).creditLimit())
        #expect(refusal.amount.isZero)
        #expect(refusal.kind == .insurer)
        #expect(try decision(.refused, granted: eur(0)).creditLimit(includeWithdrawals: false) == nil)
        let discretionary = try CreditLimit(id: "D1", buyerID: refusal.buyerID, amount: eur(10_000), kind: .discretionary,
                                            effectiveDate: try date("2026-01-01"))
        let later = try refusal.effectiveDate.adding(days: 1)
        #expect(CreditLimit.inForce(on: later, among: [discretionary, refusal])?.amount.isZero == true)
    }

    @Test func cancellationIsAZeroLimitFromItsEffectiveDate() throws {
        let cancelled = try decision(.cancelled, granted: eur(0), decided: "2026-03-02", effective: "2026-04-01")
        let credit = try #require(cancelled.creditLimit())
        #expect(credit.amount.isZero)
        #expect(credit.effectiveDate == (try date("2026-04-01")))
        #expect(cancelled.creditLimit(includeWithdrawals: false) == nil)
    }

    @Test func reductionToZeroIsAWithdrawal() throws {
        let withdrawn = try decision(.reduced, granted: eur(0), effective: "2026-04-01")
        #expect(try #require(withdrawn.creditLimit()).amount.isZero)
        #expect(withdrawn.creditLimit(includeWithdrawals: false) == nil)
        let reduced = try decision(.reduced, granted: eur(20_000), effective: "2026-04-01")
        #expect(reduced.creditLimit(includeWithdrawals: false)?.amount == eur(20_000))
    }

    @Test(arguments: LimitDecisionKind.allCases)
    func jsonRoundTrip(_ kind: LimitDecisionKind) throws {
        let granted = eur(try #require(Self.validGrant[kind]))
        let made = try LimitDecision(
            id: "D1", requestID: "R1", buyerID: "B1", kind: kind, requestedAmount: eur(50_000), grantedAmount: granted,
            decisionDate: date("2026-03-02"), effectiveDate: date("2026-03-05"), expiryDate: date("2027-03-04"),
            conditions: ["bank guarantee"], reasons: [ReasonCode("grade_cap", detail: "grade 6 caps at 30,000")])
        #expect(try roundTrip(made) == made)
    }

    @Test func decodingWithoutOptionalFields() throws {
        let decoded = try decode(LimitDecision.self, #"""
            {"id":"D1","buyerID":"B1","kind":"refused","requestedAmount":{"amount":"50000.00","currency":"EUR"},
             "grantedAmount":{"amount":"0.00","currency":"EUR"},"decisionDate":"2026-03-02"}
            """#)
        #expect(decoded.effectiveDate == (try date("2026-03-02")))
        #expect(decoded.conditions.isEmpty && decoded.reasons.isEmpty && decoded.requestID == nil)
    }

    @Test(arguments: [
        (decisionJSON(kind: "approved", requested: "50000.00", granted: "40000.00"), "grantedAmount"),
        (decisionJSON(kind: "partlyApproved", requested: "50000.00", granted: "50000.00"), "grantedAmount"),
        (decisionJSON(kind: "refused", requested: "50000.00", granted: "1.00"), "grantedAmount"),
        (decisionJSON(kind: "approved", requested: "50000.00", granted: "50000.00", grantedCurrency: "USD"), "grantedAmount"),
        (decisionJSON(kind: "conditional", requested: "50000.00", granted: "50000.00"), "conditions"),
        (decisionJSON(kind: "approved", requested: "50000.00", granted: "50000.00", extra: #","effectiveDate":"2026-03-01""#),
         "effectiveDate"),
        (decisionJSON(kind: "approved", requested: "50000.00", granted: "50000.00",
              extra: #","effectiveDate":"2026-03-05","expiryDate":"2026-03-04""#), "expiryDate"),
    ])
    func decodingInvalidDecisionFails(_ json: String, _ key: String) throws {
        try expectDecodingFailure(LimitDecision.self, json, key: key)
    }
}
