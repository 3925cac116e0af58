import TradeCreditModel

/// Reads the ECB's CSV files from UTF-8 bytes: the history (`Date,USD,JPY,…,` then `2026-10-30,1.1172,…,` rows) and
/// the daily file (`Date, USD, …, ` then `30 October 2026, 1.1172, …`).
///
/// Columns are read by their header name, once resolved to a ``CurrencyCode``. Cells are trimmed of spaces; `N/A`
/// and empty cells mean the currency was not quoted that day. One trailing empty cell (the ECB ends every line with a
/// comma) is ignored. Lines end with LF or CRLF; blank lines are skipped.
struct ECBCSVParser {
    private let bytes: UnsafeRawBufferPointer
    private let file: String

    private init(bytes: UnsafeRawBufferPointer, file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// The publications in `bytes`, oldest first; `file` names the file in errors.
    /// - Throws: ``ECBRatesError`` `.empty` when there is no header, `.malformed` naming the line (and the currency
    ///   or column) otherwise.
    static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws -> [RatePublication] {
        try ECBCSVParser(bytes: bytes, file: file).run()
    }

    private func run() throws -> [RatePublication] {
        var position = hasByteOrderMark ? 3 : 0
        var lineNumber = 0
        var columns: [CurrencyCode]?
        var headerEndsWithComma = false
        var cells: [Range<Int>] = []
        // About 280 bytes per line in the full history; the guess only saves reallocations.
        var collector = ECBPublicationCollector(file: file, expectedCount: bytes.count / 256)
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = position..<(end > position && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end)
            position = end + 1
            lineNumber += 1
            let endsWithComma = split(line, into: &cells)
            if cells.count == 1, cells[0].isEmpty { continue }
            if let columns {
                // The ECB ends the header and every row with a comma. A row without it, under a header with it, is
                // one cut short inside its last number ("3.6" of "3.685"), which would otherwise read as a rate.
                if headerEndsWithComma, !endsWithComma, let last = columns.last {
                    throw ECBRatesError.malformed(file, line: lineNumber, field: last.code,
                                                  "the row lacks the header's trailing comma: the file is cut short")
                }
                try readRow(cells, columns: columns, line: lineNumber, into: &collector)
            } else {
                columns = try readHeader(cells, line: lineNumber)
                headerEndsWithComma = endsWithComma
            }
        }
        guard columns != nil else {
            throw ECBRatesError(.empty, file: file, message: "the file is empty")
        }
        return collector.sorted()
    }

    private var hasByteOrderMark: Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The cells of `line`, each trimmed of spaces and tabs, without one trailing empty cell; returns whether there
    /// was one (the line ended with a comma).
    @discardableResult
    private func split(_ line: Range<Int>, into cells: inout [Range<Int>]) -> Bool {
        cells.removeAll(keepingCapacity: true)
        var start = line.lowerBound
        for index in line where bytes[index] == UInt8(ascii: ",") {
            cells.append(trimmed(start..<index))
            start = index + 1
        }
        cells.append(trimmed(start..<line.upperBound))
        guard cells.count > 1, cells[cells.count - 1].isEmpty else { return false }
        cells.removeLast()
        return true
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private func cell(_ range: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[range]) }

    private func text(_ range: Range<Int>) -> String { String(decoding: cell(range), as: UTF8.self) }

    /// `Date` then one currency code per column.
    private func readHeader(_ cells: [Range<Int>], line: Int) throws -> [CurrencyCode] {
        guard text(cells[0]).lowercased() == "date" else {
            throw ECBRatesError.malformed(file, line: line,
                                          "not an ECB rates file: the header must start with Date \(ECBRatesError.quoted(text(cells[0])))")
        }
        var columns: [CurrencyCode] = []
        for (position, range) in cells.enumerated().dropFirst() {
            let name = text(range)
            guard let currency = try? CurrencyCode(name) else {
                throw ECBRatesError.malformed(file, line: line, field: name.isEmpty ? nil : name,
                                              "not a known currency code in the header (column \(position + 1))")
            }
            guard !columns.contains(currency) else {
                throw ECBRatesError.malformed(file, line: line, field: currency.code,
                                              "the currency appears twice in the header (column \(position + 1))")
            }
            columns.append(currency)
        }
        return columns
    }

    /// A date, then one cell per header column.
    private func readRow(_ cells: [Range<Int>], columns: [CurrencyCode], line: Int,
                         into collector: inout ECBPublicationCollector) throws {
        guard cells.count == columns.count + 1 else {
            throw ECBRatesError.malformed(file, line: line,
                                          "\(cells.count) cells where the header has \(columns.count + 1)")
        }
        guard let date = ECBDateText.parse(cell(cells[0])) else {
            throw ECBRatesError.malformed(file, line: line, field: "Date",
                                          "not a date, \(ECBDateText.expectedShapes) \(ECBRatesError.quoted(text(cells[0])))")
        }
        var rates = [CurrencyCode: ExactDecimal](minimumCapacity: columns.count)
        for (index, currency) in columns.enumerated() {
            let range = cells[index + 1]
            if range.isEmpty || isNotAvailable(range) { continue }
            guard let rate = ECBDecimalText.parse(cell(range)) else {
                throw ECBRatesError.malformed(file, line: line, field: currency.code,
                                              "not a plain decimal number \(ECBRatesError.quoted(text(range)))")
            }
            guard rate.significand > 0 else {
                throw ECBRatesError.malformed(file, line: line, field: currency.code,
                                              "a rate must be positive \(ECBRatesError.quoted(text(range)))")
            }
            rates[currency] = rate
        }
        try collector.add(date: date, rates: rates, line: line)
    }

    /// Whether the cell reads `N/A`.
    private func isNotAvailable(_ range: Range<Int>) -> Bool {
        range.count == 3 && bytes[range.lowerBound] == UInt8(ascii: "N")
            && bytes[range.lowerBound + 1] == UInt8(ascii: "/") && bytes[range.lowerBound + 2] == UInt8(ascii: "A")
    }
}
