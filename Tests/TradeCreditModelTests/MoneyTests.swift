import Foundation
import Testing
@testable import TradeCreditModel

// Every expected value in this file is worked out by hand from the definitions (decimal arithmetic, the rounding
// rules, the largest-remainder method), never copied from a run of the code.

/// Expects `body` to throw a ``ModelError`` with `code`, and returns the error for further checks.
@discardableResult
private func expectModelError(
    _ code: ModelError.Code,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> ModelError? {
    let error = #expect(throws: ModelError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, "expected \(code), got \(String(describing: error))", sourceLocation: sourceLocation)
    return error
}

/// A currency from the placeholder table (only codes known to be in it).
private func currency(_ code: String) -> CurrencyCode {
    // swiftlint:disable:next force_try
    try! CurrencyCode(code)
}

/// An amount parsed without the minor-units check, keeping the scale of the text.
private func money(_ text: String, _ currencyCode: CurrencyCode = .EUR) throws -> Money {
    try Money(parsing: text, currency: currencyCode, strict: false)
}

private func decimal(_ text: String) -> Decimal {
    Decimal(string: text)!
}

// MARK: - Parsing

@Suite("Money parsing")
struct MoneyParsingTests {
    /// (text, currency, strict, expected amount text, expected scale)
    static let validCases: [(String, String, Bool, String, Int)] = [
        ("12.30", "EUR", true, "12.30", 2),
        ("-3", "EUR", true, "-3", 0),
        ("+4.5", "EUR", true, "4.5", 1),
        ("0.001", "EUR", false, "0.001", 3),
        ("12.345", "EUR", false, "12.345", 3),
        ("0", "EUR", true, "0", 0),
        ("007.50", "EUR", true, "7.50", 2),
        ("-0.00", "EUR", true, "0.00", 2),           // minus zero is zero: no sign printed
        ("  7.25\t", "EUR", true, "7.25", 2),         // surrounding white space is ignored
        ("15", "JPY", true, "15", 0),
        ("1.234", "KWD", true, "1.234", 3),
        ("1.2345", "CLF", true, "1.2345", 4),
        ("1.23456789", "XAU", true, "1.23456789", 8),  // no minor units: strict has nothing to check
        ("99999999999999999999999999999999999999", "EUR", false, "99999999999999999999999999999999999999", 0),
    ]

    @Test("valid amounts keep their scale", arguments: validCases)
    func valid(_ text: String, _ code: String, _ strict: Bool, _ expected: String, _ scale: Int) throws {
        let amount = try Money(parsing: text, currency: currency(code), strict: strict)
        #expect(amount.amountText == expected)
        #expect(amount.scale == scale)
        #expect(amount.currency.code == code)
        #expect(amount.description == "\(expected) \(code)")
    }

    @Test func twelveThirtyPrintsWithItsScale() throws {
        let amount = try Money(parsing: "12.30", currency: .EUR)
        #expect(amount.description == "12.30 EUR")
        #expect(amount.amount == decimal("12.3"))
        #expect(amount.isPositive && !amount.isNegative && !amount.isZero)
    }

    static let malformed = [
        "", "12abc", "NaN", "nan", "inf", "1e400", "1E2", "1.2.3", " ", "--1", "+-1", "1,000.00", "1 000", "1_000",
        ".", "+", "-", "0x10", "12.3.", "\u{0661}\u{0662}" /* Arabic-Indic digits */, "\u{FF11}" /* fullwidth 1 */,
        "EUR 12.30", "12.30 EUR", "1-",
    ]

    @Test("malformed text is .invalidFormat", arguments: malformed)
    func invalidFormat(_ text: String) {
        for strict in [true, false] {
            let error = expectModelError(.invalidFormat) {
                _ = try Money(parsing: text, currency: .EUR, strict: strict, field: "premium")
            }
            #expect(error?.field == "premium")
        }
    }

    @Test func strictRejectsTooManyDecimalsButNonStrictKeepsThem() throws {
        let error = expectModelError(.tooManyDecimals) { _ = try Money(parsing: "12.345", currency: .EUR) }
        #expect(error?.field == "amount")
        #expect(error?.value == "12.345")
        let kept = try Money(parsing: "12.345", currency: .EUR, strict: false)
        #expect(kept.amountText == "12.345")
        #expect(kept.scale == 3)
    }

    /// (text, currency) pairs with more decimals than the currency's minor units.
    static let tooPrecise: [(String, String)] = [
        ("12.345", "EUR"), ("12.300", "EUR"), ("1.5", "JPY"), ("1.0", "JPY"), ("1.2345", "KWD"), ("1.23456", "CLF"),
        ("0.001", "USD"),
    ]

    @Test("strict parsing: more decimals than the minor units", arguments: tooPrecise)
    func tooManyDecimals(_ text: String, _ code: String) throws {
        expectModelError(.tooManyDecimals) { _ = try Money(parsing: text, currency: currency(code)) }
        #expect(try Money(parsing: text, currency: currency(code), strict: false).amountText == text)
    }

    @Test func kuwaitiDinarHasThreeDecimals() throws {
        #expect(try Money(parsing: "1.234", currency: currency("KWD")).amountText == "1.234")
    }

    @Test func tooManyDigitsIsOverflow() {
        // 40 digits: more than Int128 holds (its maximum, about 1.7 × 10^38, has 39 digits).
        expectModelError(.overflow) {
            _ = try Money(parsing: "1234567890123456789012345678901234567890", currency: .EUR, strict: false)
        }
        // 39 nines exceed 170141183460469231731687303715884105727.
        expectModelError(.overflow) {
            _ = try Money(parsing: String(repeating: "9", count: 39), currency: .EUR, strict: false)
        }
        // 39 decimals: past the 38-decimal scale limit.
        expectModelError(.overflow) {
            _ = try Money(parsing: "0." + String(repeating: "0", count: 38) + "1", currency: currency("XAU"), strict: false)
        }
    }
}

// MARK: - From Decimal and from units

@Suite("Money from Decimal and units")
struct MoneyConstructionTests {
    /// (decimal text, currency, expected amount text)
    static let cases: [(String, String, String)] = [
        ("12.3", "EUR", "12.30"),      // widened to the minor units
        ("12", "EUR", "12.00"),
        ("-7", "EUR", "-7.00"),
        ("1.005", "EUR", "1.005"),     // more decimals than minor units: kept, not rounded
        ("5", "JPY", "5"),
        ("2", "KWD", "2.000"),
        ("1.5", "XAU", "1.5"),         // no minor units: the number's own scale
        ("0", "USD", "0.00"),
    ]

    @Test("Money(Decimal) widens to the minor units", arguments: cases)
    func fromDecimal(_ text: String, _ code: String, _ expected: String) throws {
        let amount = try Money(decimal(text), currency(code))
        #expect(amount.amountText == expected)
        #expect(amount.amount == decimal(text))
    }

    @Test func nanIsInvalidFormat() {
        expectModelError(.invalidFormat) { _ = try Money(Decimal.nan, .EUR) }
    }

    @Test func units() {
        #expect(Money(units: 1000, .EUR).amountText == "1000.00")
        #expect(Money(units: -3, .USD).amountText == "-3.00")
        #expect(Money(units: 5, .JPY).amountText == "5")
        #expect(Money(units: 2, currency("KWD")).amountText == "2.000")
        #expect(Money(units: 7, currency("XAU")).amountText == "7")
        #expect(Money.zero(.EUR).amountText == "0.00")
        #expect(Money.zero(.EUR).isZero)
        #expect(Money.zero(.JPY).amountText == "0")
    }

    @Test func signHelpers() throws {
        let debit = try money("-2.50")
        #expect(debit.isNegative)
        #expect(debit.negated.amountText == "2.50")
        #expect(debit.magnitude.amountText == "2.50")
        #expect(try money("2.50").magnitude.amountText == "2.50")
        #expect(Money.zero(.EUR).negated.amountText == "0.00")
    }
}

// MARK: - Addition, subtraction, comparison

@Suite("Money arithmetic")
struct MoneyArithmeticTests {
    @Test func additionIsExact() throws {
        #expect(try (money("0.10") + money("0.20")).amountText == "0.30")
        #expect(try (money("12.30") + money("0.005")).amountText == "12.305")
        #expect(try (money("1") + money("0.01")).amountText == "1.01")
        #expect(try (money("-5.00") + money("5.00")).isZero)
        #expect(try (money("12.30") + money("0.005")).currency == .EUR)
    }

    @Test func subtractionIsExact() throws {
        let difference = try money("10.00") - money("12.50")
        #expect(difference.amountText == "-2.50")
        #expect(difference.isNegative)
        #expect(try (money("1.000") - money("0.001")).amountText == "0.999")
    }

    @Test func mixingCurrenciesThrows() throws {
        let eur = try money("1.00"), usd = try money("1.00", .USD)
        expectModelError(.currencyMismatch) { _ = try eur + usd }
        expectModelError(.currencyMismatch) { _ = try eur - usd }
        expectModelError(.currencyMismatch) { _ = try eur.compare(to: usd) }
        expectModelError(.currencyMismatch) { _ = try Money.min(eur, usd) }
        expectModelError(.currencyMismatch) { _ = try Money.max(eur, usd) }
        expectModelError(.currencyMismatch) { _ = try Money.sum([eur, usd], currency: .EUR) }
        expectModelError(.currencyMismatch) { _ = try Money.sum([eur], currency: .USD) }
    }

    @Test func comparison() throws {
        #expect(try money("12.30").compare(to: money("12.3")) == 0)
        #expect(try money("1.00").compare(to: money("2")) < 0)
        #expect(try money("2").compare(to: money("1.99")) > 0)
        #expect(try money("-3").compare(to: money("0.01")) < 0)
        #expect(try Money.min(money("1.50"), money("1.49")).amountText == "1.49")
        #expect(try Money.max(money("1.50"), money("1.49")).amountText == "1.50")
        #expect(try Money.min(money("-1"), money("0.00")).amountText == "-1")
        #expect(try Money.max(money("-1"), money("0.00")).amountText == "0.00")
    }

    @Test func sum() throws {
        #expect(try Money.sum([money("1.10"), money("2.20"), money("3.30")], currency: .EUR).amountText == "6.60")
        #expect(try Money.sum([money("1.1"), money("0.005")], currency: .EUR).amountText == "1.105")
        let empty = try Money.sum([Money](), currency: .EUR)
        #expect(empty.amountText == "0.00")
        #expect(empty.currency == .EUR)
        #expect(try Money.sum([Money](), currency: .JPY).amountText == "0")
    }

    /// 10^37 EUR (38 digits, parses) against 0.01 EUR: comparing needs the big one at scale 2, i.e. 10^39, which
    /// does not fit 128 bits. The values are obviously different, and the big one is larger.
    @Test func comparisonOfAHugeAndASmallAmount() throws {
        let huge = try money("1" + String(repeating: "0", count: 37))
        let cent = try money("0.01")
        #expect(huge != cent)
        #expect(try huge.compare(to: cent) > 0)
        #expect(try cent.compare(to: huge) < 0)
        #expect(try Money.max(huge, cent) == huge)
        #expect(try Money.min(huge, cent) == cent)
    }
}

// MARK: - Multiplication and rounding

@Suite("Money multiplication and rounding")
struct MoneyRoundingTests {
    @Test func multiplicationIsExact() throws {
        let ninety = try money("100.00").multiplied(by: decimal("0.9"))
        #expect(ninety.amountText == "90.00")
        #expect(ninety == Money(units: 90, .EUR))

        let product = try money("33.33").multiplied(by: decimal("0.015"))  // 3333 × 15 = 49995, 5 decimals
        #expect(product.amountText == "0.49995")
        #expect(product.rounded(.halfUp).amountText == "0.50")
        #expect(product.rounded(.halfEven).amountText == "0.50")
        #expect(product.rounded().amountText == "0.50")
        #expect(product.rounded(.towardZero).amountText == "0.49")

        #expect(try money("19.99").multiplied(by: 3).amountText == "59.97")
        #expect(try money("1000.00").multiplied(by: decimal("0.0125")).amountText == "12.50")
        #expect(try money("-2.00").multiplied(by: decimal("0.5")).amountText == "-1.00")
        #expect(try money("7.00").multiplied(by: 0).isZero)
    }

    @Test func nanFactorIsInvalidFormat() throws {
        let amount = try money("1.00")
        expectModelError(.invalidFormat) { _ = try amount.multiplied(by: Decimal.nan) }
    }

    /// (amount with 3 decimals, rule, expected at 2 decimals), worked out from each rule's definition.
    static let table: [(String, RoundingRule, String)] = [
        // 0.125: an exact tie.
        ("0.125", .halfUp, "0.13"), ("0.125", .halfEven, "0.12"), ("0.125", .halfDown, "0.12"),
        ("0.125", .towardZero, "0.12"), ("0.125", .awayFromZero, "0.13"),
        ("0.125", .floor, "0.12"), ("0.125", .ceiling, "0.13"),
        // −0.125: the tie below zero; half rules are symmetric, floor/ceiling are not.
        ("-0.125", .halfUp, "-0.13"), ("-0.125", .halfEven, "-0.12"), ("-0.125", .halfDown, "-0.12"),
        ("-0.125", .towardZero, "-0.12"), ("-0.125", .awayFromZero, "-0.13"),
        ("-0.125", .floor, "-0.13"), ("-0.125", .ceiling, "-0.12"),
        // 0.135: a tie whose lower neighbour is odd, so halfEven goes up.
        ("0.135", .halfUp, "0.14"), ("0.135", .halfEven, "0.14"), ("0.135", .halfDown, "0.13"),
        ("0.135", .towardZero, "0.13"), ("0.135", .awayFromZero, "0.14"),
        ("0.135", .floor, "0.13"), ("0.135", .ceiling, "0.14"),
        ("-0.135", .halfUp, "-0.14"), ("-0.135", .halfEven, "-0.14"), ("-0.135", .halfDown, "-0.13"),
        ("-0.135", .towardZero, "-0.13"), ("-0.135", .awayFromZero, "-0.14"),
        ("-0.135", .floor, "-0.14"), ("-0.135", .ceiling, "-0.13"),
        // Not ties.
        ("2.349", .halfUp, "2.35"), ("2.349", .halfEven, "2.35"), ("2.349", .halfDown, "2.35"),
        ("2.349", .towardZero, "2.34"), ("2.349", .awayFromZero, "2.35"),
        ("2.349", .floor, "2.34"), ("2.349", .ceiling, "2.35"),
        ("-2.341", .halfUp, "-2.34"), ("-2.341", .halfEven, "-2.34"), ("-2.341", .halfDown, "-2.34"),
        ("-2.341", .towardZero, "-2.34"), ("-2.341", .awayFromZero, "-2.35"),
        ("-2.341", .floor, "-2.35"), ("-2.341", .ceiling, "-2.34"),
        // Half a cent: rounding to zero must not print a minus sign.
        ("0.005", .halfUp, "0.01"), ("0.005", .halfEven, "0.00"), ("0.005", .halfDown, "0.00"),
        ("0.005", .towardZero, "0.00"), ("0.005", .awayFromZero, "0.01"),
        ("0.005", .floor, "0.00"), ("0.005", .ceiling, "0.01"),
        ("-0.005", .halfUp, "-0.01"), ("-0.005", .halfEven, "0.00"), ("-0.005", .halfDown, "0.00"),
        ("-0.005", .towardZero, "0.00"), ("-0.005", .awayFromZero, "-0.01"),
        ("-0.005", .floor, "-0.01"), ("-0.005", .ceiling, "0.00"),
        // Already at (or below) the minor units: widened, never changed.
        ("1.2", .halfUp, "1.20"), ("1.2", .floor, "1.20"), ("-1.2", .ceiling, "-1.20"),
        ("3.400", .awayFromZero, "3.40"), ("3.400", .ceiling, "3.40"), ("-3.400", .floor, "-3.40"),
    ]

    @Test("rounding to cents", arguments: table)
    func roundingTable(_ text: String, _ rule: RoundingRule, _ expected: String) throws {
        let rounded = try money(text).rounded(rule)
        #expect(rounded.amountText == expected)
        #expect(rounded.scale == 2)
        #expect(rounded.currency == .EUR)
        #expect(try money(text).rounded(scale: 2, rule).amountText == expected)
    }

    @Test func defaultRuleIsHalfUp() throws {
        #expect(try money("0.125").rounded().amountText == "0.13")
        #expect(try money("-0.125").rounded().amountText == "-0.13")
    }

    @Test func otherMinorUnits() throws {
        #expect(try money("2.5", .JPY).rounded(.halfUp).amountText == "3")
        #expect(try money("2.5", .JPY).rounded(.halfEven).amountText == "2")
        #expect(try money("3.5", .JPY).rounded(.halfEven).amountText == "4")
        #expect(try money("1.2345", currency("KWD")).rounded(.halfEven).amountText == "1.234")
        #expect(try money("1.2345", currency("KWD")).rounded(.halfUp).amountText == "1.235")
        #expect(try money("1.2345", currency("CLF")).rounded(.halfUp).amountText == "1.2345")
    }

    @Test func noMinorUnitsMeansUnchanged() throws {
        let gold = try money("1.23456", currency("XAU"))
        for rule in RoundingRule.allCases {
            #expect(gold.rounded(rule) == gold)
            #expect(gold.rounded(rule).amountText == "1.23456")
        }
        // An explicit scale still rounds.
        #expect(try gold.rounded(scale: 2, .halfUp).amountText == "1.23")
        #expect(try money("1.5", currency("XAU")).rounded(scale: 0, .halfEven).amountText == "2")
    }

    @Test func roundedToAnExplicitScale() throws {
        #expect(try money("1.23456").rounded(scale: 4, .halfUp).amountText == "1.2346")
        #expect(try money("1.23456").rounded(scale: 0, .halfUp).amountText == "1")
        #expect(try money("1.5").rounded(scale: 3, .halfUp).amountText == "1.500")
    }

    @Test func isRoundedToMinorUnits() throws {
        #expect(try money("12.30").isRoundedToMinorUnits)
        #expect(try money("12.300").isRoundedToMinorUnits)   // trailing zero only
        #expect(try !money("12.305").isRoundedToMinorUnits)
        #expect(try money("1.25", currency("XAU")).isRoundedToMinorUnits)
        #expect(try !money("1.5", .JPY).isRoundedToMinorUnits)
    }
}

// MARK: - Division

@Suite("Money division")
struct MoneyDivisionTests {
    /// (amount, currency, divisor, rule, scale, expected)
    static let cases: [(String, String, String, RoundingRule, Int?, String)] = [
        ("100.00", "EUR", "3", .halfUp, nil, "33.33"),        // 33.333…
        ("200.00", "EUR", "3", .halfUp, nil, "66.67"),        // 66.666…
        ("200.00", "EUR", "3", .towardZero, nil, "66.66"),
        ("-100.00", "EUR", "3", .halfUp, nil, "-33.33"),
        ("100.00", "EUR", "-3", .floor, nil, "-33.34"),
        ("100.00", "EUR", "-3", .ceiling, nil, "-33.33"),
        ("0.05", "EUR", "2", .halfEven, nil, "0.02"),          // 0.025, a tie
        ("0.05", "EUR", "2", .halfUp, nil, "0.03"),
        ("0.07", "EUR", "2", .halfEven, nil, "0.04"),          // 0.035, a tie, odd lower neighbour
        ("10.00", "EUR", "0.4", .halfUp, nil, "25.00"),
        ("1", "EUR", "8", .halfUp, nil, "0.13"),               // 0.125 → 0.13; result at the minor units
        ("100", "JPY", "3", .halfUp, nil, "33"),
        ("100.00", "EUR", "3", .halfUp, 4, "33.3333"),
        ("2.000", "KWD", "3", .halfUp, nil, "0.667"),
        ("1.00", "XAU", "3", .halfUp, nil, "0.33"),             // no minor units: the amount's own scale
    ]

    @Test("division rounds once", arguments: cases)
    func division(_ text: String, _ code: String, _ divisor: String, _ rule: RoundingRule, _ scale: Int?,
                  _ expected: String) throws {
        let quotient = try money(text, currency(code)).divided(by: decimal(divisor), rule: rule, scale: scale)
        #expect(quotient.amountText == expected)
        #expect(quotient.currency.code == code)
    }

    @Test func divisionByZeroIsInvalidOperation() throws {
        let amount = try money("100.00")
        for rule in RoundingRule.allCases {
            expectModelError(.invalidOperation) { _ = try amount.divided(by: 0, rule: rule) }
        }
        expectModelError(.invalidOperation) { _ = try amount.divided(by: decimal("0.000"), rule: .halfUp) }
    }

    @Test func nanDivisorIsInvalidFormat() throws {
        let amount = try money("100.00")
        expectModelError(.invalidFormat) { _ = try amount.divided(by: .nan, rule: .halfUp) }
    }
}

// MARK: - Rounding to a multiple

@Suite("Money rounded to a multiple")
struct MoneyMultipleTests {
    static let step = Money(units: 1000, .EUR)

    /// (amount, rule, expected) with a step of 1,000.00 EUR.
    static let cases: [(String, RoundingRule, String)] = [
        ("12345.67", .towardZero, "12000.00"),
        ("12345.67", .halfUp, "12000.00"),
        ("12345.67", .ceiling, "13000.00"),
        ("12345.67", .awayFromZero, "13000.00"),
        ("12500.00", .halfUp, "13000.00"),
        ("12500.00", .halfEven, "12000.00"),
        ("13500.00", .halfEven, "14000.00"),
        ("12500.00", .halfDown, "12000.00"),
        ("12000.00", .ceiling, "12000.00"),
        ("-12345.67", .floor, "-13000.00"),
        ("-12345.67", .ceiling, "-12000.00"),
        ("-12345.67", .towardZero, "-12000.00"),
        ("999.99", .towardZero, "0.00"),
    ]

    @Test("multiples of 1,000 EUR", arguments: cases)
    func thousands(_ text: String, _ rule: RoundingRule, _ expected: String) throws {
        let rounded = try money(text).rounded(toMultipleOf: Self.step, rule)
        #expect(rounded.amountText == expected)
    }

    @Test func cashRoundingToFiveCents() throws {
        let five = try money("0.05", .CHF)
        #expect(try money("12.34", .CHF).rounded(toMultipleOf: five, .halfUp).amountText == "12.35")  // 246.8 steps
        #expect(try money("12.32", .CHF).rounded(toMultipleOf: five, .halfUp).amountText == "12.30")  // 246.4 steps
        #expect(try money("12.325", .CHF).rounded(toMultipleOf: five, .halfUp).amountText == "12.350") // 246.5 steps
    }

    @Test func stepMustBePositiveAndInTheSameCurrency() throws {
        let amount = try money("12345.67")
        let zeroError = expectModelError(.outOfRange) { _ = try amount.rounded(toMultipleOf: .zero(.EUR), .halfUp) }
        #expect(zeroError?.field == "step")
        expectModelError(.outOfRange) { _ = try amount.rounded(toMultipleOf: Money(units: -1000, .EUR), .halfUp) }
        expectModelError(.currencyMismatch) {
            _ = try amount.rounded(toMultipleOf: Money(units: 1000, .USD), .halfUp)
        }
    }
}

// MARK: - Allocation

@Suite("Money allocation")
struct MoneyAllocationTests {
    /// (amount, currency, ratios, expected parts)
    static let cases: [(String, String, [String], [String])] = [
        ("100.00", "EUR", ["1", "1", "1"], ["33.34", "33.33", "33.33"]),
        ("0.05", "EUR", ["1", "1"], ["0.03", "0.02"]),
        ("10.00", "EUR", ["0.7", "0.2", "0.1"], ["7.00", "2.00", "1.00"]),
        ("-100.00", "EUR", ["1", "1", "1"], ["-33.34", "-33.33", "-33.33"]),
        ("100.00", "EUR", ["0", "1"], ["0.00", "100.00"]),
        ("100", "JPY", ["1", "1", "1"], ["34", "33", "33"]),
        // 100 cents in sixths: 16.67 | 33.33 | 50 → floors 16, 33, 50; the leftover cent goes to remainder 4/6.
        ("1.00", "EUR", ["1", "2", "3"], ["0.17", "0.33", "0.50"]),
        // Equal remainders: the earliest part gets the cent; a zero ratio never gets one.
        ("0.01", "EUR", ["1", "0", "1"], ["0.01", "0.00", "0.00"]),
        ("0.00", "EUR", ["1", "2"], ["0.00", "0.00"]),
        // An amount with more decimals than the minor units is split at its own scale.
        ("0.005", "EUR", ["1", "1"], ["0.003", "0.002"]),
        // An amount with fewer decimals is split in minor units.
        ("1", "EUR", ["1", "1", "1"], ["0.34", "0.33", "0.33"]),
        // 1000 mils in thirds: 333 r 1/3 | 666 r 2/3 → the leftover mil goes to the larger remainder.
        ("1.000", "KWD", ["1", "2"], ["0.333", "0.667"]),
    ]

    @Test("hand-computed splits", arguments: cases)
    func allocation(_ text: String, _ code: String, _ ratios: [String], _ expected: [String]) throws {
        let whole = try money(text, currency(code))
        let parts = try whole.allocated(by: ratios.map(decimal))
        #expect(parts.map(\.amountText) == expected)
        #expect(parts.allSatisfy { $0.currency.code == code })
        #expect(try Money.sum(parts, currency: whole.currency) == whole)
    }

    @Test func allocatedIntoEqualParts() throws {
        #expect(try money("100.00").allocated(into: 3).map(\.amountText) == ["33.34", "33.33", "33.33"])
        #expect(try money("100", .JPY).allocated(into: 3).map(\.amountText) == ["34", "33", "33"])
        #expect(try money("7.00").allocated(into: 1).map(\.amountText) == ["7.00"])
        expectModelError(.outOfRange) { _ = try money("1.00").allocated(into: 0) }
        expectModelError(.outOfRange) { _ = try money("1.00").allocated(into: -2) }
    }

    @Test func invalidRatios() throws {
        let amount = try money("100.00")
        expectModelError(.outOfRange) { _ = try amount.allocated(by: []) }
        let negative = expectModelError(.outOfRange) { _ = try amount.allocated(by: [-1, 2]) }
        #expect(negative?.field == "ratios[0]")
        expectModelError(.outOfRange) { _ = try amount.allocated(by: [0, 0]) }
        expectModelError(.invalidFormat) { _ = try amount.allocated(by: [1, .nan]) }
    }
}

// MARK: - JSON, equality, hashing

@Suite("Money JSON and equality")
struct MoneyCodingTests {
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    @Test func encodesAmountAsAString() throws {
        let data = try Self.encoder().encode(money("12.30"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"amount":"12.30","currency":"EUR"}"#)
        let negative = try Self.encoder().encode(money("-0.50", .USD))
        #expect(String(decoding: negative, as: UTF8.self) == #"{"amount":"-0.50","currency":"USD"}"#)
        let yen = try Self.encoder().encode(Money(units: 5, .JPY))
        #expect(String(decoding: yen, as: UTF8.self) == #"{"amount":"5","currency":"JPY"}"#)
    }

    @Test func roundTripKeepsTheScale() throws {
        let json = Data(#"{"amount":"12.300","currency":"EUR"}"#.utf8)
        let decoded = try JSONDecoder().decode(Money.self, from: json)
        #expect(decoded.amountText == "12.300")     // decoding is not strict
        #expect(decoded.scale == 3)
        #expect(decoded.currency == .EUR)
        let again = try Self.encoder().encode(decoded)
        #expect(String(decoding: again, as: UTF8.self) == #"{"amount":"12.300","currency":"EUR"}"#)
        #expect(try JSONDecoder().decode(Money.self, from: again) == decoded)
    }

    @Test func decodesOtherCurrencies() throws {
        let yen = try JSONDecoder().decode(Money.self, from: Data(#"{"currency":"JPY","amount":"1.5"}"#.utf8))
        #expect(yen.amountText == "1.5")
        #expect(yen.currency == .JPY)
        let lower = try JSONDecoder().decode(Money.self, from: Data(#"{"currency":"kwd","amount":"1.234"}"#.utf8))
        #expect(lower.currency.code == "KWD")
    }

    static let badDocuments = [
        #"{"amount":12.3,"currency":"EUR"}"#,          // a number, not a string
        #"{"amount":"abc","currency":"EUR"}"#,
        #"{"amount":"","currency":"EUR"}"#,
        #"{"amount":"1e3","currency":"EUR"}"#,
        #"{"amount":"1.00","currency":"ZZZ"}"#,        // unknown currency
        #"{"amount":"1.00","currency":"EURO"}"#,
        #"{"amount":"1.00"}"#,
        #"{"currency":"EUR"}"#,
        #"{"amount":null,"currency":"EUR"}"#,
        #""12.30 EUR""#,
    ]

    @Test("decoding errors", arguments: badDocuments)
    func decodeErrors(_ json: String) {
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(Money.self, from: Data(json.utf8)) }
    }

    @Test func equalityComparesValues() throws {
        let a = try money("12.30"), b = try money("12.3"), c = try money("12.300")
        #expect(a == b)
        #expect(a == c)
        #expect(a.hashValue == b.hashValue)
        #expect(a.hashValue == c.hashValue)
        #expect(Set([a, b, c]).count == 1)
        #expect(try money("0") == money("-0.00"))
        #expect(try money("0").hashValue == money("-0.00").hashValue)
        #expect(try money("12.30") != money("12.31"))
        #expect(try money("12.30") != money("12.30", .USD))
        #expect(try money("-1") != money("1"))
    }
}

// MARK: - Extreme values must throw, never trap

@Suite("Money extreme values")
struct MoneyExtremeValueTests {
    /// −(2^127 − 1) − 1 is exactly Int128.min. Whatever subtraction does (throw `.overflow` or return the value),
    /// the result must be usable: negating it, taking its magnitude or splitting it must not crash the process.
    @Test func smallestSignificandDoesNotTrap() async {
        await #expect(processExitsWith: .success) {
            let low = try Money(parsing: "-170141183460469231731687303715884105727", currency: .EUR, strict: false)
            if let lowest = try? low - Money(parsing: "1", currency: .EUR) {
                _ = lowest.negated
                _ = lowest.magnitude
                _ = try? lowest.allocated(into: 2)
                _ = try? Money.zero(.EUR) - lowest
            }
        }
    }

    /// (−2^64) × 2^63 = −2^127 = Int128.min again, this time through a product.
    @Test func productReachingTheSmallestSignificandDoesNotTrap() async {
        await #expect(processExitsWith: .success) {
            let amount = try Money(parsing: "-18446744073709551616", currency: .EUR, strict: false)
            if let product = try? amount.multiplied(by: Decimal(string: "9223372036854775808")!) {
                _ = product.negated
                _ = product.magnitude
            }
        }
    }
}
