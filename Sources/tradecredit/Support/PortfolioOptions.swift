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

    /// Reads the buyers file and the ratings, then scores and decides every buyer under `policy` at `asOf`.
    func assess(policy: PolicyTerms, asOf: CalendarDate,
                converter: inout PolicyCurrencyConverter) async throws -> [PortfolioAssessment.Outcome] {
        let bureau = try RatingsFile.open(ratings)
        let file = InputFile.displayName(buyers)
        let records = try BuyersFile.parseLocated(try InputFile.text(at: buyers), file: file)
        return try await PortfolioAssessment(policy: policy, asOf: asOf, bureau: bureau, buyersFile: file)
            .run(records, converter: &converter)
    }
}
