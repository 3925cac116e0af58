import ArgumentParser
import TradeCredit

/// `tradecredit buyers`: the buyers file.
struct BuyersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buyers",
        abstract: "Validate a buyers file, or print the sample one.",
        discussion: """
        The buyers file is a CSV file, one buyer a line (format: Documentation/CLI.md).

        Examples:
          tradecredit buyers sample > buyers.csv
          tradecredit buyers validate --buyers buyers.csv --format json
        """,
        subcommands: [Validate.self, Sample.self]
    )

    /// `tradecredit buyers validate --buyers FILE`.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a buyers file and show its buyers.",
            discussion: """
            Reads a buyers CSV file (format: Documentation/CLI.md), validates every line and every identifier, and
            prints the buyers with whether a typical policy covers them. The first error stops with its file, line
            and column.

            Example:
              tradecredit buyers sample > buyers.csv
              tradecredit buyers validate --buyers buyers.csv
            """
        )

        @Option(help: ArgumentHelp("The buyers CSV file (- for standard input).", valueName: "FILE"))
        var buyers: String

        @Option(help: "Output format: table, json or csv.")
        var format: OutputFormat = .table

        func run() async throws {
            let records = try BuyersFile.parse(try InputFile.text(at: buyers), file: InputFile.displayName(buyers))
            let report = BuyerCoverageReport(records: records, policy: DemoPolicy.terms)
            switch format {
            case .table: print(report.table().render())
            case .json: print(try JSONOutput.string(report.entries))
            case .csv: print(report.csv())
            }
        }
    }

    /// `tradecredit buyers sample`.
    struct Sample: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the embedded sample buyers file.",
            discussion: """
            Example:
              tradecredit buyers sample > buyers.csv
            """
        )

        func run() async throws {
            // The embedded text has no final line end; a text file (and `>> buyers.csv`) needs one.
            let csv = SampleData.buyersCSV
            print(csv, terminator: csv.hasSuffix("\n") ? "" : "\n")
        }
    }
}
