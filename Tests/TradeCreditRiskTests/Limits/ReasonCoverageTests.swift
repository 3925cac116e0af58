import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

/// Every stable code the engine declares is produced by at least one situation, and every situation's codes are
/// declared: the lists in the documentation cannot drift from the code.
@Suite("Reason codes: each one is produced")
struct ReasonCoverageTests {
    @Test func everyScoringCodeIsProduced() throws {
        let scorer = BuyerScorer()
        let inputs = [
            Fixture.input(ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 90)],
                          financials: Fixture.statements(),
                          factors: BuyerRiskFactors(countryRiskCategory: 3, daysBeyondTerms: 20, pastOverdues: 1, concentrationShare: 0.4)),
            Fixture.input(buyer: Fixture.buyer(sector: "O"), ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(90), daysOld: 0)]),
            Fixture.input(ratings: [Fixture.rating("dnb", Fixture.dnb, .inDefault, daysOld: 0)]),
        ]
        let produced = Set(try inputs.flatMap { try scorer.assess($0).reasons.map(\.code) })
        #expect(produced == Set(ScoreReason.Code.allCases))
        #expect(ScoreReason.Code.allCases.map(\.rawValue) == [
            "bureau_rating", "financial_statements", "country_risk", "sector_risk", "company_age", "days_beyond_terms",
            "past_overdues", "concentration", "pd_floor", "in_default",
        ])
        #expect(DroppedSource.Reason.allCases.map(\.rawValue) == [
            "rated_after_as_of", "superseded", "too_old", "unknown_scale", "not_rated", "off_scale", "zero_reliability",
        ])
    }

    @Test func everyLimitCodeIsProduced() throws {
        var produced: Set<LimitReason> = []
        func collect(_ reasons: [ReasonCode]) { produced.formUnion(reasons.map { LimitReason(rawValue: $0.code)! }) }
        func decide(_ request: LimitRequest, buyer: Buyer = Fixture.buyer(), assessment: BuyerAssessment? = nil,
                    policy: PolicyTerms = LimitFixture.policy) throws {
            collect(try LimitFixture.decide(request, buyer: buyer, assessment: assessment, policy: policy).reasons)
        }
        let consumer = Fixture.buyer(country: .DE, category: .individual, relatedParty: true)
        let publicBody = Fixture.buyer(category: .publicBody)
        try decide(LimitFixture.request(10_000), buyer: consumer, assessment: LimitFixture.assessment(buyer: consumer),
                   policy: LimitFixture.policy { $0.territory = Territory(excludedCountries: [.DE]) })
        try decide(LimitFixture.request(10_000), buyer: publicBody, assessment: LimitFixture.assessment(buyer: publicBody))
        try decide(LimitFixture.request(10_000), assessment: LimitFixture.assessment(score: .inDefault))
        try decide(LimitFixture.request(10_000), assessment: LimitFixture.assessment(score: .score(10)))
        try decide(LimitFixture.request(300_000, terms: 150), assessment: LimitFixture.assessment(score: .notRated))
        try decide(LimitFixture.request(10_000), assessment: LimitFixture.assessment(score: .score(10)),
                   policy: LimitFixture.policy { $0.underwriting.refusalGrade = 10 })
        try decide(LimitFixture.request(10_000), assessment: LimitFixture.assessment(suggested: Money(units: 1, .USD)))
        try decide(LimitFixture.request(300_000), policy: LimitFixture.policy {
            $0.underwriting.automaticAuthority = Fixture.eur(1_000_000)
            $0.underwriting.perBuyerMaximum = Fixture.eur(260_000)
        })
        try decide(LimitFixture.request(10_000, kind: .preliminaryAssessment))
        try decide(LimitFixture.request(100_000), assessment: LimitFixture.assessment(suggested: Fixture.eur(60_500)))
        try decide(LimitFixture.request(200_000), policy: LimitFixture.policy { $0.underwriting.perBuyerMaximum = Fixture.eur(80_000) })
        try decide(LimitFixture.request(100_000), assessment: LimitFixture.assessment(financials: Fixture.statements(equity: 5_000)))
        try decide(LimitFixture.request(10_000, kind: .reduction))
        try decide(try LimitRequest(id: "R", buyerID: "B001", kind: .cancellation, requestedAmount: Fixture.eur(0),
                                    requestDate: Fixture.asOf))

        let underwriter = LimitUnderwriter(policy: LimitFixture.policy)
        let current = try CreditLimit(id: "L0", buyerID: "B001", amount: Fixture.eur(200_000), effectiveDate: Fixture.date("2026-03-01"))
        collect(try underwriter.reduce(current, to: Fixture.eur(10_000), decisionID: "D", noticeDate: Fixture.asOf, because: []).reasons)
        collect(try underwriter.reduce(current, to: Fixture.eur(0), decisionID: "D", noticeDate: Fixture.asOf, because: []).reasons)
        if case .unchanged(let reasons) = try underwriter.review(current, buyer: Fixture.buyer(), assessment: LimitFixture.assessment(),
                                                                 decisionID: "D", noticeDate: Fixture.asOf) {
            collect(reasons)
        }

        let clean = Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 100)
        let adverse = Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 10, adverse: ["protest"])
        let experience = try PaymentExperience(from: Fixture.daysBefore(200), through: Fixture.daysBefore(2),
                                               highestAmountPaidOnTime: Fixture.eur(3_000), maximumDaysBeyondTerms: 0)
        let insurer = try CreditLimit(id: "L1", buyerID: "B001", amount: Fixture.eur(5_000), effectiveDate: Fixture.date("2026-01-10"))
        for (ratings, experience, existing, policy) in [
            ([clean], nil, [], LimitFixture.policy), ([], experience, [], LimitFixture.policy), ([adverse], nil, [], LimitFixture.policy),
            ([], nil, [], LimitFixture.policy), ([clean], nil, [insurer], LimitFixture.policy),
            ([clean], nil, [], LimitFixture.policy { $0.discretionaryLimitCeiling = nil }),
        ] as [([BureauRating], PaymentExperience?, [CreditLimit], PolicyTerms)] {
            collect(try DiscretionaryLimits(policy: policy).evaluate(
                buyer: Fixture.buyer(), amount: Fixture.eur(25_000), on: Fixture.asOf, limitID: "DL", ratings: ratings,
                scales: Fixture.scales, experience: experience, existingLimits: existing).reasons)
        }

        #expect(Set(LimitReason.allCases).subtracting(produced) == [])
    }
}
