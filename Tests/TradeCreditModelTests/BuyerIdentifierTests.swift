import Foundation
import Testing
@testable import TradeCreditModel

// Real identifiers used below, and how their check digits were verified (python, by hand):
// - SIREN 552100554, 542051180 (TotalEnergies SE), 356000000 (La Poste), 303265045, 732829320: Luhn passes.
// - French VAT keys, (12 + 3 × (SIREN mod 97)) mod 97: 552100554 → 96, 542051180 → 59, 356000000 → 39 (La Poste
//   prints FR 39 356 000 000), 303265045 → 40, 732829320 → 44.
// - SIRET 55210055400013, 55210055400021, 73282932000074: Luhn passes. La Poste: 35600000000048 (head office) passes
//   Luhn but its digits add up to 26; 35600000049837 (an office) fails Luhn but adds up to 45.
// - LEI HWUPKR0MPOU8FGXBT394 (Apple Inc.), 7LTWFZYICNSX8D621K86 (Deutsche Bank AG), 529900T8BM49AURSDO55:
//   MOD 97-10 of the letters-to-digits expansion is 1.
// - VAT DE136695976 (ISO 7064 MOD 11,10), EL094014201 (Greek weights 2^8…2), GB220430231 (Tesco, UK mod 97),
//   IE6388047V (Google Ireland, mod 23), NL004495445B01 (mod 11), BE0417497106 (97 − n mod 97), IT00743110157
//   (Luhn), ESA28015865 (CIF check digit), CHE-116.281.710 (UID mod 11), NO923609016 (Equinor, mod 11): each
//   passes its national check, which the SDK does not run (it checks their shape).
// - UK company number 00445790 (Tesco PLC); DUNS 15-048-3782 (Dun & Bradstreet).
// Constructed values say so where they appear.

/// Asserts that `body` throws a ``ModelError`` with `code` and `field`, and returns it for further checks.
@discardableResult
private func expectModelError(
    _ code: ModelError.Code, field: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> some Any
) throws -> ModelError {
    let error = try #require(throws: ModelError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error.code == code, sourceLocation: sourceLocation)
    #expect(error.field == field, sourceLocation: sourceLocation)
    return error
}

@Suite("BuyerIdentifier: SIREN and SIRET")
struct BuyerIdentifierSIRENTests {
    @Test(arguments: ["552100554", "542051180", "356000000", "303265045", "732829320"])
    func validSIREN(_ text: String) throws {
        let identifier = try BuyerIdentifier(scheme: .siren, value: text)
        #expect(identifier.value == text)
        #expect(identifier.country == .FR)
    }

    @Test(arguments: [
        (" 552 100 554 ", "552100554"),
        ("552.100.554", "552100554"),
        ("552-100-554", "552100554"),
        ("552\u{00A0}100\u{202F}554", "552100554"),  // (narrow) non-breaking spaces, as French typesetting uses
        ("552\u{2013}100\u{2013}554", "552100554"),  // en dashes substituted by a word processor
    ])
    func sirenNormalisation(_ input: String, _ expected: String) throws {
        #expect(try BuyerIdentifier(scheme: .siren, value: input).value == expected)
    }

    @Test(arguments: [
        ("55210055", ModelError.Code.invalidFormat),  // 8 digits
        ("5521005540", .invalidFormat),  // 10 digits
        ("55210055A", .invalidFormat),
        ("", .invalidFormat),
        ("５５２１００５５４", .invalidFormat),  // full-width digits
        ("552100555", .invalidChecksum),
        ("542051181", .invalidChecksum),
    ])
    func invalidSIREN(_ input: String, _ code: ModelError.Code) throws {
        let error = try expectModelError(code, field: "siren") { try BuyerIdentifier(scheme: .siren, value: input) }
        #expect(error.value == input)
    }

    @Test(arguments: [
        "55210055400013", "55210055400021", "73282932000074",
        "35600000000048",  // La Poste head office: plain Luhn
        "35600000049837",  // a La Poste office: digits add up to 45
        "35600000000001",  // constructed: fails Luhn, digits add up to 15
    ])
    func validSIRET(_ text: String) throws {
        let identifier = try BuyerIdentifier(scheme: .siret, value: text)
        #expect(identifier.value == text)
        #expect(identifier.country == .FR)
    }

