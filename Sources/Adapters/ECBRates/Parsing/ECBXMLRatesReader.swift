import TradeCreditModel

/// Reads the ECB's XML files (`eurofxref-daily.xml`, `eurofxref-hist-90d.xml`, `eurofxref-hist.xml`) from the tags
/// of ``ECBXMLTokenizer``.
///
/// The document is a `gesmes:Envelope` holding three levels of `Cube` in the eurofxref namespace: one `Cube`, a
/// `Cube time='…'` per day, a `Cube currency='…' rate='…'` per rate. Namespaces are resolved through their
/// declarations, so any prefix works; a root or `Cube` in another namespace is refused (`.unsupportedFormat`).
/// Other elements (`gesmes:subject`, `gesmes:Sender`) are ignored.
struct ECBXMLRatesReader {
    /// The namespace of the `Cube` elements.
    static let ratesNamespace = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref"
    /// The namespace of the `Envelope` root.
    static let envelopeNamespace = "http://www.gesmes.org/xml/2002-08-01"
    private static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// An element whose end tag has not been read yet.
    private struct OpenElement {
        let name: String
        let line: Int
        /// Namespace URIs by prefix (`""` for the default namespace) in scope inside the element.
        let namespaces: [String: String]
        /// 1, 2 or 3 for a `Cube` at that level; for any other element, the level of the nearest `Cube` around it.
        let cubeLevel: Int
        let isCube: Bool
    }

    /// The day being read: its date, line and rates so far.
    private struct OpenDay {
        let date: CalendarDate
        let line: Int
        /// Room for the 30-odd currencies of a day, so that the dictionary does not grow while it is filled.
        var rates = [CurrencyCode: ExactDecimal](minimumCapacity: 48)
    }

    private let file: String
    private var tokenizer: ECBXMLTokenizer
    private var collector: ECBPublicationCollector
    private var stack: [OpenElement] = []
    private var day: OpenDay?
    /// Currency codes met so far: each code is validated once, not once per day.
    private var currencies: [String: CurrencyCode] = [:]
    private var sawRoot = false

    private init(bytes: [UInt8], file: String) {
        self.file = file
        tokenizer = ECBXMLTokenizer(bytes: bytes, file: file)
        collector = ECBPublicationCollector(file: file)
    }

    /// The publications in the document, oldest first; `file` names the file in errors.
    /// - Throws: ``ECBRatesError`` `.unsupportedFormat` for a DTD, an entity declaration or a foreign namespace,
    ///   `.malformed` (naming the line and the attribute) for anything else that is wrong.
    static func read(_ bytes: [UInt8], file: String) throws -> [RatePublication] {
        var reader = ECBXMLRatesReader(bytes: bytes, file: file)
        return try reader.run()
    }

    private mutating func run() throws -> [RatePublication] {
        while let token = try tokenizer.next() {
            switch token {
            case let .start(name, attributes, isEmpty, line):
                try open(name, attributes: attributes, line: line)
                if isEmpty { try close(name, line: line) }
            case let .end(name, line):
                try close(name, line: line)
            }
        }
        if let innermost = stack.last {
            throw tokenizer.malformed(at: tokenizer.endOffset,
                                      "the document ends before <\(innermost.name)> (line \(innermost.line)) is closed: truncated")
        }
        guard sawRoot else { throw tokenizer.malformed(at: tokenizer.endOffset, "no root element") }
        return collector.sorted()
    }

    // MARK: Elements

    private mutating func open(_ name: String, attributes: [ECBXMLAttribute], line: Int) throws {
        let parent = stack.last
        guard parent != nil || !sawRoot else {
            throw tokenizer.malformed(line: line, "a second root element <\(name)>")
        }
        let namespaces = scope(parent?.namespaces ?? ["xml": Self.xmlNamespace], adding: attributes)
        let (namespace, localName) = try resolve(name, in: namespaces, line: line)
        if parent == nil {
            sawRoot = true
            guard localName == "Envelope", namespace == Self.envelopeNamespace else {
                throw unsupported(line: line, "the root element is <\(name)> in namespace \(namespace ?? "(none)"), "
                                  + "not a gesmes:Envelope of \(Self.envelopeNamespace)")
            }
        }
        let isCube = localName == "Cube"
        if isCube, namespace != Self.ratesNamespace {
            throw unsupported(line: line, "<\(name)> is in namespace \(namespace ?? "(none)"), not \(Self.ratesNamespace)")
        }
        let level = (parent?.cubeLevel ?? 0) + (isCube ? 1 : 0)
        if isCube { try openCube(level: level, attributes: attributes, line: line) }
        stack.append(OpenElement(name: name, line: line, namespaces: namespaces, cubeLevel: level, isCube: isCube))
    }

