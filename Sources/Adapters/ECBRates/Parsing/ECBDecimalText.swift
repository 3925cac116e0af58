import TradeCreditModel

/// Reads a rate as the ECB writes it (`1.1172`, `136`, `20275.17`) from UTF-8 bytes, keeping its digits exactly.
///
/// Only plain decimals are read: digits with at most one point and at most 38 digits in all. No sign, exponent,
/// grouping or space. Working on bytes (not `Character`s) keeps the 290,000 cells of the full history fast.
enum ECBDecimalText {
    /// The most digits an ``ExactDecimal`` holds without overflow.
    private static let maximumDigits = 38

    /// The number written in `bytes`, or `nil` when they are not a plain decimal number.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> ExactDecimal? {
        var significand: Int128 = 0
        var digits = 0
        var scale = 0
        var sawPoint = false
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digits += 1
                guard digits <= maximumDigits else { return nil }
                // At most 38 digits: the value stays below 10^38, well inside Int128.
                significand = significand &* 10 &+ Int128(digit)
                if sawPoint { scale += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
        }
        return digits > 0 ? ExactDecimal(significand: significand, scale: scale) : nil
    }

    /// The number written in `text`, or `nil` when it is not a plain decimal number.
    static func parse(_ text: String) -> ExactDecimal? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }
}
