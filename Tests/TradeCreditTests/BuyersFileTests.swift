import Foundation
import Testing
@testable import TradeCredit

// The buyers file: the embedded sample, then one test per error with the exact line the CLI prints for it. The
// expected texts are those InputError, ModelError and the model's parsers build (read from their code).

private let fileName = "buyers.csv"

/// Every column of the format, in the sample's order.
private let allColumns = BuyersFile.requiredColumns + BuyersFile.optionalColumns

/// A valid French business; the tests override one column at a time.
private let validBuyer: [String: String] = [
    "id": "B1", "legal_name": "Atelier Moreau SAS", "country": "FR", "identifiers": "siren:194482246;vat:FR92194482246",
    "category": "business", "sector": "C25", "incorporation_date": "1998-04-14", "related_party": "no", "group": "",
    "requested_limit": "150000", "currency": "EUR", "payment_terms_days": "60", "expected_turnover": "900000",
]

/// A CSV line of `columns` from `values`, quoting where the format needs it.
private func line(_ values: [String: String], columns: [String] = allColumns) -> String {
    columns.map { column in
        let value = values[column] ?? ""
        return value.contains(where: { ",\"\n".contains($0) })
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }.joined(separator: ",")
}

/// A buyers file with the full header and one line per row.
private func file(_ rows: [[String: String]], columns: [String] = allColumns) -> String {
    ([columns.joined(separator: ",")] + rows.map { line($0, columns: columns) }).joined(separator: "\n") + "\n"
}

extension String {
    /// The text with its first line (the header) upper-cased.
    fileprivate func uppercasedHeader() -> String {
        let header = prefix { $0 != "\n" }
        return header.uppercased() + dropFirst(header.count)
    }
}

/// The valid buyer with `overrides` applied.
private func buyer(_ overrides: [String: String]) -> [String: String] {
    validBuyer.merging(overrides) { _, new in new }
}

/// Parses `text`, expects an ``InputError`` and returns it.
@discardableResult
private func buyersError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
    #expect(throws: InputError.self, sourceLocation: sourceLocation) { try BuyersFile.parse(text, file: fileName) }
}

/// The error of a file holding the valid buyer (line 2) and then the buyer with `overrides` (line 3).
private func secondLineError(_ overrides: [String: String],
                             sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
    var second = buyer(overrides)
    if overrides["id"] == nil { second["id"] = "B2" }
    return buyersError(file([validBuyer, second]), sourceLocation: sourceLocation)
}

@Suite("BuyersFile: the embedded sample")
struct SampleBuyersTests {
    let records: [BuyerRecord]
    init() throws { records = try SampleData.buyers() }

    private func record(_ id: String) throws -> BuyerRecord {
        try #require(records.first { $0.buyer.id.rawValue == id })
    }

    @Test func parsesThirtyThreeBuyersInFileOrder() {
        #expect(records.count == 33)
        #expect(records.map(\.buyer.id.rawValue) == (1...33).map { $0 < 10 ? "B00\($0)" : "B0\($0)" })
    }

    @Test func b001() throws {
        let b001 = try record("B001")
        #expect(b001.buyer.legalName == "Atelier Moreau SAS")
        #expect(b001.buyer.country.code == "FR")
        #expect(b001.buyer.identifiers.map(\.description) == ["siren:194482246", "vat:FR92194482246"])
        #expect(b001.buyer.sector?.description == "C25")
        #expect(b001.buyer.incorporationDate?.description == "1998-04-14")
        #expect(b001.buyer.isRelatedParty == false)
        #expect(b001.buyer.groupID == nil)
        // "150000" and "900000" in the file, widened to EUR's 2 decimals.
        #expect(b001.requestedLimit?.description == "150000.00 EUR")
        #expect(b001.requestedLimit?.amountText == "150000.00")
        #expect(b001.paymentTermsDays == 60)
        #expect(b001.expectedAnnualTurnover?.description == "900000.00 EUR")
    }

