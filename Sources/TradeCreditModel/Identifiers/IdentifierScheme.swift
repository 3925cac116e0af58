/// The kind of number a ``BuyerIdentifier`` holds, such as a French SIREN or an LEI.
///
/// Text form, also the JSON form (a string): `siren`, `siret`, `lei`, `duns`, `vat`, `gb-crn`,
/// `registry:<authority>` and `provider:<name>`.
///
/// The associated names of ``registry(authority:)`` and ``provider(name:)`` are checked and normalised by
/// ``init(parsing:)`` and by ``BuyerIdentifier/init(scheme:value:country:)``; a scheme built directly from the case
/// keeps its text as given until then.
public enum IdentifierScheme: Hashable, Sendable {
    /// French company number (SIREN): 9 digits with a Luhn check digit, from INSEE's Sirene register.
    case siren
    /// French establishment number (SIRET): the SIREN followed by a 5-digit establishment number (NIC).
    case siret
    /// Legal Entity Identifier (ISO 17442): 20 characters ending in two MOD 97-10 check digits.
    case lei
    /// Dun & Bradstreet D-U-N-S number: 9 digits.
    case duns
    /// VAT number, with its 2-letter VIES country prefix (`EL` for Greece, `XI` for Northern Ireland).
    case vat
    /// UK Companies House registration number (text `gb-crn`): 8 digits, or 2 letters and 6 digits.
    case gbCompanyNumber
    /// A number in a business register, named by its authority, such as GLEIF's registration-authority code
    /// `RA000585`: ASCII letters, digits, `-` and `_`, kept in upper case.
    case registry(authority: String)
    /// A number given by a data provider such as a credit bureau: ASCII letters, digits, `-`, `_` and `.`, kept in
    /// lower case (`creditsafe`).
    case provider(name: String)

    /// The longest authority or provider name accepted; real ones are far shorter (`RA000585`).
    static let maximumNameLength = 32

    /// The text form: `siren`, `gb-crn`, `registry:RA000585`, `provider:creditsafe`, …
    public var text: String {
        switch self {
        case .siren: "siren"
        case .siret: "siret"
        case .lei: "lei"
        case .duns: "duns"
        case .vat: "vat"
        case .gbCompanyNumber: "gb-crn"
        case .registry(let authority): "registry:\(authority)"
        case .provider(let name): "provider:\(name)"
        }
    }

    /// Parses the text form; the keywords are read in any letter case and surrounding spaces are ignored.
    /// - Throws: ``ModelError`` `.invalidFormat` (field `scheme`) for an unknown scheme or a bad authority or provider
    ///   name.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace()
        switch trimmed.lowercased() {
        case "siren": self = .siren
        case "siret": self = .siret
        case "lei": self = .lei
        case "duns": self = .duns
        case "vat": self = .vat
        case "gb-crn": self = .gbCompanyNumber
        default:
            guard let colon = trimmed.firstIndex(of: ":") else { throw Self.unknownScheme(text) }
            let name = String(trimmed[trimmed.index(after: colon)...])
            switch trimmed[..<colon].lowercased() {
            case "registry": self = .registry(authority: try Self.checkedAuthority(name, input: text))
            case "provider": self = .provider(name: try Self.checkedProviderName(name, input: text))
            default: throw Self.unknownScheme(text)
            }
        }
    }

    /// The same scheme with its authority or provider name checked and normalised.
    func normalized() throws -> IdentifierScheme {
        switch self {
        case .registry(let authority): .registry(authority: try Self.checkedAuthority(authority, input: text))
        case .provider(let name): .provider(name: try Self.checkedProviderName(name, input: text))
        default: self
        }
    }

    private static func checkedAuthority(_ name: String, input: String) throws -> String {
        let upper = name.uppercased()
        guard isValidName(upper, extraCharacters: "-_") else {
            throw ModelError(
                .invalidFormat, field: "scheme", value: input,
                "a registry authority is 1 to \(maximumNameLength) ASCII letters, digits, '-' or '_' (e.g. RA000585)"
            )
        }
        return upper
    }

    private static func checkedProviderName(_ name: String, input: String) throws -> String {
        let lower = name.lowercased()
        guard isValidName(lower, extraCharacters: "-_.") else {
            throw ModelError(
                .invalidFormat, field: "scheme", value: input,
                "a provider name is 1 to \(maximumNameLength) ASCII letters, digits, '-', '_' or '.' (e.g. creditsafe)"
            )
        }
        return lower
    }

    private static func isValidName(_ name: String, extraCharacters: String) -> Bool {
        (1...maximumNameLength).contains(name.count)
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || extraCharacters.contains($0)) }
    }

    private static func unknownScheme(_ input: String) -> ModelError {
        ModelError(
            .invalidFormat, field: "scheme", value: input,
            "unknown identifier scheme: expected siren, siret, lei, duns, vat, gb-crn, registry:<authority> or "
                + "provider:<name>"
        )
    }
}

extension IdentifierScheme: CustomStringConvertible {
    /// The text form, as ``text``.
    public var description: String { text }
}

extension IdentifierScheme: Codable {
    /// Decodes the text form; a bad scheme becomes `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the text form as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
