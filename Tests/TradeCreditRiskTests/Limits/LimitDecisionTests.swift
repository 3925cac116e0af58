import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

// Limit decisions of DOMAIN.md §4 with the typical EUR policy (see LimitFixture.policy). The amounts are hand
// computed: granted = min(requested, capacity) rounded down to 1,000, capacity = min(per-buyer maximum, grade cap,
// bureau suggestion, 10 % of book equity).

@Suite("Limits: granted decisions")
struct LimitGrantTests {
    @Test func approvedWithinCapacity() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(100_000))
        #expect(decision.kind == .approved)
        #expect(decision.grantedAmount == Fixture.eur(100_000))
        #expect(decision.requestedAmount == Fixture.eur(100_000))
        #expect(decision.effectiveDate == Fixture.asOf)
        #expect(decision.requestID == "R1")
        #expect(decision.id == "D1")
        #expect(decision.limitReasons == [.approvedWithinCapacity, .assessedGrade])
        #expect(decision.reasons[1].detail.contains("grade 6"))
    }

    /// Grade 6 caps at 250,000: 300,000 asked (authority raised to 1,000,000) gives 250,000.
    @Test func partlyApprovedByTheGradeCap() throws {
        let policy = LimitFixture.policy { $0.underwriting.automaticAuthority = Fixture.eur(1_000_000) }
        let decision = try LimitFixture.decide(LimitFixture.request(300_000), policy: policy)
        #expect(decision.kind == .partlyApproved)
        #expect(decision.grantedAmount == Fixture.eur(250_000))
        #expect(decision.limitReasons == [.limitedByGradeCap, .assessedGrade])
    }

    /// The bureau suggests 120,500: 200,000 asked gives 120,000 (rounded down to the step).
    @Test func partlyApprovedByTheBureauSuggestion() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(200_000),
                                               assessment: LimitFixture.assessment(suggested: Fixture.eur(120_500)))
        #expect(decision.kind == .partlyApproved)
        #expect(decision.grantedAmount == Fixture.eur(120_000))
        #expect(decision.limitReasons == [.limitedByBureauSuggestion, .roundedDownToLimitStep, .assessedGrade])
    }

    /// Book equity 400,000 × 10 % = 40,000.
    @Test func partlyApprovedByTheEquityShare() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(100_000),
                                               assessment: LimitFixture.assessment(financials: Fixture.statements()))
        #expect(decision.kind == .partlyApproved)
        #expect(decision.grantedAmount == Fixture.eur(40_000))
        #expect(decision.limitReasons == [.limitedByEquityShare, .assessedGrade])
    }

    @Test func partlyApprovedByThePerBuyerMaximum() throws {
        let policy = LimitFixture.policy { $0.underwriting.perBuyerMaximum = Fixture.eur(80_000) }
        let decision = try LimitFixture.decide(LimitFixture.request(100_000), policy: policy)
        #expect(decision.grantedAmount == Fixture.eur(80_000))
        #expect(decision.limitReasons == [.limitedByPerBuyerMaximum, .assessedGrade])
    }

    /// 12,500 asked, well within capacity: 12,000 granted, the step is the only reason.
    @Test func roundedDownToTheStep() throws {
        let decision = try LimitFixture.decide(try LimitRequest(id: "R1", buyerID: "B001", kind: .newLimit,
                                                                requestedAmount: Money(parsing: "12500.00", currency: .EUR),
                                                                requestDate: Fixture.asOf))
        #expect(decision.kind == .partlyApproved)
        #expect(decision.grantedAmount == Fixture.eur(12_000))
        #expect(decision.limitReasons == [.roundedDownToLimitStep, .assessedGrade])
    }

    /// Equity 5,000 × 10 % = 500: below one step, nothing can be granted.
    @Test func belowOneStepIsRefused() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(10_000),
                                               assessment: LimitFixture.assessment(financials: Fixture.statements(equity: 5_000)))
        #expect(decision.kind == .refused)
        #expect(decision.grantedAmount == Fixture.eur(0))
        #expect(decision.limitReasons == [.belowLimitStep, .limitedByEquityShare, .assessedGrade])
    }

    /// A preliminary assessment is decided by the same rules and says it binds nobody.
    @Test func preliminaryAssessment() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(50_000, kind: .preliminaryAssessment))
        #expect(decision.kind == .approved)
        #expect(decision.limitReasons == [.approvedWithinCapacity, .preliminaryAssessment, .assessedGrade])
    }

    /// Increases and prolongations are decided on the new total amount like a new limit.
    @Test(arguments: [LimitRequestKind.increase, .prolongation])
    func increaseAndProlongation(kind: LimitRequestKind) throws {
        let decision = try LimitFixture.decide(LimitFixture.request(60_000, kind: kind))
        #expect(decision.kind == .approved)
        #expect(decision.grantedAmount == Fixture.eur(60_000))
    }
}

