import Foundation
import Testing
@testable import TradeCreditModel

/// Checks the shipped ISO 4217 and ISO 3166-1 tables against facts written down by hand from the published standards
/// (ISO 4217 lists one and three of 2026-01-01, ISO 3166-1), never derived from the tables themselves.
@Suite("Reference tables")
struct ReferenceTableTests {

    // MARK: - ISO 4217, current codes

    struct CurrentFact: Sendable, CustomTestStringConvertible {
        let code: String
        let numeric: Int
        let minorUnits: Int?
        let kind: CurrencyKind
        var testDescription: String { code }
    }

    static let currentFacts: [CurrentFact] = [
        CurrentFact(code: "EUR", numeric: 978, minorUnits: 2, kind: .national),
        CurrentFact(code: "USD", numeric: 840, minorUnits: 2, kind: .national),
        CurrentFact(code: "GBP", numeric: 826, minorUnits: 2, kind: .national),
        CurrentFact(code: "CHF", numeric: 756, minorUnits: 2, kind: .national),
        CurrentFact(code: "JPY", numeric: 392, minorUnits: 0, kind: .national),
        CurrentFact(code: "KRW", numeric: 410, minorUnits: 0, kind: .national),
        CurrentFact(code: "ISK", numeric: 352, minorUnits: 0, kind: .national),
        CurrentFact(code: "KWD", numeric: 414, minorUnits: 3, kind: .national),
        CurrentFact(code: "BHD", numeric: 48, minorUnits: 3, kind: .national),
        CurrentFact(code: "TND", numeric: 788, minorUnits: 3, kind: .national),
        CurrentFact(code: "CLF", numeric: 990, minorUnits: 4, kind: .fund),
        CurrentFact(code: "UYW", numeric: 927, minorUnits: 4, kind: .fund),
        CurrentFact(code: "USN", numeric: 997, minorUnits: 2, kind: .fund),
        CurrentFact(code: "CHE", numeric: 947, minorUnits: 2, kind: .fund),
        CurrentFact(code: "XAU", numeric: 959, minorUnits: nil, kind: .preciousMetal),
        CurrentFact(code: "XAG", numeric: 961, minorUnits: nil, kind: .preciousMetal),
        CurrentFact(code: "XDR", numeric: 960, minorUnits: nil, kind: .special),
        CurrentFact(code: "XBA", numeric: 955, minorUnits: nil, kind: .special),
        CurrentFact(code: "XTS", numeric: 963, minorUnits: nil, kind: .reserved),
        CurrentFact(code: "XXX", numeric: 999, minorUnits: nil, kind: .reserved),
        CurrentFact(code: "XOF", numeric: 952, minorUnits: 0, kind: .national),
        CurrentFact(code: "XCG", numeric: 532, minorUnits: 2, kind: .national),
    ]

    @Test("Current ISO 4217 codes", arguments: currentFacts)
    func currentCode(_ fact: CurrentFact) throws {
        let currency = try CurrencyCode(fact.code)
        #expect(currency.code == fact.code)
        #expect(currency.info.numericCode == fact.numeric)
        #expect(currency.minorUnits == fact.minorUnits)
        #expect(currency.info.kind == fact.kind)
        #expect(currency.info.withdrawn == nil)
        #expect(!currency.info.isWithdrawn)
        #expect(!currency.info.name.isEmpty)
    }

    @Test func englishNames() throws {
        #expect(CurrencyCode.EUR.info.name == "Euro")
        #expect(CurrencyCode.USD.info.name == "US Dollar")
        #expect(CurrencyCode.GBP.info.name == "Pound Sterling")
        #expect(CurrencyCode.JPY.info.name == "Yen")
    }

    @Test func constantsMatchTheirRows() {
        #expect(CurrencyCode.EUR.code == "EUR")
        #expect(CurrencyCode.JPY.minorUnits == 0)
        #expect(CurrencyCode.CHF.info.numericCode == 756)
    }