    @Test(arguments: [
        ("5521005540001", ModelError.Code.invalidFormat),  // 13 digits
        ("552100554000130", .invalidFormat),  // 15 digits
        ("5521005540001X", .invalidFormat),
        ("55210055400014", .invalidChecksum),  // last digit changed
        ("35600000049838", .invalidChecksum),  // La Poste: neither Luhn nor a digit sum (46) that is a multiple of 5
        ("55210055500002", .invalidChecksum),  // constructed: 14 digits pass Luhn, its SIREN 552100555 does not
        ("35600000100004", .invalidChecksum),  // constructed likewise; not La Poste's SIREN, so no exception applies
    ])
    func invalidSIRET(_ input: String, _ code: ModelError.Code) throws {
        let error = try expectModelError(code, field: "siret") { try BuyerIdentifier(scheme: .siret, value: input) }
        #expect(error.value == input)
    }

    @Test func siretNormalisation() throws {
        #expect(try BuyerIdentifier(scheme: .siret, value: "552 100 554 00013").value == "55210055400013")
    }

    @Test func countryMustBeFrance() throws {
        #expect(try BuyerIdentifier(scheme: .siren, value: "552100554", country: .FR).country == .FR)
        let error = try expectModelError(.inconsistent, field: "siren") {
            try BuyerIdentifier(scheme: .siren, value: "552100554", country: .DE)
        }
        #expect(error.value == "DE")
        try expectModelError(.inconsistent, field: "siret") {
            try BuyerIdentifier(scheme: .siret, value: "55210055400013", country: .GB)
        }
    }
}

@Suite("BuyerIdentifier: LEI and DUNS")
struct BuyerIdentifierLEIAndDUNSTests {
    @Test(arguments: ["HWUPKR0MPOU8FGXBT394", "7LTWFZYICNSX8D621K86", "529900T8BM49AURSDO55"])
    func validLEI(_ text: String) throws {
        let identifier = try BuyerIdentifier(scheme: .lei, value: text)
        #expect(identifier.value == text)
        #expect(identifier.country == nil)
    }

    @Test(arguments: [
        ("hwupkr0mpou8fgxbt394", "HWUPKR0MPOU8FGXBT394"),
        ("HWUP KR0M POU8 FGXB T394", "HWUPKR0MPOU8FGXBT394"),
        ("5299-00T8-BM49-AURS-DO55", "529900T8BM49AURSDO55"),
    ])
    func leiNormalisation(_ input: String, _ expected: String) throws {
        #expect(try BuyerIdentifier(scheme: .lei, value: input).value == expected)
    }

    @Test(arguments: [
        ("HWUPKR0MPOU8FGXBT39", ModelError.Code.invalidFormat),  // 19 characters
        ("HWUPKR0MPOU8FGXBT3940", .invalidFormat),  // 21 characters
        ("529900T8BM49AURSDOAB", .invalidFormat),  // check digits must be digits
        ("529900T8BM49AURSD#55", .invalidFormat),
        ("HWUPKR0MPOU8FGXBT39Ä", .invalidFormat),
        ("", .invalidFormat),
        ("529900T8BM49AURSDO56", .invalidChecksum),  // remainder 2
        ("HWUPKR0MPOU8FGXBT395", .invalidChecksum),  // remainder 2
        ("529900T8BM49AURSOD55", .invalidChecksum),  // D and O swapped: remainder 67
    ])
    func invalidLEI(_ input: String, _ code: ModelError.Code) throws {
        let error = try expectModelError(code, field: "lei") { try BuyerIdentifier(scheme: .lei, value: input) }
        #expect(error.value == input)
    }

    @Test func leiKeepsAGivenCountry() throws {
        #expect(try BuyerIdentifier(scheme: .lei, value: "7LTWFZYICNSX8D621K86", country: .DE).country == .DE)
    }

    @Test(arguments: [("150483782", "150483782"), ("15-048-3782", "150483782"), (" 15 048 3782 ", "150483782")])
    func validDUNS(_ input: String, _ expected: String) throws {
        let identifier = try BuyerIdentifier(scheme: .duns, value: input)
        #expect(identifier.value == expected)
        #expect(identifier.country == nil)
    }

