import ArgumentParser
import TradeCredit

/// The options of the commands that assess a buyers file (`assess`, `quote`): the buyers, the ratings, the as-of date
/// and the rates.
struct PortfolioOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The buyers CSV file (- for standard input).", valueName: "FILE"))
    var buyers: String

    @Option(help: ArgumentHelp("A ratings file, JSON or CSV (default: the embedded sample ratings).", valueName: "FILE"))
    var ratings: String?

    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("The evaluation date, YYYY-MM-DD (default: today in UTC).", valueName: "DATE"))
    var asOf: String?

    @Option(help: ArgumentHelp("Rates: embedded (default, no network) or an ECB CSV/XML/zip file.", valueName: "SOURCE"))
    var rates: String = "embedded"

    /// The as-of date: `--as-of`, or today in UTC.
    func date() throws -> CalendarDate {
        try asOf.map { try FlagValue.date($0, flag: "--as-of") } ?? SystemDate.today()
    }

    /// How outputs name the ratings: `sample`, or the ratings file as given.
    var ratingsName: String { ratings ?? "sample" }

    /// Reads the ratings and the buyers file, then assesses and decides every buyer through the SDK's `Underwriter`
    /// over them and `rates`, under `policy` at `asOf`, with a progress bar on stderr (a terminal only, after 1 s).
    /// - Returns: the composition (its underwriter quotes the policy) and the outcomes in file order.
    /// - Throws: ``InputError`` for a bad ratings or buyers file, and at the buyers file's line for the first buyer
    ///   that failed.
    func assess(policy: PolicyTerms, asOf: CalendarDate,
                rates: OfflineRates) async throws -> (PortfolioAssessment, [PortfolioAssessment.Outcome]) {
        let bureau = try RatingsFile.open(ratings)
        let file = InputFile.displayName(buyers)
        let records = try BuyersFile.parseLocated(try InputFile.text(at: buyers), file: file)
        let assessment = try PortfolioAssessment(policy: policy, asOf: asOf, bureau: bureau, rates: rates, buyersFile: file)
        let outcomes = try await ProgressBar.showing(PortfolioAssessment.progressLabel) { progress in
            try await assessment.run(records, progress: progress)
        }
        return (assessment, outcomes)
    }
}
