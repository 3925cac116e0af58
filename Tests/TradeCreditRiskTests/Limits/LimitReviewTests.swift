import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

// Reductions and withdrawals with notice (DOMAIN.md §4): they apply to deliveries made after the notice period
// (30 days in the typical policy); deliveries before stay covered at the old limit.

@Suite("Limits: reductions and withdrawals with notice")
struct LimitReviewTests {
    let underwriter = LimitUnderwriter(policy: LimitFixture.policy)
    let current = try! CreditLimit(id: "L0", buyerID: "B001", amount: Fixture.eur(200_000), effectiveDate: Fixture.date("2026-03-01"))

    /// Notice on 2026-11-27: the reduction takes effect on 2026-12-27.
    @Test func reductionTakesEffectAfterTheNotice() throws {
        let decision = try underwriter.reduce(current, to: Fixture.eur(50_000), decisionID: "D2", noticeDate: Fixture.asOf,
                                              because: [ReasonCode(.limitedByGradeCap, detail: "manual review")])
        #expect(decision.kind == .reduced)
        #expect(decision.requestedAmount == Fixture.eur(200_000))
        #expect(decision.grantedAmount == Fixture.eur(50_000))
        #expect(decision.decisionDate == Fixture.asOf)
        #expect(decision.effectiveDate == Fixture.date("2026-12-27"))
        #expect(decision.limitReasons == [.reducedWithNotice, .limitedByGradeCap])

        // Deliveries before the effective date stay covered at the old limit.
        let limits = [current, try #require(decision.creditLimit())]
        #expect(CreditLimit.inForce(on: Fixture.date("2026-12-26"), among: limits)?.amount == Fixture.eur(200_000))
        #expect(CreditLimit.inForce(on: Fixture.date("2026-12-27"), among: limits)?.amount == Fixture.eur(50_000))
    }

    /// A reduction to zero is a withdrawal: a cancellation with notice, a zero limit from its effective date.
    @Test func withdrawalIsACancellationWithNotice() throws {
        let decision = try underwriter.reduce(current, to: Fixture.eur(0), decisionID: "D2", noticeDate: Fixture.asOf, because: [])
        #expect(decision.kind == .cancelled)
        #expect(decision.effectiveDate == Fixture.date("2026-12-27"))
        #expect(decision.limitReasons == [.withdrawnWithNotice])
        let limits = [current, try #require(decision.creditLimit())]
        #expect(CreditLimit.inForce(on: Fixture.date("2026-12-20"), among: limits)?.amount == Fixture.eur(200_000))
        #expect(CreditLimit.inForce(on: Fixture.date("2027-01-05"), among: limits)?.amount.isZero == true)
    }

    @Test func aReductionMustReduce() {
        #expect { try underwriter.reduce(current, to: Fixture.eur(200_000), decisionID: "D2", noticeDate: Fixture.asOf, because: []) }
            throws: { ($0 as? UnderwritingError)?.field == "amount" && ($0 as? UnderwritingError)?.code == .inconsistent }
        #expect { try underwriter.reduce(current, to: Money(units: 10, .USD), decisionID: "D2", noticeDate: Fixture.asOf, because: []) }
            throws: { ($0 as? UnderwritingError)?.code == .currencyMismatch }
    }

    /// A new assessment whose capacity (the bureau now suggests 120,500) is below the limit reduces it to 120,000.
    @Test func reviewReducesToTheNewCapacity() throws {
        let review = try underwriter.review(current, buyer: Fixture.buyer(),
                                            assessment: LimitFixture.assessment(suggested: Fixture.eur(120_500)),
                                            decisionID: "D3", noticeDate: Fixture.asOf)
        guard case .changed(let decision) = review else { Issue.record("expected a change, got \(review)"); return }
        #expect(decision.kind == .reduced)
        #expect(decision.grantedAmount == Fixture.eur(120_000))
        #expect(decision.effectiveDate == Fixture.date("2026-12-27"))
        #expect(decision.limitReasons == [.reducedWithNotice, .limitedByBureauSuggestion, .roundedDownToLimitStep, .assessedGrade])
    }

    /// In default (or at the refusal grade, or no longer insurable): the limit is withdrawn with notice.
    @Test func reviewWithdrawsForADefault() throws {
        let review = try underwriter.review(current, buyer: Fixture.buyer(), assessment: LimitFixture.assessment(score: .inDefault),
                                            decisionID: "D3", noticeDate: Fixture.asOf)
        guard case .changed(let decision) = review else { Issue.record("expected a withdrawal, got \(review)"); return }
        #expect(decision.kind == .cancelled)
        #expect(decision.limitReasons == [.withdrawnWithNotice, .buyerInDefault, .assessedGrade])
    }

    @Test func reviewKeepsALimitWithinCapacity() throws {
        let review = try underwriter.review(current, buyer: Fixture.buyer(), assessment: LimitFixture.assessment(),
                                            decisionID: "D3", noticeDate: Fixture.asOf)
        guard case .unchanged(let reasons) = review else { Issue.record("expected no change, got \(review)"); return }
        #expect(reasons.map(\.code) == [LimitReason.withinCapacity.rawValue, LimitReason.assessedGrade.rawValue])
    }

    /// Without a usable rating the engine does not cut a limit on its own: a person decides.
    @Test func reviewRefersWithoutAUsableRating() throws {
        let review = try underwriter.review(current, buyer: Fixture.buyer(), assessment: LimitFixture.assessment(score: .notRated),
                                            decisionID: "D3", noticeDate: Fixture.asOf)
        guard case .referred(let reasons) = review else { Issue.record("expected a referral, got \(review)"); return }
        #expect(reasons.map(\.code) == [LimitReason.noUsableRating.rawValue])
    }
}

// Discretionary limits (DOMAIN.md §4): the seller self-approves up to the policy ceiling (20,000) on a clean bureau
// report under 12 months old or on its own payment experience; any insurer decision replaces it.

@Suite("Limits: discretionary limits")
struct DiscretionaryLimitTests {
    let clean = Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 100)

    private func evaluate(_ amount: Int, buyer: Buyer = Fixture.buyer(), ratings: [BureauRating] = [],
                          experience: PaymentExperience? = nil, existing: [CreditLimit] = [],
                          policy: PolicyTerms = LimitFixture.policy) throws -> DiscretionaryLimitOutcome {
        try DiscretionaryLimits(policy: policy).evaluate(
            buyer: buyer, amount: Fixture.eur(amount), on: Fixture.asOf, limitID: "DL1", ratings: ratings,
            scales: Fixture.scales, experience: experience, existingLimits: existing)
    }

    private func codes(_ outcome: DiscretionaryLimitOutcome) -> [LimitReason] {
        outcome.reasons.map { LimitReason(rawValue: $0.code)! }
    }

    @Test func cleanReportAllowsUpToTheRequest() throws {
        let outcome = try evaluate(15_000, ratings: [clean])
        let limit = try #require(outcome.limit)
        #expect(limit.kind == .discretionary)
        #expect(limit.amount == Fixture.eur(15_000))
        #expect(limit.effectiveDate == Fixture.asOf)
        #expect(limit.buyerID == "B001")
        #expect(outcome.bases == [.bureauReport])
        #expect(codes(outcome) == [.cleanBureauReport])
    }

    @Test func cappedAtTheCeiling() throws {
        let outcome = try evaluate(30_000, ratings: [clean])
        #expect(outcome.limit?.amount == Fixture.eur(20_000))
        #expect(codes(outcome) == [.cleanBureauReport, .cappedAtDiscretionaryCeiling])
    }

    /// Own experience: paid on time up to 8,000 in the last 12 months, never more than 10 days late → 8,000.
    @Test func ownPaymentExperience() throws {
        let experience = try PaymentExperience(from: Fixture.daysBefore(400), through: Fixture.daysBefore(30),
                                               highestAmountPaidOnTime: Fixture.eur(8_000), maximumDaysBeyondTerms: 10)
        let outcome = try evaluate(15_000, experience: experience)
        #expect(outcome.limit?.amount == Fixture.eur(8_000))
        #expect(outcome.bases == [.paymentExperience])
        #expect(codes(outcome) == [.paymentExperience, .cappedAtPaymentExperience])
        // A clean report on top lifts the experience cap: the report allows up to the ceiling.
        let both = try evaluate(15_000, ratings: [clean], experience: experience)
        #expect(both.limit?.amount == Fixture.eur(15_000))
        #expect(both.bases == [.bureauReport, .paymentExperience])
    }

    @Test func experienceTooLateOrTooOldIsNoBasis() throws {
        let late = try PaymentExperience(from: Fixture.daysBefore(400), through: Fixture.daysBefore(30),
                                         highestAmountPaidOnTime: Fixture.eur(8_000), maximumDaysBeyondTerms: 45)
        #expect(codes(try evaluate(5_000, experience: late)) == [.noQualifyingBasis])
        let old = try PaymentExperience(from: Fixture.daysBefore(900), through: Fixture.daysBefore(400),
                                        highestAmountPaidOnTime: Fixture.eur(8_000), maximumDaysBeyondTerms: 0)
        #expect(try evaluate(5_000, experience: old).limit == nil)
    }

    /// Adverse information in a fresh report blocks both bases.
    @Test(arguments: [
        Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 20, adverse: ["court judgment 2026-09-01"]),
        Fixture.rating("file", Fixture.banqueDeFrance, .grade("P"), daysOld: 20),
    ])
    func adverseInformationBlocks(report: BureauRating) throws {
        let experience = try PaymentExperience(from: Fixture.daysBefore(300), through: Fixture.daysBefore(5),
                                               highestAmountPaidOnTime: Fixture.eur(50_000), maximumDaysBeyondTerms: 0)
        let outcome = try evaluate(5_000, ratings: [clean, report], experience: experience)
        #expect(outcome.limit == nil)
        #expect(codes(outcome) == [.adverseBureauInformation])
    }

