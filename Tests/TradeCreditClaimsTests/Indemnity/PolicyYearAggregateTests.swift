import Foundation
import Testing
import TradeCreditClaims
import TradeCreditModel

private typealias F = IndemnityFixtures

/// Aggregate first loss and maximum liability across a policy year's claims, in approval order.
@Suite("Policy-year aggregates")
struct PolicyYearAggregateTests {
    /// Computes and records each claim in turn; returns the indemnities.
    private func approve(_ claims: [IndemnityClaim], _ calculator: IndemnityCalculator,
                         ledger: inout PolicyYearLedger) throws -> [Money] {
        try claims.map { claim in
            let result = try calculator.indemnity(for: claim, ledger: ledger)
            try ledger.record(result)
            return result.indemnity
        }
    }

    @Test func theWorkedAggregateFirstLossExample() throws {
        // DOMAIN.md §6: AFL 20,000, insured 90%, no deductible. A: 15,000 → 13,500, all absorbed (6,500 left) → 0.
        // B: 40,000 → 36,000 − 6,500 → 29,500.
        let terms = F.terms { $0.aggregateFirstLoss = F.eur("20000") }
        let calculator = IndemnityCalculator(terms: terms)
        var ledger = PolicyYearLedger(terms: terms)
        let a = try calculator.indemnity(for: F.claim("A", [F.invoice("a", net: "15000")]), ledger: ledger)
        #expect(a.output(of: .step(.insuredPercentage)) == F.eur("13500"))
        #expect(a.aggregateFirstLossAbsorbed == F.eur("13500"))
        #expect(a.indemnity == F.eur("0"))
        try ledger.record(a)
        #expect(ledger.account(year: 1).totals.aggregateFirstLossAbsorbed == F.eur("13500"))

        let b = try calculator.indemnity(for: F.claim("B", [F.invoice("b", net: "40000")]), ledger: ledger)
        #expect(b.output(of: .step(.insuredPercentage)) == F.eur("36000"))
        #expect(b.aggregateFirstLossAbsorbed == F.eur("6500"))
        #expect(b.indemnity == F.eur("29500"))
        try ledger.record(b)
        #expect(ledger.account(year: 1).totals == PolicyYearTotals(aggregateFirstLossAbsorbed: F.eur("20000"),
                                                                   indemnities: F.eur("29500")))
        #expect(ledger.account(year: 1).entries.map(\.claimID) == ["A", "B"])
    }

    @Test func eachPolicyYearHasItsOwnAggregates() throws {
        let terms = F.terms { $0.aggregateFirstLoss = F.eur("20000") }
        var ledger = PolicyYearLedger(terms: terms)
        let paid = try approve([
            F.claim("A", [F.invoice("a", delivered: "2022-05-01", net: "30000")]),  // 27,000 − 20,000
            F.claim("B", [F.invoice("b", delivered: "2023-05-01", net: "30000")]),  // year 2: 27,000 − 20,000
        ], IndemnityCalculator(terms: terms), ledger: &ledger)
        #expect(paid == [F.eur("7000"), F.eur("7000")])
        #expect(ledger.accounts.map(\.year) == [1, 2])
    }

    @Test func aStaleOrRepeatedResultIsNotRecorded() throws {
        let terms = F.terms { $0.aggregateFirstLoss = F.eur("20000") }
        let calculator = IndemnityCalculator(terms: terms)
        var ledger = PolicyYearLedger(terms: terms)
        let a = try calculator.indemnity(for: F.claim("A", [F.invoice("a", net: "15000")]), ledger: ledger)
        let b = try calculator.indemnity(for: F.claim("B", [F.invoice("b", net: "40000")]), ledger: ledger)
        try ledger.record(a)
        #expect { try ledger.record(a) } throws: { ($0 as? IndemnityError)?.code == .inconsistent }
        #expect { try ledger.record(b) } throws: { ($0 as? IndemnityError)?.code == .inconsistent }
    }

    @Test func absoluteMaximumLiabilityAcrossClaims() throws {
        // 50,000 a year: 36,000; then 27,000 capped to the 14,000 left; then nothing.
        let terms = F.terms { $0.maximumLiability = .absolute(F.eur("50000")) }
        var ledger = PolicyYearLedger(terms: terms)
        let paid = try approve([
            F.claim("A", [F.invoice("a", net: "40000")]),
            F.claim("B", [F.invoice("b", net: "30000")]),
            F.claim("C", [F.invoice("c", net: "10000")]),
        ], IndemnityCalculator(terms: terms), ledger: &ledger)
        #expect(paid == [F.eur("36000"), F.eur("14000"), F.eur("0")])
        #expect(ledger.account(year: 1).totals.indemnities == F.eur("50000"))
    }

    @Test func maximumLiabilityAsAMultipleOfPremium() throws {
        // 30 × 1,000 = 30,000: 36,000 → 30,000; then 0.
        let terms = F.terms { $0.maximumLiability = .multipleOfPremium(30) }
        var ledger = PolicyYearLedger(terms: terms)
        let calculator = IndemnityCalculator(terms: terms, annualPremium: F.eur("1000"))
        let paid = try approve([
            F.claim("A", [F.invoice("a", net: "40000")]),
            F.claim("B", [F.invoice("b", net: "5000")]),
        ], calculator, ledger: &ledger)
        #expect(paid == [F.eur("30000"), F.eur("0")])
        let second = try calculator.indemnity(for: F.claim("C", [F.invoice("c", delivered: "2023-02-01", net: "5000")]),
                                              ledger: ledger)
        #expect(second.indemnity == F.eur("4500"))  // year 2 has its own 30,000
    }

    @Test func aMultipleOfPremiumNeedsThePremium() {
        let terms = F.terms { $0.maximumLiability = .multipleOfPremium(30) }
        #expect { try F.indemnity(F.claim([F.invoice("a", net: "5000")]), terms) } throws: {
            ($0 as? IndemnityError)?.code == .missingValue
        }
    }

    @Test func aLedgerOfAnotherPolicyIsRefused() {
        let other = F.terms { $0.policyID = "P-2" }
        #expect {
            try IndemnityCalculator(terms: F.terms()).indemnity(for: F.claim([F.invoice("a", net: "5000")]),
                                                                ledger: PolicyYearLedger(terms: other))
        } throws: { ($0 as? IndemnityError)?.code == .inconsistent }
    }

    @Test func theLedgerIsCodable() throws {
        let terms = F.terms { $0.aggregateFirstLoss = F.eur("20000") }
        var ledger = PolicyYearLedger(terms: terms)
        _ = try approve([F.claim("A", [F.invoice("a", net: "15000")])], IndemnityCalculator(terms: terms), ledger: &ledger)
        #expect(try JSONDecoder().decode(PolicyYearLedger.self, from: JSONEncoder().encode(ledger)) == ledger)
    }
}
