import Foundation
import PropertyBased
import Testing
import TradeCreditModel
@testable import TradeCreditECB

/// Generated rate tables, written out in the ECB's CSV and XML layouts and read back: the parser must return exactly
/// the rates written, digits included.
@Suite("ECB file round trips")
struct ECBRatesPropertyTests {
    /// Every currency the ECB history has quoted.
    private static let codes = [
        "USD", "JPY", "BGN", "CYP", "CZK", "DKK", "EEK", "GBP", "HUF", "LTL", "LVL", "MTL", "PLN", "ROL", "RON",
        "SEK", "SIT", "SKK", "CHF", "ISK", "NOK", "HRK", "RUB", "TRL", "TRY", "AUD", "BRL", "CAD", "CNY", "HKD",
        "IDR", "ILS", "INR", "KRW", "MXN", "MYR", "NZD", "PHP", "SGD", "THB", "ZAR",
    ]

    /// A table: the columns, and per day (days since 1999-01-01) one cell per column, `nil` for N/A.
    private struct Table {
        let columns: [String]
        let days: [(date: CalendarDate, cells: [ExactDecimal?])]

        /// Columns in `order` (the first `width`), on the given days; cells taken in turn from `pool`, where a zero
        /// significand means N/A (except in the first column, so that every day has a rate).
        init(order: [String], width: Int, dayOffsets: Set<Int>, pool: [(Int64, Int)]) throws {
            let columns = Array(order.prefix(width))
            let start = try CalendarDate(year: 1999, month: 1, day: 1)
            var next = 0
            self.columns = columns
            days = try dayOffsets.map { offset in
                let cells: [ExactDecimal?] = columns.indices.map { column in
                    let (significand, scale) = pool[next % pool.count]
                    next += 1
                    if significand == 0 && column > 0 { return nil }
                    return ExactDecimal(significand: Int128(max(significand, 1)), scale: scale)
                }
                return (try start.adding(days: offset), cells)
            }
        }

        var expected: [RatePublication] {
            get throws {
                try days.map { day in
                    var rates: [CurrencyCode: ExactDecimal] = [:]
                    for (code, cell) in zip(columns, day.cells) {
                        if let cell { rates[try CurrencyCode(code)] = cell }
                    }
                    return try RatePublication(source: "ECB", date: day.date, exactRates: rates)
                }.sorted { $0.date < $1.date }
            }
        }

        var csv: String {
            (["Date," + columns.joined(separator: ",") + ","] + days.map { day in
                day.date.description + "," + day.cells.map { $0?.plainText ?? "N/A" }.joined(separator: ",") + ","
            }).joined(separator: "\n") + "\n"
        }

        var xml: String {
            var lines = [
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
                    + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">",
                "<Cube>",
            ]
            for day in days {
                lines.append("<Cube time='\(day.date)'>")
                for (code, cell) in zip(columns, day.cells) {
                    if let cell { lines.append("<Cube currency='\(code)' rate='\(cell.plainText)'/>") }
                }
                lines.append("</Cube>")
            }
            return (lines + ["</Cube>", "</gesmes:Envelope>"]).joined(separator: "\n")
        }
    }

    private static let pool = zip(Gen.int64(in: 0...99_999_999_999), Gen.int(in: 0...6)).array(of: 500)

    private func check(_ table: Table, _ parsed: [RatePublication]) throws {
        let expected = try table.expected
        #expect(parsed == expected)
        // Same digits, not just the same values.
        for (publication, original) in zip(parsed, expected) {
            for code in original.currencies where code != .EUR {
                #expect(publication.exactRate(code)?.plainText == original.exactRate(code)?.plainText)
            }
        }
    }

    @Test func generatedCSVRoundTripsExactly() async {
        await propertyCheck(
            count: 60,
            input: Gen.shuffled(Self.codes), Gen.int(in: 1...Self.codes.count),
            Gen.int(in: 0...10_000).set(ofAtMost: 1...25), Self.pool
        ) { order, width, days, pool in
            let table = try Table(order: order, width: width, dayOffsets: days, pool: pool)
            try check(table, try ECBRatesFile.parseCSV(table.csv, file: "generated.csv"))
        }
    }

    @Test func generatedXMLRoundTripsExactly() async {
        await propertyCheck(
            count: 40,
            input: Gen.shuffled(Self.codes), Gen.int(in: 1...Self.codes.count),
            Gen.int(in: 0...10_000).set(ofAtMost: 1...25), Self.pool
        ) { order, width, days, pool in
            let table = try Table(order: order, width: width, dayOffsets: days, pool: pool)
            try check(table, try ECBRatesFile.publications(from: Data(table.xml.utf8), file: "generated.xml"))
        }
    }
}
