import Foundation
import Testing
@testable import TradeCreditModel

/// A test-only reader for the ECB history CSV slice in `Fixtures/ecb-sample.csv` (see `Fixtures/README.md` for the
/// source and the dates it holds).
///
/// The CSV is the ECB's `eurofxref-hist.csv` shape: a header `Date,USD,JPY,…,` with a trailing comma, one row per
/// publication day, newest first, `N/A` for a currency not published that day. Columns are read by their header name
/// (their order has changed over the years); the rates are kept exactly as written (`ExactDecimal.parse`, no trip
/// through `Decimal`).
enum ECBSample {
    /// The source name every publication carries.
    static let source = "ECB"

    /// The fixture file, found next to this source file (the tests never read `/work/shared`).
    static var fileURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ecb-sample.csv")
    }

    /// Every publication of the fixture, in file order (newest first).
    static func publications() throws -> [RatePublication] {
        try parse(try String(contentsOf: fileURL, encoding: .utf8))
    }

    /// The fixture as one table (validThrough: the last publication unless given).
    static func table(validThrough: CalendarDate? = nil) throws -> RateTable {
        try RateTable(source: source, publications: try publications(), validThrough: validThrough)
    }

    /// Parses ECB history CSV text.
    static func parse(_ text: String, source: String = ECBSample.source) throws -> [RatePublication] {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        guard let headerLine = lines.first else { return [] }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let dateColumn = header.firstIndex(of: "Date") else {
            throw FixtureError("no Date column in \(header)")
        }
        var publications: [RatePublication] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let date = try CalendarDate(parsing: fields[dateColumn])
            var rates: [CurrencyCode: ExactDecimal] = [:]
            for (column, name) in header.enumerated() where column != dateColumn && !name.isEmpty {
                guard column < fields.count else { continue }
                let text = fields[column]
                if text.isEmpty || text == "N/A" { continue }
                rates[try CurrencyCode(name)] = try ExactDecimal.parse(Substring(text), field: name)
            }
            publications.append(try RatePublication(source: source, date: date, exactRates: rates))
        }
        return publications
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

@Suite("RateTable: ECB sample fixture")
struct RateTableFixtureTests {
    @Test func loadsEveryRowWithItsColumnsByName() throws {
        let publications = try ECBSample.publications()
        #expect(publications.count == 27)
        #expect(publications.allSatisfy { $0.source == "ECB" })
        let byDate = Dictionary(uniqueKeysWithValues: publications.map { ($0.date, $0) })
        let friday = try #require(byDate[try CalendarDate(parsing: "2024-03-15")])
        #expect(friday.exactRate(.USD)?.plainText == "1.0892")
        #expect(friday.exactRate(.GBP)?.plainText == "0.8541")
        #expect(friday.exactRate(.JPY)?.plainText == "162.03")
        // Legacy columns (CYP, EEK, …) are N/A in every row of the slice: absent, not zero.
        #expect(friday.exactRate(try CurrencyCode("CYP")) == nil)
        #expect(friday.currencies.contains(.EUR))
        // 30 currencies that day + EUR (BGN, HRK and RUB columns: BGN yes, HRK and RUB N/A).
        #expect(friday.currencies.count == 31)
    }

    @Test func readsColumnsByNameWhateverTheirOrder() throws {
        let csv = "Date,GBP,USD,\n2024-03-15,0.8541,N/A,\n"
        let publication = try #require(try ECBSample.parse(csv).first)
        #expect(publication.exactRate(.GBP)?.plainText == "0.8541")
        #expect(publication.exactRate(.USD) == nil)
    }
}
