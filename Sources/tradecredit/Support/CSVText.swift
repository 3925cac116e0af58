import Foundation

/// Writes CSV for the CLI's `--format csv` outputs: RFC 4180 quoting (a field holding a comma, a quote or a line
/// break is quoted, its quotes doubled), lines separated by LF.
enum CSVText {
    /// One field, quoted when it must be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rows (the header first), one line each, without a final line break.
    static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n")
    }
}
