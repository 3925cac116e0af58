/// A strict RFC 8259 JSON reader over raw bytes that keeps number literals as text (see ``RawJSONValue``).
///
/// It accepts exactly one value surrounded by optional whitespace, rejects repeated object keys (a repeated
/// currency or date would be ambiguous), invalid UTF-8, unescaped control characters, and nesting deeper than
/// ``maxDepth``, so that garbage or a hostile body ends in a ``RawJSONError`` rather than a crash.
struct RawJSONScanner {
    /// The deepest nesting of arrays and objects accepted; Frankfurter's deepest document has three levels.
    static let maxDepth = 32

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses `bytes` as one JSON document. - Throws: ``RawJSONError`` with the byte offset of the problem.
    static func parse(_ bytes: some Sequence<UInt8>) throws(RawJSONError) -> RawJSONValue {
        var scanner = RawJSONScanner(Array(bytes))
        scanner.skipWhitespace()
        let value = try scanner.value()
        scanner.skipWhitespace()
        guard scanner.index == scanner.bytes.count else { throw scanner.error("unexpected text after the document") }
        return value
    }

    // MARK: Values

    private mutating func value() throws(RawJSONError) -> RawJSONValue {
        guard let byte = peek() else { throw error("unexpected end of the document") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character")
        }
    }

    private mutating func object() throws(RawJSONError) -> RawJSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var members: [String: RawJSONValue] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let keyOffset = index
            let key = try string()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("expected ':' after a member name") }
            skipWhitespace()
            let member = try value()
            guard members.updateValue(member, forKey: key) == nil else {
                throw RawJSONError(offset: keyOffset, reason: "the member name \"\(key.prefix(40))\" is repeated")
            }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return .object(members) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func array() throws(RawJSONError) -> RawJSONValue {
        try enterContainer()
        defer { depth -= 1 }
        var elements: [RawJSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func enterContainer() throws(RawJSONError) {
        guard depth < Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
        depth += 1
        index += 1
    }

    private mutating func literal(_ word: String) throws(RawJSONError) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw error("unexpected character")
        }
        index += expected.count
    }

    // MARK: Numbers

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as its text.
    private mutating func number() throws(RawJSONError) -> String {
        let start = index
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            if let next = peek(), isDigit(next) { throw error("a number cannot have a leading zero") }
        } else {
            guard digits() > 0 else { throw error("expected a digit") }
        }
        if consume(UInt8(ascii: ".")) {
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func digits() -> Int {
        let start = index
        while let byte = peek(), isDigit(byte) { index += 1 }
        return index - start
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: Strings

    private mutating func string() throws(RawJSONError) -> String {
        let start = index
        index += 1  // the opening quote
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw RawJSONError(offset: start, reason: "a string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0..<0x20:
                throw RawJSONError(offset: index - 1, reason: "a control character inside a string")
            default:
                utf8.append(byte)
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(RawJSONError) {
        guard let byte = peek() else { throw error("unterminated escape") }
        index += 1
        let simple: UInt8? = switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            utf8.append(simple)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw RawJSONError(offset: index - 1, reason: "unknown escape") }
        var scalar = try hexQuad()
        if (0xD800..<0xDC00).contains(scalar) {
            // A high surrogate must be followed by an escaped low surrogate.
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else { throw error("unpaired surrogate") }
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw error("unpaired surrogate") }
        utf8.append(contentsOf: String(Character(unicode)).utf8)
    }

    private mutating func hexQuad() throws(RawJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else { throw error("expected four hex digits") }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    // MARK: Bytes

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private func error(_ reason: String) -> RawJSONError { RawJSONError(offset: index, reason: reason) }
}

/// Why ``RawJSONScanner`` rejected a document, and where.
struct RawJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset of the problem from the start of the document.
    let offset: Int
    /// What is wrong, in a few words.
    let reason: String

    var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
