import ArgumentParser
import Foundation
import TradeCredit

/// `tradecredit portfolio-loss`: the CreditRisk+ loss distribution of a portfolio file.
struct PortfolioLossCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio-loss",
        abstract: "Portfolio loss by CreditRisk+: expected loss, σ, quantiles, expected shortfall, risk contributions.",
        discussion: """
        Reads a CSV file with the header obligor,exposure,pd,pd_sd and optional sector:NAME weight columns (none: one
        sector; each row's weights sum to 1). Exposures are net of recovery; pd and pd_sd are fractions (0.3 = 30%).
        Conventions of the CreditRisk+ example spreadsheet: loss unit ⌈max exposure / 100⌉, exposures banded up,
        quantiles interpolated on the loss grid, risk contributions summing to the 99% quantile.
        Amounts are rounded to whole units.

        Examples:
          tradecredit portfolio-loss --input portfolio.csv
          tradecredit portfolio-loss --input portfolio.csv --specific-sector idio \\
            --quantiles 0.99,0.999 --format json
        """
    )

    /// `--banding` values.
    enum BandingChoice: String, ExpressibleByArgument, CaseIterable {
        case up, nearest
        var banding: CreditRiskPlusOptions.Banding { self == .up ? .up : .nearest }
    }

    /// `--quantile-method` values.
    enum QuantileMethodChoice: String, ExpressibleByArgument, CaseIterable {
        case interpolated, discrete
        var method: CreditRiskPlusOptions.QuantileMethod { self == .interpolated ? .interpolated : .discrete }
    }

    @Option(help: ArgumentHelp("The portfolio CSV file (- for standard input).", valueName: "FILE"))
    var input: String

    @Option(name: .customLong("specific-sector"),
            help: ArgumentHelp("The sector:NAME column that is the specific (Poisson, no volatility) sector.",
                               valueName: "NAME"))
    var specificSector: String?

    @Option(help: ArgumentHelp("Quantile levels, comma separated (default 0.5,0.75,0.95,0.975,0.99,0.995,0.9975,0.999).",
                               valueName: "LEVELS"))
    var quantiles: String?

    @Option(name: .customLong("contribution-level"),
            help: ArgumentHelp("The level whose quantile the risk contributions sum to (default 0.99).", valueName: "LEVEL"))
    var contributionLevel: String?

    @Option(name: .customLong("loss-unit"),
            help: ArgumentHelp("The loss unit, in currency units (default ⌈max exposure / 100⌉).", valueName: "N"))
    var lossUnit: String?

    @Option(help: "Exposure banding: up (default) or nearest.")
    var banding: BandingChoice = .up

    @Option(name: .customLong("quantile-method"), help: "Quantiles: interpolated (default) or discrete.")
    var quantileMethod: QuantileMethodChoice = .interpolated

    @Option(help: "Output format: table or json.")
    var format: DemoCommand.Format = .table

    func run() async throws {
        let options = try parsedOptions()
        let file = InputFile.displayName(input)
        let portfolio = try PortfolioFile.parse(try InputFile.text(at: input), file: file)
        var runOptions = options
        if let specificSector {
            let name = specificSector.lowercased()
            guard portfolio.sectors.contains(name) else {
                throw InputError(file: "--specific-sector", "\(file) has no column sector:\(name)")
            }
            runOptions.specificSector = name
        }
        let result: CreditRiskPlusResult
        do { result = try CreditRiskPlus.evaluate(portfolio.obligors, options: runOptions) } catch let error as CreditRiskPlusError {
            throw InputError(file: Self.flag(of: error.field) ?? file, error.message)
        }
        let output = PortfolioLossOutput(result: result)
        switch format {
        case .json: print(try JSONOutput.string(output))
        case .table: print(output.text)
        }
    }

    /// The engine's options from the flags, each checked with the flag's name in the error.
    func parsedOptions() throws -> CreditRiskPlusOptions {
        var options = CreditRiskPlusOptions(banding: banding.banding, quantileMethod: quantileMethod.method)
        if let quantiles {
            options.quantileLevels = try quantiles.split(separator: ",", omittingEmptySubsequences: false).map {
                try Self.level(String($0), flag: "--quantiles")
            }
        }
        if let contributionLevel { options.contributionLevel = try Self.level(contributionLevel, flag: "--contribution-level") }
        if let lossUnit {
            let text = lossUnit.trimmingCharacters(in: .whitespaces)
            guard PlainDecimal.isValid(text), let unit = Decimal(string: text), unit > 0 else {
                throw InputError(file: "--loss-unit", "not a positive plain decimal number (\"\(lossUnit)\")")
            }
            options.lossUnit = unit
        }
        return options
    }

    private static func level(_ text: String, flag: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let level = Double(trimmed), level > 0, level <= CreditRiskPlusOptions.highestLevel else {
            throw InputError(file: flag, "not a level within (0, \(CreditRiskPlusOptions.highestLevel)] (\"\(trimmed)\")")
        }
        return level
    }

    /// The flag behind an engine option.
    private static func flag(of field: String?) -> String? {
        switch field {
        case "lossUnit": return "--loss-unit"
        case "quantileLevels": return "--quantiles"
        case "contributionLevel": return "--contribution-level"
        case "maximumGridPoints", "exposure": return "--loss-unit"
        default: return nil
        }
    }
}
