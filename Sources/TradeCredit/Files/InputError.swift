/// A problem in an input file or argument, located precisely: which file, which line, which field.
///
/// Its description is one line — `buyers.csv:7: country: unknown ISO 3166-1 alpha-2 country code ("ZZ")` —
/// which the CLI prints as is before exiting with status 2.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (as the user named it), or a flag such as `--amount`.
    public let file: String
    /// The 1-based line, when the problem is in a line.
    public let line: Int?
    /// The column or field.
    public let field: String?
    /// What is wrong.
    public let message: String

    public init(file: String, line: Int? = nil, field: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// Locates a model error at `file:line`, keeping its field and message.
    public init(file: String, line: Int?, column: String? = nil, _ error: ModelError) {
        let value = error.value.map { " (\"\($0)\")" } ?? ""
        self.init(file: file, line: line, field: column ?? error.field, error.message + value)
    }

    /// A bad command-line value: names the flag, then the problem and the value (`--amount: not a plain decimal
    /// number ("12abc")`).
    public init(flag: String, _ error: ModelError) {
        self.init(file: flag, line: nil, field: nil, error.message + (error.value.map { " (\"\($0)\")" } ?? ""))
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + message
    }
}
