/// One element tag read by ``ECBXMLTokenizer``.
enum ECBXMLToken: Equatable {
    /// `<name a='1'>`, or `<name a='1'/>` when `isEmpty`; `line` is the 1-based line of its `<`.
    case start(name: String, attributes: [ECBXMLAttribute], isEmpty: Bool, line: Int)
    /// `</name>`; `line` is the 1-based line of its `<`.
    case end(name: String, line: Int)
}

/// One attribute of a start tag, its value with entity and character references replaced.
struct ECBXMLAttribute: Equatable {
    /// The qualified name as written (`time`, `xmlns:gesmes`).
    let name: String
    /// The value, decoded.
    let value: String
}

/// A small XML tokenizer for the ECB's reference-rate files, and nothing more general.
///
/// It returns element tags with their attributes; it skips the XML declaration and other processing instructions,
/// comments, CDATA sections and character data (the rates are all in attributes). It refuses any `<!DOCTYPE`,
/// `<!ENTITY` or other markup declaration, so no entity can be defined, let alone expanded: only the five predefined
/// entities and numeric character references are decoded, in attribute values. Errors carry the line (counted from
/// the newlines before the offending byte).
struct ECBXMLTokenizer {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    /// The line of the byte at `countedOffset`: tags are numbered by counting on from the previous one.
    private var countedOffset = 0
    private var countedLine = 1

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// The offset just past the input, for errors at its end.
    var endOffset: Int { bytes.count }

    /// The 1-based line of the byte at `offset`, counted from the start (for errors).
    func line(at offset: Int) -> Int {
        var line = 1
        for byte in bytes[..<min(offset, bytes.count)] where byte == UInt8(ascii: "\n") { line += 1 }
        return line
    }

    /// The 1-based line of the byte at `offset`, counted on from the previous call (offsets only grow).
    private mutating func advanceLine(to offset: Int) -> Int {
        for byte in bytes[countedOffset..<offset] where byte == UInt8(ascii: "\n") { countedLine += 1 }
        countedOffset = offset
        return countedLine
    }

    /// A `.malformed` error at `offset`.
    func malformed(at offset: Int, field: String? = nil, _ message: String) -> ECBRatesError {
        malformed(line: line(at: offset), field: field, message)
    }

    /// A `.malformed` error on `line`.
    func malformed(line: Int, field: String? = nil, _ message: String) -> ECBRatesError {
        ECBRatesError.malformed(file, line: line, field: field, message)
    }

    /// The next element tag, or `nil` at the end of the input.
    mutating func next() throws -> ECBXMLToken? {
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else {
                // Character data: not used by the ECB files, skipped up to the next tag.
                position = bytes[position...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                continue
            }
            let start = position
            switch position + 1 < bytes.count ? bytes[position + 1] : 0 {
            case UInt8(ascii: "?"):
                try skip(past: "?>", openerLength: 2, what: "processing instruction")
            case UInt8(ascii: "!"):
                if hasPrefix("<!--") {
                    try skip(past: "-->", openerLength: 4, what: "comment")
                } else if hasPrefix("<![CDATA[") {
                    try skip(past: "]]>", openerLength: 9, what: "CDATA section")
                } else {
                    // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST…: no DTD, so no entity, is ever read.
                    throw ECBRatesError(.unsupportedFormat, file: file, line: line(at: start),
                                        message: "DTDs and entities are not accepted")
                }
            case UInt8(ascii: "/"):
                return try readEndTag()
            default:
                return try readStartTag()
            }
        }
        return nil
    }

    // MARK: Markup

    private func hasPrefix(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in
            (0..<count).allSatisfy { bytes[position + $0] == prefix[$0] }
        }
    }

    /// Moves past the next `terminator` after the opener (`<!--`, of `openerLength` bytes) at the current position.
    /// - Throws: `.malformed` when the input ends first.
    private mutating func skip(past terminator: StaticString, openerLength: Int, what: String) throws {
        let start = position
        let pattern = terminator.withUTF8Buffer { Array($0) }
        var index = position + openerLength
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                position = index + pattern.count
                return
            }
            index += 1
        }
        throw malformed(at: bytes.count, "the document ends inside a \(what) (line \(line(at: start))): truncated")
    }

    private mutating func readEndTag() throws -> ECBXMLToken {
        let start = position
        position += 2
        let name = try readName(in: start)
        skipWhitespace()
        try expect(">", in: start)
        return .end(name: name, line: advanceLine(to: start))
    }

    private mutating func readStartTag() throws -> ECBXMLToken {
        let start = position
        position += 1
        let name = try readName(in: start)
        var attributes: [ECBXMLAttribute] = []
        while true {
            let hadSpace = skipWhitespace()
            guard position < bytes.count else { throw truncatedTag(start) }
            switch bytes[position] {
            case UInt8(ascii: ">"):
                position += 1
                return .start(name: name, attributes: attributes, isEmpty: false, line: advanceLine(to: start))
            case UInt8(ascii: "/"):
                position += 1
                try expect(">", in: start)
                return .start(name: name, attributes: attributes, isEmpty: true, line: advanceLine(to: start))
            default:
                guard hadSpace else { throw malformed(at: position, "attributes must be separated by spaces in <\(name)>") }
                let attribute = try readAttribute(in: start)
                guard !attributes.contains(where: { $0.name == attribute.name }) else {
                    throw malformed(at: start, field: attribute.name, "the attribute appears twice in <\(name)>")
                }
                attributes.append(attribute)
            }
        }
    }

    /// `name = 'value'` or `name = "value"`.
    private mutating func readAttribute(in tag: Int) throws -> ECBXMLAttribute {
        let name = try readName(in: tag)
        skipWhitespace()
        try expect("=", in: tag)
        skipWhitespace()
        guard position < bytes.count else { throw truncatedTag(tag) }
        let quote = bytes[position]
        guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
            throw malformed(at: position, field: name, "an attribute value must be in quotes")
        }
        let valueStart = position + 1
        guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else { throw truncatedTag(tag) }
        position = valueEnd + 1
        let value = try ECBXMLAttributeValue.decode(bytes[valueStart..<valueEnd]) { message in
            malformed(at: valueStart, field: name, message)
        }
        return ECBXMLAttribute(name: name, value: value)
    }

    /// An element or attribute name: everything up to a space, `=`, `/`, `>` or another markup character.
    private mutating func readName(in tag: Int) throws -> String {
        let start = position
        while position < bytes.count, !Self.endsName(bytes[position]) { position += 1 }
        guard position > start else {
            if position >= bytes.count { throw truncatedTag(tag) }
            throw malformed(at: position, "expected a name in a tag, found \(ECBRatesError.quoted(bytes: bytes[position...].prefix(1)))")
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: "="), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"),
             UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "&"), UInt8(ascii: "?"), UInt8(ascii: "!"):
            return true
        default:
            return false
        }
    }

    /// Skips spaces, tabs and line breaks; returns whether there were any.
    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = position
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
        return position > start
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private mutating func expect(_ character: Unicode.Scalar, in tag: Int) throws {
        guard position < bytes.count else { throw truncatedTag(tag) }
        guard bytes[position] == UInt8(ascii: character) else {
            throw malformed(at: position, "expected \"\(character)\" in a tag, found \(ECBRatesError.quoted(bytes: bytes[position...].prefix(1)))")
        }
        position += 1
    }

    private func truncatedTag(_ start: Int) -> ECBRatesError {
        malformed(at: bytes.count, "the document ends inside a tag (line \(line(at: start))): truncated")
    }
}
