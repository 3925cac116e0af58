import ArgumentParser
import Foundation
import TradeCredit

/// `tradecredit fx`: currency conversion at euro reference rates.
struct FXCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fx",
        abstract: "Convert amounts and list rates (ECB euro reference rates).",
        discussion: """
        The rates are the ECB's euro reference rates: embedded (the default, no network), fetched from the ECB or
        Frankfurter, or read from an ECB file (--rates).

        Examples:
          tradecredit fx convert --amount 100000 --from USD --to GBP --date 2024-03-15
          tradecredit fx rates --date 2024-03-15 --format csv
        """,
        subcommands: [Convert.self, Rates.self]
    )

    /// The options shared by the fx subcommands.
    struct SourceOptions: ParsableArguments {
        @Option(help: ArgumentHelp("Rates: embedded (default, no network), ecb, frankfurter, or an ECB CSV/XML/zip file.",
                                   valueName: "SOURCE"))
        var rates: String = "embedded"

        @Option(name: .customLong("base-url"), help: ArgumentHelp("Address of the ECB folder or Frankfurter API.", valueName: "URL"))
        var baseURL: String?

        @Option(help: ArgumentHelp("Date of the rates (YYYY-MM-DD); default: the latest publication of the source.",
                                   valueName: "DATE"))
        var date: String?

        var source: RateSource { RateSource(parsing: rates) }

        func parsedDate() throws -> CalendarDate? {
            try date.map { try FlagValue.date($0, flag: "--date") }
        }

        func parsedBaseURL() throws -> URL? { try RemoteService.baseURL(baseURL) }

        /// Opens the source and runs `body` with a rate table holding what the date needs; closes the source after.
        func withTable<T>(on date: CalendarDate?, _ body: (RateTable) throws -> T) async throws -> T {
            let baseURL = try parsedBaseURL()
            let connection = try RateSourceErrors.mapping(source) { try RateConnection(source, baseURL: baseURL) }
            defer { connection.close() }
            let table = try await RateSourceErrors.mapping(source) {
                if let date {
                    return try await connection.provider.rateTable(from: date, through: date, policy: ConversionPolicy())
                }
                let latest = try await connection.provider.publication(for: nil, policy: ConversionPolicy())
                return try RateTable(source: connection.provider.source, publications: [latest])
            }
            return try body(table)
        }
    }

    /// `tradecredit fx convert`.
    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert an amount between two currencies.",
            discussion: """
            The cross rate goes over the euro (rate_to ÷ rate_from, both in units per EUR) and the result is rounded
            once, half up, to the target currency's minor units. A date without publication (a weekend, a TARGET
            holiday) uses the previous publication within 7 days.

            Examples:
              tradecredit fx convert --amount 100000 --from USD --to GBP --date 2024-03-15
              tradecredit fx convert --amount 2500 --from EUR --to JPY --rates ecb \\
                --format json
            """
        )

        @Option(help: ArgumentHelp("The amount, a plain decimal in the --from currency.", valueName: "AMOUNT"))
        var amount: String

        @Option(help: ArgumentHelp("The currency of the amount (ISO 4217).", valueName: "CODE"))
        var from: String

        @Option(help: ArgumentHelp("The target currency (ISO 4217).", valueName: "CODE"))
        var to: String

        @OptionGroup var source: SourceOptions

        @Option(help: "Output format: table or json.")
        var format: DemoCommand.Format = .table

        func run() async throws {
            let fromCurrency = try FlagValue.currency(from, flag: "--from")
            let toCurrency = try FlagValue.currency(to, flag: "--to")
            let money: Money
            do { money = try Money(parsing: amount, currency: fromCurrency, strict: true) } catch let error as ModelError {
                throw InputError(flag: "--amount", error)
            }
            let date = try source.parsedDate()
            let conversion = try await source.withTable(on: date) { table in
                try table.convert(money, to: toCurrency, on: date)
            }
            switch format {
            case .json: print(try JSONOutput.string(ConversionOutput(conversion)))
            case .table: print(ConversionOutput(conversion).text)
            }
        }
    }

    /// `tradecredit fx rates`.
    struct Rates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the rates of one publication (units per 1 EUR).",
            discussion: """
            Examples:
              tradecredit fx rates
              tradecredit fx rates --date 2022-03-01 --format csv
            """
        )

        @OptionGroup var source: SourceOptions

        @Option(help: "Output format: table, json or csv.")
        var format: OutputFormat = .table

        func run() async throws {
            let date = try source.parsedDate()
            let publication = try await source.withTable(on: date) { table in
                try table.publication(for: date, policy: ConversionPolicy())
            }
            let output = RatesOutput(publication: publication, requestedDate: date)
            switch format {
            case .json: print(try JSONOutput.string(output))
            case .csv: print(output.csv)
            case .table: print(output.text)
            }
        }
    }
}

/// Turns a rate source's failures into the CLI's two kinds: a bad local file is bad input (exit 2); a remote failure
/// is a failure (exit 1). Model errors (a date or currency the source cannot serve) stay bad input.
enum RateSourceErrors {
    static func mapping<T>(_ source: RateSource, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ECBRatesError {
            if case .file(let path) = source {
                throw InputError(file: path, line: error.line, field: error.field, error.message)
            }
            throw CommandFailure(description: "\(source): \(error.description)")
        } catch let error as HTTPError {
            throw CommandFailure(description: "\(source): \(error.description)")
        } catch let error as FrankfurterError {
            throw CommandFailure(description: "\(source): \(error.description)")
        }
    }

    static func mapping<T>(_ source: RateSource, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ECBRatesError {
            if case .file(let path) = source {
                throw InputError(file: path, line: error.line, field: error.field, error.message)
            }
            throw CommandFailure(description: "\(source): \(error.description)")
        } catch let error as HTTPError {
            throw CommandFailure(description: "\(source): \(error.description)")
        }
    }
}

/// Flag values checked with the flag's name in the error.
enum FlagValue {
    static func currency(_ text: String, flag: String) throws -> CurrencyCode {
        do { return try CurrencyCode(text) } catch let error as ModelError {
            throw InputError(flag: flag, error)
        }
    }

    /// A `YYYY-MM-DD` date.
    static func date(_ text: String, flag: String) throws -> CalendarDate {
        do { return try CalendarDate(parsing: text) } catch let error as ModelError {
            throw InputError(flag: flag, error)
        }
    }
}