    @Test(arguments: ["15048378", "1504837820", "15048378X", ""])
    func invalidDUNS(_ input: String) throws {
        try expectModelError(.invalidFormat, field: "duns") { try BuyerIdentifier(scheme: .duns, value: input) }
    }
}

@Suite("BuyerIdentifier: UK company number")
struct BuyerIdentifierUKCompanyNumberTests {
    @Test(arguments: [
        ("00445790", "00445790"),
        ("445790", "00445790"),  // leading zeros restored
        ("1", "00000001"),
        ("SC123456", "SC123456"),  // shape examples from here on
        ("sc 123456", "SC123456"),
        ("NI612345", "NI612345"),
        ("OC300001", "OC300001"),
        ("R0000123", "R0000123"),  // R0: an older Northern Ireland prefix
    ])
    func valid(_ input: String, _ expected: String) throws {
        let identifier = try BuyerIdentifier(scheme: .gbCompanyNumber, value: input)
        #expect(identifier.value == expected)
        #expect(identifier.country == .GB)
    }

    @Test(arguments: [
        "123456789",  // 9 digits
        "SC1234567",
        "SC12345",  // only purely numeric numbers are padded
        "S1234567",
        "R1234567",
        "SC12345A",
        "ABCDEFGH",
        "",
    ])
    func invalid(_ input: String) throws {
        let error = try expectModelError(.invalidFormat, field: "gb-crn") {
            try BuyerIdentifier(scheme: .gbCompanyNumber, value: input)
        }
        #expect(error.value == input)
    }
}

@Suite("BuyerIdentifier: VAT")
struct BuyerIdentifierVATTests {
    @Test(arguments: [
        ("FR40303265045", "FR40303265045", "FR"),
        ("FR 59 542 051 180", "FR59542051180", "FR"),
        ("fr39356000000", "FR39356000000", "FR"),
        ("FR03100000207", "FR03100000207", "FR"),  // constructed: key below 10
        ("FRAB552100554", "FRAB552100554", "FR"),  // old letter key, shape only
        ("DE136695976", "DE136695976", "DE"),
        ("DE 136/695/976", "DE136695976", "DE"),
        ("EL094014201", "EL094014201", "GR"),
        ("GR094014201", "EL094014201", "GR"),  // GR typed, VIES prefix EL stored
        ("el-094-014-201", "EL094014201", "GR"),
        ("GB220430231", "GB220430231", "GB"),
        ("GB 220 4302 31", "GB220430231", "GB"),
        ("XI220430231", "XI220430231", "GB"),  // Northern Ireland shares GB numbering
        ("GBGD001", "GBGD001", "GB"),  // shape example: government department
        ("GB123456789001", "GB123456789001", "GB"),  // shape example: 12 digits
        ("IE6388047V", "IE6388047V", "IE"),
        ("IE1234567FA", "IE1234567FA", "IE"),  // shape example: two letters
        ("IE8Z49289F", "IE8Z49289F", "IE"),  // shape example: old format
        ("IE7+12345A", "IE7+12345A", "IE"),  // shape example: old format with +
        ("NL004495445B01", "NL004495445B01", "NL"),
        ("NL 0044.95.445.B.01", "NL004495445B01", "NL"),
        ("BE0417497106", "BE0417497106", "BE"),
        ("IT00743110157", "IT00743110157", "IT"),
        ("ESA28015865", "ESA28015865", "ES"),
        ("CHE-116.281.710 MWST", "CHE116281710", "CH"),
        ("CHE116281710TVA", "CHE116281710", "CH"),
        ("CHE-116.281.710", "CHE116281710", "CH"),
        ("NO 923 609 016 MVA", "NO923609016", "NO"),
        ("NO923609016", "NO923609016", "NO"),
        ("ATU12345678", "ATU12345678", "AT"),  // shape examples from here on
        ("CY12345678X", "CY12345678X", "CY"),
        ("LT123456789012", "LT123456789012", "LT"),
        ("RO18", "RO18", "RO"),
        ("SE123456789001", "SE123456789001", "SE"),
    ])
    func valid(_ input: String, _ expected: String, _ country: String) throws {
        let identifier = try BuyerIdentifier(scheme: .vat, value: input)
        #expect(identifier.value == expected)
        // The country table may lack some countries; the identifier then has none.
        #expect(identifier.country == (try? CountryCode(country)))
        if ["FR", "DE", "GB", "GR"].contains(country) {
            #expect(identifier.country?.code == country)
        }
    }

