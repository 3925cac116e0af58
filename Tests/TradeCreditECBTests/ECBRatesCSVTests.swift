import Foundation
import Testing
import TradeCreditModel
@testable import TradeCreditECB

@Suite("ECB CSV files")
struct ECBRatesCSVTests {
    // MARK: Real rows

    @Test func sampleRowsParseOldestFirstWithSourceECB() throws {
        let publications = try ECBRatesFixtures.samplePublications()
        #expect(publications.count == 29)
        #expect(publications.first?.date == (try ECBRatesFixtures.date("1999-01-04")))
        #expect(publications.last?.date == (try ECBRatesFixtures.date("2026-01-05")))
        #expect(zip(publications, publications.dropFirst()).allSatisfy { $0.date < $1.date })
        #expect(publications.allSatisfy { $0.source == "ECB" })
    }

    @Test func ratesAreKeptExactlyAsPublished() throws {
        let publications = try ECBRatesFixtures.samplePublications()
        let march15 = try #require(try publications.publication(on: "2024-03-15"))
        #expect(try march15.publishedRate("USD") == "1.0892")
        #expect(try march15.publishedRate("JPY") == "162.03")
        #expect(try march15.publishedRate("HUF") == "393.2")
        #expect(march15.ratePerEUR(.USD) == Decimal(string: "1.0892"))
        #expect(march15.ratePerEUR(.EUR) == 1)

        let first = try #require(try publications.publication(on: "1999-01-04"))
        #expect(try first.publishedRate("USD") == "1.1789")
        #expect(try first.publishedRate("CYP") == "0.58231")
        #expect(try first.publishedRate("EEK") == "15.6466")
        #expect(try first.publishedRate("TRL") == "372274")
        #expect(try first.publishedRate("ROL") == "13111")
        #expect(try first.publishedRate("BGN") == nil)

        #expect(try publications.publication(on: "2022-03-01")?.publishedRate("RUB") == "117.201")
        #expect(try publications.publication(on: "2022-12-30")?.publishedRate("HRK") == "7.5365")
        #expect(try publications.publication(on: "2025-12-31")?.publishedRate("BGN") == "1.9558")
        #expect(try publications.publication(on: "2026-01-05")?.publishedRate("ISK") == "147.4")
    }

