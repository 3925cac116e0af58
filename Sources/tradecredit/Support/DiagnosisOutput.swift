import Foundation
import TradeCredit

/// The output of `diagnose`: the JSON document of Documentation/CLI.md and its readable report.
///
/// The diagnosis is the engine's `Diagnosis` as it encodes itself; around it, the seller, the inputs used and the
/// policy priced.
struct DiagnosisOutput: Encodable {
    let result: DiagnosisRun.Result

    private enum CodingKeys: String, CodingKey { case asOf, seller, ledger, ratings, rates, policy, diagnosis }
    private enum SellerKeys: String, CodingKey { case name, profile }
    private enum LedgerKeys: String, CodingKey { case file, buyers, invoices, payments }
    private enum PolicyKeys: String, CodingKey { case id, currency, insuredPercentage, source }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let diagnosis = result.diagnosis
        try container.encode(diagnosis.evaluationDate, forKey: .asOf)
        var seller = container.nestedContainer(keyedBy: SellerKeys.self, forKey: .seller)
        try seller.encodeOrNull(result.sellerName, forKey: .name)
        try seller.encode(result.profile, forKey: .profile)
        var ledger = container.nestedContainer(keyedBy: LedgerKeys.self, forKey: .ledger)
        try ledger.encode(result.ledgerFile, forKey: .file)
        try ledger.encode(diagnosis.costBenefit?.buyers.count ?? 0, forKey: .buyers)
        try ledger.encode(result.invoiceCount, forKey: .invoices)
        try ledger.encode(result.paymentCount, forKey: .payments)
        try container.encode(result.ratings, forKey: .ratings)
        try container.encodeRates(result.rates, forKey: .rates)
        var policy = container.nestedContainer(keyedBy: PolicyKeys.self, forKey: .policy)
        try policy.encode(result.terms.policyID, forKey: .id)
        try policy.encode(result.terms.currency, forKey: .currency)
        try policy.encode(result.terms.insuredPercentage, forKey: .insuredPercentage)
        try container.encode(diagnosis, forKey: .diagnosis)
    }

    /// The report: inputs, indicators, the five profiles, the cost/benefit table by buyer and in total, the summary.
    func text() -> String {
        let diagnosis = result.diagnosis
        let indicators = diagnosis.indicators
        let profile = result.profile
        var lines: [String] = []
        lines.append("Exposure diagnosis of \(result.sellerName ?? "the seller") (\(profile.sector), \(profile.country), "
                     + "reporting \(profile.reportingCurrency)), as of \(diagnosis.evaluationDate)")
        var inputs = "Ledger \(result.ledgerFile): \(diagnosis.costBenefit?.buyers.count ?? 0) buyers, "
            + "\(result.invoiceCount) invoices, \(result.paymentCount) payments; ratings: \(result.ratings)"
        if let rates = result.rates { inputs += "; rates: \(rates.source) through \(rates.date)" }
        lines.append(inputs)
        lines.append("")
        lines.append("Indicators")
        var table = TextTable([("indicator", .left), ("value", .right)])
        func share(_ value: Decimal) -> String { ProfileCheck.format(value, .share) }
        table.append(["total sales", MoneyText.grouped(indicators.totalSales)])
        table.append(["B2B share", share(indicators.b2bShare)])
        table.append(["weighted payment terms", ProfileCheck.format(indicators.weightedTermsDays, .days)])
        table.append(["weighted days beyond terms", indicators.weightedDaysBeyondTerms
            .map { ProfileCheck.format($0, .days) + " (\(indicators.measuredInvoiceCount) invoices)" } ?? "not measurable"])
        table.append(["top-1 / top-5 buyer share", "\(share(indicators.top1Share)) / \(share(indicators.top5Share))"])
        table.append(["Herfindahl index", String(format: "%.4f", indicators.herfindahl)])
        table.append(["cyclical sectors' share", share(indicators.cyclicalShare)
            + (indicators.sellerSectorCyclical ? " (own sector cyclical)" : "")])
        table.append(["age / size", "\(indicators.ageYears) years / \(indicators.sizeClass.rawValue)"])
        table.append(["export share", share(indicators.exportShare)])
        for (bucket, value) in indicators.exportShareByCategory.sorted(by: { $0.key < $1.key }) {
            table.append(["  OECD category \(bucket)", share(value)])
        }
        table.append(["foreign-currency share", share(indicators.foreignCurrencyShare)])
        for (currency, value) in indicators.shareByCurrency.sorted(by: { $0.key.code < $1.key.code }) {
            table.append(["  \(currency)", share(value)])
        }
        lines.append(table.render())
        lines.append("")
        lines.append("Profiles")
        lines += diagnosis.findings.map { "  [\($0.isMet ? "met" : "   ")] \($0.summary)" }
        if let costBenefit = diagnosis.costBenefit {
            lines.append("")
            lines += costBenefitLines(costBenefit)
        }
        lines.append("")
        lines.append("Summary")
        lines += diagnosis.summaryLines.map { "  - \($0)" }
        return lines.joined(separator: "\n")
    }

    private func costBenefitLines(_ table: CostBenefit) -> [String] {
        let level = ProfileCheck.format(table.level, .share)
        var lines = ["Cost/benefit (\(table.currency), one year, \(level); policy \(result.terms.policyID): insured "
            + "\(Percent.text(table.insuredPercentage)), threshold \(MoneyText.grouped(table.claimsThreshold)), "
            + "deductible \(MoneyText.grouped(table.deductiblePerClaim)), AFL \(MoneyText.grouped(table.aggregateFirstLoss)))"]
        var buyers = TextTable([("buyer", .left), ("sales", .right), ("avg outstanding", .right), ("PD", .right),
                                ("source", .left), ("cover", .left), ("loss if default", .right),
                                ("expected loss", .right), ("indemnity", .right)])
        for line in table.buyers {
            buyers.append([line.id, MoneyText.grouped(line.sales), MoneyText.grouped(line.averageOutstanding),
                           String(format: "%.2f%%", line.pd * 100),
                           line.pdSource == .prior ? "PRIOR*" : "rated (grade \(line.grade.map(String.init) ?? "-"))",
                           line.exclusion ?? "covered", MoneyText.grouped(line.lossIfDefault),
                           MoneyText.grouped(line.expectedLoss), MoneyText.grouped(line.indemnityIfDefault)])
        }
        lines.append(buyers.render())
        if !table.priorBuyers.isEmpty {
            lines.append("* illustrative prior PD (\(table.priorVersion ?? "")) by OECD category and sector, not a rating")
        }
        lines.append("")
        var totals = TextTable([("", .left), ("expected (mean)", .right), ("at \(level)", .right)])
        totals.append(["without cover: loss", MoneyText.grouped(table.withoutCover.expectedLoss),
                       MoneyText.grouped(table.withoutCover.lossQuantile)])
        if let cover = table.withCover {
            totals.append(["with cover: premium incl. tax", MoneyText.grouped(cover.premium),
                           MoneyText.grouped(cover.premium)])
            totals.append(["with cover: retained loss", MoneyText.grouped(cover.expectedRetainedLoss),
                           (cover.quantileIsUpperBound ? "≤ " : "") + MoneyText.grouped(cover.retainedLossQuantile)])
            totals.append(["with cover: total cost", MoneyText.grouped(cover.expectedCost),
                           (cover.quantileIsUpperBound ? "≤ " : "") + MoneyText.grouped(cover.stressedCost)])
        }
        lines.append(totals.render())
        if let cover = table.withCover {
            lines.append("Premium \(MoneyText.grouped(cover.premiumBeforeTax)) + tax \(MoneyText.grouped(cover.premiumTax)).")
        }
        return lines
    }
}
