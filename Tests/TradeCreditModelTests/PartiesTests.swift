import Foundation
import Testing
@testable import TradeCreditModel

// Identifiers below are real and verified in BuyerIdentifierTests.swift: SIREN 552100554, UK company number 00445790,
// VAT DE136695976. Every other expectation is worked out by hand in the comment beside it.

private func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

private func eur(_ text: String) throws -> Money { try Money(parsing: text, currency: .EUR) }

private func encodedSorted(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

@Suite("Parties: Buyer")
struct PartiesBuyerTests {
    private var siren: BuyerIdentifier { get throws { try BuyerIdentifier(scheme: .siren, value: "552100554") } }

    @Test(arguments: ["", "   ", "\t\n"])
    func emptyLegalNameIsMissing(_ name: String) throws {
        try expectModelError(.missingValue, field: "legalName") {
            try Buyer(id: "B1", legalName: name, country: .FR)
        }
    }

    @Test func legalNameIsTrimmed() throws {
        #expect(try Buyer(id: "B1", legalName: "  ACME SA \n", country: .FR).legalName == "ACME SA")
    }

    @Test func sirenOnGermanBuyerIsInconsistent() throws {
        try expectModelError(.inconsistent, field: "identifiers") {
            try Buyer(id: "B1", legalName: "ACME GmbH", country: .DE, identifiers: [try siren])
        }
    }

    @Test func ukCompanyNumberOnFrenchBuyerIsInconsistent() throws {
        let crn = try BuyerIdentifier(scheme: .gbCompanyNumber, value: "00445790")
        try expectModelError(.inconsistent, field: "identifiers") {
            try Buyer(id: "B1", legalName: "Tesco", country: .FR, identifiers: [crn])
        }
    }

    @Test func foreignVATNumberIsNotARegistryIdentifier() throws {
        // A French company may hold a German VAT registration: VAT is not a national registry scheme.
        let vat = try BuyerIdentifier(scheme: .vat, value: "DE136695976")
        let buyer = try Buyer(id: "B1", legalName: "ACME SA", country: .FR, identifiers: [try siren, vat])
        #expect(buyer.identifier(.vat) == vat)
        #expect(buyer.identifier(.siren) == (try siren))
        #expect(buyer.identifier(.lei) == nil)
    }

    /// INSEE's SIRENE register covers the overseas departments and Saint-Pierre-et-Miquelon, Saint-Barthélemy and
    /// Saint-Martin, which have ISO codes of their own; New Caledonia (NC) and French Polynesia (PF) do not use it.
    @Test(arguments: [("RE", true), ("GP", true), ("MQ", true), ("GF", true), ("YT", true), ("PM", true),
                      ("BL", true), ("MF", true), ("NC", false), ("PF", false), ("MC", false), ("BE", false)])
    func sirenOnFrenchOverseasBuyer(_ country: String, _ accepted: Bool) throws {
        let make = { try Buyer(id: "B1", legalName: "Océan SARL", country: CountryCode(country), identifiers: [try siren]) }
        if accepted {
            #expect(try make().country.code == country)
        } else {
            try expectModelError(.inconsistent, field: "identifiers", make)
        }
    }

    @Test(arguments: [
        ("2020-06-15", "2020-06-14", nil),  // before incorporation
        ("2020-06-15", "2020-06-15", 0),
        ("2020-06-15", "2026-06-14", 5),  // the day before the 6th anniversary
        ("2020-06-15", "2026-06-15", 6),
        ("2020-06-15", "2026-12-31", 6),
        ("2019-12-31", "2020-01-01", 0),
        ("2020-02-29", "2021-02-28", 0),  // leap-day birthday: the anniversary is 1 March in common years
        ("2020-02-29", "2021-03-01", 1),
        ("2020-02-29", "2024-02-29", 4),
    ] as [(String, String, Int?)])
    func ageInYearsAcrossBirthdays(_ incorporated: String, _ on: String, _ expected: Int?) throws {
        let buyer = try Buyer(id: "B1", legalName: "ACME", country: .FR, incorporationDate: date(incorporated))
        #expect(buyer.ageInYears(on: try date(on)) == expected)
    }

    @Test func ageUnknownWithoutIncorporationDate() throws {
        #expect(try Buyer(id: "B1", legalName: "ACME", country: .FR).ageInYears(on: date("2026-01-01")) == nil)
    }

    @Test func jsonRoundTripKeepsEveryField() throws {
        let buyer = try Buyer(
            id: "B-42", legalName: "Danone", country: .FR, identifiers: [siren], category: .publicBody,
            sector: NACECode(parsing: "C10"), incorporationDate: date("1966-03-01"), isRelatedParty: true,
            groupID: "G-1")
        #expect(try roundTrip(buyer) == buyer)
    }

    @Test func jsonFormIsUnchanged() throws {
        let buyer = try Buyer(id: "B1", legalName: "ACME", country: .FR, sector: NACECode(parsing: "F41"))
        #expect(try encodedSorted(buyer) == #"{"category":"business","country":"FR","id":"B1","identifiers":[],"#
            + #""isRelatedParty":false,"legalName":"ACME","sector":"F41"}"#)
    }

    @Test func decodingAppliesDefaults() throws {
        let buyer = try decode(Buyer.self, #"{"id":"B1","legalName":" ACME ","country":"fr"}"#)
        #expect(buyer.category == .business)
        #expect(buyer.isRelatedParty == false)
        #expect(buyer.identifiers.isEmpty)
        #expect(buyer.legalName == "ACME")  // trimmed, as the initialiser does
        #expect(buyer.country == .FR)
        #expect(buyer.sector == nil && buyer.incorporationDate == nil && buyer.groupID == nil)
    }

    @Test(arguments: [
        (#"{"id":"B1","legalName":"ACME","country":"XX"}"#, "country"),  // not an ISO 3166-1 code
        (#"{"id":"B1","legalName":"ACME","country":"FRA"}"#, "country"),
        (#"{"id":"B1","legalName":"","country":"FR"}"#, "legalName"),
        (#"{"id":"B1","legalName":"   ","country":"FR"}"#, "legalName"),
        (#"{"id":"","legalName":"ACME","country":"FR"}"#, "id"),
        (#"{"id":"B1","legalName":"ACME","country":"FR","sector":"C41"}"#, "sector"),
        (#"{"id":"B1","legalName":"ACME GmbH","country":"DE","identifiers":[{"scheme":"siren","value":"552100554"}]}"#,
         "identifiers"),
    ])
    func decodingInvalidBuyerFails(_ json: String, _ key: String) throws {
        try expectDecodingFailure(Buyer.self, json, key: key)
    }

    @Test func decodingWithoutRequiredFieldFails() throws {
        #expect(throws: DecodingError.self) { try decode(Buyer.self, #"{"id":"B1","country":"FR"}"#) }
    }
}

@Suite("Parties: Policyholder")
struct PartiesPolicyholderTests {
    @Test func validPolicyholder() throws {
        let holder = try Policyholder(id: "P1", legalName: " Seller SA ", country: .FR, policyCurrency: .EUR,
                                      annualTurnover: eur("0.00"), employees: 0)
        #expect(holder.legalName == "Seller SA")
        #expect(holder.identifiers.isEmpty)
    }

    @Test func emptyNameIsMissing() throws {
        try expectModelError(.missingValue, field: "legalName") {
            try Policyholder(id: "P1", legalName: "", country: .FR, policyCurrency: .EUR)
        }
    }

    @Test func negativeTurnoverIsOutOfRange() throws {
        try expectModelError(.outOfRange, field: "annualTurnover") {
            try Policyholder(id: "P1", legalName: "Seller", country: .FR, policyCurrency: .EUR,
                             annualTurnover: eur("-0.01"))
        }
    }

    @Test func negativeHeadcountIsOutOfRange() throws {
        try expectModelError(.outOfRange, field: "employees") {
            try Policyholder(id: "P1", legalName: "Seller", country: .FR, policyCurrency: .EUR, employees: -1)
        }
    }

    @Test func jsonRoundTrip() throws {
        let holder = try Policyholder(
            id: "P1", legalName: "Seller SA", country: .FR,
            identifiers: [BuyerIdentifier(scheme: .siren, value: "552100554")], policyCurrency: .EUR,
            sector: NACECode(parsing: "G46"), incorporationDate: date("2001-09-10"),
            annualTurnover: eur("12500000.00"), employees: 85)
        #expect(try roundTrip(holder) == holder)
    }

    @Test func decodingWithoutIdentifiersMeansNone() throws {
        let holder = try decode(Policyholder.self,
                                #"{"id":"P1","legalName":"Seller","country":"FR","policyCurrency":"EUR"}"#)
        #expect(holder.identifiers.isEmpty)
        #expect(holder.policyCurrency == .EUR)
    }

    @Test(arguments: [
        (#"{"id":"P1","legalName":"S","country":"FR","policyCurrency":"EUR","employees":-3}"#, "employees"),
        (#"{"id":"P1","legalName":"S","country":"FR","policyCurrency":"EUR","annualTurnover":{"amount":"-5","currency":"EUR"}}"#,
         "annualTurnover"),
        (#"{"id":"P1","legalName":" ","country":"FR","policyCurrency":"EUR"}"#, "legalName"),
        (#"{"id":"P1","legalName":"S","country":"FR","policyCurrency":"EURO"}"#, "policyCurrency"),
    ])
    func decodingInvalidPolicyholderFails(_ json: String, _ key: String) throws {
        try expectDecodingFailure(Policyholder.self, json, key: key)
    }
}

@Suite("Parties: NACECode")
struct PartiesNACECodeTests {
    @Test(arguments: [
        ("F", "F", nil),
        ("f", "F", nil),
        ("F41", "F", 41),
        ("f41", "F", 41),
        ("F.41", "F", 41),
        (" F 41 ", "F", 41),
        ("41", "F", 41),  // a division alone: 41 is in F (41-43)
        ("01", "A", 1),  // 01 is in A (01-03)
        ("C10", "C", 10),
        ("U99", "U", 99),
    ] as [(String, Character, Int?)])
    func parses(_ text: String, _ section: Character, _ division: Int?) throws {
        let code = try NACECode(parsing: text)
        #expect(code.section == section)
        #expect(code.division == division)
    }

    @Test(arguments: [("F41", "F41"), ("41", "F41"), ("01", "A01"), ("f", "F"), ("U.99", "U99")])
    func description(_ text: String, _ expected: String) throws {
        #expect(try NACECode(parsing: text).description == expected)
    }

    @Test(arguments: ["C41", "A05", "F00"])
    func divisionOutsideSectionIsInconsistent(_ text: String) throws {
        try expectModelError(.inconsistent, field: "sector") { try NACECode(parsing: text) }
    }

    @Test(arguments: ["V", "F4", "FF", "", "4", "00", "F411", "41F"])
    func malformedIsInvalidFormat(_ text: String) throws {
        try expectModelError(.invalidFormat, field: "sector") { try NACECode(parsing: text) }
    }

    @Test func sectionOnlyDropsDivision() throws {
        #expect(try NACECode(parsing: "F41").sectionOnly == NACECode(parsing: "F"))
    }

    @Test func json() throws {
        let code = try NACECode(parsing: "f.41")
        #expect(String(decoding: try JSONEncoder().encode(code), as: UTF8.self) == #""F41""#)
        #expect(try decode(NACECode.self, #""F41""#) == code)
        #expect(throws: DecodingError.self) { try decode(NACECode.self, #""C41""#) }
    }
}

@Suite("Parties: string identifiers")
struct PartiesStringIdentifierTests {
    @Test(arguments: ["", "   ", String(repeating: "x", count: 129), "a\nb", "a\r\nb"])
    func invalidBuyerID(_ text: String) throws {
        try expectModelError(.invalidFormat, field: "buyer id") { try BuyerID(text) }
        #expect(BuyerID(rawValue: text) == nil)
    }

    @Test func longestBuyerIDIs128Characters() throws {
        let text = String(repeating: "é", count: 128)  // characters, not bytes
        #expect(try BuyerID(text).rawValue == text)
    }

    // `BuyerID("literal")` is a literal coercion (SE-0213) that calls the trapping `init(stringLiteral:)`, not the
    // throwing `init(_:)`: the tests pass the text through a variable to reach the throwing initialiser.

    @Test(arguments: [("  B-1 \n", "B-1"), ("\tC-9 ", "C-9"), ("a b", "a b")])
    func trimmed(_ text: String, _ expected: String) throws {
        #expect(try BuyerID(text).rawValue == expected)
        #expect(try ClaimID(text).rawValue == expected)
    }

    @Test func fieldNames() throws {
        let empty = ""
        try expectModelError(.invalidFormat, field: "claim id") { try ClaimID(empty) }
        try expectModelError(.invalidFormat, field: "limit id") { try LimitID(empty) }
        try expectModelError(.invalidFormat, field: "policy id") { try PolicyID(empty) }
        try expectModelError(.invalidFormat, field: "policyholder id") { try PolicyholderID(empty) }
        try expectModelError(.invalidFormat, field: "buyer group id") { try BuyerGroupID(empty) }
    }

    @Test func orderedByText() {
        #expect(BuyerID("A-2") < BuyerID("B-1"))
    }

    @Test func jsonIsAPlainString() throws {
        let id: BuyerID = "B-1"
        #expect(String(decoding: try JSONEncoder().encode(id), as: UTF8.self) == #""B-1""#)
        #expect(try decode(BuyerID.self, #"" B-1 ""#) == id)
        #expect(throws: DecodingError.self) { try decode(BuyerID.self, #""""#) }
        #expect(throws: DecodingError.self) { try decode(BuyerID.self, #""a\nb""#) }
        #expect(throws: DecodingError.self) { try decode(BuyerID.self, "42") }
    }
}
