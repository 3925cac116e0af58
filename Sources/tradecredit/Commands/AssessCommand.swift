import ArgumentParser
import TradeCredit

/// `tradecredit assess`: scores a portfolio of buyers and decides their limit requests, with the reasons.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Score a portfolio of buyers and decide their credit limits, with the reasons.",
        discussion: """
        For each buyer of the buyers file: its ratings are looked up by its
        identifiers in the ratings file (a buyer without identifiers has none),
        the risk engine scores it (PD, master-scale grade, confidence, reasons
        with signed log-odds contributions, sources used and dropped), and its
        requested_limit is decided as a new-limit request with its
        payment_terms_days. Without a requested_limit, it is a preliminary
        assessment of the automatic authority. No usable rating: referred.

        The policy is the demo policy (DEMO-2026: the typical terms in EUR,
        refusal grade 8, limit step 1,000, automatic authority 250,000, maximum
        credit period 120 days). The scoring tables are illustrative; no OECD
        country category and no payment behaviour are applied.

        Amounts in other currencies (requested limits, bureau suggested limits)
        are converted into EUR at the rates of the as-of date, or at the last
        publication of the source when the as-of date is after it.
        --ratings reads a ratings file, JSON or CSV, as rating --bureau
        file:PATH does; without it, the embedded sample ratings. The output
        formats are described in Documentation/CLI.md.

        Examples:
          tradecredit assess --buyers <(tradecredit buyers sample)
          tradecredit assess --buyers buyers.csv --ratings ratings.json \\
            --as-of 2026-11-27 --format json
          tradecredit buyers sample | tradecredit assess --buyers - --format csv
        """
    )

    @OptionGroup var input: PortfolioOptions

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    func run() async throws {
        let date = try input.date()
        let policy = DemoPolicy.terms
        let rates = try OfflineRates(input.rates, command: "assess")
        defer { rates.close() }
        let (_, outcomes) = try await input.assess(policy: policy, asOf: date, rates: rates)
        let output = AssessmentOutput(policy: policy, asOf: date, ratings: input.ratingsName, rates: rates.used,
                                      outcomes: outcomes)
        // The whole output is built before anything is printed: an error leaves stdout empty.
        let text: String
        switch format {
        case .table: text = try output.text()
        case .json: text = try JSONOutput.string(output)
        case .csv: text = output.csv()
        }
        print(text)
    }
}
