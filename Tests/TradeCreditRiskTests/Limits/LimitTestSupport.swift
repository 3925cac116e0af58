import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

/// Builders for the limit-decision tests.
enum LimitFixture {
    /// The typical EUR policy of 2026: refusal grade 8, step 1,000, per-buyer maximum 5,000,000, automatic authority
    /// 250,000, grade caps 1–2 5,000,000 · 3 2,500,000 · 4 1,000,000 · 5 500,000 · 6 250,000 · 7 100,000, equity share
    /// 10 %, maximum credit period 120 days, reduction notice 30 days, discretionary ceiling 20,000.
    static let policy = PolicyTerms.typical(
        currency: .EUR, period: try! DatePeriod(start: Fixture.date("2026-01-01"), end: Fixture.date("2026-12-31")))

    static func policy(_ change: (inout PolicyTerms) -> Void) -> PolicyTerms {
        var terms = policy
        change(&terms)
        return terms
    }

    /// Case A of the scoring tests (grade 6, PD 1.13 %): Creditsafe 60 rated 90 days before, construction, ten years
    /// old, 20 days beyond terms, 25 % concentration.
    static let caseAFactors = BuyerRiskFactors(countryRiskCategory: 0, daysBeyondTerms: 20, pastOverdues: 0, concentrationShare: 0.25)

    static func assessment(buyer: Buyer = Fixture.buyer(), score: RatingValue = .score(60), suggested: Money? = nil,
                           financials: FinancialStatements? = nil, ratings: [BureauRating]? = nil) -> BuyerAssessment {
        let ratings = ratings ?? [Fixture.rating("creditsafe", Fixture.creditsafe, score, daysOld: 90, suggestedLimit: suggested)]
        return try! BuyerScorer().assess(Fixture.input(buyer: buyer, ratings: ratings, financials: financials, factors: caseAFactors))
    }

    static func request(_ amount: Int, kind: LimitRequestKind = .newLimit, terms: Int? = nil, buyerID: BuyerID = "B001",
                        currency: CurrencyCode = .EUR) -> LimitRequest {
        try! LimitRequest(id: "R1", buyerID: buyerID, kind: kind, requestedAmount: Money(units: amount, currency),
                          requestDate: Fixture.asOf, paymentTermsDays: terms)
    }

    static func decide(_ request: LimitRequest, buyer: Buyer = Fixture.buyer(), assessment: BuyerAssessment? = nil,
                       policy: PolicyTerms = LimitFixture.policy) throws -> LimitDecision {
        try LimitUnderwriter(policy: policy).decide(request, for: buyer, assessment: assessment ?? LimitFixture.assessment(),
                                                    decisionID: "D1", on: Fixture.asOf)
    }
}

extension LimitDecision {
    /// The reason codes, as the engine's stable codes (a code of another engine would fail the test).
    var limitReasons: [LimitReason] { reasons.map { LimitReason(rawValue: $0.code)! } }
}
