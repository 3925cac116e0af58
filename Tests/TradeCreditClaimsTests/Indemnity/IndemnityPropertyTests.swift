import Foundation
import PropertyBased
import Testing
import TradeCreditClaims
import TradeCreditModel

private typealias F = IndemnityFixtures

/// An invoice as generated: outstanding and limit in cents, delivery as days after 2022-01-01.
private struct GeneratedInvoice: Sendable, CustomStringConvertible {
    var cents: Int
    let limitCents: Int
    let day: Int
    var description: String { "(\(cents)c, limit \(limitCents)c, day \(day))" }

    func invoice(_ index: Int) throws -> IndemnityInvoice {
        try IndemnityInvoice(number: "I\(index)", deliveryDate: F.date("2022-01-01").adding(days: day),
                             outstandingNet: Money(Decimal(cents) / 100, .EUR),
                             limitInForce: Money(Decimal(limitCents) / 100, .EUR))
    }
}

@Suite("Indemnity properties")
struct IndemnityPropertyTests {
    private static let invoices = zip(Gen.int(in: 0...5_000_000), Gen.int(in: 0...5_000_000), Gen.int(in: 0...300))
        .map { GeneratedInvoice(cents: $0, limitCents: $1, day: $2) }
        .array(of: 1...6)

    /// Terms with a percentage of 50–100%, a threshold and deductible of 0–2,000 and an AFL of 0–20,000.
    private func terms(_ percent: Int, _ threshold: Int, _ afl: Int) -> PolicyTerms {
        F.terms {
            $0.insuredPercentage = Decimal(percent) / 100
            $0.claimsThreshold = Money(units: threshold, .EUR)
            $0.deductiblePerClaim = Money(units: threshold / 2, .EUR)
            $0.aggregateFirstLoss = Money(units: afl, .EUR)
        }
    }

    private func indemnity(_ invoices: [GeneratedInvoice], _ terms: PolicyTerms) throws -> IndemnityResult {
        try F.indemnity(F.claim(invoices.enumerated().map { try $1.invoice($0) }), terms)
    }

    @Test func neverNegativeNeverAboveInsuredShareOfTheHighestLimit() async {
        await propertyCheck(count: 300, input: Self.invoices, Gen.int(in: 50...100), Gen.int(in: 0...2_000),
                            Gen.int(in: 0...20_000)) { invoices, percent, threshold, afl in
            let terms = terms(percent, threshold, afl)
            let result = try indemnity(invoices, terms)
            #expect(!result.indemnity.isNegative)
            let highest = try Money(Decimal(invoices.map(\.limitCents).max()!) / 100, .EUR)
            let bound = try highest.multiplied(by: terms.insuredPercentage).rounded(.halfUp)
            #expect(try result.indemnity.compare(to: bound) <= 0, "\(result.indemnity) above \(bound)")
            for step in result.steps {
                #expect(try Money.sum(step.exclusions.map(\.amount), currency: .EUR) == step.excluded)
                #expect(!step.output.isNegative)
            }
        }
    }

    @Test func neverGrowsWhenAnOutstandingShrinks() async {
        await propertyCheck(count: 300, input: Self.invoices, Gen.int(in: 0...5), Gen.int(in: 0...100),
                            Gen.int(in: 50...100), Gen.int(in: 0...2_000)) { invoices, pick, shrinkPercent, percent, threshold in
            let terms = terms(percent, threshold, 5_000)
            var smaller = invoices
            let index = pick % invoices.count
            smaller[index].cents = invoices[index].cents * shrinkPercent / 100
            let before = try indemnity(invoices, terms).indemnity
            let after = try indemnity(smaller, terms).indemnity
            #expect(try after.compare(to: before) <= 0, "\(after) > \(before)")
        }
    }
}
