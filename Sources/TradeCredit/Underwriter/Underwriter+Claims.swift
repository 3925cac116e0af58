import Logging
public import TradeCreditModel
public import TradeCreditClaims

/// The claim flows: each takes the host's ``TradeCreditClaims/ClaimBook`` `inout` and moves the claim through it, so
/// every change is a recorded event and the book's own rules apply (one claim per id, an invoice in one live claim,
/// one payment). The book is unchanged when a call throws.
extension Underwriter {
    /// Records an overdue notification: opens a claim in the `notified` state for its invoices, its overdue amount in
    /// the policy currency as the amount claimed, and says by when it had to be notified and the claim must be filed.
    /// Notifying again under a known claim id leaves the book unchanged (``OverdueNotice/isNew`` is `false`).
    /// - Parameters:
    ///   - notification: the overdue notification (buyer, invoices, overdue amount in any currency, dates).
    ///   - claimID: the id of the claim the notification opens.
    ///   - cause: the expected cause of loss (protracted default by default; the filing may name another).
    ///   - book: the host's claim book, which receives the new claim.
    /// - Throws: `CancellationError`; `ModelError` `.rateUnavailable` for an amount the rates cannot
    ///   convert; `IndemnityError` `.invoiceAlreadyClaimed` for an invoice already in another live claim.
    public func notifyOverdue(_ notification: OverdueNotification, claimID: ClaimID,
                              cause: CauseOfLoss = .protractedDefault, in book: inout ClaimBook) async throws -> OverdueNotice {
        try Task.checkCancellation()
        let conversion = try await policyRates().convert(notification.overdueAmount, on: notification.notifiedOn)
        try Task.checkCancellation()
        let claim = try Claim(id: claimID, policyID: terms.policyID, buyerID: notification.buyerID, cause: cause,
                              invoiceNumbers: notification.invoiceNumbers,
                              claimedAmount: conversion?.converted ?? notification.overdueAmount,
                              notificationID: notification.id, initialState: .notified, date: notification.notifiedOn,
                              actor: settings.actor, reason: "overdue notified (\(notification.id))")
        let filing = try book.file(claim)
        let deadlines = ClaimDeadlines(terms: terms)
        let notificationDeadline = try deadlines.notificationDeadline(dueDate: notification.oldestDueDate)
        logger.debug("overdue notified", metadata: ["claim": "\(claimID)", "buyer": "\(notification.buyerID)"])
        return OverdueNotice(claim: filing.claim, isNew: filing.isNew, notificationDeadline: notificationDeadline,
                             isInTime: notification.notifiedOn <= notificationDeadline,
                             filingDeadline: try deadlines.claimFilingDeadline(notifiedOn: notification.notifiedOn),
                             conversion: conversion)
    }

    /// Files the claim of `claimCase`: a claim opened by ``notifyOverdue(_:claimID:cause:in:)`` moves from `notified`
    /// to `filed`; otherwise a claim is filed for the case's invoices, the loss the adjuster establishes as the
    /// amount claimed. A claim already past `notified` is returned as it is.
    /// - Throws: `CancellationError`; the adjuster's errors (`ClaimsError`, `IndemnityError`, `ModelError`);
    ///   `IndemnityError` `.invoiceAlreadyClaimed`, `.eventOutOfOrder` (a filing before the notification).
    @discardableResult
    public func fileClaim(_ claimCase: ClaimCase, in book: inout ClaimBook) async throws -> Claim {
        let filing = claimCase.claim
        if let existing = book[filing.id] {
            guard existing.state == .notified else { return existing }
            return try book.transition(filing.id, to: .filed, on: filing.filedOn, actor: settings.actor, reason: "claim filed")
        }
        let adjudication = try await adjust(claimCase)
        let claim = try Claim(id: filing.id, policyID: terms.policyID, buyerID: claimCase.buyer.id, cause: filing.cause,
                              invoiceNumbers: filing.invoiceNumbers, claimedAmount: adjudication.adjustment.indemnity.loss,
                              initialState: .filed, date: filing.filedOn, actor: settings.actor, reason: "claim filed")
        logger.debug("claim filed", metadata: ["claim": "\(filing.id)", "buyer": "\(claimCase.buyer.id)"])
        return try book.file(claim).claim
    }

    /// Adjudicates the claim of `claimCase` with `ClaimAdjuster` (eligibility per invoice, the indemnity, the dates)
    /// and records the decision: the claim (filed first when the book does not hold it filed) moves to `under review`
    /// then to `approved`, `partly approved` (with the indemnity) or `rejected`, on the case's evaluation date.
    ///
    /// Invoices and limits in another currency are converted at the rates of the filing date (or of the source's last
    /// publication when the filing date is after it, the conversion date then fixed to it).
    /// - Throws: `CancellationError`; the adjuster's errors; `IndemnityError` `.invalidTransition` for a claim
    ///   already decided.
    public func adjudicate(_ claimCase: ClaimCase, in book: inout ClaimBook) async throws -> ClaimAdjudication {
        let filing = claimCase.claim
        let adjudication = try await adjust(claimCase)
        try Task.checkCancellation()
        var updated = book
        if updated[filing.id]?.state != .filed { try await fileClaim(claimCase, in: &updated) }
        let date = claimCase.evaluationDate
        try updated.transition(filing.id, to: .underReview, on: date, actor: settings.actor, reason: "claim under review")
        let decision = adjudication.adjustment.decision
        let reason = decision.reasons.isEmpty ? "claim \(decision.outcome.rawValue)"
            : decision.reasons.map(\.code).joined(separator: ", ")
        let claim = try updated.transition(filing.id, to: decision.outcome.state, on: date, actor: settings.actor,
                                           reason: reason, amount: decision.indemnity)
        book = updated
        logger.debug("claim adjudicated", metadata: ["claim": "\(filing.id)", "outcome": "\(decision.outcome.rawValue)",
                                                     "indemnity": "\(decision.indemnity)"])
        return ClaimAdjudication(adjustment: adjudication.adjustment, claim: claim, rates: adjudication.rates,
                                 settings: adjudication.settings)
    }

