public import TradeCreditModel

/// Judges each invoice of a buyer against the conditions of DOMAIN.md §6 on an evaluation date, and reports every
/// condition that fails as a reason code (`ReasonCode.Claims`).
///
/// Pure: dates are inputs, records dated after the evaluation date are ignored, and nothing is converted between
/// currencies. The checks, in order: policy in force at delivery; buyer insurable; a limit (or a valid discretionary
/// limit) in force at delivery; payment term within the maximum credit period; cover open at delivery (stop supply);
/// overdue notified within the deadline; claim filed within the deadline; no open dispute.
public struct EligibilityEvaluator: Sendable {
    /// The policy terms.
    public let terms: PolicyTerms
    /// The deadlines derived from them.
    public let deadlines: ClaimDeadlines

    public init(terms: PolicyTerms) {
        self.terms = terms
        self.deadlines = ClaimDeadlines(terms: terms)
    }

    /// The eligibility of every invoice of `account` issued on or before `date`.
    ///
    /// - Parameters:
    ///   - buyer: the buyer, for the insurability conditions; it must be the account's.
    ///   - account: the buyer's invoices, payments, credit notes and disputes.
    ///   - limits: the buyer's limits, reductions and withdrawals as `CreditLimit` values with their effective dates
    ///     (a reduction is effective at notice + ``ClaimDeadlines/reductionEffectiveDate(noticeDate:)``).
    ///   - notifications: overdue notifications; the earliest one listing an invoice is its notification.
    ///   - claims: claims; an invoice's filing date is the first `filed` event of the earliest claim listing it.
    ///   - date: the evaluation date: invoices issued and records dated after it are ignored.
    /// - Throws: ``ClaimsError`` `.inconsistent` when the buyer, a limit, a notification or a claim belongs to another
    ///   buyer than the account; `.outOfRange` for a deadline outside the calendar.
    public func evaluate(buyer: Buyer, account: AccountLedger, limits: [CreditLimit],
                         notifications: [OverdueNotification] = [], claims: [Claim] = [],
                         on date: CalendarDate) throws -> EligibilityReport {
        try RecordOwnership.require(account.buyerID, [("buyer", [buyer.id]), ("limits", limits.map(\.buyerID)),
                                                      ("notifications", notifications.map(\.buyerID)),
                                                      ("claims", claims.map(\.buyerID))])
        let statement = try account.statement(on: date)
        let stopSupply = try StopSupply(account: account, deadlines: deadlines)
        let buyerReasons = buyerReasons(buyer)
        let issued = account.invoices.filter { $0.issueDate <= date }
            .sorted { ($0.deliveryDate, $0.number) < ($1.deliveryDate, $1.number) }
        let results = try issued.map { invoice in
            guard let balance = statement.balance(of: invoice.number) else {
                throw ClaimsError(.inconsistent, field: "invoices", value: invoice.number, "no balance for an issued invoice")
            }
            var reasons = policyReasons(invoice) + buyerReasons
            let limit = CreditLimit.inForce(on: invoice.deliveryDate, among: limits)
            reasons += limitReasons(limit, invoice)
            reasons += termReasons(invoice)
            if let closing = stopSupply.closingInvoice(on: invoice.deliveryDate) {
                reasons.append(ReasonCode(ReasonCode.Claims.deliveredAfterStopSupply,
                                          detail: "delivered \(invoice.deliveryDate) while invoice \(closing.number), due "
                                              + "\(closing.dueDate), was unpaid more than \(terms.maximumExtensionPeriodDays) "
                                              + "days past due"))
            }
            let notifiedOn = notifications.filter { $0.invoiceNumbers.contains(invoice.number) && $0.notifiedOn <= date }
                .map(\.notifiedOn).min()
            let filedOn = claims.filter { $0.invoiceNumbers.contains(invoice.number) }
                .compactMap { $0.events.first { $0.to == .filed }?.date }.filter { $0 <= date }.min()
            if balance.isOutstanding {
                reasons += try deadlineReasons(invoice, notifiedOn: notifiedOn, filedOn: filedOn, on: date)
            }
            let disputes = account.disputes(concerning: invoice.number, raisedBy: date).map { DisputeStatus($0, on: date) }
            for dispute in disputes where dispute.state == .open {
                reasons.append(ReasonCode(ReasonCode.Claims.disputed,
                                          detail: "dispute \(dispute.disputeID) open since \(dispute.openedOn)"))
            }
            return InvoiceEligibility(invoice: invoice, outstanding: balance, limitInForce: limit, reasons: reasons,
                                      disputes: disputes, notifiedOn: notifiedOn, filedOn: filedOn)
        }
        return EligibilityReport(buyerID: account.buyerID, evaluationDate: date, invoices: results,
                                 unappliedCredit: statement.unappliedCredit)
    }