    // MARK: - ISO 4217, withdrawn codes (list three)

    struct WithdrawnFact: Sendable, CustomTestStringConvertible {
        let code: String
        let numeric: Int
        let year: Int
        let month: Int
        var testDescription: String { code }
    }

    static let withdrawnFacts: [WithdrawnFact] = [
        WithdrawnFact(code: "CYP", numeric: 196, year: 2008, month: 1),
        WithdrawnFact(code: "MTL", numeric: 470, year: 2008, month: 1),
        WithdrawnFact(code: "EEK", numeric: 233, year: 2011, month: 1),
        WithdrawnFact(code: "SIT", numeric: 705, year: 2007, month: 1),
        WithdrawnFact(code: "SKK", numeric: 703, year: 2009, month: 1),
        WithdrawnFact(code: "LVL", numeric: 428, year: 2014, month: 1),
        WithdrawnFact(code: "LTL", numeric: 440, year: 2014, month: 12),
        WithdrawnFact(code: "HRK", numeric: 191, year: 2023, month: 1),
        WithdrawnFact(code: "BGN", numeric: 975, year: 2026, month: 1),
        WithdrawnFact(code: "DEM", numeric: 276, year: 2002, month: 3),
        WithdrawnFact(code: "FRF", numeric: 250, year: 2002, month: 3),
        WithdrawnFact(code: "ITL", numeric: 380, year: 2002, month: 3),
        WithdrawnFact(code: "TRL", numeric: 792, year: 2005, month: 12),
        WithdrawnFact(code: "ROL", numeric: 642, year: 2005, month: 6),
        WithdrawnFact(code: "VEF", numeric: 937, year: 2018, month: 8),
        WithdrawnFact(code: "BYR", numeric: 974, year: 2017, month: 1),
    ]

    @Test("Withdrawn ISO 4217 codes", arguments: withdrawnFacts)
    func withdrawnCode(_ fact: WithdrawnFact) throws {
        let currency = try CurrencyCode(fact.code)
        let withdrawn = try #require(currency.info.withdrawn)
        #expect(withdrawn == (try YearMonth(year: fact.year, month: fact.month)))
        #expect(currency.info.isWithdrawn)
        #expect(currency.info.numericCode == fact.numeric)
        #expect(currency.info.kind == .national)
    }

    @Test func withdrawnMinorUnits() throws {
        #expect(try CurrencyCode("CYP").minorUnits == 2)
        #expect(try CurrencyCode("DEM").minorUnits == 2)
        #expect(try CurrencyCode("ITL").minorUnits == 0)
    }

    // MARK: - ISO 4217, parsing

    @Test func unknownCurrency() {
        let error = #expect(throws: ModelError.self) { try CurrencyCode("ABC") }
        #expect(error?.code == .unknownCurrency)
        #expect(error?.field == "currency")
    }

    @Test(arguments: ["EU", "EURO", "", "E1R", "€UR", "   "])
    func malformedCurrency(_ text: String) {
        let error = #expect(throws: ModelError.self) { try CurrencyCode(text) }
        #expect(error?.code == .invalidFormat)
    }

    @Test(arguments: [" eur ", "eur", "Eur", "\tEUR\n"])
    func currencyIsNormalised(_ text: String) throws {
        let currency = try CurrencyCode(text)
        #expect(currency.code == "EUR")
        #expect(currency == CurrencyCode.EUR)
    }

    // MARK: - ISO 4217, whole table

