public import TradeCreditModel

/// Adjusts one claim: the buyer's account → each invoice's eligibility → the indemnity of the claimed invoices → the
/// dates and the decision. Pure: the evaluation date, the rates and the policy year so far are inputs.
public struct ClaimAdjuster: Sendable {
    /// The policy.
    public let terms: PolicyTerms
    /// Choices the terms do not hold (the date of conversion, the rounding of percentages).
    public let settings: IndemnitySettings

    public init(terms: PolicyTerms, settings: IndemnitySettings = .init()) {
        self.terms = terms
        self.settings = settings
    }

    /// The adjustment of `claimCase`'s claim.
    /// - Parameters:
    ///   - claimCase: the buyer, its account's records and limits, the notifications, the claim, the evaluation date
    ///     and the policy year so far.
    ///   - rates: needed when a claimed invoice or its limit is in another currency than the policy's.
    /// - Throws: ``ClaimsError`` `.outOfRange` when the evaluation date is before the filing or a claimed invoice is
    ///   issued after it, `.unknownInvoice` for a claimed invoice the account does not hold, and the errors of the
    ///   ledger, eligibility (records of another buyer) and indemnity (``IndemnityError``, a conversion's
    ///   `ModelError`).
    public func adjust(_ claimCase: ClaimCase, rates: RateTable? = nil) throws -> ClaimAdjustment {
        let filing = claimCase.claim
        let date = claimCase.evaluationDate
        guard filing.filedOn <= date else {
            throw ClaimsError(.outOfRange, field: "evaluationDate", value: date.description,
                              "before the claim's filing date \(filing.filedOn)")
        }
        let buyer = claimCase.buyer
        let account = try AccountLedger(buyerID: buyer.id, invoices: claimCase.invoices, payments: claimCase.payments,
                                        creditNotes: claimCase.creditNotes, disputes: claimCase.disputes)
        let known = Set(account.invoices.map(\.number))
        for (index, number) in filing.invoiceNumbers.enumerated() where !known.contains(number) {
            throw ClaimsError(.unknownInvoice, field: "claim.invoiceNumbers[\(index)]", value: number,
                              "the claim names an invoice the account does not hold")
        }
        let claim = try Claim(id: filing.id, policyID: terms.policyID, buyerID: buyer.id, cause: filing.cause,
                              invoiceNumbers: filing.invoiceNumbers, claimedAmount: .zero(terms.currency),
                              initialState: .filed, date: filing.filedOn, actor: "insured", reason: "claim filed")
        let report = try EligibilityEvaluator(terms: terms).evaluate(
            buyer: buyer, account: account, limits: claimCase.limits, notifications: claimCase.notifications,
            claims: [claim], on: date)
        let claimed = try filing.invoiceNumbers.enumerated().map { index, number in
            guard let result = report.result(for: number) else {
                throw ClaimsError(.outOfRange, field: "claim.invoiceNumbers[\(index)]", value: number,
                                  "the invoice is issued after the evaluation date \(date)")
            }
            return result
        }
        let indemnityClaim = IndemnityClaim(id: filing.id, cause: filing.cause, filingDate: filing.filedOn,
                                            invoices: try claimed.map(IndemnityInvoice.init))
        var opening: [Int: PolicyYearTotals] = [:]
        if let totals = claimCase.policyYearTotals,
           let year = claimed.filter(\.isEligible).map(\.deliveryDate).min().flatMap(terms.policyYear(of:)) {
            opening[year] = totals
        }
        let ledger = try PolicyYearLedger(terms: terms, opening: opening)
        let calculator = claimCase.annualPremium.map { IndemnityCalculator(terms: terms, settings: settings, annualPremium: $0) }
            ?? IndemnityCalculator(terms: terms, settings: settings)
        let result = try calculator.indemnity(for: indemnityClaim, ledger: ledger, rates: rates)
        let decision = ClaimDecision(result)
        let dates = try dates(of: claimed, filing: filing, rejected: decision.outcome == .rejected)
        return ClaimAdjustment(claimID: filing.id, buyerID: buyer.id, cause: filing.cause,
                               claimedInvoices: filing.invoiceNumbers, eligibility: report, indemnity: result,
                               dates: dates, decision: decision)
    }

    private func dates(of claimed: [InvoiceEligibility], filing: ClaimFiling, rejected: Bool) throws -> ClaimDates {
        let deadlines = ClaimDeadlines(terms: terms)
        let oldestDue = claimed.map(\.invoice.dueDate).min() ?? filing.filedOn
        let notified = claimed.filter(\.isEligible).compactMap(\.notifiedOn).min() ?? claimed.compactMap(\.notifiedOn).min()
        let schedule: IndemnitySchedule? = if filing.cause == .insolvency {
            try IndemnitySchedule(cause: filing.cause, notified: notified ?? filing.filedOn,
                                  insolvencyEstablished: filing.insolvencyEstablished, terms: terms)
        } else {
            try notified.map { try IndemnitySchedule(cause: filing.cause, notified: $0, terms: terms) }
        }
        let waitingEnd = filing.cause == .insolvency ? nil : schedule?.lossEstablished
        let payment = rejected ? nil : schedule?.paymentDue
        return ClaimDates(oldestDueDate: oldestDue, notificationDeadline: try deadlines.notificationDeadline(dueDate: oldestDue),
                          notifiedOn: notified,
                          filingDeadline: try notified.map { try deadlines.claimFilingDeadline(notifiedOn: $0) },
                          filedOn: filing.filedOn, waitingPeriodEnd: waitingEnd, lossEstablished: schedule?.lossEstablished,
                          paymentDue: payment)
    }
}
