public import TradeCreditDiagnosis
import TradeCreditModel

/// The ledger CSV file of `tradecredit diagnose` (Documentation/CLI.md): one invoice per line, with its buyer's
/// attributes and, when paid, the payment received.
///
/// A buyer's attributes may be repeated on each of its lines or given once; a later line that gives a different value
/// is an error naming that line. The ledger's own rules (a due date before its invoice date, a negative amount, an
/// unknown buyer) are the diagnosis engine's: ``locate(_:)`` turns its errors back into the file's line and column.
public struct LedgerFile: Sendable {
    /// The required columns.
    public static let requiredColumns = ["invoice_id", "buyer_id", "country", "invoice_date", "due_date", "amount",
                                         "currency"]
    /// The optional columns.
    public static let optionalColumns = ["buyer_name", "sector", "category", "identifiers", "paid_date", "paid_amount"]

    /// The ledger read.
    public let ledger: SellerLedger
    /// The file's name in errors.
    public let file: String
    private let invoiceLines: [Int]
    private let paymentLines: [Int]
    private let buyerLines: [Int]

    /// Parses `text`.
    /// - Throws: ``InputError`` naming `file`, the line and the column: a missing or unknown column, an unknown
    ///   currency, a malformed date, amount, sector, category or identifier, an invoice id used twice, a buyer
    ///   described differently on two lines, a paid amount without a paid date.
    public init(parsing text: String, file: String) throws {
        let table = try CSVTable(parsing: text, file: file)
        try table.requireColumns(Self.requiredColumns, optional: Self.optionalColumns, file: file)
        var buyers: [LedgerBuyer] = [], buyerLines: [Int] = [], buyerIndex: [String: Int] = [:]
        var invoices: [LedgerInvoice] = [], invoiceLines: [Int] = [], invoiceLineOfID: [String: Int] = [:]
        var payments: [LedgerPayment] = [], paymentLines: [Int] = []
        for row in table.rows {
            let invoiceID = try row.required("invoice_id", file: file) { $0 }
            if let first = invoiceLineOfID[invoiceID] {
                throw InputError(file: file, line: row.line, field: "invoice_id",
                                 "invoice \"\(invoiceID)\" already listed on line \(first)")
            }
            invoiceLineOfID[invoiceID] = row.line
            let buyer = try Self.buyer(row, file: file)
            if let index = buyerIndex[buyer.id] {
                buyers[index] = try Self.merge(buyers[index], with: buyer, firstLine: buyerLines[index], row: row, file: file)
            } else {
                buyerIndex[buyer.id] = buyers.count
                buyers.append(buyer)
                buyerLines.append(row.line)
            }
            let currency = try row.required("currency", file: file) { try CurrencyCode($0) }
            let amount = try row.required("amount", file: file) { try Money(parsing: $0, currency: currency, strict: true).rounded() }
            invoices.append(LedgerInvoice(
                id: invoiceID, buyerID: buyer.id, invoiceDate: try row.required("invoice_date", file: file) { try CalendarDate(parsing: $0) },
                dueDate: try row.required("due_date", file: file) { try CalendarDate(parsing: $0) }, amount: amount))
            invoiceLines.append(row.line)
            let paidOn = try row.parsed("paid_date", file: file) { try CalendarDate(parsing: $0) }
            let paid = try row.parsed("paid_amount", file: file) { try Money(parsing: $0, currency: currency, strict: true).rounded() }
            if let paidOn {
                payments.append(LedgerPayment(invoiceID: invoiceID, date: paidOn, amount: paid ?? amount))
                paymentLines.append(row.line)
            } else if paid != nil {
                throw InputError(file: file, line: row.line, field: "paid_date", "a paid_amount needs its paid_date")
            }
        }
        ledger = SellerLedger(buyers: buyers, invoices: invoices, payments: payments)
        self.file = file
        self.invoiceLines = invoiceLines
        self.paymentLines = paymentLines
        self.buyerLines = buyerLines
    }

    /// `error` at the line and column of the file it comes from (`invoices[2].dueDate` → line 4, `due_date`); an
    /// error about no line of the ledger is reported against the file alone.
    public func locate(_ error: DiagnosisError) -> InputError {
        let detail = error.message + (error.value.map { " (\"\($0)\")" } ?? "")
        guard let field = error.field, let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"),
              let index = Int(field[field.index(after: open)..<close]) else {
            return InputError(file: file, field: error.field, detail)
        }
        let list = String(field[..<open])
        let member = field[close...].dropFirst().drop { $0 == "." }
        let (lines, columns): ([Int], [Substring: String]) = switch list {
        case "invoices": (invoiceLines, ["id": "invoice_id", "buyerID": "buyer_id", "invoiceDate": "invoice_date",
                                         "dueDate": "due_date", "amount": "amount"])
        case "payments": (paymentLines, ["invoiceID": "invoice_id", "date": "paid_date", "amount": "paid_amount"])
        case "buyers": (buyerLines, ["id": "buyer_id"])
        default: ([], [:])
        }
        guard lines.indices.contains(index) else { return InputError(file: file, field: field, detail) }
        return InputError(file: file, line: lines[index], field: columns[member] ?? String(member), detail)
    }

    // MARK: - Rows

    private static func buyer(_ row: CSVTable.Row, file: String) throws -> LedgerBuyer {
        LedgerBuyer(id: try row.required("buyer_id", file: file) { $0 },
                    country: try row.required("country", file: file) { try CountryCode($0) },
                    sector: try row.parsed("sector", file: file) { try NACECode(parsing: $0) },
                    category: try row.category("category", file: file) ?? .business, name: row.value("buyer_name"),
                    identifiers: try row.identifiers("identifiers", file: file))
    }

    /// The buyer of an earlier line completed by this line; a value given on both that differs is an error.
    private static func merge(_ known: LedgerBuyer, with line: LedgerBuyer, firstLine: Int, row: CSVTable.Row,
                              file: String) throws -> LedgerBuyer {
        func conflict(_ column: String, _ before: String, _ now: String) -> InputError {
            InputError(file: file, line: row.line, field: column,
                       "buyer \"\(known.id)\" is \(before) on line \(firstLine), not \(now)")
        }
        if line.country != known.country { throw conflict("country", known.country.code, line.country.code) }
        var merged = known
        if let sector = line.sector {
            if let before = known.sector, before != sector { throw conflict("sector", "\(before)", "\(sector)") }
            merged.sector = sector
        }
        if row.value("category") != nil, line.category != known.category {
            throw conflict("category", known.category.rawValue, line.category.rawValue)
        }
        if let name = line.name {
            if let before = known.name, before != name { throw conflict("buyer_name", before, name) }
            merged.name = name
        }
        if !line.identifiers.isEmpty {
            if !known.identifiers.isEmpty, known.identifiers != line.identifiers {
                throw conflict("identifiers", known.identifiers.map(\.description).joined(separator: ";"),
                               line.identifiers.map(\.description).joined(separator: ";"))
            }
            merged.identifiers = line.identifiers
        }
        return merged
    }
}
