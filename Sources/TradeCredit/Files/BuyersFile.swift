import Foundation

/// The buyers file: the one CSV format every command that reads buyers uses (Documentation/CLI.md).
///
/// Columns, by header name (order free): `id`, `legal_name`, `country` (required); `identifiers` (`;`-separated
/// `SCHEME:VALUE`), `category` (business, individual, publicBody, institution; default business), `sector` (NACE,
/// `F` or `F41`), `incorporation_date` (YYYY-MM-DD), `related_party` (yes/no), `group`, `requested_limit`,
/// `currency`, `payment_terms_days`, `expected_turnover`. Amounts are plain decimals in `currency`, with at most
/// the currency's decimals.
public enum BuyersFile {
    /// Required columns.
    public static let requiredColumns = ["id", "legal_name", "country"]
    /// Optional columns.
    public static let optionalColumns = [
        "identifiers", "category", "sector", "incorporation_date", "related_party", "group",
        "requested_limit", "currency", "payment_terms_days", "expected_turnover",
    ]

    /// A record of the file with the line where it starts, so that a later check can name `file:line`.
    public struct LocatedRecord: Hashable, Sendable {
        /// The 1-based line where the record starts.
        public let line: Int
        /// The record.
        public let record: BuyerRecord
    }

    /// Parses and validates a buyers file. All or nothing: the first problem throws.
    /// - Throws: ``InputError`` naming `file`, the line and the column.
    public static func parse(_ text: String, file: String) throws -> [BuyerRecord] {
        try parseLocated(text, file: file).map(\.record)
    }

    /// As ``parse(_:file:)``, keeping each record's line.
    /// - Throws: ``InputError`` naming `file`, the line and the column.
    public static func parseLocated(_ text: String, file: String) throws -> [LocatedRecord] {
        let table = try CSVTable(parsing: text, file: file)
        try table.requireColumns(requiredColumns, optional: optionalColumns, file: file)
        var records: [LocatedRecord] = []
        var lineOfID: [BuyerID: Int] = [:]
        for row in table.rows {
            let record = try parseRow(row, file: file)
            if let first = lineOfID[record.buyer.id] {
                throw InputError(file: file, line: row.line, field: "id",
                                 "buyer id \"\(record.buyer.id)\" already used on line \(first)")
            }
            lineOfID[record.buyer.id] = row.line
            records.append(LocatedRecord(line: row.line, record: record))
        }
        return records
    }

    private static func parseRow(_ row: CSVTable.Row, file: String) throws -> BuyerRecord {
        func column<T>(_ name: String, _ parse: (String) throws -> T) throws -> T? {
            try row.parsed(name, file: file, parse)
        }
        func required<T>(_ name: String, _ parse: (String) throws -> T) throws -> T {
            try row.required(name, file: file, parse)
        }

        let id = try required("id") { try BuyerID($0) }
        let name = try required("legal_name") { $0 }
        let country = try required("country") { try CountryCode($0) }
        let identifiers = try row.identifiers("identifiers", file: file)
        let category = try row.category("category", file: file) ?? .business
        let sector = try column("sector") { try NACECode(parsing: $0) }
        let incorporation = try column("incorporation_date") { try CalendarDate(parsing: $0) }
        let relatedParty = try column("related_party") { try parseYesNo($0) } ?? false
        let group = try column("group") { try BuyerGroupID($0) }
        let currency = try column("currency") { try CurrencyCode($0) }
        func amount(_ name: String) throws -> Money? {
            guard row.value(name) != nil else { return nil }
            guard let currency else {
                throw InputError(file: file, line: row.line, field: "currency", "needed for \(name)")
            }
            // Written at the currency's minor units, so that "150000" and "150000.00" read alike everywhere.
            let money = try column(name) { try Money(parsing: $0, currency: currency, strict: true).rounded() }!
            guard !money.isNegative else {
                throw InputError(file: file, line: row.line, field: name, "cannot be negative (\"\(money.amountText)\")")
            }
            return money
        }
        let requestedLimit = try amount("requested_limit")
        let turnover = try amount("expected_turnover")
        let terms = try column("payment_terms_days") { text in
            guard let days = Int(text), (0...3_650).contains(days) else {
                throw ModelError(.outOfRange, value: text, "expected whole days from 0 to 3650")
            }
            return days
        }
        do {
            let buyer = try Buyer(id: id, legalName: name, country: country, identifiers: identifiers, category: category,
                                  sector: sector, incorporationDate: incorporation, isRelatedParty: relatedParty,
                                  groupID: group)
            return BuyerRecord(buyer: buyer, requestedLimit: requestedLimit, paymentTermsDays: terms,
                               expectedAnnualTurnover: turnover)
        } catch let error as ModelError {
            throw InputError(file: file, line: row.line, error)
        }
    }

    private static func parseYesNo(_ text: String) throws -> Bool {
        switch text.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: throw ModelError(.invalidFormat, value: text, "expected yes or no")
        }
    }
}
