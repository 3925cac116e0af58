import TradeCreditModel

/// Reads the CSV ratings format described on ``FileRatingBureau``.
enum RatingsCSVReader {
    static let requiredColumns = ["identifiers", "scale", "rated_on", "value"]
    static let optionalColumns = ["suggested_limit", "currency", "adverse", "source"]

    /// One record and the 1-based line it starts on.
    struct Record {
        let line: Int
        let cells: [String]
    }

    static func read(_ text: String, file: String, scales: [String: RatingScale]) throws -> [FileRatingBureau.Entry] {
        let records = try split(text, file: file)
        guard let header = records.first else {
            throw FileBureauError(.malformed, file: file, line: 1, message: "the file is empty: a header is required")
        }
        var columns: [String: Int] = [:]
        for (position, name) in header.cells.enumerated() {
            let name = name.trimmingWhitespaceAndBOM()
            guard requiredColumns.contains(name) || optionalColumns.contains(name) else {
                throw FileBureauError(.malformed, file: file, line: header.line, field: name,
                                      message: "unknown column; expected \((requiredColumns + optionalColumns).joined(separator: ", "))")
            }
            guard columns.updateValue(position, forKey: name) == nil else {
                throw FileBureauError(.malformed, file: file, line: header.line, field: name, message: "column given twice")
            }
        }
        if let missing = requiredColumns.first(where: { columns[$0] == nil }) {
            throw FileBureauError(.malformed, file: file, line: header.line, field: missing, message: "missing column")
        }
        var entries: [FileRatingBureau.Entry] = []
        for record in records.dropFirst() {
            guard record.cells.count == header.cells.count else {
                throw FileBureauError(.malformed, file: file, line: record.line,
                                      message: "expected \(header.cells.count) fields, found \(record.cells.count)")
            }
            func cell(_ name: String) -> String? {
                guard let position = columns[name] else { return nil }
                let value = record.cells[position].trimmingWhitespaceAndBOM()
                return value.isEmpty ? nil : value
            }
            let valueText = cell("value") ?? ""
            let value: RawRating.Value = switch valueText {
            case "NR": .notRated
            case "DEFAULT": .inDefault
            default: .text(valueText)
            }
            let location = RecordLocation.csv(file: file, line: record.line)
            guard !valueText.isEmpty else { throw location.error(.malformed, "value", "a value is required") }
            let raw = RawRating(
                identifiers: list(cell("identifiers")), source: cell("source"), scale: cell("scale") ?? "",
                ratedOn: cell("rated_on") ?? "", value: value, limitAmount: cell("suggested_limit"),
                limitCurrency: cell("currency"), adverse: list(cell("adverse")))
            entries.append(try FileRatingBureau.entry(from: raw, at: location, valueField: "value",
                                                      index: entries.count, scales: scales))
        }
        return entries
    }

    /// A `;`-separated list; an empty cell is an empty list.
    private static func list(_ cell: String?) -> [String] {
        guard let cell else { return [] }
        return cell.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingWhitespaceAndBOM() }
    }

    /// Splits RFC 4180 text into records; blank lines are skipped.
    static func split(_ text: String, file: String) throws -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil

        func endRecord() {
            cells.append(cell)
            if !(cells.count == 1 && cells[0].allSatisfy(\.isWhitespace)) {
                records.append(Record(line: recordLine, cells: cells))
            }
            cells = []
            cell = ""
            afterQuote = false
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        inQuotes = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    cell.append(character)
                }
                continue
            }
            switch character {
            case ",":
                cells.append(cell)
                cell = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard cell.allSatisfy(\.isWhitespace), !afterQuote else {
                    throw FileBureauError(.malformed, file: file, line: line, message: "a quote inside an unquoted field")
                }
                cell = ""
                inQuotes = true
            default:
                guard !afterQuote || character.isWhitespace else {
                    throw FileBureauError(.malformed, file: file, line: line,
                                          message: "text after the closing quote of a field")
                }
                if !afterQuote { cell.append(character) }
            }
        }
        if inQuotes {
            throw FileBureauError(.malformed, file: file, line: recordLine, message: "a quoted field is not closed")
        }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }
}

extension String {
    /// Without surrounding whitespace and a leading byte-order mark.
    func trimmingWhitespaceAndBOM() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace || first == "\u{FEFF}" { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
