import TradeCreditModel

extension ExactDecimal {
    /// The exact value of a JSON number literal (`1.0892`, `150.10`, `1.5e-3`), digits and trailing zeros kept.
    ///
    /// The literal must already match the JSON grammar (``RawJSONScanner`` checks it). An exponent moves the decimal
    /// point without rounding: `1.5e-3` is `0.0015`, `2.5E+2` is `250`.
    /// - Throws: ``ModelError`` `.overflow` beyond 38 digits or 38 decimals, `.invalidFormat` for text that is not
    ///   a number.
    init(jsonNumber text: String, field: String) throws {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
        let mantissa = try ExactDecimal.parse(parts[0], field: field)
        guard parts.count == 2 else {
            guard parts.count == 1 else { throw ModelError(.invalidFormat, field: field, value: text, "not a JSON number") }
            self = mantissa
            return
        }
        let digits = parts[1].drop { $0 == "+" }
        // Exponents beyond ±76 cannot give a value the 38-digit core holds; checking first keeps Int() small.
        guard digits.count <= 4, let exponent = Int(digits), abs(exponent) <= 2 * ExactDecimal.maxScale else {
            throw ModelError(.overflow, field: field, value: text, "exponent out of range")
        }
        let scale = mantissa.scale - exponent
        if scale >= 0 {
            guard scale <= ExactDecimal.maxScale else {
                throw ModelError(.overflow, field: field, value: text, "too many decimals (at most 38)")
            }
            self = ExactDecimal(significand: mantissa.significand, scale: scale)
        } else {
            let (value, overflow) = mantissa.significand.multipliedReportingOverflow(by: try ExactDecimal.powerOfTen(-scale))
            guard !overflow, value != .min else { throw ModelError(.overflow, field: field, value: text, "number too large") }
            self = ExactDecimal(significand: value, scale: 0)
        }
    }
}
