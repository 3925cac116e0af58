/// One identifier of a buyer (the insured's customer): a scheme, its value in normalised form and, where known, a
/// country.
///
/// A value is checked when the identifier is made, so an instance always holds a well-formed number with verified
/// check digits. Typed separators are dropped and letters upper-cased (`552 100 554` becomes `552100554`), Greek VAT
/// numbers typed with `GR` take their VIES prefix `EL`, and UK company numbers get back their leading zeros.
///
/// The country is implied by the scheme where it can be: `FR` for a SIREN or SIRET, `GB` for a UK company number, and
/// the country of the VIES prefix for a VAT number (`EL` → `GR`, `XI` → `GB`). An LEI, a DUNS number, a registry or a
/// provider number has the country it was given, if any.
///
/// - Text form: `SCHEME:VALUE`, such as `siren:552100554`, `registry:RA000585:HRB 12345` or
///   `provider:creditsafe:FR-X-552100554`. It does not carry a country that the scheme does not imply.
/// - JSON form: `{"scheme":"siren","value":"552100554","country":"FR"}`, without `country` when there is none.
public struct BuyerIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// What kind of number ``value`` is.
    public let scheme: IdentifierScheme
    /// The number in normalised form, e.g. `552100554`, `FR40303265045`, `00445790`.
    public let value: String
    /// The country the identifier belongs to: implied by the scheme, or as given.
    public let country: CountryCode?

    /// Checks `value` against the rules of `scheme` and stores it in normalised form.
    /// - Parameters:
    ///   - scheme: what kind of number `value` is.
    ///   - value: the number as typed; separators are dropped and letters upper-cased.
    ///   - country: needed by no scheme; when the scheme implies a country, it must be that one.
    /// - Throws: ``ModelError`` with `field` set to the scheme's text: `.invalidFormat` when the value does not have
    ///   the scheme's shape (or the scheme's authority or provider name is bad), `.invalidChecksum` when its check
    ///   digits do not verify, `.inconsistent` when `country` contradicts the country the value implies.
    public init(scheme: IdentifierScheme, value: String, country: CountryCode? = nil) throws {
        let scheme = try scheme.normalized()
        let checked = try IdentifierNormalization.check(value, scheme: scheme)
        self.scheme = scheme
        self.value = checked.value
        guard let implied = checked.impliedCountry else {
            self.country = country
            return
        }
        if let country, country.code != implied {
            throw ModelError(
                .inconsistent, field: scheme.text, value: country.code,
                "this \(scheme.text) identifier belongs to country \(implied)"
            )
        }
        // The ISO 3166 table may lack the country; the identifier is still valid without it.
        self.country = country ?? (try? CountryCode(implied))
    }

    /// Parses the text form `SCHEME:VALUE`. For `registry:` and `provider:` the scheme runs to the second colon, so
    /// `registry:RA000585:HRB 12345` has scheme `registry:RA000585` and value `HRB 12345`.
    /// - Throws: ``ModelError`` `.invalidFormat` (field `scheme`) when there is no scheme, otherwise as
    ///   ``init(scheme:value:country:)``.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace()
        guard var split = trimmed.firstIndex(of: ":") else {
            throw ModelError(
                .invalidFormat, field: "scheme", value: text,
                "an identifier's text form is SCHEME:VALUE, e.g. siren:552100554"
            )
        }
        let keyword = trimmed[..<split].lowercased()
        if keyword == "registry" || keyword == "provider" {
            guard let second = trimmed[trimmed.index(after: split)...].firstIndex(of: ":") else {
                throw ModelError(
                    .invalidFormat, field: "scheme", value: text,
                    "a \(keyword) identifier's text form is \(keyword):<name>:VALUE"
                )
            }
            split = second
        }
        let scheme = try IdentifierScheme(parsing: String(trimmed[..<split]))
        try self.init(scheme: scheme, value: String(trimmed[trimmed.index(after: split)...]))
    }

    /// The text form, `SCHEME:VALUE`.
    public var description: String { "\(scheme.text):\(value)" }
}