@Suite("Limits: refusals and referrals")
struct LimitRefusalTests {
    @Test func individualIsRefused() throws {
        let buyer = Fixture.buyer(category: .individual)
        let decision = try LimitFixture.decide(LimitFixture.request(10_000), buyer: buyer,
                                               assessment: LimitFixture.assessment(buyer: buyer))
        #expect(decision.kind == .refused)
        #expect(decision.grantedAmount.isZero)
        #expect(decision.limitReasons.first == .buyerIndividual)
    }

    @Test func relatedPartyIsRefused() throws {
        let buyer = Fixture.buyer(relatedParty: true)
        let decision = try LimitFixture.decide(LimitFixture.request(10_000), buyer: buyer,
                                               assessment: LimitFixture.assessment(buyer: buyer))
        #expect(decision.kind == .refused)
        #expect(decision.limitReasons.first == .buyerRelatedParty)
    }

    /// Every refusal reason that applies is listed: a related party that is also a consumer abroad.
    @Test func allRefusalReasonsAreListed() throws {
        let buyer = Fixture.buyer(country: .DE, category: .individual, relatedParty: true)
        let policy = LimitFixture.policy { $0.territory = Territory(excludedCountries: [.DE]) }
        let decision = try LimitFixture.decide(LimitFixture.request(10_000), buyer: buyer,
                                               assessment: LimitFixture.assessment(buyer: buyer), policy: policy)
        #expect(decision.limitReasons == [.buyerIndividual, .buyerRelatedParty, .buyerCountryNotCovered, .assessedGrade])
    }

    @Test func categoryNotCoveredIsRefused() throws {
        let buyer = Fixture.buyer(category: .publicBody)
        let decision = try LimitFixture.decide(LimitFixture.request(10_000), buyer: buyer,
                                               assessment: LimitFixture.assessment(buyer: buyer))
        #expect(decision.kind == .refused)
        #expect(decision.limitReasons.first == .buyerCategoryNotCovered)
        // Covered where the policy says so.
        let policy = LimitFixture.policy { $0.coveredBuyerCategories = [.business, .publicBody] }
        let covered = try LimitFixture.decide(LimitFixture.request(10_000), buyer: buyer,
                                              assessment: LimitFixture.assessment(buyer: buyer), policy: policy)
        #expect(covered.kind == .approved)
    }

    @Test func excludedCountryIsRefused() throws {
        let policy = LimitFixture.policy { $0.territory = Territory(excludedCountries: [.FR]) }
        let decision = try LimitFixture.decide(LimitFixture.request(10_000), policy: policy)
        #expect(decision.kind == .refused)
        #expect(decision.limitReasons.first == .buyerCountryNotCovered)
    }

