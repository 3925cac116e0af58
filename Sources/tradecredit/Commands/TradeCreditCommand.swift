import ArgumentParser
import TradeCredit

/// `tradecredit`: the sample CLI of the TradeCredit SDK.
struct TradeCreditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tradecredit",
        abstract: "Trade credit insurance on the command line: buyers, limits, premiums and claims.",
        discussion: """
        A sample of what the TradeCredit SDK does, on embedded data or on your files.
        Exit status: 0 success, 1 failure (network, upstream), 2 bad input or usage.

        Examples:
          tradecredit demo
          tradecredit buyers validate --buyers buyers.csv
          tradecredit assess --buyers <(tradecredit buyers sample) --format json
          tradecredit fx convert --amount 100000 --from USD --to GBP --date 2024-03-15
          tradecredit quote --policy <(tradecredit claim sample-policy) \\
            --buyers <(tradecredit buyers sample)
          tradecredit claim --policy <(tradecredit claim sample-policy) \\
            --case <(tradecredit claim sample-case)
        """,
        version: TradeCreditVersion.current,
        subcommands: [DemoCommand.self, BuyersCommand.self, AssessCommand.self, FXCommand.self, RatingCommand.self, ResolveCommand.self, PortfolioLossCommand.self, QuoteCommand.self, ClaimCommand.self, DiagnoseCommand.self]
    )
}