    private func policyReasons(_ invoice: Invoice) -> [ReasonCode] {
        guard !terms.period.contains(invoice.deliveryDate) else { return [] }
        return [ReasonCode(ReasonCode.Claims.policyNotInForce,
                           detail: "delivered \(invoice.deliveryDate), policy period \(terms.period.start) to \(terms.period.end)")]
    }

    private func buyerReasons(_ buyer: Buyer) -> [ReasonCode] {
        var reasons: [ReasonCode] = []
        if buyer.isRelatedParty {
            reasons.append(ReasonCode(ReasonCode.Claims.buyerRelatedParty, detail: "buyer \(buyer.id) is an affiliate of the seller"))
        }
        if !terms.coveredBuyerCategories.contains(buyer.category) {
            reasons.append(ReasonCode(ReasonCode.Claims.buyerCategoryNotCovered,
                                      detail: "category \(buyer.category.rawValue) is not covered by the policy"))
        }
        if !terms.territory.contains(buyer.country) {
            reasons.append(ReasonCode(ReasonCode.Claims.buyerCountryNotCovered,
                                      detail: "country \(buyer.country) is outside the policy's territory"))
        }
        return reasons
    }

    private func limitReasons(_ limit: CreditLimit?, _ invoice: Invoice) -> [ReasonCode] {
        guard let limit, limit.amount.isPositive else {
            let detail = limit.map { "limit \($0.id) in force on \(invoice.deliveryDate) is zero (withdrawn or refused)" }
                ?? "no limit in force on \(invoice.deliveryDate)"
            return [ReasonCode(ReasonCode.Claims.noLimitInForce, detail: detail)]
        }
        guard limit.kind == .discretionary else { return [] }
        let problem: String? = if let ceiling = terms.discretionaryLimitCeiling {
            if limit.amount.currency != ceiling.currency {
                "discretionary limit \(limit.id) is in \(limit.amount.currency), the policy in \(ceiling.currency)"
            } else if (try? limit.amount.compare(to: ceiling)) ?? 1 > 0 {
                "discretionary limit \(limit.id) of \(limit.amount) is above the ceiling \(ceiling)"
            } else {
                nil
            }
        } else {
            "the policy allows no discretionary limit (limit \(limit.id))"
        }
        return problem.map { [ReasonCode(ReasonCode.Claims.invalidDiscretionaryLimit, detail: $0)] } ?? []
    }

    private func termReasons(_ invoice: Invoice) -> [ReasonCode] {
        guard invoice.paymentTermDays > terms.maximumCreditPeriodDays else { return [] }
        return [ReasonCode(ReasonCode.Claims.paymentTermExceedsMaximum,
                           detail: "term \(invoice.paymentTermDays) days, maximum \(terms.maximumCreditPeriodDays)")]
    }

    /// Notification and filing deadlines: late, or missing once the deadline has passed. Only for an invoice still
    /// owed; a missing filing is judged only once the overdue was notified.
    private func deadlineReasons(_ invoice: Invoice, notifiedOn: CalendarDate?, filedOn: CalendarDate?,
                                 on date: CalendarDate) throws -> [ReasonCode] {
        var reasons: [ReasonCode] = []
        let notifyBy = try deadlines.notificationDeadline(dueDate: invoice.dueDate)
        if let late = Self.lateness(done: notifiedOn, deadline: notifyBy, on: date) {
            reasons.append(ReasonCode(ReasonCode.Claims.overdueNotNotifiedInTime, detail: "notification \(late)"))
        }
        if let notifiedOn {
            let fileBy = try deadlines.claimFilingDeadline(notifiedOn: notifiedOn)
            if let late = Self.lateness(done: filedOn, deadline: fileBy, on: date) {
                reasons.append(ReasonCode(ReasonCode.Claims.claimNotFiledInTime, detail: "filing \(late)"))
            }
        }
        return reasons
    }

    /// A description of the breach when an act was late or is missing past its deadline; `nil` when in time.
    private static func lateness(done: CalendarDate?, deadline: CalendarDate, on date: CalendarDate) -> String? {
        if let done { return done > deadline ? "made \(done), deadline \(deadline)" : nil }
        return date > deadline ? "missing, deadline \(deadline) passed" : nil
    }
}