    @Test func droppedCurrenciesAreAbsentAfterTheirLastDay() throws {
        let publications = try ECBRatesFixtures.samplePublications()
        // First and last quotes in the full history (CYP's last, 2007-12-31, falls between the sample's rows).
        let quoted = ["RUB": ("2005-04-01", "2022-03-01"), "HRK": ("2005-04-01", "2022-12-30"),
                      "BGN": ("2000-07-19", "2025-12-31"), "CYP": ("1999-01-04", "2007-12-31")]
        for (code, (first, last)) in quoted {
            let code = try CurrencyCode(code)
            let period = try ECBRatesFixtures.date(first)...ECBRatesFixtures.date(last)
            for publication in publications {
                #expect(publication.currencies.contains(code) == period.contains(publication.date),
                        "\(code) on \(publication.date)")
            }
        }
    }

    @Test func holidaysHaveNoPublication() throws {
        let dates = Set(try ECBRatesFixtures.samplePublications().map(\.date.description))
        #expect(dates.isSuperset(of: ["2025-12-24", "2025-12-29", "2025-12-31", "2026-01-02"]))
        #expect(dates.isDisjoint(with: ["2025-12-25", "2025-12-26", "2025-12-27", "2025-12-28", "2026-01-01"]))
    }

    @Test func dailyFileEqualsTheHistoryRowOfItsDay() throws {
        let daily = try ECBRatesFile.publications(from: ECBRatesFixtures.data("eurofxref-daily.csv"), file: "eurofxref-daily.csv")
        #expect(daily.count == 1)
        let row = try #require(try ECBRatesFixtures.embedded.get().publication(on: "2026-10-30"))
        #expect(daily == [row])
        // The daily file pads some rates with zeros ("0.83380"); the values are the same.
        #expect(try daily[0].publishedRate("GBP") == "0.83380")
        #expect(try row.publishedRate("GBP") == "0.8338")
    }

    @Test func columnsAreReadByName() throws {
        let text = try ECBRatesFixtures.text("eurofxref-hist-sample.csv")
        // Reverse the order of the currency columns, keep Date first.
        let reordered = text.split(separator: "\n").map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).dropLast()
            return ([cells.first!] + cells.dropFirst().reversed()).joined(separator: ",") + ","
        }.joined(separator: "\n")
        #expect(try ECBRatesFile.parseCSV(reordered, file: "reordered.csv") == ECBRatesFixtures.samplePublications())
    }

    @Test func lineEndingsTrailingCommasAndOrderDoNotMatter() throws {
        let text = try ECBRatesFixtures.text("eurofxref-hist-sample.csv")
        let lines = text.split(separator: "\n")
        let variant = ([lines[0]] + lines.dropFirst().reversed()).map { $0.dropLast() }.joined(separator: "\r\n") + "\r\n\r\n"
        #expect(try ECBRatesFile.parseCSV(variant, file: "variant.csv") == ECBRatesFixtures.samplePublications())
    }

    @Test func dataIsRecognisedAsCSV() throws {
        let data = try ECBRatesFixtures.data("eurofxref-hist-sample.csv")
        #expect(try ECBRatesFile.publications(from: data, file: "sample.csv") == ECBRatesFixtures.samplePublications())
    }

    @Test func headerOnlyHasNoPublication() throws {
        #expect(try ECBRatesFile.parseCSV("Date,USD,JPY,\n", file: "h.csv").isEmpty)
    }

    // MARK: Malformed files

    @Test func aFileCutInsideItsLastNumberIsMalformed() throws {
        // The header and rows end with a comma; the last row, cut after "1.0", would read as a rate of 1.0.
        let text = "Date,USD,JPY,\n2026-01-05,1.1664,182.93,\n2026-01-02,1.1721,18"
        let error = try #require(throws: ECBRatesError.self) { try ECBRatesFile.parseCSV(text, file: "cut.csv") }
        #expect(error.code == .malformed)
        #expect(error.line == 3)
        #expect(error.field == "JPY")
        #expect(error.failure == .invalidResponse)
        // Without trailing commas anywhere, rows are read as they are.
        #expect(try ECBRatesFile.parseCSV("Date,USD,JPY\n2026-01-05,1.1664,182.93", file: "plain.csv").count == 1)
    }

    @Test func badNumberNamesLineAndCurrency() throws {
        let text = "Date,USD,JPY,\n2026-10-30,1.1172,175.68,\n2026-10-29,1.1x,175.92,\n"
        let expected = ECBRatesError(.malformed, file: "eurofxref-hist.csv", line: 3, field: "USD",
                                     message: "not a plain decimal number (\"1.1x\")")
        #expect(throws: expected) { try ECBRatesFile.parseCSV(text, file: "eurofxref-hist.csv") }
        #expect(expected.description == "eurofxref-hist.csv:3: USD: not a plain decimal number (\"1.1x\")")
    }

    @Test func raggedRowNamesItsLine() {
        let text = "Date,USD,JPY,\n2026-10-30,1.1172,175.68,\n\n2026-10-29,1.113,\n"
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 4, message: "2 cells where the header has 3")) {
            try ECBRatesFile.parseCSV(text, file: "f.csv")
        }
        let tooMany = "Date,USD,\n2026-10-30,1.1172,175.68,\n"
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 2, message: "3 cells where the header has 2")) {
            try ECBRatesFile.parseCSV(tooMany, file: "f.csv")
        }
    }

    @Test func unknownColumnIsNamed() {
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 1, field: "XYZ",
                                      message: "not a known currency code in the header (column 3)")) {
            try ECBRatesFile.parseCSV("Date,USD,XYZ,\n2026-10-30,1.1172,1,\n", file: "f.csv")
        }
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 1, field: "USD",
                                      message: "the currency appears twice in the header (column 3)")) {
            try ECBRatesFile.parseCSV("Date,USD,USD,\n", file: "f.csv")
        }
    }

    @Test func duplicateDateNamesBothLines() {
        let text = "Date,USD,\n2026-10-30,1.1172,\n2026-10-29,1.113,\n2026-10-30,1.1172,\n"
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 4, message: "2026-10-30 appears twice (first on line 2)")) {
            try ECBRatesFile.parseCSV(text, file: "f.csv")
        }
    }

    @Test func badDateIsRefused() {
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 2, field: "Date",
                                      message: "not a date, expected YYYY-MM-DD or a date such as \"30 October 2026\" (\"2026-02-30\")")) {
            try ECBRatesFile.parseCSV("Date,USD,\n2026-02-30,1.1172,\n", file: "f.csv")
        }
        #expect(throws: ECBRatesError.self) {
            try ECBRatesFile.parseCSV("Date, USD, \n30 Octobre 2026, 1.1172, \n", file: "f.csv")
        }
    }

    @Test func zeroRateAndEmptyDayAreRefused() {
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 2, field: "USD", message: "a rate must be positive (\"0\")")) {
            try ECBRatesFile.parseCSV("Date,USD,\n2026-10-30,0,\n", file: "f.csv")
        }
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 2, message: "no rate is quoted on 2026-10-30")) {
            try ECBRatesFile.parseCSV("Date,USD,JPY,\n2026-10-30,N/A,,\n", file: "f.csv")
        }
    }

    @Test func emptyAndForeignFilesAreRefused() {
        #expect(throws: ECBRatesError(.empty, file: "f.csv", message: "the file is empty")) {
            try ECBRatesFile.parseCSV("", file: "f.csv")
        }
        #expect(throws: ECBRatesError(.empty, file: "f.csv", message: "the file is empty")) {
            try ECBRatesFile.publications(from: Data(" \n\r\n".utf8), file: "f.csv")
        }
        #expect(throws: ECBRatesError(.malformed, file: "f.csv", line: 1,
                                      message: "not an ECB rates file: the header must start with Date (\"name\")")) {
            try ECBRatesFile.parseCSV("name,value\nx,1\n", file: "f.csv")
        }
    }

    @Test func oversizedDataIsRefusedBeforeParsing() throws {
        let data = try ECBRatesFixtures.data("eurofxref-hist-sample.csv")
        #expect(throws: ECBRatesError(.tooLarge, file: "big.csv", message: "\(data.count) bytes; at most 1000 are accepted")) {
            try ECBRatesFile.publications(from: data, file: "big.csv", maximumSize: 1000)
        }
        #expect(throws: ECBRatesError(.tooLarge, file: "big.csv", message: "\(data.count) bytes; at most 1000 are accepted")) {
            try ECBRatesFile.parseCSV(String(decoding: data, as: UTF8.self), file: "big.csv", maximumSize: 1000)
        }
        #expect(ECBRatesFile.maximumSize == 64 * 1024 * 1024)
    }
}
