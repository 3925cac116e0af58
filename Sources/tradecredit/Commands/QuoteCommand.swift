import ArgumentParser
import TradeCredit

/// `tradecredit quote`: the risk-based premium of a policy for the buyers it would insure.
struct QuoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Price a policy: the risk-based premium for the buyers the assessment insures.",
        discussion: """
        Reads the policy (PolicyTerms JSON: currency, insured percentage,
        pricing parameters, underwriting parameters) and the buyers file.
        Every buyer is assessed as `assess` does, under the policy's
        underwriting parameters and at the as-of date: buyers approved or partly
        approved are priced at their granted limit, with the PD of the
        assessment and their expected_turnover as insured turnover; the others
        (refused, referred, or without a requested_limit) are listed as
        excluded, with their decision. The premium is the engine's (EL, capital
        from CreditRisk+, loadings, minimum premium, premium tax of the
        policyholder's country) with its sensitivity to the insured percentage.

        Amounts in other currencies are converted into the policy currency at
        the rates of the as-of date (or of the last publication of the source
        when the as-of date is after it); the rates used are in the output.
        --ratings reads a ratings file, JSON or CSV; without it, the embedded
        sample ratings. Formats: Documentation/CLI.md.

        Examples:
          tradecredit quote --policy <(tradecredit claim sample-policy) \\
            --buyers <(tradecredit buyers sample)
          tradecredit quote --policy policy.json --buyers buyers.csv \\
            --ratings ratings.json --country DE --as-of 2026-11-27 --format json
        """
    )

    @Option(help: ArgumentHelp("The policy terms, JSON (- for standard input).", valueName: "POLICY.json"))
    var policy: String

    @OptionGroup var input: PortfolioOptions

    @Option(help: ArgumentHelp("The policyholder's country, for the premium tax (default: FR).", valueName: "CC"))
    var country: String = "FR"

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("quote prints table or json, not csv") }
        if policy == "-" && input.buyers == "-" { throw ValidationError("only one of --policy and --buyers can be -") }
    }

    func run() async throws {
        let date = try input.date()
        let countryCode: CountryCode
        do { countryCode = try CountryCode(country) } catch let error as ModelError {
            throw InputError(flag: "--country", error)
        }
        let terms = try JSONInput.policy(at: policy)
        let rates = try OfflineRates(input.rates, command: "quote")
        defer { rates.close() }
        let (assessment, outcomes) = try await input.assess(policy: terms, asOf: date, rates: rates)
        let pricing = PortfolioQuote(terms: terms, country: countryCode, outcomes: outcomes,
                                     policyFile: InputFile.displayName(policy), buyersFile: assessment.buyersFile)
        let quote = try await pricing.quote(with: assessment.underwriter, ratesOn: date)
        let output = QuoteOutput(terms: terms, country: countryCode, asOf: date, ratings: input.ratingsName,
                                 rates: rates.used, quote: quote, excluded: pricing.excluded)
        // The whole output is built before anything is printed: an error leaves stdout empty.
        print(format == .json ? try JSONOutput.string(output) : output.text())
    }
}