    @Test func tableShape() throws {
        let all = CurrencyCode.all
        let current = all.filter { !$0.isWithdrawn }
        #expect(current.count >= 175)
        #expect(all.count > current.count)
        #expect(Set(all.map(\.code)).count == all.count)
        #expect(Set(current.map(\.numericCode)).count == current.count, "numeric codes of current codes are unique")
        #expect(all.map(\.code) == all.map(\.code).sorted())
        for info in all {
            #expect(info.code.count == 3 && info.code.allSatisfy { $0.isASCII && $0.isUppercase })
            #expect((1...999).contains(info.numericCode), "\(info.code)")
            #expect(!info.name.isEmpty && !info.name.contains("\"") && !info.name.contains("\\"), "\(info.code)")
            if let minor = info.minorUnits { #expect([0, 2, 3, 4].contains(minor), "\(info.code)") }
        }
        for info in current where info.kind == .national {
            #expect(info.minorUnits != nil, "\(info.code) is a national currency and has minor units")
        }
    }

    // MARK: - ISO 3166-1

    struct CountryFact: Sendable, CustomTestStringConvertible {
        let alpha2: String
        let alpha3: String
        let numeric: Int
        var testDescription: String { alpha2 }
    }

    static let countryFacts: [CountryFact] = [
        CountryFact(alpha2: "FR", alpha3: "FRA", numeric: 250),
        CountryFact(alpha2: "GB", alpha3: "GBR", numeric: 826),
        CountryFact(alpha2: "GR", alpha3: "GRC", numeric: 300),
        CountryFact(alpha2: "DE", alpha3: "DEU", numeric: 276),
        CountryFact(alpha2: "US", alpha3: "USA", numeric: 840),
        CountryFact(alpha2: "AD", alpha3: "AND", numeric: 20),
        CountryFact(alpha2: "BG", alpha3: "BGR", numeric: 100),
        CountryFact(alpha2: "ZW", alpha3: "ZWE", numeric: 716),
    ]

    @Test("ISO 3166-1 countries", arguments: countryFacts)
    func country(_ fact: CountryFact) throws {
        let country = try CountryCode(fact.alpha2)
        #expect(country.info.alpha3 == fact.alpha3)
        #expect(country.info.numericCode == fact.numeric)
        #expect(!country.info.isUserAssigned)
        #expect(!country.info.name.isEmpty)
    }

    @Test func countryTableShape() {
        let all = CountryCode.all
        #expect(all.count == 250, "249 official codes and XK")
        #expect(Set(all.map(\.alpha2)).count == 250)
        #expect(Set(all.map(\.alpha3)).count == 250)
        #expect(all.filter(\.isUserAssigned).map(\.alpha2) == ["XK"])
        #expect(all.map(\.alpha2) == all.map(\.alpha2).sorted())
        #expect(CountryCode.FR.info.name == "France")
    }

    @Test func kosovoIsUserAssigned() throws {
        let kosovo = try CountryCode("xk")
        #expect(kosovo.code == "XK")
        #expect(kosovo.info.isUserAssigned)
        #expect(kosovo.info.alpha3 == "XKX")
        #expect(kosovo.info.numericCode == 383)
    }

    @Test func unknownCountry() {
        let error = #expect(throws: ModelError.self) { try CountryCode("ZZ") }
        #expect(error?.code == .unknownCountry)
    }

    @Test(arguments: ["FRA", "F", "", "F1"])
    func malformedCountry(_ text: String) {
        let error = #expect(throws: ModelError.self) { try CountryCode(text) }
        #expect(error?.code == .invalidFormat)
    }

    // MARK: - JSON

    @Test func currencyJSON() throws {
        let data = try JSONEncoder().encode(CurrencyCode.EUR)
        #expect(String(decoding: data, as: UTF8.self) == "\"EUR\"")
        #expect(try JSONDecoder().decode(CurrencyCode.self, from: Data("\" usd \"".utf8)) == CurrencyCode.USD)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CurrencyCode.self, from: Data("\"ZZZ\"".utf8))
        }
    }

    @Test func countryJSON() throws {
        let data = try JSONEncoder().encode(CountryCode.GR)
        #expect(String(decoding: data, as: UTF8.self) == "\"GR\"")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CountryCode.self, from: Data("\"ZZ\"".utf8))
        }
    }
}