    /// Pays the indemnity an adjudication approved: the claim's `paid` event, once.
    /// - Throws: `IndemnityError` `.alreadyPaid`, `.invalidTransition` (a rejected claim), `.eventOutOfOrder`.
    @discardableResult
    public func pay(_ adjudication: ClaimAdjudication, on date: CalendarDate, in book: inout ClaimBook) throws -> Claim {
        try book.pay(adjudication.claim.id, amount: adjudication.adjustment.decision.indemnity, on: date, actor: settings.actor)
    }

    /// Records a recovery on a paid claim: splits it with `RecoverySplit` (costs first when
    /// ``UnderwriterSettings/deductRecoveryCostsFirst``) and moves the claim from `paid` to `recovering` with the amount
    /// recovered. A further recovery on a claim already `recovering` is split; the claim stays as it is.
    /// An amount in another currency is converted at the rates of the recovery's date.
    /// - Throws: `CancellationError`; `IndemnityError` (`.unknownClaim`, `.invalidTransition` for a claim not paid, the
    ///   split's `.outOfRange`); `ModelError` `.rateUnavailable`, `.inconsistent` for a recovery on
    ///   another claim than the adjudication's.
    public func recordRecovery(_ recovery: Recovery, on adjudication: ClaimAdjudication,
                               in book: inout ClaimBook) async throws -> RecoveryRecord {
        try Task.checkCancellation()
        guard recovery.claimID == adjudication.claim.id else {
            throw ModelError(.inconsistent, field: "recovery.claimID", value: recovery.claimID.rawValue,
                             "the adjudication is of claim \(adjudication.claim.id)")
        }
        let rates = policyRates()
        let amount = try await rates.convert(recovery.amount, on: recovery.date)
        let costs = try await rates.convert(recovery.costs, on: recovery.date)
        try Task.checkCancellation()
        let recovered = amount == nil && costs == nil ? recovery
            : try Recovery(claimID: recovery.claimID, date: recovery.date, amount: amount?.converted ?? recovery.amount,
                           costs: costs?.converted ?? recovery.costs)
        let split = try RecoverySplit(recovery: recovered, result: adjudication.adjustment.indemnity, terms: terms,
                                      deductCostsFirst: settings.deductRecoveryCostsFirst)
        var claim = book[recovery.claimID]
        if claim?.state != .recovering {
            claim = try book.transition(recovery.claimID, to: .recovering, on: recovery.date, actor: settings.actor,
                                        reason: "recovery received", amount: recovered.amount)
        }
        guard let claim else { preconditionFailure("the transition returns the claim") }
        logger.debug("recovery recorded", metadata: ["claim": "\(recovery.claimID)", "insurer": "\(split.insurer)"])
        return RecoveryRecord(split: split, claim: claim, conversions: [amount, costs].compactMap { $0 })
    }

    // MARK: - Steps

    /// The adjuster's result on `claimCase`, with the rates and settings it used.
    private func adjust(_ claimCase: ClaimCase) async throws
        -> (adjustment: ClaimAdjustment, rates: RateTable?, settings: IndemnitySettings) {
        try Task.checkCancellation()
        var indemnity = settings.indemnity
        let rates = try await claimRates(claimCase, settings: &indemnity)
        try Task.checkCancellation()
        let adjustment = try ClaimAdjuster(terms: terms, settings: indemnity).adjust(claimCase, rates: rates)
        return (adjustment, rates, indemnity)
    }

    /// The rates a claim needs, `nil` when every claimed invoice and every limit is in the policy currency. The
    /// conversion date of `settings` is fixed to the rates' date when the source has no publication for it.
    private func claimRates(_ claimCase: ClaimCase, settings: inout IndemnitySettings) async throws -> RateTable? {
        let claimed = Set(claimCase.claim.invoiceNumbers)
        let invoices = claimCase.invoices.filter { claimed.contains($0.number) }
        guard invoices.contains(where: { $0.currency != terms.currency })
            || claimCase.limits.contains(where: { $0.amount.currency != terms.currency }) else { return nil }
        let rates = policyRates()
        switch settings.conversionDate {
        case .claimFilingDate, .fixed:
            let date: CalendarDate
            if case .fixed(let fixed) = settings.conversionDate { date = fixed } else { date = claimCase.claim.filedOn }
            let found = try await rates.rates(on: date)
            if found.date != date { settings.conversionDate = .fixed(found.date) }
            return found.table
        case .deliveryDate:
            let first = invoices.map(\.deliveryDate).min() ?? claimCase.claim.filedOn
            return try await self.rates.rateTable(from: min(first, claimCase.claim.filedOn), through: claimCase.claim.filedOn,
                                                  policy: self.settings.conversionPolicy)
        }
    }
}
