import Foundation
import TradeCredit

/// The portfolio file of `tradecredit portfolio-loss`: one obligor a line (Documentation/CLI.md).
///
/// Columns: `obligor` (its id), `exposure` (net of recovery, a plain decimal, zero or more), `pd` (the mean default
/// rate as a fraction, 0.3 for 30 %), `pd_sd` (its standard deviation), then optionally one `sector:NAME` column per
/// sector with the obligor's weight in it (an empty cell is 0; each row's weights sum to 1 within 1e-9). Without
/// sector columns every obligor is wholly in one sector. Column names, sector names included, are read in lower case.
enum PortfolioFile {
    static let requiredColumns = ["obligor", "exposure", "pd", "pd_sd"]
    /// The prefix of the sector weight columns.
    static let sectorPrefix = "sector:"

    /// The obligors of a portfolio file and its sector names.
    struct Portfolio {
        let obligors: [PortfolioObligor]
        let sectors: [String]
    }

    /// Parses and validates a portfolio file. All or nothing: the first problem throws.
    /// - Throws: ``InputError`` naming `file`, the line and the column.
    static func parse(_ text: String, file: String) throws -> Portfolio {
        let table = try CSVTable(parsing: text, file: file)
        for name in requiredColumns where !table.header.contains(name) {
            throw InputError(file: file, line: table.headerLine, field: name, "required column is missing")
        }
        var sectors: [String] = []
        for name in table.header where !requiredColumns.contains(name) {
            guard name.hasPrefix(sectorPrefix), name.count > sectorPrefix.count else {
                throw InputError(file: file, line: table.headerLine, field: name,
                                 "unknown column (known: \(requiredColumns.joined(separator: ", ")), sector:NAME)")
            }
            sectors.append(String(name.dropFirst(sectorPrefix.count)))
        }
        guard !table.rows.isEmpty else { throw InputError(file: file, line: table.headerLine, "no obligor in the file") }
        var obligors: [PortfolioObligor] = []
        obligors.reserveCapacity(table.rows.count)
        var lineOfID: [String: Int] = [:]
        for row in table.rows {
            let obligor = try parseRow(row, sectors: sectors, file: file)
            if let first = lineOfID[obligor.id] {
                throw InputError(file: file, line: row.line, field: "obligor",
                                 "obligor \"\(obligor.id)\" already used on line \(first)")
            }
            lineOfID[obligor.id] = row.line
            obligors.append(obligor)
        }
        return Portfolio(obligors: obligors, sectors: sectors)
    }

    private static func parseRow(_ row: CSVTable.Row, sectors: [String], file: String) throws -> PortfolioObligor {
        func required(_ column: String) throws -> String { try row.required(column, file: file) { $0 } }
        func number(_ column: String, _ text: String) throws -> Double {
            guard let value = Double(text), value.isFinite else {
                throw InputError(file: file, line: row.line, field: column, "not a number (\"\(text)\")")
            }
            return value
        }
        let id = try required("obligor")
        let exposureText = try required("exposure")
        guard PlainDecimal.isValid(exposureText), let exposure = Decimal(string: exposureText) else {
            throw InputError(file: file, line: row.line, field: "exposure",
                             "not a plain decimal number (\"\(exposureText)\")")
        }
        let pd = try number("pd", try required("pd"))
        let pdSD = try number("pd_sd", try required("pd_sd"))
        var weights: [String: Double] = [CreditRiskPlus.singleSector: 1]
        if !sectors.isEmpty {
            weights = [:]
            for sector in sectors {
                let column = sectorPrefix + sector
                guard let text = row.value(column) else { continue }
                weights[sector] = try number(column, text)
            }
        }
        do {
            return try PortfolioObligor(id: id, exposure: exposure, pd: pd, pdSD: pdSD, sectorWeights: weights)
        } catch let error as CreditRiskPlusError {
            throw InputError(file: file, line: row.line, field: column(of: error.field), error.message)
        }
    }

    /// The column that an obligor's field comes from.
    private static func column(of field: String?) -> String? {
        switch field {
        case "id": return "obligor"
        case "pdSD": return "pd_sd"
        case "sectorWeights": return "sector weights"
        case let field? where field.hasPrefix("sectorWeights["):
            return sectorPrefix + field.dropFirst("sectorWeights[".count).dropLast()
        default: return field
        }
    }
}

/// Plain decimal text: an optional sign, digits, at most one point (`Decimal(string:)` alone would read `12abc` as 12).
enum PlainDecimal {
    static func isValid(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = parts.joined()
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
            && parts.allSatisfy { !$0.isEmpty || parts.count == 2 }
    }
}