    /// A stale report, or a fresh one that does not rate the buyer, is no basis.
    @Test func staleOrNotRatedReportIsNoBasis() throws {
        let stale = Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 366)
        let notRated = Fixture.rating("creditsafe", Fixture.creditsafe, .grade("E"), daysOld: 10)
        let outcome = try evaluate(5_000, ratings: [stale, notRated])
        #expect(outcome.limit == nil)
        #expect(codes(outcome) == [.noQualifyingBasis])
    }

    @Test func insurerDecisionExists() throws {
        let insurer = try CreditLimit(id: "L0", buyerID: "B001", amount: Fixture.eur(0), effectiveDate: Fixture.date("2026-05-01"))
        let outcome = try evaluate(5_000, ratings: [clean], existing: [insurer])
        #expect(outcome.limit == nil)
        #expect(codes(outcome) == [.insurerDecisionExists])
    }

    @Test func noCeilingNoDiscretion() throws {
        let policy = LimitFixture.policy { $0.discretionaryLimitCeiling = nil }
        #expect(codes(try evaluate(5_000, ratings: [clean], policy: policy)) == [.noDiscretionaryCeiling])
    }

    @Test func uninsurableBuyer() throws {
        #expect(codes(try evaluate(5_000, buyer: Fixture.buyer(category: .individual), ratings: [clean])) == [.buyerIndividual])
    }

    /// Any insurer decision on the buyer replaces the discretionary limit (the model's `CreditLimit.inForce`).
    @Test func insurerDecisionReplacesIt() throws {
        let discretionary = try #require(try evaluate(15_000, ratings: [clean]).limit)
        let decision = try LimitUnderwriter(policy: LimitFixture.policy).decide(
            LimitFixture.request(10_000), for: Fixture.buyer(), assessment: LimitFixture.assessment(), decisionID: "D9",
            on: Fixture.date("2026-12-01"))
        let limits = [discretionary, try #require(decision.creditLimit())]
        #expect(CreditLimit.inForce(on: Fixture.date("2026-11-30"), among: limits)?.kind == .discretionary)
        #expect(CreditLimit.inForce(on: Fixture.date("2026-12-01"), among: limits)?.amount == Fixture.eur(10_000))
    }

    @Test func experienceIsValidated() {
        #expect { try PaymentExperience(from: Fixture.asOf, through: Fixture.daysBefore(1), highestAmountPaidOnTime: Fixture.eur(1),
                                        maximumDaysBeyondTerms: 0) }
            throws: { ($0 as? UnderwritingError)?.field == "through" }
        #expect { try PaymentExperience(from: Fixture.daysBefore(9), through: Fixture.daysBefore(1), highestAmountPaidOnTime: Fixture.eur(-1),
                                        maximumDaysBeyondTerms: 0) }
            throws: { ($0 as? UnderwritingError)?.field == "highestAmountPaidOnTime" }
        #expect { try PaymentExperience(from: Fixture.daysBefore(9), through: Fixture.daysBefore(1), highestAmountPaidOnTime: Fixture.eur(1),
                                        maximumDaysBeyondTerms: -3) }
            throws: { ($0 as? UnderwritingError)?.field == "maximumDaysBeyondTerms" }
    }
}
