import Foundation
public import TradeCreditModel

// Cell parsing shared by the files read through `CSVTable` (buyers, ledger): each column parsed on its own, so that an
// error names the file, the line and the column it came from.
extension CSVTable.Row {
    /// The cell of `column` parsed by `parse`; `nil` when empty. A `ModelError` from `parse` becomes an ``InputError``
    /// at this row and column.
    public func parsed<T>(_ column: String, file: String, _ parse: (String) throws -> T) throws -> T? {
        guard let text = value(column) else { return nil }
        do { return try parse(text) } catch let error as ModelError {
            throw InputError(file: file, line: line, column: column, error)
        }
    }

    /// As ``parsed(_:file:_:)``, an empty cell being an ``InputError`` ("a value is required").
    public func required<T>(_ column: String, file: String, _ parse: (String) throws -> T) throws -> T {
        guard let value = try parsed(column, file: file, parse) else {
            throw InputError(file: file, line: line, field: column, "a value is required")
        }
        return value
    }

    /// The `;`-separated identifiers of `column` (none when empty); an error names the identifier in full, since a cell
    /// may hold several.
    public func identifiers(_ column: String, file: String) throws -> [BuyerIdentifier] {
        try value(column).map { cell in
            try cell.split(separator: ";").map { part -> BuyerIdentifier in
                do { return try BuyerIdentifier(parsing: String(part)) } catch let error as ModelError {
                    throw InputError(file: file, line: line, field: column,
                                     "\(part.trimmingCharacters(in: .whitespaces)): \(error.message)")
                }
            }
        } ?? []
    }

    /// The buyer category of `column`, `nil` when empty.
    public func category(_ column: String, file: String) throws -> BuyerCategory? {
        try parsed(column, file: file) { text in
            guard let category = BuyerCategory(rawValue: text) else {
                throw ModelError(.invalidFormat, value: text,
                                 "expected one of \(BuyerCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return category
        }
    }
}
