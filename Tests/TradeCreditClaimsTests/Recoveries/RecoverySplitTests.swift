import Foundation
import PropertyBased
import Testing
import TradeCreditClaims
import TradeCreditModel

private typealias F = IndemnityFixtures

@Suite("Recovery split")
struct RecoverySplitTests {
    private func recovery(_ amount: String, costs: String = "0") throws -> Recovery {
        try Recovery(claimID: "C-1", date: F.date("2023-03-01"), amount: F.eur(amount), costs: F.eur(costs))
    }

    @Test func theGivenExample() throws {
        // DOMAIN.md §6: debt 30,000, limit 25,000, insured 90%, recovered 10,000 → insured part 8,333.33 (insurer
        // 7,500.00, seller 833.33), uninsured 1,666.67 to the seller.
        let split = try RecoverySplit(recovery: recovery("10000"), debt: F.eur("30000"), insuredLoss: F.eur("25000"),
                                      insuredPercentage: F.decimal("0.90"), deductCostsFirst: true)
        #expect(split.insuredPart == F.eur("8333.33"))
        #expect(split.insurer == F.eur("7500.00"))
        #expect(split.sellerInsuredPart == F.eur("833.33"))
        #expect(split.uninsured == F.eur("1666.67"))
        #expect(split.seller == F.eur("2500.00"))
    }

    @Test func fromAnIndemnityResult() throws {
        let result = try F.indemnity(F.claim([F.invoice("A", net: "30000", limit: "25000")]), F.terms())
        let split = try RecoverySplit(recovery: recovery("10000"), result: result, terms: F.terms(), deductCostsFirst: true)
        #expect(split.insurer == F.eur("7500.00"))
        #expect(split.uninsured == F.eur("1666.67"))
    }

    @Test func costsComeOffFirstWhenThePolicySaysSo() throws {
        // 10,000 − 1,000 = 9,000: insured 7,500.00 (insurer 6,750.00, seller 750.00), uninsured 1,500.00.
        let deducted = try RecoverySplit(recovery: recovery("10000", costs: "1000"), debt: F.eur("30000"),
                                         insuredLoss: F.eur("25000"), insuredPercentage: F.decimal("0.90"),
                                         deductCostsFirst: true)
        #expect(deducted.costsDeducted == F.eur("1000"))
        #expect([deducted.insurer, deducted.sellerInsuredPart, deducted.uninsured]
                    == [F.eur("6750"), F.eur("750"), F.eur("1500")])
        let kept = try RecoverySplit(recovery: recovery("10000", costs: "1000"), debt: F.eur("30000"),
                                     insuredLoss: F.eur("25000"), insuredPercentage: F.decimal("0.90"),
                                     deductCostsFirst: false)
        #expect(kept.costsDeducted == F.eur("0"))
        #expect(kept.insurer == F.eur("7500.00"))
    }

    @Test func invalidInputsAreRefused() throws {
        let amount = try recovery("100", costs: "200")
        #expect { try RecoverySplit(recovery: amount, debt: F.eur("300"), insuredLoss: F.eur("250"),
                                    insuredPercentage: F.decimal("0.9"), deductCostsFirst: true) } throws: {
            ($0 as? IndemnityError)?.code == .outOfRange
        }
        #expect { try RecoverySplit(recovery: self.recovery("100"), debt: F.eur("300"), insuredLoss: F.eur("301"),
                                    insuredPercentage: F.decimal("0.9"), deductCostsFirst: true) } throws: {
            ($0 as? IndemnityError)?.code == .outOfRange
        }
    }

    @Test func partsSumExactlyToTheAmountShared() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...100_000_000), Gen.int(in: 1...100_000_000),
                            Gen.int(in: 0...100), Gen.int(in: 0...100), Gen.int(in: 0...5_000)) {
            cents, debtCents, limitShare, percent, costCents in
            let recovered = try Money(Decimal(cents) / 100, .EUR)
            let costs = try Money(Decimal(min(costCents, cents)) / 100, .EUR)
            let debt = try Money(Decimal(debtCents) / 100, .EUR)
            let insured = try Money(Decimal(debtCents * limitShare / 100) / 100, .EUR)
            let split = try RecoverySplit(
                recovery: Recovery(claimID: "C", date: F.date("2023-01-01"), amount: recovered, costs: costs),
                debt: debt, insuredLoss: insured, insuredPercentage: Decimal(percent) / 100, deductCostsFirst: true)
            #expect(try Money.sum([split.insurer, split.sellerInsuredPart, split.uninsured, split.costsDeducted],
                                  currency: .EUR) == recovered)
            #expect(try split.insurer + split.sellerInsuredPart == split.insuredPart)
            #expect(!split.insurer.isNegative && !split.sellerInsuredPart.isNegative && !split.uninsured.isNegative)
        }
    }
}
