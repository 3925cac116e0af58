public import Foundation

/// An exact amount of money in one currency.
///
/// The amount is exact (an `ExactDecimal` core, `Decimal` at the API) and keeps the scale it was given:
/// `"12.30"` stays `12.30`. Arithmetic between two currencies throws ``ModelError`` `.currencyMismatch`; nothing is
/// converted silently. Rounding is explicit (``rounded(_:)``) and allocation never loses a minor unit
/// (``allocated(by:)``). Equality compares values: `12.30 EUR == 12.3 EUR`.
///
/// JSON form: `{"amount":"12.30","currency":"EUR"}`; the amount is a string so that its scale survives.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The currency of the amount.
    public let currency: CurrencyCode
    /// The exact value behind ``amount``.
    package let value: ExactDecimal

    package init(exact value: ExactDecimal, currency: CurrencyCode) {
        self.value = value
        self.currency = currency
    }

    /// The amount as a Foundation `Decimal`.
    public var amount: Decimal { value.decimalValue }

    /// Decimals kept in the amount (at least the currency's minor units for amounts built from a `Decimal`).
    public var scale: Int { value.scale }

    /// An amount from a `Decimal`. The scale is that of the number, widened to the currency's minor units, so
    /// `Money(12.3, .EUR)` prints `12.30`. Nothing is rounded.
    /// - Throws: ``ModelError`` `.invalidFormat` for NaN, `.overflow` beyond 38 digits.
    public init(_ amount: Decimal, _ currency: CurrencyCode) throws {
        let exact = try ExactDecimal(amount, field: "amount")
        let scale = Swift.max(exact.scale, currency.minorUnits ?? 0)
        self.init(exact: try exact.widened(to: scale), currency: currency)
    }

    /// An amount from whole units of `currency` (`Money(units: 1000, .EUR)` is 1,000.00 EUR).
    public init(units: Int, _ currency: CurrencyCode) {
        let scale = currency.minorUnits ?? 0
        self.init(exact: ExactDecimal(significand: Int128(units) * (try! ExactDecimal.powerOfTen(scale)), scale: scale),
                  currency: currency)
    }

    /// Zero in `currency`, at its minor units.
    public static func zero(_ currency: CurrencyCode) -> Money { Money(units: 0, currency) }

    /// Parses a plain decimal amount such as `"1234.50"` or `"-3"` (no exponent, no grouping separators).
    ///
    /// - Parameters:
    ///   - text: the amount; leading and trailing whitespace is ignored.
    ///   - currency: the currency of the amount.
    ///   - strict: when `true`, more decimals than the currency's minor units is an error
    ///     (`.tooManyDecimals`); when `false`, the extra decimals are kept exactly.
    ///   - field: the field named in the errors thrown.
    /// - Throws: ``ModelError`` `.invalidFormat` for `""`, `"12abc"`, `"NaN"`, `"1e400"`; `.overflow` past 38 digits.
    public init(parsing text: String, currency: CurrencyCode, strict: Bool = true, field: String = "amount") throws {
        let exact = try ExactDecimal.parse(Substring(text.trimmingWhitespace()), field: field)
        if strict, let minor = currency.minorUnits, exact.scale > minor {
            throw ModelError(.tooManyDecimals, field: field, value: text,
                             "\(currency) has \(minor) decimal\(minor == 1 ? "" : "s")")
        }
        self.init(exact: exact, currency: currency)
    }

    /// `1234.50 EUR`.
    public var description: String { "\(value.plainText) \(currency.code)" }

    /// The amount as plain text with its scale, without the currency: `1234.50`.
    public var amountText: String { value.plainText }

    /// Whether the amount is zero.
    public var isZero: Bool { value.isZero }
    /// Whether the amount is below zero.
    public var isNegative: Bool { value.isNegative }
    /// Whether the amount is above zero.
    public var isPositive: Bool { value.significand > 0 }

    /// The opposite amount.
    public var negated: Money { Money(exact: value.negated, currency: currency) }

    /// The amount without sign.
    public var magnitude: Money { isNegative ? negated : self }

    public static func == (lhs: Money, rhs: Money) -> Bool { lhs.currency == rhs.currency && lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(currency)
        hasher.combine(value)
    }
}

// MARK: - Arithmetic within one currency

extension Money {
    /// Throws `.currencyMismatch` unless `other` is in the same currency.
    func requireSameCurrency(_ other: Money, _ operation: String) throws {
        guard currency == other.currency else {
            throw ModelError(.currencyMismatch, value: "\(currency) \(operation) \(other.currency)",
                             "cannot \(operation) amounts in different currencies; convert first")
        }
    }