extension BuyerIdentifier: Codable {
    private enum CodingKeys: String, CodingKey {
        case scheme, value, country
    }

    /// Decodes and validates; a ``ModelError`` becomes `DecodingError.dataCorrupted` carrying its description.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scheme = try container.decode(IdentifierScheme.self, forKey: .scheme)
        let value = try container.decode(String.self, forKey: .value)
        let country = try container.decodeIfPresent(CountryCode.self, forKey: .country)
        do {
            try self.init(scheme: scheme, value: value, country: country)
        } catch let error as ModelError {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath, debugDescription: error.description, underlyingError: error
                )
            )
        }
    }

    /// Encodes `scheme`, `value` and, when known, `country`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(country, forKey: .country)
    }
}

// MARK: - Validation

/// Checks a value against its scheme's rules and normalises it.
enum IdentifierNormalization {
    /// A valid value and the ISO 3166-1 alpha-2 code of the country it implies, if any.
    struct Checked {
        let value: String
        let impliedCountry: String?
    }

    /// The longest registry or provider value accepted.
    static let maximumFreeTextLength = 64

    /// What people type between groups of digits: dots and dashes (including the typographic ones that word
    /// processors substitute). Whitespace of every kind goes too, non-breaking spaces included.
    static let groupSeparators: Set<Character> = [".", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}"]
    /// VAT numbers are also seen with slashes, underscores and commas between groups.
    static let vatSeparators = groupSeparators.union(["/", "_", ","])

    static func check(_ input: String, scheme: IdentifierScheme) throws -> Checked {
        let reject = Rejection(field: scheme.text, input: input)
        switch scheme {
        case .siren: return Checked(value: try siren(input, reject), impliedCountry: "FR")
        case .siret: return Checked(value: try siret(input, reject), impliedCountry: "FR")
        case .lei: return Checked(value: try lei(input, reject), impliedCountry: nil)
        case .duns: return Checked(value: try duns(input, reject), impliedCountry: nil)
        case .gbCompanyNumber: return Checked(value: try ukCompanyNumber(input, reject), impliedCountry: "GB")
        case .vat: return try vat(input, reject)
        case .registry, .provider: return Checked(value: try freeText(input, reject), impliedCountry: nil)
        }
    }

    /// `input` without whitespace and `separators`, upper-cased. Text with other non-ASCII characters is left in its
    /// case: it fails every shape anyway, and upper-casing could turn a ligature such as `ﬁ` into valid letters.
    static func compact(_ input: String, removing separators: Set<Character> = groupSeparators) -> String {
        let kept = input.filter { !$0.isWhitespace && !separators.contains($0) }
        return kept.allSatisfy(\.isASCII) ? kept.uppercased() : kept
    }

    static func siren(_ input: String, _ reject: Rejection) throws -> String {
        let value = compact(input)
        guard Shape.digits(value[...], count: 9) else { throw reject.format("a SIREN is 9 digits") }
        guard CheckDigits.luhn(value) else { throw reject.checksum("the SIREN's Luhn check digit does not verify") }
        return value
    }

    static func siret(_ input: String, _ reject: Rejection) throws -> String {
        let value = compact(input)
        guard Shape.digits(value[...], count: 14) else { throw reject.format("a SIRET is 14 digits") }
        // Its first 9 digits are a SIREN, with its own check digit; a 14-digit Luhn pass does not imply it.
        guard CheckDigits.luhn(value.prefix(9)) else {
            throw reject.checksum("the SIREN in the SIRET (its first 9 digits) fails its Luhn check")
        }
        // La Poste's establishments (SIREN 356000000) were numbered so that their digits add up to a multiple of 5
        // instead of passing Luhn; its head office 35600000000048 passes Luhn only, so either rule is accepted.
        let isLaPoste = value.hasPrefix("356000000")
        guard CheckDigits.luhn(value) || (isLaPoste && CheckDigits.digitSum(value).isMultiple(of: 5)) else {
            throw reject.checksum(
                isLaPoste
                    ? "a La Poste SIRET passes Luhn or has digits adding up to a multiple of 5"
                    : "the SIRET's Luhn check digit does not verify"
            )
        }
        return value
    }