    @Test(arguments: [
        ("FR41303265045", ModelError.Code.invalidChecksum),  // key should be 40
        ("FR00303265045", .invalidChecksum),
        ("FR40303265046", .invalidChecksum),  // its SIREN fails Luhn
        ("FRO0303265045", .invalidFormat),  // letter O is not a key character
        ("FRI1552100554", .invalidFormat),
        ("FR4030326504", .invalidFormat),
        ("DE13669597", .invalidFormat),
        ("DE1366959761", .invalidFormat),
        ("DE13669597A", .invalidFormat),
        ("EL09401420", .invalidFormat),
        ("NL004495445A01", .invalidFormat),
        ("NL004495445B1", .invalidFormat),
        ("BE2417497106", .invalidFormat),  // must start with 0 or 1
        ("AT12345678", .invalidFormat),  // U missing
        ("CH116281710", .invalidFormat),  // E missing
        ("CHE116281710XYZ", .invalidFormat),
        ("NO923609016MWST", .invalidFormat),
        ("GBGD0001", .invalidFormat),
        ("GB12345678", .invalidFormat),
        ("IE1234567", .invalidFormat),
        ("ES123456789A", .invalidFormat),
        ("123456789", .invalidFormat),  // no prefix
        ("F", .invalidFormat),
        ("", .invalidFormat),
    ])
    func invalid(_ input: String, _ code: ModelError.Code) throws {
        let error = try expectModelError(code, field: "vat") { try BuyerIdentifier(scheme: .vat, value: input) }
        #expect(error.value == input)
    }

    @Test(arguments: ["QQ123456789", "US123456789", "XK123456789"])
    func unknownPrefix(_ input: String) throws {
        let error = try expectModelError(.invalidFormat, field: "vat") {
            try BuyerIdentifier(scheme: .vat, value: input)
        }
        #expect(error.message.contains("unknown VAT prefix \(input.prefix(2))"))
        #expect(error.message.contains("EL") && error.message.contains("XI") && error.message.contains("NO"))
    }

    @Test func countryMustMatchThePrefix() throws {
        #expect(try BuyerIdentifier(scheme: .vat, value: "EL094014201", country: .GR).country == .GR)
        #expect(try BuyerIdentifier(scheme: .vat, value: "XI220430231", country: .GB).country == .GB)
        try expectModelError(.inconsistent, field: "vat") {
            try BuyerIdentifier(scheme: .vat, value: "FR40303265045", country: .DE)
        }
        try expectModelError(.inconsistent, field: "vat") {
            try BuyerIdentifier(scheme: .vat, value: "XI220430231", country: .FR)
        }
    }

    @Test func acceptedPrefixes() {
        let european = [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT",
            "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        ]
        #expect(european.count == 27)
        #expect(Set(VATPrefixRule.acceptedPrefixes) == Set(european + ["XI", "GB", "CH", "NO"]))
        #expect(VATPrefixRule.byPrefix["EL"]?.country == "GR")
        #expect(VATPrefixRule.byPrefix["XI"]?.country == "GB")
    }
}

@Suite("BuyerIdentifier: registry and provider")
struct BuyerIdentifierRegistryTests {
    @Test(arguments: [
        ("HRB 12345", "HRB 12345"),
        ("  HRB\t\t12345  ", "HRB 12345"),
        ("hrb 12345", "hrb 12345"),  // case kept
        ("B-123.456", "B-123.456"),  // separators kept
    ])
    func registryValue(_ input: String, _ expected: String) throws {
        let identifier = try BuyerIdentifier(scheme: .registry(authority: "RA000585"), value: input)
        #expect(identifier.value == expected)
        #expect(identifier.country == nil)
    }

    @Test func registryKeepsAGivenCountryAndNormalisesTheAuthority() throws {
        let identifier = try BuyerIdentifier(scheme: .registry(authority: "ra000585"), value: "HRB 12345", country: .DE)
        #expect(identifier.scheme == .registry(authority: "RA000585"))
        #expect(identifier.country == .DE)
    }

