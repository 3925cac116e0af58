import Foundation
import TradeCredit

/// The output of `tradecredit demo`: one JSON document with a key per section, or the sections as readable tables.
///
/// The keys `policy`, `buyers` and `diagnosis` are those of the first demo; `policyholder`, `decisions` (the document
/// `assess --format json` prints), `quote` (the document of `quote --format json`), `portfolioLoss` (the document of
/// `portfolio-loss --format json`) and `claim` were added with the whole story. Documentation/CLI.md describes them.
struct DemoOutput: Encodable {
    let policy: PolicyTerms
    let buyers: BuyerCoverageReport
    let diagnosis: DiagnosisOutput
    let story: DemoStory

    /// The sections' outputs, built once.
    private var decisions: AssessmentOutput {
        AssessmentOutput(policy: policy, asOf: story.asOf, ratings: "sample", rates: story.rates, outcomes: story.outcomes)
    }
    private var quote: QuoteOutput {
        QuoteOutput(terms: policy, country: story.policyholderCountry, asOf: story.asOf, ratings: "sample",
                    rates: story.rates, quote: story.quote.quote,
                    excluded: story.excluded)
    }

    private enum CodingKeys: String, CodingKey {
        case buyers, claim, decisions, diagnosis, policy, policyholder, portfolioLoss, quote
    }
    private enum PolicyholderKeys: String, CodingKey { case name, country }
    private enum ClaimKeys: String, CodingKey { case adjustment, claim, `case`, notice, payment, recovery }
    private enum NoticeKeys: String, CodingKey {
        case claimID, notificationID, notifiedOn, oldestDueDate, overdueAmount, claimedAmount, notificationDeadline,
             inTime, filingDeadline, state
    }
    private enum PaymentKeys: String, CodingKey { case date, amount, state }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policy, forKey: .policy)
        try container.encode(buyers.entries, forKey: .buyers)
        try container.encode(diagnosis, forKey: .diagnosis)
        var holder = container.nestedContainer(keyedBy: PolicyholderKeys.self, forKey: .policyholder)
        try holder.encode(story.policyholderName, forKey: .name)
        try holder.encode(story.policyholderCountry, forKey: .country)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(quote, forKey: .quote)
        try container.encode(PortfolioLossOutput(result: story.loss), forKey: .portfolioLoss)

        let claim = story.claim
        var section = container.nestedContainer(keyedBy: ClaimKeys.self, forKey: .claim)
        try section.encode(claim.claimCase, forKey: .case)
        var notice = section.nestedContainer(keyedBy: NoticeKeys.self, forKey: .notice)
        try notice.encode(claim.notice.claim.id, forKey: .claimID)
        try notice.encode(claim.notification.id, forKey: .notificationID)
        try notice.encode(claim.notification.notifiedOn, forKey: .notifiedOn)
        try notice.encode(claim.notification.oldestDueDate, forKey: .oldestDueDate)
        try notice.encode(claim.notification.overdueAmount, forKey: .overdueAmount)
        try notice.encode(claim.notice.claim.claimedAmount, forKey: .claimedAmount)
        try notice.encode(claim.notice.notificationDeadline, forKey: .notificationDeadline)
        try notice.encode(claim.notice.isInTime, forKey: .inTime)
        try notice.encode(claim.notice.filingDeadline, forKey: .filingDeadline)
        try notice.encode(claim.notice.claim.state, forKey: .state)
        try section.encode(claim.adjudication.adjustment, forKey: .adjustment)
        var payment = section.nestedContainer(keyedBy: PaymentKeys.self, forKey: .payment)
        try payment.encodeOrNull(claim.paid.events.last?.date, forKey: .date)
        try payment.encode(claim.adjudication.adjustment.decision.indemnity, forKey: .amount)
        try payment.encode(claim.paid.state, forKey: .state)
        try section.encode(claim.recovery.split, forKey: .recovery)
        try section.encode(claim.recovery.claim, forKey: .claim)
    }

    // MARK: Table

    /// The sections, each under a short heading.
    func text() throws -> String {
        let story = story
        let covered = buyers.entries.filter(\.covered).count
        var lines = [
            "TradeCredit \(TradeCreditVersion.current) demo: embedded sample data",
            "",
            "Policyholder: \(story.policyholderName) (\(story.policyholderCountry)), a fictional seller on credit",
            "Policy \(policy.policyID): \(policy.currency), \(policy.period.start) to \(policy.period.end), "
                + "insured \(Percent.text(policy.insuredPercentage)), typical terms",
            "",
            "Buyers (\(buyers.entries.count), validated)",
            buyers.table().render(),
            "",
            "\(covered) of \(buyers.entries.count) buyers can be insured under this policy.",
            "",
            "== Assessments and limit decisions, as of \(story.asOf)",
            "",
            try decisions.text(),
            "",
            "== Premium quote for the insured buyers",
            "",
            quote.text(),
            "",
            "== Portfolio loss distribution (CreditRisk+ on the quote's net exposures)",
            "",
            PortfolioLossOutput(result: story.loss).text,
            "",
            "== Overdue notification, claim and indemnity",
            "",
        ]
        lines += claimText()
        lines += ["", "== Exposure diagnosis of the policyholder's ledger", "", diagnosis.text()]
        return lines.joined(separator: "\n")
    }

    private func claimText() -> [String] {
        let claim = story.claim
        let (notice, notification) = (claim.notice, claim.notification)
        let adjustment = claim.adjudication.adjustment
        var lines = [
            "Overdue notification \(notification.id) on \(notification.notifiedOn): "
                + "\(MoneyText.grouped(notification.overdueAmount)) overdue since \(notification.oldestDueDate) "
                + "(invoices \(notification.invoiceNumbers.joined(separator: ", ")))",
            "  opens claim \(notice.claim.id) (\(notice.claim.state.rawValue)); notification deadline "
                + "\(notice.notificationDeadline) (\(notice.isInTime ? "in time" : "late")), filing deadline "
                + "\(notice.filingDeadline)",
            "",
            ClaimOutput(terms: policy, claimCase: claim.claimCase, adjustment: adjustment, rates: claim.rates).text(),
            "",
            "Payment: \(MoneyText.grouped(adjustment.decision.indemnity)) on "
                + "\(claim.paid.events.last.map { "\($0.date)" } ?? "-") (claim \(claim.paid.state.rawValue))",
            "",
        ]
        let split = claim.recovery.split
        lines.append("Recovery on \(split.recovery.date): \(MoneyText.grouped(split.recovery.amount)) recovered, "
                     + "costs \(MoneyText.grouped(split.recovery.costs))")
        var table = TextTable([("Share", .left), ("Amount", .right)])
        table.append(["costs deducted", MoneyText.grouped(split.costsDeducted)])
        table.append(["shared", MoneyText.grouped(split.shared)])
        table.append(["insurer", MoneyText.grouped(split.insurer)])
        table.append(["seller, insured part", MoneyText.grouped(split.sellerInsuredPart)])
        table.append(["seller, uninsured loss", MoneyText.grouped(split.uninsured)])
        lines.append(table.render())
        lines += ["", "Claim \(claim.recovery.claim.id) history"]
        var events = TextTable([("Date", .left), ("From", .left), ("To", .left), ("Amount", .right), ("Reason", .left)])
        for event in claim.recovery.claim.events {
            events.append([event.date.description, event.from?.rawValue ?? "-", event.to.rawValue,
                           event.amount.map(MoneyText.grouped) ?? "", event.reason])
        }
        lines.append(events.render())
        return lines
    }
}