    /// The exact sum. - Throws: `.currencyMismatch`, `.overflow`.
    public static func + (lhs: Money, rhs: Money) throws -> Money {
        try lhs.requireSameCurrency(rhs, "add")
        return Money(exact: try lhs.value + rhs.value, currency: lhs.currency)
    }

    /// The exact difference. - Throws: `.currencyMismatch`, `.overflow`.
    public static func - (lhs: Money, rhs: Money) throws -> Money {
        try lhs.requireSameCurrency(rhs, "subtract")
        return Money(exact: try lhs.value - rhs.value, currency: lhs.currency)
    }

    /// The exact product by a factor (a rate, a percentage as a fraction). The scale grows as needed; round
    /// explicitly afterwards. - Throws: `.overflow`, `.invalidFormat` for a NaN factor.
    public func multiplied(by factor: Decimal) throws -> Money {
        try multiplied(by: ExactDecimal(factor, field: "factor"))
    }

    package func multiplied(by factor: ExactDecimal) throws -> Money {
        Money(exact: try value.multiplied(by: factor, keepScale: scale), currency: currency)
    }

    /// The quotient by `divisor`, rounded once by `rule` to the currency's minor units (or to `scale` when given).
    /// - Throws: `.invalidOperation` for a zero divisor, `.overflow`.
    public func divided(by divisor: Decimal, rule: RoundingRule, scale: Int? = nil) throws -> Money {
        let target = scale ?? currency.minorUnits ?? self.scale
        let exact = try value.divided(by: ExactDecimal(divisor, field: "divisor"), scale: target, rule: rule)
        return Money(exact: exact, currency: currency)
    }

    /// Three-way comparison: negative, zero or positive. - Throws: `.currencyMismatch`.
    public func compare(to other: Money) throws -> Int {
        try requireSameCurrency(other, "compare")
        return ExactDecimal.compare(value, other.value)
    }

    /// The smaller of two amounts of one currency. - Throws: `.currencyMismatch`.
    public static func min(_ a: Money, _ b: Money) throws -> Money { try a.compare(to: b) <= 0 ? a : b }

    /// The larger of two amounts of one currency. - Throws: `.currencyMismatch`.
    public static func max(_ a: Money, _ b: Money) throws -> Money { try a.compare(to: b) >= 0 ? a : b }

    /// The exact total of `amounts`, all in `currency`; zero for an empty list. - Throws: `.currencyMismatch`.
    public static func sum(_ amounts: some Sequence<Money>, currency: CurrencyCode) throws -> Money {
        try amounts.reduce(Money.zero(currency)) { try $0 + $1 }
    }
}

// MARK: - Rounding

extension Money {
    /// The amount rounded once by `rule` to the currency's minor units. Currencies without minor units in ISO 4217
    /// (metals, funds such as XDR) are returned unchanged.
    public func rounded(_ rule: RoundingRule = .halfUp) -> Money {
        guard let minor = currency.minorUnits else { return self }
        // Rounding to fewer decimals never overflows. Widening to the minor units overflows only for amounts of
        // 37 or more integer digits; those keep their scale (their value is already a whole number of units).
        return (try? rounded(scale: minor, rule)) ?? self
    }

    /// The amount rounded by `rule` to `scale` decimals (or widened to it). - Throws: `.overflow`.
    public func rounded(scale: Int, _ rule: RoundingRule) throws -> Money {
        Money(exact: try value.rounded(scale: scale, rule: rule), currency: currency)
    }

    /// The amount rounded to a multiple of `step` (a limit step of 1,000 EUR, say), by `rule`.
    /// - Throws: `.currencyMismatch`, `.outOfRange` for a step that is not positive.
    public func rounded(toMultipleOf step: Money, _ rule: RoundingRule) throws -> Money {
        try requireSameCurrency(step, "round")
        guard step.isPositive else {
            throw ModelError(.outOfRange, field: "step", value: step.description, "a rounding step must be positive")
        }
        let scale = Swift.max(value.scale, step.value.scale)
        let (a, b) = (try value.widened(to: scale), try step.value.widened(to: scale))
        let multiples = ExactDecimal.divide(a.significand, by: b.significand, rule: rule)
        let (product, overflow) = multiples.multipliedReportingOverflow(by: b.significand)
        guard !overflow, product != .min else { throw ExactDecimal.overflowError }
        return Money(exact: ExactDecimal(significand: product, scale: scale), currency: currency)
    }

    /// Whether the amount has no more decimals than the currency's minor units.
    public var isRoundedToMinorUnits: Bool {
        guard let minor = currency.minorUnits else { return true }
        return value.trimmed().scale <= minor
    }
}

// MARK: - Codable

extension Money: Codable {
    private enum CodingKeys: String, CodingKey { case amount, currency }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(CurrencyCode.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        do {
            try self.init(parsing: text, currency: currency, strict: false)
        } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value.plainText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}