    static func lei(_ input: String, _ reject: Rejection) throws -> String {
        let value = compact(input)
        guard value.count == 20, value.allSatisfy(Shape.isLetterOrDigit), Shape.digits(value.suffix(2), count: 2)
        else {
            throw reject.format("an LEI is 20 letters or digits, ending in 2 check digits")
        }
        guard CheckDigits.mod97(value) == 1 else {
            throw reject.checksum("the LEI's ISO 7064 MOD 97-10 check digits do not verify")
        }
        return value
    }

    static func duns(_ input: String, _ reject: Rejection) throws -> String {
        let value = compact(input)
        guard Shape.digits(value[...], count: 9) else { throw reject.format("a D-U-N-S number is 9 digits") }
        return value
    }

    static func ukCompanyNumber(_ input: String, _ reject: Rejection) throws -> String {
        var value = compact(input)
        // Companies House numbers are often written without their leading zeros.
        if Shape.digits(value[...], count: 1...7) {
            value = String(repeating: "0", count: 8 - value.count) + value
        }
        let prefix = value.prefix(2)
        let isNumeric = Shape.digits(value[...], count: 8)
        // Two letters (SC, NI, OC, …), or R0, an older Northern Ireland prefix.
        let isPrefixed = (prefix.allSatisfy(Shape.isLetter) || prefix == "R0")
            && Shape.digits(value.dropFirst(2), count: 6)
        guard value.count == 8, isNumeric || isPrefixed else {
            throw reject.format("a UK company number is 8 digits, or 2 letters and 6 digits")
        }
        return value
    }

    static func vat(_ input: String, _ reject: Rejection) throws -> Checked {
        let value = compact(input, removing: vatSeparators)
        guard value.count >= 2, value.prefix(2).allSatisfy(Shape.isLetter) else {
            throw reject.format("a VAT number starts with its 2-letter VIES country prefix")
        }
        var prefix = String(value.prefix(2))
        // VIES uses EL for Greece, but people and some systems write GR: accept it and store EL.
        if prefix == "GR" { prefix = "EL" }
        guard let rule = VATPrefixRule.byPrefix[prefix] else {
            throw reject.format(
                "unknown VAT prefix \(prefix); accepted: \(VATPrefixRule.acceptedPrefixes.joined(separator: ", "))"
            )
        }
        var national = value.dropFirst(2)
        if let suffix = rule.droppedSuffixes.first(where: { national.hasSuffix($0) }) {
            national = national.dropLast(suffix.count)
        }
        guard rule.matches(national) else { throw reject.format("a \(prefix) VAT number is \(prefix) + \(rule.shape)") }
        if prefix == "FR" { try checkFrenchKey(national, reject) }
        return Checked(value: prefix + national, impliedCountry: rule.country)
    }

    /// Checks the numeric key of a French VAT number against its SIREN; letter keys (the old format) have no
    /// published formula and pass on shape alone.
    static func checkFrenchKey(_ national: Substring, _ reject: Rejection) throws {
        let key = national.prefix(2)
        let siren = national.suffix(9)
        guard Shape.digits(key, count: 2), let keyNumber = Int(key), let sirenNumber = Int(siren) else { return }
        guard CheckDigits.luhn(siren) else {
            throw reject.checksum("the SIREN in a French VAT number fails its Luhn check")
        }
        let expected = CheckDigits.frenchVATKey(forSIREN: sirenNumber)
        guard keyNumber == expected else {
            let expectedText = expected < 10 ? "0\(expected)" : "\(expected)"
            throw reject.checksum("the key of a French VAT number for SIREN \(siren) is \(expectedText)")
        }
    }

    /// Registry and provider values: free text, printable, inner whitespace collapsed, case kept.
    static func freeText(_ input: String, _ reject: Rejection) throws -> String {
        let value = input.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !value.isEmpty else { throw reject.format("the value is empty") }
        guard value.count <= maximumFreeTextLength else {
            throw reject.format("the value is longer than \(maximumFreeTextLength) characters")
        }
        guard value.unicodeScalars.allSatisfy(isPrintable) else {
            throw reject.format("the value holds control or invisible characters")
        }
        return value
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: false
        default: true
        }
    }
}