    @Test func inDefaultIsRefused() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(10_000),
                                               assessment: LimitFixture.assessment(score: .inDefault))
        #expect(decision.kind == .refused)
        #expect(decision.limitReasons == [.buyerInDefault, .assessedGrade])
    }

    /// Creditsafe 10 (PD 30 %) in construction is grade 9, at or above the refusal grade 8. A refusal beats a
    /// referral (the terms are too long as well).
    @Test func gradeAtOrAboveRefusalIsRefused() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(10_000, terms: 150),
                                               assessment: LimitFixture.assessment(score: .score(10)))
        #expect(decision.kind == .refused)
        #expect(decision.limitReasons == [.gradeAtOrAboveRefusal, .assessedGrade])
        // With refusal grade 10, the same buyer is decided on capacity (no cap for grade 9: referred).
        let lenient = LimitFixture.policy { $0.underwriting.refusalGrade = 10 }
        let referred = try LimitFixture.decide(LimitFixture.request(10_000), assessment: LimitFixture.assessment(score: .score(10)),
                                               policy: lenient)
        #expect(referred.kind == .referred)
        #expect(referred.limitReasons == [.noGradeCap, .assessedGrade])
    }

    /// No usable rating: referred, never guessed; other referral reasons are listed too.
    @Test func noUsableRatingIsReferred() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(10_000, terms: 150),
                                               assessment: LimitFixture.assessment(score: .notRated))
        #expect(decision.kind == .referred)
        #expect(decision.grantedAmount.isZero)
        #expect(decision.limitReasons == [.noUsableRating, .paymentTermsExceedMaximum])
    }

    @Test func paymentTermsLongerThanTheMaximumAreReferred() throws {
        #expect(try LimitFixture.decide(LimitFixture.request(10_000, terms: 120)).kind == .approved)
        let decision = try LimitFixture.decide(LimitFixture.request(10_000, terms: 121))
        #expect(decision.kind == .referred)
        #expect(decision.limitReasons == [.paymentTermsExceedMaximum, .assessedGrade])
    }

    /// 250,000 is within the automatic authority; 251,000 is referred even though capacity would cut it.
    @Test func aboveTheAutomaticAuthorityIsReferred() throws {
        #expect(try LimitFixture.decide(LimitFixture.request(250_000)).kind == .approved)
        let decision = try LimitFixture.decide(LimitFixture.request(251_000))
        #expect(decision.kind == .referred)
        #expect(decision.limitReasons == [.aboveAutomaticAuthority, .assessedGrade])
    }

    /// A bureau suggestion in another currency cannot be compared: the composition layer converts first.
    @Test func capacityInAnotherCurrencyIsReferred() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(10_000),
                                               assessment: LimitFixture.assessment(suggested: Money(units: 50_000, .USD)))
        #expect(decision.kind == .referred)
        #expect(decision.limitReasons == [.capacityNeedsConversion, .assessedGrade])
    }
}

@Suite("Limits: seller requests and input errors")
struct LimitRequestKindTests {
    @Test func cancellationAtTheSellersRequest() throws {
        let request = try LimitRequest(id: "R1", buyerID: "B001", kind: .cancellation, requestedAmount: Fixture.eur(0),
                                       requestDate: Fixture.asOf)
        let decision = try LimitFixture.decide(request)
        #expect(decision.kind == .cancelled)
        #expect(decision.effectiveDate == Fixture.asOf)
        #expect(decision.limitReasons == [.cancelledAtSellerRequest])
    }

    @Test func reductionAtTheSellersRequest() throws {
        let decision = try LimitFixture.decide(LimitFixture.request(30_000, kind: .reduction))
        #expect(decision.kind == .reduced)
        #expect(decision.grantedAmount == Fixture.eur(30_000))
        #expect(decision.effectiveDate == Fixture.asOf)
        #expect(decision.limitReasons == [.reducedAtSellerRequest])
    }

    @Test func inputsThatDisagreeAreErrors() throws {
        func field(_ body: () throws -> LimitDecision) -> String? {
            do { _ = try body(); return nil } catch { return (error as? UnderwritingError)?.field }
        }
        #expect(field { try LimitFixture.decide(LimitFixture.request(10_000, currency: .USD)) } == "requestedAmount")
        #expect(field { try LimitFixture.decide(LimitFixture.request(10_000, buyerID: "B002")) } == "request.buyerID")
        #expect(field { try LimitFixture.decide(LimitFixture.request(10_000),
                                                assessment: LimitFixture.assessment(buyer: Fixture.buyer(id: "B009"))) }
                == "assessment.buyerID")
        #expect(field {
            try LimitUnderwriter(policy: LimitFixture.policy).decide(LimitFixture.request(10_000), for: Fixture.buyer(),
                                                                     assessment: LimitFixture.assessment(), decisionID: "D1",
                                                                     on: Fixture.daysBefore(1))
        } == "decisionDate")
    }
}
