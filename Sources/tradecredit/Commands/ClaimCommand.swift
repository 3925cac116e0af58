import ArgumentParser
import TradeCredit

/// `tradecredit claim`: adjusts a claim (eligibility per invoice, the indemnity, the dates, the decision).
struct ClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Adjust a claim: eligibility per invoice, the indemnity steps, the dates and the decision.",
        discussion: """
        The default subcommand, adjust, reads a policy and a claim case (see
        tradecredit claim adjust --help); sample-policy and sample-case print
        the embedded samples.

        Examples:
          tradecredit claim --policy <(tradecredit claim sample-policy) \\
            --case <(tradecredit claim sample-case)
          tradecredit claim sample-policy > policy.json
        """,
        subcommands: [Adjust.self, SamplePolicy.self, SampleCase.self],
        defaultSubcommand: Adjust.self
    )

    /// `tradecredit claim --policy POLICY.json --case CASE.json`.
    struct Adjust: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust",
            abstract: "Adjust the claim of a case file under a policy (the default subcommand).",
            discussion: """
            Reads the policy (PolicyTerms JSON) and the case (a buyer's limits,
            invoices, payments, credit notes, disputes, overdue notifications, the
            claim and the evaluation date), and prints the eligibility of every
            invoice, the indemnity step by step, the dates and the decision.
            Invoices in another currency than the policy's are converted at the
            rates of the filing date (or of the last publication of the source
            when the filing date is after it). Formats: Documentation/CLI.md.

            Examples:
              tradecredit claim --policy <(tradecredit claim sample-policy) \\
                --case <(tradecredit claim sample-case)
              tradecredit claim adjust --policy policy.json --case case.json --format json
            """
        )

        @Option(help: ArgumentHelp("The policy terms, JSON (- for standard input).", valueName: "POLICY.json"))
        var policy: String

        @Option(name: .customLong("case"),
                help: ArgumentHelp("The claim case, JSON (- for standard input).", valueName: "CASE.json"))
        var caseFile: String

        @Option(help: ArgumentHelp("Rates: embedded (default, no network) or an ECB CSV/XML/zip file.", valueName: "SOURCE"))
        var rates: String = "embedded"

        @Option(help: "Output format: table or json.")
        var format: OutputFormat = .table

        func validate() throws {
            if format == .csv { throw ValidationError("claim prints table or json, not csv") }
            if policy == "-" && caseFile == "-" { throw ValidationError("only one of --policy and --case can be -") }
        }

        func run() async throws {
            let terms = try JSONInput.policy(at: policy)
            let caseName = InputFile.displayName(caseFile)
            let claimCase = try JSONInput.decode(ClaimCase.self, from: try InputFile.text(at: caseFile), file: caseName)
            var converter = try PolicyCurrencyConverter.opening(rates, currency: terms.currency,
                                                                asOf: claimCase.claim.filedOn, command: "claim")
            defer { converter.close() }
            let rates = try await ClaimRates.load(for: claimCase, terms: terms, converter: &converter, file: caseName)
            var settings = IndemnitySettings()
            if let rates, rates.date != claimCase.claim.filedOn { settings.conversionDate = .fixed(rates.date) }
            let adjustment: ClaimAdjustment
            do {
                adjustment = try ClaimAdjuster(terms: terms, settings: settings).adjust(claimCase, rates: rates?.table)
            } catch let error as ClaimsError {
                throw InputError(file: caseName, field: error.field, error.message + (error.value.map { " (\"\($0)\")" } ?? ""))
            } catch let error as IndemnityError {
                throw InputError(file: caseName, field: error.field, error.message + (error.value.map { " (\"\($0)\")" } ?? ""))
            } catch let error as ModelError {
                throw InputError(file: caseName, line: nil, error)
            }
            let output = ClaimOutput(terms: terms, claimCase: claimCase, adjustment: adjustment,
                                     rates: rates.map { ($0.table.source, $0.date) })
            // The whole output is built before anything is printed: an error leaves stdout empty.
            print(format == .json ? try JSONOutput.string(adjustment) : output.text())
        }
    }

    /// `tradecredit claim sample-policy`.
    struct SamplePolicy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample-policy",
            abstract: "Print the embedded sample policy (PolicyTerms JSON).",
            discussion: """
            Example:
              tradecredit claim sample-policy > policy.json
            """
        )

        func run() async throws {
            print(try JSONOutput.string(try SampleData.claimPolicy()))
        }
    }

    /// `tradecredit claim sample-case`.
    struct SampleCase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample-case",
            abstract: "Print the embedded sample claim case (JSON).",
            discussion: """
            Example:
              tradecredit claim sample-case > case.json
            """
        )

        func run() async throws {
            let json = SampleData.claimCaseJSON
            print(json, terminator: json.hasSuffix("\n") ? "" : "\n")
        }
    }
}

/// The rates a claim needs: `nil` when every claimed invoice and every limit is in the policy currency.
enum ClaimRates {
    static func load(for claimCase: ClaimCase, terms: PolicyTerms, converter: inout PolicyCurrencyConverter,
                     file: String) async throws -> (table: RateTable, date: CalendarDate)? {
        let claimed = Set(claimCase.claim.invoiceNumbers)
        let amounts = claimCase.invoices.enumerated()
            .filter { claimed.contains($0.element.number) && $0.element.currency != terms.currency }
            .map { ("invoices[\($0.offset)].netAmount", $0.element.netAmount) }
            + claimCase.limits.enumerated().filter { $0.element.amount.currency != terms.currency }
            .map { ("limits[\($0.offset)].amount", $0.element.amount) }
        guard !amounts.isEmpty else { return nil }
        let rates = try await converter.table()
        // Each foreign amount is tried here, so that a currency without rates is named by its place in the case.
        for (field, amount) in amounts {
            do {
                _ = try rates.table.convert(amount, to: terms.currency, on: rates.date)
            } catch let error as ModelError {
                throw InputError(file: file, line: nil, column: field, error)
            }
        }
        return rates
    }
}