    private mutating func close(_ name: String, line: Int) throws {
        guard let element = stack.popLast() else {
            throw tokenizer.malformed(line: line, "</\(name)> closes no element")
        }
        guard element.name == name else {
            throw tokenizer.malformed(line: line,
                                      "</\(name)> does not close <\(element.name)> (line \(element.line))")
        }
        if element.isCube, element.cubeLevel == 2, let day {
            try collector.add(date: day.date, rates: day.rates, line: day.line)
            self.day = nil
        }
    }

    // MARK: Cubes

    private mutating func openCube(level: Int, attributes: [ECBXMLAttribute], line: Int) throws {
        switch level {
        case 1:
            break
        case 2:
            let text = try attribute("time", of: attributes, line: line)
            guard let date = ECBDateText.parse(text) else {
                throw tokenizer.malformed(line: line, field: "time",
                                          "not a date as YYYY-MM-DD \(ECBRatesError.quoted(text))")
            }
            day = OpenDay(date: date, line: line)
        case 3:
            try readRate(attributes, line: line)
        default:
            throw tokenizer.malformed(line: line, "a Cube nested deeper than the three levels of the ECB format")
        }
    }

    private mutating func readRate(_ attributes: [ECBXMLAttribute], line: Int) throws {
        guard let date = day?.date else {
            throw tokenizer.malformed(line: line, "a rate outside a day's Cube")
        }
        let code = try attribute("currency", of: attributes, line: line)
        let currency: CurrencyCode
        if let known = currencies[code] {
            currency = known
        } else {
            guard let valid = try? CurrencyCode(code) else {
                throw tokenizer.malformed(line: line, field: "currency", "not a known currency code \(ECBRatesError.quoted(code))")
            }
            currencies[code] = valid
            currency = valid
        }
        let text = try attribute("rate", of: attributes, line: line)
        guard let rate = ECBDecimalText.parse(text) else {
            throw tokenizer.malformed(line: line, field: "rate",
                                      "not a plain decimal number for \(currency) \(ECBRatesError.quoted(text))")
        }
        guard rate.significand > 0 else {
            throw tokenizer.malformed(line: line, field: "rate", "a rate must be positive for \(currency) \(ECBRatesError.quoted(text))")
        }
        guard day?.rates.updateValue(rate, forKey: currency) == nil else {
            throw tokenizer.malformed(line: line, field: "currency", "\(currency) is quoted twice on \(date)")
        }
    }

    /// The value of the unprefixed attribute `name`. - Throws: `.malformed` naming it when it is missing.
    private func attribute(_ name: String, of attributes: [ECBXMLAttribute], line: Int) throws -> String {
        guard let value = attributes.first(where: { $0.name == name })?.value else {
            throw tokenizer.malformed(line: line, field: name, "missing attribute")
        }
        return value
    }

    // MARK: Namespaces

    /// `inherited` with the `xmlns` and `xmlns:prefix` declarations of `attributes` applied.
    private func scope(_ inherited: [String: String], adding attributes: [ECBXMLAttribute]) -> [String: String] {
        var namespaces = inherited
        for attribute in attributes {
            if attribute.name == "xmlns" {
                // `xmlns=""` takes the default namespace away.
                namespaces[""] = attribute.value.isEmpty ? nil : attribute.value
            } else if attribute.name.hasPrefix("xmlns:") {
                namespaces[String(attribute.name.dropFirst(6))] = attribute.value
            }
        }
        return namespaces
    }

    /// The namespace URI (nil for none) and local part of a qualified element name.
    private func resolve(_ name: String, in namespaces: [String: String], line: Int) throws -> (String?, String) {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return (namespaces[""], name) }
        let prefix = String(name[..<colon])
        guard let namespace = namespaces[prefix] else {
            throw tokenizer.malformed(line: line, "the namespace prefix \"\(prefix)\" of <\(name)> is not declared")
        }
        return (namespace, String(name[name.utf8.index(after: colon)...]))
    }

    private func unsupported(line: Int, _ message: String) -> ECBRatesError {
        ECBRatesError(.unsupportedFormat, file: file, line: line, message: message)
    }
}