/// Builds the errors for one input, so that every error names the scheme and echoes what was typed.
struct Rejection {
    let field: String
    let input: String

    func format(_ message: String) -> ModelError { ModelError(.invalidFormat, field: field, value: input, message) }

    func checksum(_ message: String) -> ModelError { ModelError(.invalidChecksum, field: field, value: input, message) }
}

/// Character-class tests on normalised (ASCII, upper-case) text.
enum Shape {
    static func isDigit(_ character: Character) -> Bool { CheckDigits.asciiDigit(character) != nil }

    static func isLetter(_ character: Character) -> Bool { character.isASCII && character.isUppercase }

    static func isLetterOrDigit(_ character: Character) -> Bool { isDigit(character) || isLetter(character) }

    /// `text` is only ASCII digits, and as many as `count` allows.
    static func digits(_ text: Substring, count: ClosedRange<Int>) -> Bool {
        count.contains(text.count) && text.allSatisfy(isDigit)
    }

    static func digits(_ text: Substring, count: Int) -> Bool { digits(text, count: count...count) }
}

// MARK: - VAT prefixes

/// What follows one VIES prefix in a VAT number.
struct VATPrefixRule: Sendable {
    /// The ISO 3166-1 alpha-2 code of the prefix's country (`GR` for `EL`, `GB` for `XI`).
    let country: String
    /// The national part's shape, said to a person.
    let shape: String
    /// Words people append that are not part of the number (Swiss `MWST`, Norwegian `MVA`); dropped before checking.
    let droppedSuffixes: [String]
    /// Whether a national part (suffix dropped) has the shape.
    let matches: @Sendable (Substring) -> Bool

    init(
        _ country: String, _ shape: String, droppedSuffixes: [String] = [],
        matches: @escaping @Sendable (Substring) -> Bool
    ) {
        self.country = country
        self.shape = shape
        self.droppedSuffixes = droppedSuffixes
        self.matches = matches
    }

    /// Every prefix accepted, sorted: the 27 EU member states (EL for Greece), XI, GB, CH and NO.
    static let acceptedPrefixes = byPrefix.keys.sorted()

    static func digits(_ count: Int) -> VATPrefixRule.Matcher { { Shape.digits($0, count: count) } }

    typealias Matcher = @Sendable (Substring) -> Bool

