import Foundation
import TradeCredit

/// The readable form of a claim adjustment: the invoices, the indemnity steps, the dates and the decision.
struct ClaimOutput {
    let terms: PolicyTerms
    let claimCase: ClaimCase
    let adjustment: ClaimAdjustment
    /// The rates used (source, publication date), when an amount was converted.
    let rates: (source: String, date: CalendarDate)?

    func text() -> String {
        let claim = claimCase.claim
        var lines = [
            "Claim \(adjustment.claimID): \(claimCase.buyer.legalName) (\(adjustment.buyerID)), cause \(claim.cause.rawValue)",
            "Policy \(terms.policyID) in \(terms.currency), filed \(claim.filedOn), evaluated \(claimCase.evaluationDate)",
            "",
            "Invoices",
            invoices().render(),
            "",
            "Indemnity",
            steps().render(),
        ]
        for conversion in adjustment.indemnity.conversions {
            lines.append("  \(MoneyText.grouped(conversion.original)) = \(MoneyText.grouped(conversion.converted)) "
                         + "(\(conversion.source), \(conversion.publicationDate?.description ?? "-"))")
        }
        if let rates, rates.date != claim.filedOn {
            lines.append("  rates of \(rates.date), the last publication of \(rates.source): the filing date "
                         + "\(claim.filedOn) is after it")
        }
        let dates = adjustment.dates
        let dateRows: [(String, CalendarDate?)] = [
            ("oldest due date", dates.oldestDueDate), ("notification deadline", dates.notificationDeadline),
            ("notified", dates.notifiedOn), ("filing deadline", dates.filingDeadline), ("filed", dates.filedOn),
            ("waiting period end", dates.waitingPeriodEnd), ("loss established", dates.lossEstablished),
            ("payment due", dates.paymentDue),
        ]
        lines += ["", "Dates"] + dateRows.map { "  " + $0.0.padding(toLength: 22, withPad: " ", startingAt: 0)
            + ($0.1?.description ?? "-") }
        let decision = adjustment.decision
        lines += ["", "Decision: \(decision.outcome.rawValue), indemnity \(MoneyText.grouped(decision.indemnity))"]
        lines += decision.reasons.map { "  \($0.code): \($0.detail)" }
        return lines.joined(separator: "\n")
    }

    private func invoices() -> TextTable {
        var table = TextTable([("Invoice", .left), ("Claimed", .left), ("Delivery", .left), ("Outstanding", .right),
                               ("Limit in force", .right), ("Eligibility", .left)])
        let claimed = Set(adjustment.claimedInvoices)
        for result in adjustment.eligibility.invoices {
            table.append([
                result.invoiceNumber, claimed.contains(result.invoiceNumber) ? "yes" : "no", result.deliveryDate.description,
                MoneyText.grouped(result.outstanding.total),
                result.limitInForce.map { "\(MoneyText.grouped($0.amount)) (\($0.id))" } ?? "none",
                result.isEligible ? "eligible" : result.reasons.map { "\($0.code): \($0.detail)" }.joined(separator: "; "),
            ])
        }
        return table
    }

    private func steps() -> TextTable {
        var table = TextTable([("Step", .left), ("In", .right), ("Out", .right), ("Excluded", .right), ("Reasons", .left)])
        for step in adjustment.indemnity.steps {
            let reasons = step.exclusions.map { exclusion in
                (exclusion.invoiceNumber.map { "\($0) " } ?? "") + MoneyText.grouped(exclusion.amount) + " "
                    + exclusion.reasons.map(\.code).joined(separator: ", ")
            }
            table.append([step.stage.name, MoneyText.grouped(step.input), MoneyText.grouped(step.output),
                          MoneyText.grouped(step.excluded), reasons.joined(separator: "; ")])
        }
        return table
    }
}
