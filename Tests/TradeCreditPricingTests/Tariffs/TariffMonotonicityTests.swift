import Foundation
import PropertyBased
import Testing
import TradeCreditModel
import TradeCreditPricing

/// Euro cents as Money.
private func cents(_ value: Int64) -> Money {
    try! Money(Decimal(sign: value < 0 ? .minus : .plus, exponent: -2, significand: Decimal(value.magnitude)), .EUR)
}

/// Cents up to 10^13 (100 billion euros).
private let amounts = Gen.int64(in: 0...10_000_000_000_000)

/// Expects `premium(min(a, b)) ≤ premium(max(a, b))`.
private func expectMonotone<Base: Comparable>(_ a: Base, _ b: Base, _ premium: (Base) throws -> Money,
                                              sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (low, high) = (min(a, b), max(a, b))
    let (p1, p2) = (try premium(low), try premium(high))
    #expect(try p1.compare(to: p2) <= 0, "\(low) → \(p1), \(high) → \(p2)", sourceLocation: sourceLocation)
}

// Each premium is monotone in its base: a larger base never costs less (rounding is monotone too).
@Suite("Tariff monotonicity properties")
struct TariffMonotonicityTests {
    @Test func turnoverPremiumIsMonotone() async {
        let tariff = try! TurnoverTariff(rate: dec("0.00137"), minimumPremium: cents(250_000))
        await propertyCheck(count: 300, input: amounts, amounts) { a, b in
            try expectMonotone(a, b) { try tariff.premium(turnover: cents($0)).premium }
        }
    }

    @Test func limitsPremiumIsMonotoneInLimitAndMonths() async {
        let tariff = LimitsTariff.topUp
        await propertyCheck(count: 300, input: amounts, amounts, Gen.int(in: 0...36), Gen.int(in: 0...36)) { a, b, m, n in
            try expectMonotone(a, b) { try tariff.premium(limit: cents($0), months: m).premium }
            try expectMonotone(m, n) { try tariff.premium(limit: cents(a), months: $0).premium }
        }
    }

    @Test func perInvoicePremiumIsMonotoneInAmountAndDays() async {
        let tariff = try! PerInvoiceTariff(basisPointsPerDay: dec("1.7"))
        await propertyCheck(count: 300, input: amounts, amounts, Gen.int(in: 0...720), Gen.int(in: 0...720)) { a, b, d, e in
            try expectMonotone(a, b) { try tariff.premium(invoiceAmount: cents($0), coverDays: d).premium }
            try expectMonotone(d, e) { try tariff.premium(invoiceAmount: cents(a), coverDays: $0).premium }
        }
    }

    @Test func gridPremiumIsMonotoneInContractValue() async {
        let grid = try! GridTariff(json: GridTariffTests.json)
        await propertyCheck(count: 300, input: amounts, amounts) { a, b in
            try expectMonotone(a, b) { try grid.premium(for: GridTariffTests.example, contractValue: cents($0)).premium }
            try expectMonotone(a, b) {
                try grid.premium(for: GridTariffTests.example, contractValue: cents($0)).insuredAmount
            }
        }
    }
}
