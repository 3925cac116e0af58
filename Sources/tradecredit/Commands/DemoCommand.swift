import ArgumentParser
import TradeCredit

/// `tradecredit demo`: the whole story on embedded sample data (grows with each part of the SDK).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the demonstration on the embedded sample data.",
        discussion: """
        Validates the embedded sample buyers and shows which of them a typical policy covers,
        then diagnoses the embedded sample seller's ledger (diagnose) as of 2026-11-27.

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
        let diagnosis = DiagnosisOutput(result: try await DiagnosisRun.run(DiagnosisRun.Inputs(
            ledgerName: "<embedded sample ledger>", ledgerText: SampleData.ledgerCSV,
            profileName: "<embedded sample profile>", profileText: SampleData.sellerProfileJSON,
            ratings: nil, policy: nil, rates: "embedded", asOf: DemoPolicy.asOf)))
        switch format {
        case .json:
            print(try JSONOutput.string(DemoOutput(policy: policy, buyers: report.entries, diagnosis: diagnosis)))
        case .table:
            print("TradeCredit \(TradeCreditVersion.current) demo: embedded sample data")
            print("")
            print("Policy \(policy.policyID): \(policy.currency), \(policy.period.start) to \(policy.period.end), "
                  + "insured \(Percent.text(policy.insuredPercentage)), typical terms")
            print("")
            print("Buyers (\(records.count), validated)")
            print(report.table().render())
            let covered = report.entries.filter(\.covered).count
            print("")
            print("\(covered) of \(records.count) buyers can be insured under this policy.")
            print("")
            print(diagnosis.text())
        }
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

/// The JSON document of `tradecredit demo --format json`.
struct DemoOutput: Encodable {
    let policy: PolicyTerms
    let buyers: [BuyerCoverageReport.Entry]
    let diagnosis: DiagnosisOutput
}