    @Test func providerValue() throws {
        let identifier = try BuyerIdentifier(scheme: .provider(name: "CreditSafe"), value: "FR-X-552100554")
        #expect(identifier.scheme == .provider(name: "creditsafe"))
        #expect(identifier.value == "FR-X-552100554")
    }

    @Test(arguments: [
        "", "   ", String(repeating: "x", count: 65), "HRB\u{0007}12345", "HRB\u{200B}12345", "HRB\u{E000}1",
    ])
    func invalidValue(_ input: String) throws {
        try expectModelError(.invalidFormat, field: "registry:RA000585") {
            try BuyerIdentifier(scheme: .registry(authority: "RA000585"), value: input)
        }
        try expectModelError(.invalidFormat, field: "provider:creditsafe") {
            try BuyerIdentifier(scheme: .provider(name: "creditsafe"), value: input)
        }
    }

    @Test func sixtyFourCharactersAreAccepted() throws {
        let text = String(repeating: "x", count: 64)
        #expect(try BuyerIdentifier(scheme: .provider(name: "creditsafe"), value: text).value == text)
    }

    @Test func badAuthorityGivenDirectly() throws {
        try expectModelError(.invalidFormat, field: "scheme") {
            try BuyerIdentifier(scheme: .registry(authority: "RA 585"), value: "1")
        }
        try expectModelError(.invalidFormat, field: "scheme") {
            try BuyerIdentifier(scheme: .provider(name: ""), value: "1")
        }
    }
}

@Suite("IdentifierScheme")
struct BuyerIdentifierSchemeTests {
    @Test(arguments: [
        ("siren", IdentifierScheme.siren, "siren"),
        ("SIREN", .siren, "siren"),
        ("siret", .siret, "siret"),
        ("lei", .lei, "lei"),
        ("duns", .duns, "duns"),
        ("vat", .vat, "vat"),
        (" gb-crn ", .gbCompanyNumber, "gb-crn"),
        ("registry:RA000585", .registry(authority: "RA000585"), "registry:RA000585"),
        ("Registry:ra000585", .registry(authority: "RA000585"), "registry:RA000585"),
        ("registry:DE_HRB-1", .registry(authority: "DE_HRB-1"), "registry:DE_HRB-1"),
        ("provider:CreditSafe", .provider(name: "creditsafe"), "provider:creditsafe"),
        ("provider:d.b-uk_1", .provider(name: "d.b-uk_1"), "provider:d.b-uk_1"),
    ])
    func parse(_ text: String, _ scheme: IdentifierScheme, _ canonical: String) throws {
        let parsed = try IdentifierScheme(parsing: text)
        #expect(parsed == scheme)
        #expect(parsed.text == canonical)
        #expect(try IdentifierScheme(parsing: parsed.text) == parsed)
    }

    @Test(arguments: [
        "", "foo", "gb_crn", "registry", "registry:", "registry:RA 585", "registry:RA.585", "provider:",
        "provider:crédit", "provider:a:b", "registry:" + String(repeating: "A", count: 33),
    ])
    func invalid(_ text: String) throws {
        let error = try expectModelError(.invalidFormat, field: "scheme") { try IdentifierScheme(parsing: text) }
        #expect(error.value == text)
    }

    @Test func json() throws {
        let schemes: [IdentifierScheme] = [.siren, .gbCompanyNumber, .registry(authority: "RA000585")]
        let data = try JSONEncoder().encode(schemes)
        #expect(String(decoding: data, as: UTF8.self) == #"["siren","gb-crn","registry:RA000585"]"#)
        #expect(try JSONDecoder().decode([IdentifierScheme].self, from: data) == schemes)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(IdentifierScheme.self, from: Data(#""foo""#.utf8))
        }
    }
}