    @Test func b003HasThreeIdentifiersAndItsGroup() throws {
        let b003 = try record("B003")
        #expect(b003.buyer.identifiers.count == 3)
        #expect(b003.buyer.identifiers.map(\.scheme) == [.siren, .vat, .lei])
        #expect(b003.buyer.identifiers.map(\.value) == ["319720074", "FR81319720074", "9695009T6C9C6R8L0S74"])
        #expect(b003.buyer.groupID?.rawValue == "GRP-GARNIER")
        // B004 is in the same group.
        #expect(try record("B004").buyer.groupID == b003.buyer.groupID)
    }

    @Test func b006KeepsTheSpaceInItsRegistryNumber() throws {
        let b006 = try record("B006")
        #expect(b006.buyer.identifiers.map(\.description)
                    == ["vat:DE829110904", "registry:RA000242:HRB 44579", "lei:969500SRAFWH786UM377"])
    }

    @Test func b025IsAQuotedNameAndAJPYLimit() throws {
        let b025 = try record("B025")
        #expect(b025.buyer.legalName == "Yamada Trading Co., Ltd.")
        #expect(b025.buyer.country.code == "JP")
        let limit = try #require(b025.requestedLimit)
        #expect(limit.currency == .JPY)
        #expect(limit.amountText == "20000000", "JPY has 0 decimals: nothing to widen")
        #expect(limit == Money(units: 20_000_000, .JPY))
        #expect(b025.paymentTermsDays == 90)
        #expect(b025.expectedAnnualTurnover?.description == "150000000 JPY")
    }

    @Test func b030IsAnIndividualWithNoIdentifiers() throws {
        let b030 = try record("B030")
        #expect(b030.buyer.legalName == "Jean Martin")
        #expect(b030.buyer.category == .individual)
        #expect(b030.buyer.identifiers.isEmpty)
        #expect(b030.buyer.sector == nil)
        #expect(b030.buyer.incorporationDate == nil)
        #expect(b030.requestedLimit?.description == "5000.00 EUR")
    }

    @Test func theOtherBuyersAPolicyDoesNotCover() throws {
        #expect(try record("B028").buyer.category == .publicBody)
        #expect(try record("B028").buyer.incorporationDate == nil)
        #expect(try record("B029").buyer.category == .institution)
        #expect(try record("B031").buyer.isRelatedParty)
        #expect(records.filter(\.buyer.isRelatedParty).map(\.buyer.id.rawValue) == ["B031"])
        #expect(records.filter { $0.buyer.category != .business }.map(\.buyer.id.rawValue) == ["B028", "B029", "B030"])
    }

    @Test func everyBuyerHasALimitTermsAndTurnoverInOneCurrency() {
        for record in records {
            #expect(record.requestedLimit != nil && record.paymentTermsDays != nil, "\(record.buyer.id)")
            #expect(record.requestedLimit?.currency == record.expectedAnnualTurnover?.currency, "\(record.buyer.id)")
        }
        // Counted by hand from the CSV: 9 currencies, 16 countries and 7 NACE sections, as SampleBuyers.swift's doc
        // comment says.
        #expect(Set(records.compactMap { $0.requestedLimit?.currency.code }).count == 9)
        #expect(Set(records.map(\.buyer.country.code))
                    == ["BE", "BR", "CH", "CZ", "DE", "DK", "ES", "FR", "GB", "GR", "IT", "JP", "NL", "PL", "SE", "US"])
        #expect(Set(records.compactMap { $0.buyer.sector.map { String($0.section) } })
                    == ["C", "F", "G", "H", "M", "O", "S"])
    }
}

