import Foundation

/// A parsed CSV file (RFC 4180: comma separated, double-quoted fields with `""` escapes, LF or CRLF line ends),
/// whose columns are read by header name.
public struct CSVTable: Sendable {
    /// One data row with its line number in the file (1-based, the header is line 1).
    public struct Row: Sendable {
        /// The line where the row starts.
        public let line: Int
        /// The fields, by header name.
        public let fields: [String: String]

        /// The trimmed value of `column`, or `nil` when the column is absent or the cell is empty.
        public func value(_ column: String) -> String? {
            guard let raw = fields[column] else { return nil }
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// The header names, in file order.
    public let header: [String]
    /// The line of the header: 1, unless blank lines come before it.
    public let headerLine: Int
    /// The data rows.
    public let rows: [Row]

    /// Parses `text`. Blank lines are skipped; every row must have as many fields as the header.
    /// - Throws: ``InputError`` naming `file` and the line for an unterminated quote, a ragged row, an empty or
    ///   duplicate header name.
    public init(parsing text: String, file: String) throws {
        // A byte-order mark (spreadsheets write one) would otherwise become part of the first column's name.
        let records = try CSVTable.records(in: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
        guard let (headerLine, headerFields) = records.first else {
            throw InputError(file: file, line: 1, "the file is empty: expected a header line")
        }
        // Column names are matched without regard to case: `ID` and `id` are the same column.
        let header = headerFields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var seen = Set<String>()
        for name in header {
            guard !name.isEmpty else { throw InputError(file: file, line: headerLine, "empty column name in the header") }
            guard seen.insert(name).inserted else {
                throw InputError(file: file, line: headerLine, field: name, "column appears twice in the header")
            }
        }
        var rows: [Row] = []
        for (line, fields) in records.dropFirst() {
            guard fields.count == header.count else {
                throw InputError(file: file, line: line,
                                 "\(fields.count) fields where the header has \(header.count)")
            }
            rows.append(Row(line: line, fields: Dictionary(uniqueKeysWithValues: zip(header, fields))))
        }
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
    }

    /// Throws unless every `required` column is present and every column is `required` or `optional`.
    public func requireColumns(_ required: [String], optional: [String] = [], file: String) throws {
        for name in required where !header.contains(name) {
            throw InputError(file: file, line: headerLine, field: name, "required column is missing")
        }
        let known = Set(required + optional)
        if let unknown = header.first(where: { !known.contains($0) }) {
            throw InputError(file: file, line: headerLine, field: unknown,
                             "unknown column (known: \((required + optional).joined(separator: ", ")))")
        }
    }

    /// Splits the text into records of fields, each with the line it starts on. Quoted fields may span lines.
    private static func records(in text: String, file: String) throws -> [(Int, [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            // A line with one empty unquoted field is a blank line.
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty && !fieldWasQuoted) {
                records.append((recordLine, fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where field.trimmingCharacters(in: .whitespaces).isEmpty:
                inQuotes = true
                fieldWasQuoted = true
                field = ""
            default:
                field.append(character)
            }
        }
        if inQuotes {
            throw InputError(file: file, line: recordLine, "a quoted field is not closed before the end of the file")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