@Suite("BuyerIdentifier: text and JSON forms")
struct BuyerIdentifierFormTests {
    @Test(arguments: [
        ("siren:552100554", IdentifierScheme.siren, "552100554", "siren:552100554"),
        ("SIREN: 552 100 554", .siren, "552100554", "siren:552100554"),
        ("vat:GR094014201", .vat, "EL094014201", "vat:EL094014201"),
        ("gb-crn:445790", .gbCompanyNumber, "00445790", "gb-crn:00445790"),
        ("registry:RA000585:HRB 12345", .registry(authority: "RA000585"), "HRB 12345", "registry:RA000585:HRB 12345"),
        ("Registry:ra000585:HRB 12345", .registry(authority: "RA000585"), "HRB 12345", "registry:RA000585:HRB 12345"),
        ("registry:RA000585:a:b", .registry(authority: "RA000585"), "a:b", "registry:RA000585:a:b"),
        ("provider:creditsafe:FR-X-552100554", .provider(name: "creditsafe"), "FR-X-552100554",
         "provider:creditsafe:FR-X-552100554"),
    ])
    func parse(_ text: String, _ scheme: IdentifierScheme, _ value: String, _ description: String) throws {
        let identifier = try BuyerIdentifier(parsing: text)
        #expect(identifier.scheme == scheme)
        #expect(identifier.value == value)
        #expect(identifier.description == description)
    }

    @Test(arguments: [
        ("552100554", ModelError.Code.invalidFormat, "scheme"),
        ("foo:123", .invalidFormat, "scheme"),
        ("registry:RA000585", .invalidFormat, "scheme"),  // no value part
        ("siren:552100555", .invalidChecksum, "siren"),
        ("lei:", .invalidFormat, "lei"),
        ("registry:RA000585:", .invalidFormat, "registry:RA000585"),
    ])
    func parseErrors(_ text: String, _ code: ModelError.Code, _ field: String) throws {
        try expectModelError(code, field: field) { try BuyerIdentifier(parsing: text) }
    }

    static let samples: [BuyerIdentifier] = [
        try! BuyerIdentifier(scheme: .siren, value: "552100554"),
        try! BuyerIdentifier(scheme: .siret, value: "35600000049837"),
        try! BuyerIdentifier(scheme: .lei, value: "HWUPKR0MPOU8FGXBT394"),
        try! BuyerIdentifier(scheme: .duns, value: "150483782"),
        try! BuyerIdentifier(scheme: .vat, value: "EL094014201"),
        try! BuyerIdentifier(scheme: .vat, value: "NL004495445B01"),
        try! BuyerIdentifier(scheme: .gbCompanyNumber, value: "SC123456"),
        try! BuyerIdentifier(scheme: .registry(authority: "RA000585"), value: "HRB 12345"),
        try! BuyerIdentifier(scheme: .provider(name: "creditsafe"), value: "FR-X-552100554"),
    ]

    @Test(arguments: samples)
    func textRoundTrip(_ identifier: BuyerIdentifier) throws {
        #expect(try BuyerIdentifier(parsing: identifier.description) == identifier)
    }

    @Test(arguments: samples)
    func jsonRoundTrip(_ identifier: BuyerIdentifier) throws {
        let data = try JSONEncoder().encode(identifier)
        #expect(try JSONDecoder().decode(BuyerIdentifier.self, from: data) == identifier)
    }

    @Test func jsonRoundTripKeepsAGivenCountry() throws {
        let identifier = try BuyerIdentifier(scheme: .lei, value: "7LTWFZYICNSX8D621K86", country: .DE)
        let data = try JSONEncoder().encode(identifier)
        #expect(try JSONDecoder().decode(BuyerIdentifier.self, from: data) == identifier)
    }

