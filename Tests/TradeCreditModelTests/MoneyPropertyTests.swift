import Foundation
import PropertyBased
import Testing
@testable import TradeCreditModel

// Property tests for the exact money core. The reference values are computed here with plain Int128 arithmetic on
// rationals (numerator / denominator), independently of ExactDecimal's own division and rounding code.

/// 10^exponent as an Int128, computed by repeated multiplication (exponent 0…38).
private func tenToThe(_ exponent: Int) -> Int128 {
    var value: Int128 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// A ratio n / 10^k, built as a Foundation Decimal.
private struct Ratio: Sendable, CustomStringConvertible {
    let numerator: Int
    let decimals: Int
    var decimal: Decimal { Decimal(sign: .plus, exponent: -decimals, significand: Decimal(numerator)) }
    var description: String { "\(numerator)e-\(decimals)" }
}

private let currenciesWithMinorUnits: [CurrencyCode] = [.EUR, .JPY, (try? CurrencyCode("KWD")) ?? .EUR]

// MARK: - (a) Allocation

@Suite("Money allocation properties")
struct MoneyAllocationPropertyTests {
    /// Ratios: 1…20 entries, each n / 10^k with n in 0…10,000 (zero about one time in five) and k in 0…4.
    fileprivate static let ratios = zip(Gen.int(in: 0...4), Gen.int(in: 0...10_000), Gen.int(in: 0...4))
        .map { roll, numerator, decimals in Ratio(numerator: roll == 0 ? 0 : numerator, decimals: decimals) }
        .array(of: 1...20)

    /// Checks that `parts` is a valid split of `minorUnits` (at `scale`) by `ratios`.
    private func check(_ minorUnits: Int128, _ currency: CurrencyCode, _ ratios: [Ratio]) throws {
        var ratios = ratios
        if ratios.allSatisfy({ $0.numerator == 0 }) { ratios[0] = Ratio(numerator: 1, decimals: 0) }
        let scale = currency.minorUnits ?? 0
        let whole = Money(exact: ExactDecimal(significand: minorUnits, scale: scale), currency: currency)

        let parts = try whole.allocated(by: ratios.map(\.decimal))
        try #require(parts.count == ratios.count)

        // Weights over the common denominator 10^K.
        let commonDecimals = ratios.map(\.decimals).max()!
        let weights = ratios.map { Int128($0.numerator) * tenToThe(commonDecimals - $0.decimals) }
        let totalWeight = weights.reduce(0, +)

        var total: Int128 = 0
        for (part, weight) in zip(parts, weights) {
            #expect(part.currency == currency)
            #expect(part.scale == scale)
            let units = part.value.significand
            total += units
            // Exact share = minorUnits × weight / totalWeight; the part must be less than one unit away from it:
            // |units × W − minorUnits × w| < W.
            let distance = units * totalWeight - minorUnits * weight
            #expect(distance.magnitude < totalWeight.magnitude,
                    "part \(part) is a unit or more away from \(minorUnits) × \(weight) / \(totalWeight)")
            // A part never has the opposite sign of the whole, and a zero ratio gets nothing.
            #expect(units == 0 || (units < 0) == (minorUnits < 0))
            if weight == 0 { #expect(units == 0) }
        }
        #expect(total == minorUnits, "parts \(parts) do not sum to \(whole)")
        #expect(try Money.sum(parts, currency: currency) == whole)
    }

    @Test func partsSumToTheWholeAndStayWithinOneUnit() async {
        await propertyCheck(
            count: 500,
            input: Gen.int64(in: -1_000_000_000_000_000...1_000_000_000_000_000),
            Gen.int(in: 0...(currenciesWithMinorUnits.count - 1)),
            Self.ratios
        ) { units, currencyIndex, ratios in
            try check(Int128(units), currenciesWithMinorUnits[currencyIndex], ratios)
        }
    }

    @Test func smallAmountsManyParts() async {
        // Fewer minor units than parts: most parts get 0 or 1 unit.
        await propertyCheck(
            count: 300,
            input: Gen.int(in: -25...25),
            Gen.int(in: 0...(currenciesWithMinorUnits.count - 1)),
            Self.ratios
        ) { units, currencyIndex, ratios in
            try check(Int128(units), currenciesWithMinorUnits[currencyIndex], ratios)
        }
    }

    @Test func hugeAmounts() async {
        // Up to 10^27 minor units: amount × weight (up to 10^35) no longer fits 64 bits, still fits Int128.
        let bound = tenToThe(27)
        await propertyCheck(
            count: 300,
            input: Gen.int128(in: -bound...bound),
            Gen.int(in: 0...(currenciesWithMinorUnits.count - 1)),
            Self.ratios
        ) { units, currencyIndex, ratios in
            try check(units, currenciesWithMinorUnits[currencyIndex], ratios)
        }
    }

    @Test func equalSplitsDifferByAtMostOneUnit() async {
        await propertyCheck(count: 300, input: Gen.int64(in: -10_000_000_000...10_000_000_000), Gen.int(in: 1...50)) {
            units, count in
            let whole = Money(exact: ExactDecimal(significand: Int128(units), scale: 2), currency: .EUR)
            let parts = try whole.allocated(into: count).map(\.value.significand)
            #expect(parts.count == count)
            #expect(parts.reduce(0, +) == Int128(units))
            #expect(parts.max()! - parts.min()! <= 1)
            // The larger parts come first (earliest part wins ties).
            #expect(parts == parts.sorted(by: units >= 0 ? (>) : (<)))
        }
    }
}

// MARK: - (b) Rounding

@Suite("Rounding properties")
struct MoneyRoundingPropertyTests {
    /// Significands at scale 4; half of them are exact ties at scale 2 (…50 or −…50 in the last two digits).
    static let significands = zip(Gen.int64(in: -1_000_000_000_000_000...1_000_000_000_000_000), Gen.int(in: 0...3))
        .map { raw, mode -> Int128 in
            let hundreds = Int128(raw / 1000)
            switch mode {
            case 0: return hundreds * 100 + 50
            case 1: return hundreds * 100 - 50
            default: return Int128(raw)
            }
        }

    static let halfRules: [RoundingRule] = [.halfUp, .halfEven, .halfDown]
    static let directedRules: [RoundingRule] = [.towardZero, .awayFromZero, .floor, .ceiling]

    @Test func roundingToTwoDecimals() async {
        await propertyCheck(count: 1000, input: Self.significands) { s in
            let x = ExactDecimal(significand: s, scale: 4)
            var results: [RoundingRule: Int128] = [:]
            for rule in RoundingRule.allCases {
                let y = try x.rounded(scale: 2, rule: rule)
                #expect(y.scale == 2)
                results[rule] = y.significand
                // d = (y − x) in units of 10^−4.
                let d = y.significand * 100 - s
                if Self.halfRules.contains(rule) {
                    #expect(d.magnitude <= 50, "\(rule): \(x) → \(y) moves more than half a cent")
                } else {
                    #expect(d.magnitude < 100, "\(rule): \(x) → \(y) moves a cent or more")
                }
                // Idempotent: an amount already at scale 2 is unchanged by every rule.
                for again in RoundingRule.allCases {
                    let z = try y.rounded(scale: 2, rule: again)
                    #expect(z.significand == y.significand && z.scale == 2)
                }
                // Rounding to the scale it already has changes nothing.
                let same = try x.rounded(scale: 4, rule: rule)
                #expect(same.significand == s && same.scale == 4)
                // Symmetric rules: round(−x) = −round(x).
                if rule != .floor && rule != .ceiling {
                    #expect(try x.negated.rounded(scale: 2, rule: rule).significand == -y.significand)
                }
            }
            let floor = results[.floor]!, ceiling = results[.ceiling]!
            let isExact = s % 100 == 0
            let isTie = (s % 100).magnitude == 50
            #expect(floor * 100 <= s && s <= ceiling * 100)
            #expect(ceiling - floor == (isExact ? 0 : 1))
            #expect(try x.negated.rounded(scale: 2, rule: .floor).significand == -ceiling)
            // towardZero never grows the magnitude, awayFromZero never shrinks it.
            #expect((results[.towardZero]! * 100).magnitude <= s.magnitude)
            #expect((results[.awayFromZero]! * 100).magnitude >= s.magnitude)
            #expect(results[.towardZero]! == (s >= 0 ? floor : ceiling))
            #expect(results[.awayFromZero]! == (s >= 0 ? ceiling : floor))
            if isTie {
                #expect(results[.halfEven]! % 2 == 0, "halfEven of a tie \(x) must be even")
                #expect(results[.halfUp]! == results[.awayFromZero]!)
                #expect(results[.halfDown]! == results[.towardZero]!)
            } else {
                #expect(results[.halfEven]! == results[.halfUp]!, "halfEven and halfUp differ off a tie at \(x)")
                #expect(results[.halfDown]! == results[.halfUp]!)
                // Off a tie, every half rule gives the nearest neighbour.
                let nearest = (s - floor * 100) < (ceiling * 100 - s) ? floor : ceiling
                #expect(results[.halfUp]! == nearest)
            }
        }
    }

    @Test func moneyRoundingMatchesTheCore() async {
        await propertyCheck(count: 300, input: Self.significands, Gen<RoundingRule>.case) { s, rule in
            let x = ExactDecimal(significand: s, scale: 4)
            let money = Money(exact: x, currency: .EUR)
            let rounded = money.rounded(rule)
            let expected = try x.rounded(scale: 2, rule: rule)
            #expect(rounded.value.significand == expected.significand)
            #expect(rounded.scale == 2)
            #expect(rounded.isRoundedToMinorUnits)
            #expect(rounded.rounded(rule) == rounded)
        }
    }
}

// MARK: - (c) Addition and subtraction

@Suite("Addition properties")
struct MoneyAdditionPropertyTests {
    static let amounts = zip(Gen.int64(in: -1_000_000_000_000_000...1_000_000_000_000_000), Gen.int(in: 0...6))
        .map { significand, scale in ExactDecimal(significand: Int128(significand), scale: scale) }

    @Test func addThenSubtractGivesBackTheAmount() async {
        await propertyCheck(count: 500, input: Self.amounts, Self.amounts) { x, y in
            let a = Money(exact: x, currency: .EUR), b = Money(exact: y, currency: .EUR)
            let sum = try a + b
            let back = try sum - b
            #expect(back == a)
            #expect(back.scale == max(x.scale, y.scale))
            #expect(back.value.significand == x.significand * tenToThe(back.scale - x.scale))
            #expect(sum.scale == max(x.scale, y.scale))
            #expect(try sum == b + a)
            #expect(try (a - a).isZero)
            // The sum, independently: both significands brought to the larger scale.
            let scale = max(x.scale, y.scale)
            let expected = x.significand * tenToThe(scale - x.scale) + y.significand * tenToThe(scale - y.scale)
            #expect(sum.value.significand == expected)
            // Comparison agrees with the sign of the difference.
            let difference = try a - b
            let order = try a.compare(to: b)
            #expect(order == (difference.isZero ? 0 : (difference.isNegative ? -1 : 1)))
        }
    }
}

// MARK: - (d) Text round trip

@Suite("Decimal text round trip properties")
struct MoneyDecimalTextPropertyTests {
    /// Significands of 0…38 digits (either sign) and scales 0…38.
    static let values = zip(Gen.int128(in: -Int128.max...Int128.max), Gen.int(in: 0...38), Gen.int(in: 0...38))
        .map { raw, digits, scale in ExactDecimal(significand: raw % tenToThe(digits), scale: scale) }

    @Test func parseOfFormatIsIdentity() async {
        await propertyCheck(count: 1000, input: Self.values) { x in
            let text = x.plainText
            let parsed = try ExactDecimal.parse(Substring(text))
            #expect(parsed.significand == x.significand)
            #expect(parsed.scale == x.scale)
            // The text shape: an optional minus, digits, and exactly `scale` decimals after one point.
            let unsigned = text.hasPrefix("-") ? String(text.dropFirst()) : text
            #expect(text.hasPrefix("-") == (x.significand < 0))
            let pieces = unsigned.split(separator: ".", omittingEmptySubsequences: false)
            #expect(pieces.count == (x.scale == 0 ? 1 : 2))
            if x.scale > 0 { #expect(pieces[1].count == x.scale) }
            #expect(!pieces[0].isEmpty && pieces[0].allSatisfy { $0.isASCII && $0.isNumber })
            #expect(pieces[0] == "0" || !pieces[0].hasPrefix("0"))
            // Through Money, non-strict: the same text comes back.
            let money = try Money(parsing: text, currency: .EUR, strict: false)
            #expect(money.amountText == text)
        }
    }

    @Test func exactThroughFoundationDecimal() async {
        // decimalValue is documented as exact for up to 38 digits.
        await propertyCheck(count: 1000, input: Self.values) { x in
            let back = try ExactDecimal(x.decimalValue)
            #expect(back == x, "\(x) → Decimal \(x.decimalValue) → \(back)")
        }
    }
}

// MARK: - (e) Comparison of values far apart in magnitude and scale

@Suite("Comparison properties")
struct MoneyComparisonPropertyTests {
    /// Significands of 0…38 digits (either sign), scales 0…38: many pairs cannot be brought to one scale in 128 bits.
    static let values = zip(Gen.int128(in: -Int128.max...Int128.max), Gen.int(in: 0...38), Gen.int(in: 0...38))
        .map { raw, digits, scale in ExactDecimal(significand: raw % tenToThe(digits), scale: scale) }

    /// The order of a = s1 / 10^k1 and b = s2 / 10^k2, by cross-multiplying in 256 bits: s1 × 10^k2 vs s2 × 10^k1.
    /// A signed full-width product is (high: Int128, low: UInt128); comparing the pairs orders the 256-bit values.
    private static func referenceOrder(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let left = a.significand.multipliedFullWidth(by: tenToThe(b.scale))
        let right = b.significand.multipliedFullWidth(by: tenToThe(a.scale))
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        if left.low != right.low { return left.low < right.low ? -1 : 1 }
        return 0
    }

    @Test func compareAgreesWithCrossMultiplication() async {
        await propertyCheck(count: 2000, input: Self.values, Self.values) { a, b in
            let order = ExactDecimal.compare(a, b)
            #expect(order == Self.referenceOrder(a, b), "compare(\(a), \(b))")
            #expect(ExactDecimal.compare(b, a) == -order)
            #expect(ExactDecimal.compare(a, a) == 0)
            #expect((a == b) == (order == 0))
            if order == 0 { #expect(a.hashValue == b.hashValue) }
        }
    }

    @Test func equalValuesAtDifferentScales() async {
        // s / 10^k and s × 10^j / 10^(k+j) are the same number and must compare and hash equal.
        await propertyCheck(count: 500, input: Gen.int64(in: .min + 1 ... .max), Gen.int(in: 0...10), Gen.int(in: 0...19)) {
            significand, scale, extra in
            let a = ExactDecimal(significand: Int128(significand), scale: scale)
            let b = ExactDecimal(significand: Int128(significand) * tenToThe(extra), scale: scale + extra)
            #expect(a == b)
            #expect(a.hashValue == b.hashValue)
            let moneyA = Money(exact: a, currency: .EUR), moneyB = Money(exact: b, currency: .EUR)
            #expect(moneyA == moneyB)
            #expect(Set([moneyA, moneyB]).count == 1)
        }
    }
}