@Suite("BuyersFile: parsing")
struct BuyersFileParsingTests {
    @Test func onlyTheRequiredColumnsInAnyOrder() throws {
        let records = try BuyersFile.parse("country,id,legal_name\nde,K1,Keller GmbH\n", file: fileName)
        let record = try #require(records.first)
        #expect(record.buyer.country.code == "DE")
        #expect(record.buyer.category == .business)
        #expect(record.buyer.identifiers.isEmpty)
        #expect(record.buyer.isRelatedParty == false)
        #expect(record.requestedLimit == nil && record.paymentTermsDays == nil && record.expectedAnnualTurnover == nil)
    }

    @Test func yesNoSpellings() throws {
        for (text, expected) in [("yes", true), ("Y", true), ("TRUE", true), ("1", true),
                                 ("no", false), ("n", false), ("False", false), ("0", false), ("", false)] {
            let records = try BuyersFile.parse(file([buyer(["related_party": text])]), file: fileName)
            #expect(records.first?.buyer.isRelatedParty == expected, "related_party \"\(text)\"")
        }
    }

    @Test func amountsAreWidenedToTheCurrencysMinorUnits() throws {
        // EUR: 2 decimals. "150000", "150000.0" and "150000.00" all read as 150000.00.
        for text in ["150000", "150000.0", "150000.00"] {
            let record = try #require(try BuyersFile.parse(file([buyer(["requested_limit": text])]), file: fileName).first)
            #expect(record.requestedLimit?.amountText == "150000.00", "requested_limit \"\(text)\"")
            #expect(record.requestedLimit == Money(units: 150_000, .EUR))
            #expect(record.expectedAnnualTurnover?.amountText == "900000.00")
        }
        // JPY: 0 decimals, kept as written.
        let yen = try #require(try BuyersFile.parse(
            file([buyer(["currency": "JPY", "requested_limit": "20000000", "expected_turnover": "150000000"])]),
            file: fileName).first)
        #expect(yen.requestedLimit?.description == "20000000 JPY")
        #expect(yen.expectedAnnualTurnover?.description == "150000000 JPY")
        // A zero amount is widened too.
        let zero = try #require(try BuyersFile.parse(file([buyer(["requested_limit": "0"])]), file: fileName).first)
        #expect(zero.requestedLimit?.amountText == "0.00")
    }

    @Test func columnNamesAreCaseInsensitive() throws {
        let records = try BuyersFile.parse("ID,LEGAL_NAME,Country\nB1,Atelier Moreau SAS,fr\n", file: fileName)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.buyer.id.rawValue == "B1")
        #expect(record.buyer.legalName == "Atelier Moreau SAS")
        #expect(record.buyer.country.code == "FR")
        // Every column, upper-cased.
        let upper = try BuyersFile.parse(file([validBuyer], columns: allColumns).uppercasedHeader(), file: fileName)
        #expect(upper.first?.requestedLimit?.description == "150000.00 EUR")
        #expect(upper.first?.buyer.identifiers.map(\.description) == ["siren:194482246", "vat:FR92194482246"])
    }

    @Test func aLeadingByteOrderMarkIsStripped() throws {
        let records = try BuyersFile.parse("\u{FEFF}id,legal_name,country\nB1,Atelier Moreau SAS,FR\n", file: fileName)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.buyer.id.rawValue == "B1")
        #expect(record.buyer.country.code == "FR")
    }

    @Test func headerOnlyIsNoBuyers() throws {
        #expect(try BuyersFile.parse(file([]), file: fileName).isEmpty)
    }
}

@Suite("BuyersFile: errors")
struct BuyersFileErrorTests {
    @Test func missingRequiredColumn() {
        let error = buyersError("id,legal_name\nB1,Acme\n")
        #expect(error == InputError(file: fileName, line: 1, field: "country", "required column is missing"))
        #expect(error?.description == "buyers.csv:1: country: required column is missing")
    }