    @Test func jsonShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let siren = try BuyerIdentifier(scheme: .siren, value: "552100554")
        #expect(String(decoding: try encoder.encode(siren), as: UTF8.self)
            == #"{"country":"FR","scheme":"siren","value":"552100554"}"#)
        let lei = try BuyerIdentifier(scheme: .lei, value: "HWUPKR0MPOU8FGXBT394")
        #expect(String(decoding: try encoder.encode(lei), as: UTF8.self)
            == #"{"scheme":"lei","value":"HWUPKR0MPOU8FGXBT394"}"#)
    }

    @Test func jsonDecodingNormalises() throws {
        let decoder = JSONDecoder()
        let full = try decoder.decode(
            BuyerIdentifier.self, from: Data(#"{"scheme":"siren","value":"552100554","country":"FR"}"#.utf8)
        )
        #expect(try full == BuyerIdentifier(scheme: .siren, value: "552100554"))
        let typed = try decoder.decode(
            BuyerIdentifier.self, from: Data(#"{"scheme":"siren","value":"552 100 554"}"#.utf8)
        )
        #expect(typed == full)
        let registry = try decoder.decode(
            BuyerIdentifier.self,
            from: Data(#"{"scheme":"registry:ra000585","value":" HRB  12345 ","country":"DE"}"#.utf8)
        )
        #expect(registry.description == "registry:RA000585:HRB 12345")
        #expect(registry.country == .DE)
    }

    @Test(arguments: [
        (#"{"scheme":"siren","value":"552100555"}"#, ModelError.Code.invalidChecksum),
        (#"{"scheme":"siren","value":"552100554","country":"DE"}"#, .inconsistent),
        (#"{"scheme":"vat","value":"QQ123"}"#, .invalidFormat),
    ])
    func jsonDecodingRejects(_ json: String, _ code: ModelError.Code) throws {
        let error = try #require(throws: DecodingError.self) {
            try JSONDecoder().decode(BuyerIdentifier.self, from: Data(json.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        let modelError = try #require(context.underlyingError as? ModelError)
        #expect(modelError.code == code)
        #expect(context.debugDescription == modelError.description)
    }

    @Test func jsonDecodingRejectsAnUnknownScheme() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BuyerIdentifier.self, from: Data(#"{"scheme":"foo","value":"1"}"#.utf8))
        }
    }
}

@Suite("BuyerIdentifier: French VAT and SIREN")
struct BuyerIdentifierFrenchVATTests {
    @Test(arguments: [
        ("303265045", "FR40303265045"),
        ("542051180", "FR59542051180"),
        ("356000000", "FR39356000000"),
        ("552100554", "FR96552100554"),
        ("732829320", "FR44732829320"),
        ("100000207", "FR03100000207"),  // constructed: the key is zero-padded
    ])
    func bothWays(_ sirenText: String, _ vatText: String) throws {
        let siren = try BuyerIdentifier(scheme: .siren, value: sirenText)
        let vat = try BuyerIdentifier.frenchVAT(forSIREN: siren)
        #expect(try vat == BuyerIdentifier(scheme: .vat, value: vatText))
        #expect(vat.country == .FR)
        #expect(vat.embeddedSIREN == siren)
    }

    @Test func fromASIRET() throws {
        let siret = try BuyerIdentifier(scheme: .siret, value: "55210055400013")
        #expect(try BuyerIdentifier.frenchVAT(forSIREN: siret).value == "FR96552100554")
        #expect(try siret.embeddedSIREN == BuyerIdentifier(scheme: .siren, value: "552100554"))
        let laPoste = try BuyerIdentifier(scheme: .siret, value: "35600000049837")
        #expect(try BuyerIdentifier.frenchVAT(forSIREN: laPoste).value == "FR39356000000")
    }

    @Test(arguments: [
        try! BuyerIdentifier(scheme: .lei, value: "HWUPKR0MPOU8FGXBT394"),
        try! BuyerIdentifier(scheme: .vat, value: "FR40303265045"),
        try! BuyerIdentifier(scheme: .duns, value: "150483782"),
    ])
    func onlyFromSIRENOrSIRET(_ identifier: BuyerIdentifier) throws {
        try expectModelError(.invalidOperation, field: identifier.scheme.text) {
            try BuyerIdentifier.frenchVAT(forSIREN: identifier)
        }
    }

    @Test(arguments: [
        try! BuyerIdentifier(scheme: .siren, value: "552100554"),
        try! BuyerIdentifier(scheme: .vat, value: "DE136695976"),
        try! BuyerIdentifier(scheme: .duns, value: "150483782"),
        try! BuyerIdentifier(scheme: .vat, value: "FRAB552100555"),  // letter key: its digits are not a valid SIREN
    ])
    func noEmbeddedSIREN(_ identifier: BuyerIdentifier) {
        #expect(identifier.embeddedSIREN == nil)
    }

    @Test func letterKeyWithAValidSIREN() throws {
        let vat = try BuyerIdentifier(scheme: .vat, value: "FRAB552100554")
        #expect(vat.embeddedSIREN?.value == "552100554")
    }
}

@Suite("BuyerIdentifier: mismatches")
struct BuyerIdentifierMismatchTests {
    private func id(_ text: String) throws -> BuyerIdentifier { try BuyerIdentifier(parsing: text) }

    @Test func consistentIdentifiers() throws {
        let identifiers = try [
            id("siren:552100554"), id("siret:55210055400013"), id("siret:55210055400021"),  // two establishments
            id("vat:FR96552100554"), id("vat:DE136695976"),  // VAT registrations in two countries
            id("lei:HWUPKR0MPOU8FGXBT394"), id("siren:552100554"),  // an exact duplicate
            id("registry:RA000585:HRB 1"), id("registry:RA000001:X"),
        ]
        #expect(BuyerIdentifier.mismatches(in: identifiers).isEmpty)
        #expect(BuyerIdentifier.mismatches(in: []).isEmpty)
    }

    @Test func differentSIREN() throws {
        let siren = try id("siren:552100554")
        let otherSIREN = try id("siren:542051180")
        let vat = try id("vat:FR96552100554")
        let siret = try id("siret:73282932000074")
        #expect(BuyerIdentifier.mismatches(in: [siren, otherSIREN, vat, siret]) == [
            IdentifierMismatch(first: siren, second: otherSIREN, reason: .differentSIREN),
            IdentifierMismatch(first: siren, second: siret, reason: .differentSIREN),
            IdentifierMismatch(first: otherSIREN, second: vat, reason: .differentSIREN),
            IdentifierMismatch(first: otherSIREN, second: siret, reason: .differentSIREN),
            IdentifierMismatch(first: vat, second: siret, reason: .differentSIREN),
        ])
    }

    @Test func differentValue() throws {
        let apple = try id("lei:HWUPKR0MPOU8FGXBT394")
        let deutscheBank = try id("lei:7LTWFZYICNSX8D621K86")
        let register1 = try id("registry:RA000585:HRB 1")
        let register2 = try id("registry:RA000585:HRB 2")
        let german1 = try id("vat:DE136695976")
        let german2 = try id("vat:DE123456789")
        #expect(BuyerIdentifier.mismatches(in: [apple, register1, deutscheBank, register2, german1, german2]) == [
            IdentifierMismatch(first: apple, second: deutscheBank, reason: .differentValue),
            IdentifierMismatch(first: register1, second: register2, reason: .differentValue),
            IdentifierMismatch(first: german1, second: german2, reason: .differentValue),
        ])
    }

    @Test func jsonRoundTrip() throws {
        let mismatch = IdentifierMismatch(
            first: try id("siren:552100554"), second: try id("vat:FR59542051180"), reason: .differentSIREN
        )
        let data = try JSONEncoder().encode(mismatch)
        #expect(String(decoding: data, as: UTF8.self).contains(#""reason":"different_siren""#))
        #expect(try JSONDecoder().decode(IdentifierMismatch.self, from: data) == mismatch)
    }
}

@Suite("CheckDigits")
struct BuyerIdentifierCheckDigitsTests {
    @Test func luhn() {
        #expect(CheckDigits.luhn("79927398713"))  // the textbook example
        #expect(!CheckDigits.luhn("79927398710"))
        #expect(CheckDigits.luhn("552100554"))
        #expect(!CheckDigits.luhn(""))
        #expect(!CheckDigits.luhn("55210055A"))
    }

    @Test func mod97() {
        #expect(CheckDigits.mod97("529900T8BM49AURSDO55") == 1)
        #expect(CheckDigits.mod97("WEST12345698765432GB82") == 1)  // IBAN GB82 WEST 1234 5698 7654 32, rearranged
        #expect(CheckDigits.mod97("529900T8BM49AURSDO56") == 2)
        #expect(CheckDigits.mod97("") == nil)
        #expect(CheckDigits.mod97("abc") == nil)
    }

    @Test func frenchVATKey() {
        #expect(CheckDigits.frenchVATKey(forSIREN: 303265045) == 40)
        #expect(CheckDigits.frenchVATKey(forSIREN: 356000000) == 39)
    }

    @Test func digitSum() {
        #expect(CheckDigits.digitSum("35600000049837") == 45)
    }
}
