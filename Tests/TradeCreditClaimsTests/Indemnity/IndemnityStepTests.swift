import Foundation
import Testing
import TradeCreditClaims
import TradeCreditModel

private typealias F = IndemnityFixtures

/// Hand-computed cases, one or two per step; expected values were worked out before the code.
@Suite("Indemnity steps")
struct IndemnityStepTests {
    @Test func lossLeavesOutIneligibleInvoicesAndVAT() throws {
        let claim = F.claim([
            F.invoice("A", net: "10000", vat: "2000"),
            F.invoice("B", net: "5000", vat: "1000", excluded: [ReasonCode("payment_term_too_long", detail: "150 > 120")]),
        ])
        let result = try F.indemnity(claim, F.terms())
        let loss = result.steps[0]
        #expect(loss.stage == .loss)
        #expect(loss.input == F.eur("18000"))
        #expect(loss.output == F.eur("10000"))
        #expect(loss.exclusions == [
            IndemnityExclusion(invoiceNumber: "A", amount: F.eur("2000"),
                               reasons: [ReasonCode("vat_not_covered", detail: "the policy does not insure VAT")]),
            IndemnityExclusion(invoiceNumber: "B", amount: F.eur("6000"),
                               reasons: [ReasonCode("payment_term_too_long", detail: "150 > 120")]),
        ].sorted { $0.invoiceNumber! < $1.invoiceNumber! })
        #expect(result.indemnity == F.eur("9000"))
    }

    @Test func vatCoveredIsInTheLoss() throws {
        let claim = F.claim([F.invoice("A", net: "10000", vat: "2000")])
        let result = try F.indemnity(claim, F.terms { $0.vatCovered = true })
        #expect(result.loss == F.eur("12000"))
        #expect(result.steps[0].exclusions.isEmpty)
        #expect(result.indemnity == F.eur("10800"))
    }

    @Test func aLimitReductionProtectsEarlierDeliveries() throws {
        // Limit 20,000 for the first two deliveries, 5,000 for the third.
        // covered: 15,000; max(15,000, min(25,000, 20,000)) = 20,000; max(20,000, min(28,000, 5,000)) = 20,000.
        let claim = F.claim([
            F.invoice("3", delivered: "2022-03-10", net: "8000", limit: "5000"),
            F.invoice("1", delivered: "2022-01-10", net: "15000", limit: "20000"),
            F.invoice("2", delivered: "2022-02-10", net: "10000", limit: "20000"),
        ])
        let result = try F.indemnity(claim, F.terms())
        let cap = try #require(result.steps.first { $0.stage == .step(.limitCap) })
        #expect(cap.input == F.eur("33000"))
        #expect(cap.output == F.eur("20000"))
        #expect(cap.exclusions.map(\.invoiceNumber) == ["2", "3"])
        #expect(cap.exclusions.map(\.amount) == [F.eur("5000"), F.eur("8000")])
        #expect(cap.exclusions.allSatisfy { $0.reasons.map(\.code) == ["above_limit"] })
        #expect(result.indemnity == F.eur("18000"))
    }

    @Test func aLimitIncreaseCoversLaterDeliveriesOnly() throws {
        // 5,000 of the first (limit 5,000); max(5,000, min(15,000, 30,000)) = 15,000.
        let claim = F.claim([
            F.invoice("1", delivered: "2022-01-10", net: "10000", limit: "5000"),
            F.invoice("2", delivered: "2022-02-10", net: "10000", limit: "30000"),
        ])
        #expect(try F.indemnity(claim, F.terms()).output(of: .step(.limitCap)) == F.eur("15000"))
    }

    @Test(arguments: [("1000", "0"), ("1000.01", "900.01"), ("999.99", "0")])
    func claimsThreshold(loss: String, expected: String) throws {
        // 1,000.01 × 0.9 = 900.009 → 900.01 (half up).
        let result = try F.indemnity(F.claim([F.invoice("A", net: loss)]), F.terms())
        #expect(result.indemnity == F.eur(expected))
        if expected == "0" {
            let threshold = try #require(result.steps.first { $0.stage == .step(.claimsThreshold) })
            #expect(threshold.exclusions.map(\.amount) == [F.eur(loss)])
            #expect(threshold.exclusions.first?.reasons.first?.code == "at_or_under_claims_threshold")
        }
    }

    @Test func insuredPercentageRoundsOnceHalfUp() throws {
        // 1,234.55 × 0.9 = 1,111.095 → 1,111.10; the seller keeps 123.45.
        let result = try F.indemnity(F.claim([F.invoice("A", net: "1234.55")]), F.terms())
        let step = try #require(result.steps.first { $0.stage == .step(.insuredPercentage) })
        #expect(step.output == F.eur("1111.10"))
        #expect(step.excluded == F.eur("123.45"))
        #expect(step.exclusions.first?.reasons.first?.code == "uninsured_percentage")
    }

    @Test(arguments: [("10000", "6500"), ("2000", "0")])
    func deductibleNeverBelowZero(loss: String, expected: String) throws {
        // 10,000 × 0.9 − 2,500 = 6,500; 2,000 × 0.9 = 1,800 − 2,500 → 0.
        let terms = F.terms { $0.deductiblePerClaim = F.eur("2500") }
        #expect(try F.indemnity(F.claim([F.invoice("A", net: loss)]), terms).indemnity == F.eur(expected))
    }

    @Test func politicalRiskAtItsOwnPercentage() throws {
        let terms = F.terms { $0.politicalRisk = PoliticalRiskCover(isCovered: true, insuredPercentage: F.decimal("0.95")) }
        let result = try F.indemnity(F.claim(cause: .war, [F.invoice("A", net: "10000")]), terms)
        #expect(result.indemnity == F.eur("9500"))
        #expect(try F.indemnity(F.claim(cause: .protractedDefault, [F.invoice("A", net: "10000")]), terms).indemnity
                    == F.eur("9000"))
    }

    @Test func politicalRiskNotCoveredIsRefused() throws {
        let result = try F.indemnity(F.claim(cause: .transferRestriction, [F.invoice("A", net: "10000")]), F.terms())
        #expect(result.indemnity == F.eur("0"))
        #expect(result.steps[0].exclusions.flatMap(\.reasons).map(\.code) == ["political_risk_not_covered"])
    }

    @Test func aReorderedStepList() throws {
        // Insured % before the limit cap: min(30,000 × 0.9, 25,000) = 25,000; the default order gives 22,500.
        let claim = F.claim([F.invoice("A", net: "30000", limit: "25000")])
        let reordered = F.terms {
            $0.indemnitySteps = [.insuredPercentage, .limitCap, .claimsThreshold, .deductible, .aggregateFirstLoss,
                                 .maximumLiability]
        }
        let result = try F.indemnity(claim, reordered)
        #expect(result.steps.map(\.stage) == [.loss] + reordered.indemnitySteps.map { .step($0) })
        #expect(result.indemnity == F.eur("25000"))
        #expect(try F.indemnity(claim, F.terms()).indemnity == F.eur("22500"))
    }

    @Test func everyStepIsShownAndItsExclusionsAddUp() throws {
        let claim = F.claim([F.invoice("A", net: "30000", vat: "6000", limit: "25000")])
        let result = try F.indemnity(claim, F.terms { $0.deductiblePerClaim = F.eur("500") })
        #expect(result.steps.map(\.stage) == [.loss] + IndemnityStep.defaultOrder.map { .step($0) })
        for step in result.steps {
            #expect(try Money.sum(step.exclusions.map(\.amount), currency: .EUR) == step.excluded)
        }
        // 36,000 → 30,000 → 25,000 → 22,500 → 22,000.
        #expect(result.steps.map(\.output) == ["30000", "25000", "25000", "22500", "22000", "22000", "22000"].map(F.eur))
        #expect(result.rulesVersion == TradeCreditClaims.rulesVersion)
    }

    @Test func aClaimBelongsToThePolicyYearOfItsEarliestEligibleDelivery() throws {
        let claim = F.claim([
            F.invoice("late", delivered: "2023-02-01", net: "5000"),
            F.invoice("early", delivered: "2022-12-20", net: "5000"),
            F.invoice("ineligible", delivered: "2021-12-01", net: "5000", excluded: [ReasonCode("policy_not_in_force", detail: "")]),
        ])
        #expect(try F.indemnity(claim, F.terms()).policyYear == 1)
        let outside = F.claim([F.invoice("A", delivered: "2021-12-01", net: "5000")])
        #expect { try F.indemnity(outside, F.terms()) } throws: { ($0 as? IndemnityError)?.code == .outOfRange }
    }

    @Test func nothingEligiblePaysNothing() throws {
        let claim = F.claim([F.invoice("A", net: "5000", excluded: [ReasonCode("disputed", detail: "")])])
        let result = try F.indemnity(claim, F.terms())
        #expect(result.policyYear == nil)
        #expect(result.indemnity == F.eur("0"))
    }

    @Test func theResultIsCodable() throws {
        let result = try F.indemnity(F.claim([F.invoice("A", net: "30000", limit: "25000")]), F.terms())
        let decoded = try JSONDecoder().decode(IndemnityResult.self, from: JSONEncoder().encode(result))
        #expect(decoded == result)
    }
}
