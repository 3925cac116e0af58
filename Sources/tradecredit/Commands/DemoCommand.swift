import ArgumentParser
import TradeCredit

/// `tradecredit demo`: the whole story on embedded sample data (grows with each part of the SDK).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the demonstration on the embedded sample data.",
        discussion: """
        The whole story on embedded sample data, as of 2026-11-27, through the
        SDK's Underwriter: the sample buyers and which of them the demo policy
        covers; every buyer assessed and its limit decided; the premium quote
        for the insured buyers with the portfolio loss distribution
        (CreditRisk+); an overdue notification, the claim with its indemnity,
        the payment and a recovery with its split; then the diagnosis of the
        sample seller's ledger (diagnose). A progress bar shows on stderr when
        it is a terminal and the work lasts more than a second.

        Example:
          tradecredit demo --format json
        """
    )

    /// The demo prints a report, not a single table, so it has no CSV form.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func run() async throws {
        let records = try SampleData.buyers()
        let policy = DemoPolicy.terms
        try policy.validate()
        let report = BuyerCoverageReport(records: records, policy: policy)
        // The progress bar shows on a terminal only, once the batch has lasted a second; it is cleared at the end.
        let story = try await ProgressBar.showing(PortfolioAssessment.progressLabel) { progress in
            try await DemoStory.run(policy: policy, asOf: DemoPolicy.asOf, progress: progress)
        }
        let diagnosis = DiagnosisOutput(result: try await DiagnosisRun.run(DiagnosisRun.Inputs(
            ledgerName: "<embedded sample ledger>", ledgerText: SampleData.ledgerCSV,
            profileName: "<embedded sample profile>", profileText: SampleData.sellerProfileJSON,
            ratings: nil, policy: nil, rates: "embedded", asOf: DemoPolicy.asOf)))
        let output = DemoOutput(policy: policy, buyers: report, diagnosis: diagnosis, story: story)
        // The whole output is built before anything is printed: an error leaves stdout empty.
        print(format == .json ? try JSONOutput.string(output) : try output.text())
    }
}

/// The policy the demo runs under: the typical terms, in EUR, for calendar year 2026.
enum DemoPolicy {
    static let terms: PolicyTerms = {
        let period = try! DatePeriod(start: CalendarDate(year: 2026, month: 1, day: 1),
                                     end: CalendarDate(year: 2026, month: 12, day: 31))
        return PolicyTerms.typical(policyID: "DEMO-2026", currency: .EUR, period: period)
    }()

    /// The evaluation date of the demo's diagnosis, fixed so that the demo prints the same figures every day.
    static let asOf = try! CalendarDate(year: 2026, month: 11, day: 27)
}