    /// The shapes follow the European Commission's VIES rules for the national part.
    static let byPrefix: [String: VATPrefixRule] = [
        "AT": VATPrefixRule("AT", "U and 8 digits") { $0.first == "U" && Shape.digits($0.dropFirst(), count: 8) },
        "BE": VATPrefixRule("BE", "10 digits starting with 0 or 1") {
            Shape.digits($0, count: 10) && ($0.first == "0" || $0.first == "1")
        },
        "BG": VATPrefixRule("BG", "9 or 10 digits") { Shape.digits($0, count: 9...10) },
        "CY": VATPrefixRule("CY", "8 digits and a letter") {
            $0.count == 9 && Shape.digits($0.prefix(8), count: 8) && Shape.isLetter($0.last!)
        },
        "CZ": VATPrefixRule("CZ", "8 to 10 digits") { Shape.digits($0, count: 8...10) },
        "DE": VATPrefixRule("DE", "9 digits", matches: digits(9)),
        "DK": VATPrefixRule("DK", "8 digits", matches: digits(8)),
        "EE": VATPrefixRule("EE", "9 digits", matches: digits(9)),
        "EL": VATPrefixRule("GR", "9 digits", matches: digits(9)),
        "ES": VATPrefixRule("ES", "a letter or digit, 7 digits, a letter or digit") {
            $0.count == 9 && Shape.isLetterOrDigit($0.first!) && Shape.digits($0.dropFirst().prefix(7), count: 7)
                && Shape.isLetterOrDigit($0.last!)
        },
        "FI": VATPrefixRule("FI", "8 digits", matches: digits(8)),
        "FR": VATPrefixRule("FR", "a 2-character key (digits, or letters other than O and I) and a 9-digit SIREN") {
            $0.count == 11 && $0.prefix(2).allSatisfy(isFrenchKeyCharacter) && Shape.digits($0.suffix(9), count: 9)
        },
        "HR": VATPrefixRule("HR", "11 digits", matches: digits(11)),
        "HU": VATPrefixRule("HU", "8 digits", matches: digits(8)),
        "IE": VATPrefixRule("IE", "7 digits and 1 or 2 letters, or a digit, a letter, + or *, 5 digits and a letter") {
            isIrishVATNumber($0)
        },
        "IT": VATPrefixRule("IT", "11 digits", matches: digits(11)),
        "LT": VATPrefixRule("LT", "9 or 12 digits") { Shape.digits($0, count: 9) || Shape.digits($0, count: 12) },
        "LU": VATPrefixRule("LU", "8 digits", matches: digits(8)),
        "LV": VATPrefixRule("LV", "11 digits", matches: digits(11)),
        "MT": VATPrefixRule("MT", "8 digits", matches: digits(8)),
        "NL": VATPrefixRule("NL", "9 digits, B and 2 digits") {
            $0.count == 12 && Shape.digits($0.prefix(9), count: 9) && $0.dropFirst(9).first == "B"
                && Shape.digits($0.suffix(2), count: 2)
        },
        "PL": VATPrefixRule("PL", "10 digits", matches: digits(10)),
        "PT": VATPrefixRule("PT", "9 digits", matches: digits(9)),
        "RO": VATPrefixRule("RO", "2 to 10 digits") { Shape.digits($0, count: 2...10) },
        "SE": VATPrefixRule("SE", "12 digits", matches: digits(12)),
        "SI": VATPrefixRule("SI", "8 digits", matches: digits(8)),
        "SK": VATPrefixRule("SK", "10 digits", matches: digits(10)),
        "XI": VATPrefixRule("GB", "9 or 12 digits, or GD or HA and 3 digits", matches: isUKVATNumber),
        "GB": VATPrefixRule("GB", "9 or 12 digits, or GD or HA and 3 digits", matches: isUKVATNumber),
        "CH": VATPrefixRule("CH", "E and 9 digits (UID), optionally followed by MWST, TVA, IVA or TPV",
                            droppedSuffixes: ["MWST", "TVA", "IVA", "TPV"]) {
            $0.first == "E" && Shape.digits($0.dropFirst(), count: 9)
        },
        "NO": VATPrefixRule("NO", "9 digits, optionally followed by MVA", droppedSuffixes: ["MVA"], matches: digits(9)),
    ]

    /// Digits or letters except O and I, which the old letter keys left out as too like 0 and 1.
    private static func isFrenchKeyCharacter(_ character: Character) -> Bool {
        Shape.isDigit(character) || (Shape.isLetter(character) && character != "O" && character != "I")
    }

    private static func isIrishVATNumber(_ text: Substring) -> Bool {
        let characters = Array(text)
        // Current format: 7 digits and a check letter, plus a second letter since 2013.
        let current = (8...9).contains(characters.count) && Shape.digits(text.prefix(7), count: 7)
            && characters[7...].allSatisfy(Shape.isLetter)
        // Old format: digit, letter or + or *, 5 digits, check letter.
        let old = characters.count == 8 && Shape.isDigit(characters[0])
            && (Shape.isLetter(characters[1]) || characters[1] == "+" || characters[1] == "*")
            && Shape.digits(text.dropFirst(2).prefix(5), count: 5) && Shape.isLetter(characters[7])
        return current || old
    }

    /// 9 digits, 12 for a branch of a group, or GD (government department) / HA (health authority) and 3 digits.
    private static func isUKVATNumber(_ text: Substring) -> Bool {
        Shape.digits(text, count: 9) || Shape.digits(text, count: 12)
            || ((text.hasPrefix("GD") || text.hasPrefix("HA")) && Shape.digits(text.dropFirst(2), count: 3))
    }
}
