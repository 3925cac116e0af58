/// Decodes an XML attribute value: the five predefined entities (`&lt;` `&gt;` `&amp;` `&apos;` `&quot;`), decimal
/// and hexadecimal character references (`&#38;` `&#x26;`), and tabs and line breaks read as spaces, as XML
/// normalises attribute values. Any other reference is refused: with no DTD, no other entity exists.
enum ECBXMLAttributeValue {
    /// The longest reference accepted between `&` and `;` (`#x10FFFF` is 8 bytes).
    private static let maximumReferenceLength = 10

    private static let predefined: [String: UInt8] = [
        "lt": UInt8(ascii: "<"), "gt": UInt8(ascii: ">"), "amp": UInt8(ascii: "&"),
        "apos": UInt8(ascii: "'"), "quot": UInt8(ascii: "\""),
    ]

    /// The decoded text of `raw` (the bytes between the quotes); `error` builds the error for a message.
    static func decode(_ raw: ArraySlice<UInt8>, error: (String) -> ECBRatesError) throws -> String {
        let needsWork = raw.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 < 0x20 }
        guard needsWork else { return String(decoding: raw, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            switch byte {
            case UInt8(ascii: "<"):
                throw error("\"<\" is not allowed in an attribute value")
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                output.append(UInt8(ascii: " "))
                index += 1
            case UInt8(ascii: "&"):
                let searchEnd = min(raw.endIndex, index + 2 + maximumReferenceLength)
                guard let semicolon = raw[(index + 1)..<searchEnd].firstIndex(of: UInt8(ascii: ";")) else {
                    throw error("\"&\" must start an entity or character reference ending with \";\"")
                }
                let reference = String(decoding: raw[(index + 1)..<semicolon], as: UTF8.self)
                try append(reference: reference, to: &output, error: error)
                index = semicolon + 1
            default:
                guard byte >= 0x20 else { throw error("control character \(byte) in an attribute value") }
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func append(reference: String, to output: inout [UInt8], error: (String) -> ECBRatesError) throws {
        if let byte = predefined[reference] {
            output.append(byte)
            return
        }
        guard reference.hasPrefix("#") else {
            throw error("unknown entity &\(reference); (only &lt; &gt; &amp; &apos; &quot; and character references)")
        }
        let digits = reference.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") {
            let hex = digits.dropFirst()
            value = hex.allSatisfy(\.isHexDigit) ? UInt32(hex, radix: 16) : nil
        } else {
            value = digits.allSatisfy { $0.isASCII && $0.isNumber } ? UInt32(digits) : nil
        }
        guard let value, isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
            throw error("not a valid character reference &\(reference);")
        }
        output.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// XML 1.0's `Char` production: tab, line feed, carriage return and the code points from U+0020, without the
    /// surrogates, U+FFFE and U+FFFF.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
