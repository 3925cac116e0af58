import ArgumentParser
import TradeCredit

/// `tradecredit diagnose`: whether a seller needs credit insurance, what is at risk and what cover would cost.
struct DiagnoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Diagnose a seller's receivables: who should insure, what is at risk, what cover would cost.",
        discussion: """
        The default subcommand, run, reads a ledger and a seller profile (see
        tradecredit diagnose run --help); sample-ledger and sample-profile print
        the embedded samples.

        Examples:
          tradecredit diagnose --ledger <(tradecredit diagnose sample-ledger) \\
            --profile <(tradecredit diagnose sample-profile) --as-of 2026-11-27
          tradecredit diagnose --ledger ledger.csv --profile seller.json --format json
        """,
        subcommands: [Run.self, SampleLedger.self, SampleProfile.self],
        defaultSubcommand: Run.self
    )

    /// `tradecredit diagnose --ledger LEDGER.csv --profile SELLER.json`.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Diagnose the ledger of a seller (the default subcommand).",
            discussion: """
            Reads the seller's receivables ledger (one invoice per line, with its
            buyer and its payment) and profile (sector, country, incorporation
            date, size, reporting currency, optional OECD country categories and
            thresholds), and prints the indicators behind the five profiles of
            sellers who need cover most (long terms, concentration, cyclical
            sectors, new firm or SME, exporter), each met or not with the
            threshold that decided, and a cost/benefit table: the expected loss
            and the 99.5% loss of the receivables without cover, next to the
            premium and the retained loss with cover.

            Buyers are rated from --ratings (default: the embedded sample
            ratings) by their identifiers; a buyer without a usable rating gets
            the illustrative prior PD by OECD category and sector, flagged PRIOR.
            The cover is --policy (PolicyTerms JSON), by default the typical
            terms in the reporting currency. Foreign-currency invoices convert at
            their invoice date. Formats: Documentation/CLI.md.

            Examples:
              tradecredit diagnose --ledger <(tradecredit diagnose sample-ledger) \\
                --profile <(tradecredit diagnose sample-profile) --as-of 2026-11-27
              tradecredit diagnose --ledger ledger.csv --profile seller.json \\
                --ratings ratings.json --policy policy.json --format json
            """
        )

        @Option(help: ArgumentHelp("The ledger CSV file (- for standard input).", valueName: "LEDGER.csv"))
        var ledger: String

        @Option(help: ArgumentHelp("The seller profile, JSON (- for standard input).", valueName: "SELLER.json"))
        var profile: String

        @Option(help: ArgumentHelp("A ratings file, JSON or CSV (default: the embedded sample ratings).", valueName: "FILE"))
        var ratings: String?

        @Option(help: ArgumentHelp("The policy to price, PolicyTerms JSON (default: typical terms).", valueName: "POLICY.json"))
        var policy: String?

        @Option(name: .customLong("as-of"),
                help: ArgumentHelp("The evaluation date, YYYY-MM-DD (default: today in UTC).", valueName: "DATE"))
        var asOf: String?

        @Option(help: ArgumentHelp("Rates: embedded (default, no network) or an ECB CSV/XML/zip file.", valueName: "SOURCE"))
        var rates: String = "embedded"

        @Option(help: "Output format: table or json.")
        var format: OutputFormat = .table

        func validate() throws {
            if format == .csv { throw ValidationError("diagnose prints table or json, not csv") }
            if [ledger, profile, policy ?? ""].filter({ $0 == "-" }).count > 1 {
                throw ValidationError("only one of --ledger, --profile and --policy can be -")
            }
        }

        func run() async throws {
            let date = try asOf.map { try FlagValue.date($0, flag: "--as-of") } ?? SystemDate.today()
            let result = try await DiagnosisRun.run(DiagnosisRun.Inputs(
                ledgerName: InputFile.displayName(ledger), ledgerText: try InputFile.text(at: ledger),
                profileName: InputFile.displayName(profile), profileText: try InputFile.text(at: profile),
                ratings: ratings, policy: policy, rates: rates, asOf: date))
            let output = DiagnosisOutput(result: result)
            // Built whole before printing: an error leaves stdout empty.
            let text = format == .json ? try JSONOutput.string(output) : output.text()
            print(text)
        }
    }

    /// `tradecredit diagnose sample-ledger`: prints the embedded sample ledger.
    struct SampleLedger: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample-ledger",
            abstract: "Print the embedded sample ledger (CSV).",
            discussion: "Example:\n  tradecredit diagnose sample-ledger > ledger.csv")

        func run() { print(SampleData.ledgerCSV) }
    }

    /// `tradecredit diagnose sample-profile`: prints the embedded sample seller profile.
    struct SampleProfile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample-profile",
            abstract: "Print the embedded sample seller profile (JSON).",
            discussion: "Example:\n  tradecredit diagnose sample-profile > seller.json")

        func run() { print(SampleData.sellerProfileJSON) }
    }
}