    @Test func unknownColumn() {
        let error = buyersError("id,legal_name,country,colour\nB1,Acme,FR,red\n")
        #expect(error?.description == "buyers.csv:1: colour: unknown column (known: id, legal_name, country, "
                    + "identifiers, category, sector, incorporation_date, related_party, group, requested_limit, "
                    + "currency, payment_terms_days, expected_turnover)")
    }

    @Test func emptyID() {
        let error = buyersError(file([buyer(["id": "  "])]))
        #expect(error == InputError(file: fileName, line: 2, field: "id", "a value is required"))
        #expect(error?.description == "buyers.csv:2: id: a value is required")
    }

    @Test func emptyLegalName() {
        #expect(buyersError(file([buyer(["legal_name": ""])]))?.description == "buyers.csv:2: legal_name: a value is required")
    }

    @Test func duplicateIDNamesTheFirstLine() {
        // A blank line between the two, so that "line 2" and "line 4" are not just consecutive rows.
        let text = "id,legal_name,country\nB1,Acme,FR\n\nB1,Other,DE\n"
        let error = buyersError(text)
        #expect(error?.line == 4)
        #expect(error?.description == #"buyers.csv:4: id: buyer id "B1" already used on line 2"#)
    }

    @Test func unknownCountry() {
        let error = secondLineError(["country": "ZZ"])
        #expect(error?.line == 3)
        #expect(error?.field == "country")
        #expect(error?.description == #"buyers.csv:3: country: unknown ISO 3166-1 alpha-2 country code ("ZZ")"#)
    }

    @Test func malformedCountry() {
        #expect(buyersError(file([buyer(["country": "FRA", "identifiers": ""])]))?.description
                    == #"buyers.csv:2: country: a country code is two letters (ISO 3166-1 alpha-2) ("FRA")"#)
    }

    @Test func badSIRENChecksumNamesTheIdentifierInFull() {
        let error = buyersError(file([buyer(["identifiers": "siren:194482247"])]))
        #expect(error == InputError(file: fileName, line: 2, field: "identifiers",
                                    "siren:194482247: the SIREN's Luhn check digit does not verify"))
        #expect(error?.description == "buyers.csv:2: identifiers: siren:194482247: the SIREN's Luhn check digit does not verify")
    }

    @Test func theBadIdentifierAmongSeveralIsNamed() {
        // The second of two: the message names it, not the first.
        #expect(buyersError(file([buyer(["identifiers": "siren:194482246;siren:194482247"])]))?.description
                    == "buyers.csv:2: identifiers: siren:194482247: the SIREN's Luhn check digit does not verify")
    }

    @Test func identifierWithoutScheme() {
        #expect(buyersError(file([buyer(["identifiers": "194482246"])]))?.description
                    == "buyers.csv:2: identifiers: 194482246: an identifier's text form is SCHEME:VALUE, e.g. siren:552100554")
    }

    @Test func badCategory() {
        #expect(buyersError(file([buyer(["category": "company"])]))?.description
                    == #"buyers.csv:2: category: expected one of business, individual, publicBody, institution ("company")"#)
    }

    @Test func badSector() {
        #expect(buyersError(file([buyer(["sector": "C41"])]))?.description
                    == #"buyers.csv:2: sector: division 41 is not in NACE section C ("C41")"#)
        #expect(buyersError(file([buyer(["sector": "XYZ"])]))?.description
                    == #"buyers.csv:2: sector: expected a NACE code such as F or F41 ("XYZ")"#)
    }

    @Test func badDate() {
        let error = buyersError(file([buyer(["incorporation_date": "2023-02-29"])]))
        #expect(error?.description == #"buyers.csv:2: incorporation_date: no such calendar date ("2023-02-29")"#)
        #expect(buyersError(file([buyer(["incorporation_date": "14/04/1998"])]))?.description
                    == #"buyers.csv:2: incorporation_date: expected a date as YYYY-MM-DD ("14/04/1998")"#)
    }

    @Test func relatedPartyMaybe() {
        #expect(buyersError(file([buyer(["related_party": "maybe"])]))?.description
                    == #"buyers.csv:2: related_party: expected yes or no ("maybe")"#)
    }

    @Test func requestedLimitWithoutCurrency() {
        let error = buyersError(file([buyer(["currency": "", "expected_turnover": ""])]))
        #expect(error == InputError(file: fileName, line: 2, field: "currency", "needed for requested_limit"))
        #expect(error?.description == "buyers.csv:2: currency: needed for requested_limit")
        #expect(buyersError(file([buyer(["currency": "", "requested_limit": ""])]))?.description
                    == "buyers.csv:2: currency: needed for expected_turnover")
    }

    @Test func tooManyDecimals() {
        #expect(buyersError(file([buyer(["requested_limit": "12.345"])]))?.description
                    == #"buyers.csv:2: requested_limit: EUR has 2 decimals ("12.345")"#)
        #expect(buyersError(file([buyer(["currency": "JPY", "requested_limit": "100.5"])]))?.description
                    == #"buyers.csv:2: requested_limit: JPY has 0 decimals ("100.5")"#)
    }

    @Test func notANumber() {
        #expect(buyersError(file([buyer(["requested_limit": "150,000"])]))?.description
                    == #"buyers.csv:2: requested_limit: not a plain decimal number (digits, one optional point) ("150,000")"#)
    }

    @Test func negativeAmounts() {
        // The amount is shown widened to EUR's 2 decimals.
        #expect(buyersError(file([buyer(["requested_limit": "-5"])]))?.description
                    == #"buyers.csv:2: requested_limit: cannot be negative ("-5.00")"#)
        #expect(buyersError(file([buyer(["requested_limit": "-5.5"])]))?.description
                    == #"buyers.csv:2: requested_limit: cannot be negative ("-5.50")"#)
        // JPY has no decimals to add.
        #expect(buyersError(file([buyer(["currency": "JPY", "requested_limit": "-5"])]))?.description
                    == #"buyers.csv:2: requested_limit: cannot be negative ("-5")"#)
        #expect(buyersError(file([buyer(["expected_turnover": "-100.50"])]))?.description
                    == #"buyers.csv:2: expected_turnover: cannot be negative ("-100.50")"#)
    }

    @Test func unknownCurrency() {
        #expect(buyersError(file([buyer(["currency": "EUX"])]))?.description
                    == #"buyers.csv:2: currency: unknown ISO 4217 currency code ("EUX")"#)
    }

    @Test(arguments: ["abc", "-5", "3651", "30.5"])
    func badPaymentTerms(_ text: String) {
        #expect(buyersError(file([buyer(["payment_terms_days": text])]))?.description
                    == "buyers.csv:2: payment_terms_days: expected whole days from 0 to 3650 (\"\(text)\")")
    }

    @Test func paymentTermsBounds() throws {
        for days in ["0", "3650"] {
            let records = try BuyersFile.parse(file([buyer(["payment_terms_days": days])]), file: fileName)
            #expect(records.first?.paymentTermsDays == Int(days))
        }
    }

    @Test func sirenOnAGermanBuyer() {
        let error = buyersError(file([buyer(["country": "DE", "identifiers": "siren:194482246"])]))
        #expect(error?.field == "identifiers")
        #expect(error?.description == #"buyers.csv:2: identifiers: a FR registry identifier on a buyer in DE ("siren:194482246")"#)
    }

    @Test func raggedLineIsReportedByTheCSVReader() {
        #expect(buyersError("id,legal_name,country\nB1,Acme\n")?.description == "buyers.csv:2: 2 fields where the header has 3")
    }

    @Test func firstErrorWins() {
        // Line 2 is fine, line 3 has two errors: the one of the first column checked (country before category).
        let error = secondLineError(["country": "ZZ", "category": "company"])
        #expect(error?.line == 3)
        #expect(error?.field == "country")
    }
}
