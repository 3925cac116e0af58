package import Foundation

/// An exact decimal number `significand × 10^(−scale)` on a 128-bit integer core.
///
/// This is the arithmetic behind ``Money`` and ``RateTable``: Foundation's `Decimal` is exact but slow on Linux, so
/// the SDK computes on scaled integers and converts to `Decimal` only at the API. Operations that would not fit in
/// 128 bits throw ``ModelError`` `.overflow` rather than lose a digit. Division and rescaling take an explicit
/// ``RoundingRule``; nothing rounds implicitly.
package struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    /// The integer whose digits are the number's digits.
    package let significand: Int128
    /// Digits after the decimal point, 0…``maxScale``.
    package let scale: Int

    /// The largest scale kept: 10^38 still fits in `Int128`'s magnitude range when the significand is small.
    package static let maxScale = 38

    package init(significand: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= ExactDecimal.maxScale, "scale out of range")
        self.significand = significand
        self.scale = scale
    }

    package static let zero = ExactDecimal(significand: 0, scale: 0)

    /// A result of arithmetic: `Int128.min` has no positive counterpart (negating it traps), so it counts as overflow.
    private static func checked(_ significand: Int128, scale: Int) throws -> ExactDecimal {
        guard significand != .min else { throw overflowError }
        return ExactDecimal(significand: significand, scale: scale)
    }

    /// Parses plain decimal text: an optional sign, digits, an optional point and digits. No exponent, no grouping,
    /// no spaces inside; `NaN`, `inf`, `1e400`, `12abc` and the empty string are rejected.
    package static func parse(_ text: Substring, field: String? = nil) throws -> ExactDecimal {
        var significand: Int128 = 0
        var scale = 0
        var sawDigit = false
        var sawPoint = false
        var negative = false
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" || text[index] == "+" {
            negative = text[index] == "-"
            index = text.index(after: index)
        }
        while index < text.endIndex {
            let character = text[index]
            if character == "." {
                guard !sawPoint else { throw badNumber(text, field) }
                sawPoint = true
            } else if let digit = character.wholeNumberValue, character.isASCII {
                sawDigit = true
                let (shifted, o1) = significand.multipliedReportingOverflow(by: 10)
                let (next, o2) = shifted.addingReportingOverflow(Int128(digit))
                guard !o1, !o2 else {
                    throw ModelError(.overflow, field: field, value: String(text), "number has too many digits (at most 38)")
                }
                significand = next
                if sawPoint { scale += 1 }
            } else {
                throw badNumber(text, field)
            }
            index = text.index(after: index)
        }
        guard sawDigit else { throw badNumber(text, field) }
        guard scale <= maxScale else {
            throw ModelError(.overflow, field: field, value: String(text), "too many decimals (at most 38)")
        }
        return ExactDecimal(significand: negative ? -significand : significand, scale: scale)
    }

    private static func badNumber(_ text: Substring, _ field: String?) -> ModelError {
        ModelError(.invalidFormat, field: field, value: String(text), "not a plain decimal number (digits, one optional point)")
    }

    /// The exact value of a Foundation `Decimal`; NaN and values beyond 38 digits throw.
    package init(_ decimal: Decimal, field: String? = nil) throws {
        guard !decimal.isNaN else {
            throw ModelError(.invalidFormat, field: field, value: "NaN", "not a number")
        }
        // Decimal's description is plain positional notation (never an exponent), which the parser reads exactly.
        self = try ExactDecimal.parse(Substring(decimal.description), field: field)
    }

    /// The same value as a Foundation `Decimal` (exact: 38 digits fit in `Decimal`'s mantissa).
    package var decimalValue: Decimal {
        if let small = Int64(exactly: significand) {
            return Decimal(sign: small < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(small.magnitude))
        }
        return Decimal(string: plainText)!
    }

    /// Positional text with exactly `scale` decimals, e.g. `-12.30`.
    package var plainText: String {
        let digits = String(significand.magnitude)
        var text: String
        if scale == 0 {
            text = digits
        } else {
            let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
            let split = padded.index(padded.endIndex, offsetBy: -scale)
            text = padded[..<split] + "." + padded[split...]
        }
        return significand < 0 ? "-" + text : text
    }

    package var description: String { plainText }

    package var isZero: Bool { significand == 0 }
    package var isNegative: Bool { significand < 0 }
    package var negated: ExactDecimal { ExactDecimal(significand: -significand, scale: scale) }

    /// The same value with trailing zeros removed down to `minimumScale`.
    package func trimmed(minimumScale: Int = 0) -> ExactDecimal {
        var significand = self.significand
        var scale = self.scale
        while scale > minimumScale, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        return ExactDecimal(significand: significand, scale: scale)
    }

    /// The same value written with more decimals (`newScale ≥ scale`), exactly.
    package func widened(to newScale: Int) throws -> ExactDecimal {
        precondition(newScale >= scale)
        guard newScale <= ExactDecimal.maxScale else { throw ExactDecimal.overflowError }
        let factor = try ExactDecimal.powerOfTen(newScale - scale)
        let (value, overflow) = significand.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw ExactDecimal.overflowError }
        return try ExactDecimal.checked(value, scale: newScale)
    }

    /// The value rounded to `newScale` decimals by `rule`; widening when `newScale` is larger.
    package func rounded(scale newScale: Int, rule: RoundingRule) throws -> ExactDecimal {
        if newScale >= scale { return try widened(to: newScale) }
        let divisor = try ExactDecimal.powerOfTen(scale - newScale)
        return ExactDecimal(significand: ExactDecimal.divide(significand, by: divisor, rule: rule), scale: newScale)
    }

    package static func + (lhs: ExactDecimal, rhs: ExactDecimal) throws -> ExactDecimal {
        let scale = max(lhs.scale, rhs.scale)
        let (a, b) = (try lhs.widened(to: scale), try rhs.widened(to: scale))
        let (sum, overflow) = a.significand.addingReportingOverflow(b.significand)
        guard !overflow else { throw overflowError }
        return try checked(sum, scale: scale)
    }

    package static func - (lhs: ExactDecimal, rhs: ExactDecimal) throws -> ExactDecimal {
        try lhs + rhs.negated
    }

    /// The exact product; trailing zeros beyond `keepScale` are dropped so that chains of products stay small.
    package func multiplied(by other: ExactDecimal, keepScale: Int = 0) throws -> ExactDecimal {
        let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
        let productScale = self.scale + other.scale
        if overflow || product == .min || productScale > ExactDecimal.maxScale {
            // Try again with both operands trimmed before giving up.
            let a = trimmed(), b = other.trimmed()
            guard a != self || b != other else { throw ExactDecimal.overflowError }
            return try a.multiplied(by: b, keepScale: keepScale)
        }
        let result = ExactDecimal(significand: product, scale: productScale)
        return result.trimmed(minimumScale: max(min(keepScale, productScale), 0))
    }

    /// `self ÷ divisor`, rounded by `rule` to `scale` decimals. Exact up to that one rounding.
    package func divided(by divisor: ExactDecimal, scale resultScale: Int, rule: RoundingRule) throws -> ExactDecimal {
        guard divisor.significand != 0 else {
            throw ModelError(.invalidOperation, value: plainText, "division by zero")
        }
        // self/divisor × 10^resultScale = (s1 × 10^(resultScale + scale2 − scale1)) / s2
        let shift = resultScale + divisor.scale - scale
        var numerator = significand
        var denominator = divisor.significand
        if shift >= 0 {
            let (value, overflow) = numerator.multipliedReportingOverflow(by: try ExactDecimal.powerOfTen(shift))
            guard !overflow else { throw ExactDecimal.overflowError }
            numerator = value
        } else {
            let (value, overflow) = denominator.multipliedReportingOverflow(by: try ExactDecimal.powerOfTen(-shift))
            guard !overflow else { throw ExactDecimal.overflowError }
            denominator = value
        }
        return try ExactDecimal.checked(ExactDecimal.divide(numerator, by: denominator, rule: rule), scale: resultScale)
    }

    /// Three-way comparison of values (not of representations): `1.50 == 1.5`.
    package static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let scale = max(lhs.scale, rhs.scale)
        if let a = try? lhs.widened(to: scale), let b = try? rhs.widened(to: scale) {
            return a.significand < b.significand ? -1 : (a.significand > b.significand ? 1 : 0)
        }
        // Widening overflowed: compare the integer parts, then the fractions (each below 1, so they widen safely).
        let (lhsInteger, lhsFraction) = lhs.significand.quotientAndRemainder(dividingBy: powers[lhs.scale])
        let (rhsInteger, rhsFraction) = rhs.significand.quotientAndRemainder(dividingBy: powers[rhs.scale])
        if lhsInteger != rhsInteger { return lhsInteger < rhsInteger ? -1 : 1 }
        let a = lhsFraction * powers[scale - lhs.scale], b = rhsFraction * powers[scale - rhs.scale]
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    package static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { compare(lhs, rhs) == 0 }

    package func hash(into hasher: inout Hasher) {
        let canonical = trimmed()
        hasher.combine(canonical.significand)
        hasher.combine(canonical.scale)
    }

    /// `numerator ÷ denominator` rounded to an integer by `rule`.
    package static func divide(_ numerator: Int128, by denominator: Int128, rule: RoundingRule) -> Int128 {
        precondition(denominator != 0)
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let negative = (numerator < 0) != (denominator < 0)
        let awayFromZero: Int128 = negative ? quotient - 1 : quotient + 1
        // Compare 2·|r| with |d| without overflow: |r| < |d|, so |d| − |r| > 0.
        let r = remainder.magnitude, d = denominator.magnitude
        let half: Int = r > d - r ? 1 : (r == d - r ? 0 : -1)
        switch rule {
        case .towardZero: return quotient
        case .awayFromZero: return awayFromZero
        case .floor: return negative ? awayFromZero : quotient
        case .ceiling: return negative ? quotient : awayFromZero
        case .halfUp: return half >= 0 ? awayFromZero : quotient
        case .halfDown: return half > 0 ? awayFromZero : quotient
        case .halfEven:
            if half > 0 { return awayFromZero }
            if half < 0 { return quotient }
            return quotient % 2 == 0 ? quotient : awayFromZero
        }
    }

    private static let powers: [Int128] = {
        var values: [Int128] = [1]
        for _ in 1...38 { values.append(values.last! * 10) }
        return values
    }()

    package static func powerOfTen(_ exponent: Int) throws -> Int128 {
        guard exponent >= 0, exponent < powers.count else { throw overflowError }
        return powers[exponent]
    }

    package static let overflowError = ModelError(.overflow, "amount too large or too precise for exact arithmetic (38 digits)")
}
