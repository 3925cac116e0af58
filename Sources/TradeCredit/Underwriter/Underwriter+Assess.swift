import Logging
public import TradeCreditModel
import TradeCreditRisk

extension Underwriter {
    /// Assesses one buyer on `asOf`: asks the bureaus, converts the limits they suggest into the policy currency,
    /// and scores the buyer with `BuyerScorer`.
    ///
    /// A bureau that fails or times out does not fail the call: its answer says so (``BuyerAssessmentReport/lookup``)
    /// and the buyer is scored on the others' ratings (without any, the assessment has no PD). A suggested limit the
    /// rates cannot convert is kept in its currency (a decision on it is then referred).
    /// - Throws: `CancellationError`; the scorer's `UnderwritingError` (an incorporation date after `asOf`, a factor
    ///   out of range); the rate provider's errors.
    public func assess(_ profile: BuyerProfile, asOf: CalendarDate) async throws -> BuyerAssessmentReport {
        try await assess(profile, asOf: asOf, rates: policyRates())
    }

    /// Decides one limit request: converts its amounts into the policy currency, assesses the buyer on the decision
    /// date and decides with `LimitUnderwriter`.
    /// - Parameters:
    ///   - application: the buyer's profile and the limit request, with the decision's id if any.
    ///   - date: the decision date, which is also the assessment's evaluation date; `nil`: the request date.
    /// - Throws: `CancellationError`; `ModelError` `.rateUnavailable` for an amount the rates
    ///   cannot convert; the scorer's and the limit engine's `UnderwritingError` (a request about another buyer, a
    ///   decision before the request).
    public func decide(_ application: LimitApplication, on date: CalendarDate? = nil) async throws -> LimitOutcome {
        try await decide(application, on: date, rates: policyRates())
    }

    /// Decides `request` on an assessment the host already has (no bureau is asked): converts the request's amounts
    /// into the policy currency and decides with `LimitUnderwriter`.
    /// - Parameters:
    ///   - request: the limit request (its amounts in any currency the rates can convert).
    ///   - report: the buyer's assessment, from ``assess(_:asOf:)`` or kept by the host.
    ///   - decisionID: the decision's id; `nil`: the request's id.
    ///   - date: the decision date; `nil`: the request date.
    /// - Throws: as ``decide(_:on:)``; `.outOfRange` for an assessment dated after the decision.
    public func decide(_ request: LimitRequest, given report: BuyerAssessmentReport, decisionID: LimitID? = nil,
                       on date: CalendarDate? = nil) async throws -> LimitOutcome {
        try await decide(request, report: report, decisionID: decisionID, on: date ?? request.requestDate, rates: policyRates())
    }

    // MARK: - Steps shared with the batches

    func assess(_ profile: BuyerProfile, asOf: CalendarDate, rates: PolicyRates) async throws -> BuyerAssessmentReport {
        try Task.checkCancellation()
        let buyer = profile.buyer
        let lookup = await bureaus.lookUp(BuyerQuery(buyer))
        // The composer turns a cancelled lookup into failed answers; the call ends here instead.
        try Task.checkCancellation()
        for failure in lookup.failures {
            logger.warning("bureau did not answer", metadata: ["buyer": "\(buyer.id)", "bureau": "\(failure.bureau)",
                                                                "outcome": "\(failure.outcome)"])
        }
        var ratings: [BureauRating] = []
        var conversions: [CurrencyConversion] = []
        for rating in lookup.ratings {
            var converted: CurrencyConversion?
            if let suggestion = rating.suggestedLimit {
                // A suggestion the rates cannot convert stays as it is: the limit engine then refers the request.
                do { converted = try await rates.convert(suggestion, on: asOf) } catch is ModelError { converted = nil }
            }
            guard let conversion = converted else {
                ratings.append(rating)
                continue
            }
            conversions.append(conversion)
            ratings.append(BureauRating(source: rating.source, scaleID: rating.scaleID, buyerIdentifier: rating.buyerIdentifier,
                                        ratedOn: rating.ratedOn, value: rating.value, suggestedLimit: conversion.converted,
                                        adverseEvents: rating.adverseEvents))
        }
        try Task.checkCancellation()
        let input = AssessmentInput(buyer: buyer, asOf: asOf, ratings: ratings, scales: scales,
                                    financialStatements: profile.financialStatements, factors: profile.factors,
                                    underwriting: settings.recommendsLimits ? terms.underwriting : nil)
        let assessment = try scorer.assess(input)
        logger.debug("buyer assessed", metadata: ["buyer": "\(buyer.id)", "grade": "\(assessment.grade.map(String.init) ?? "none")",
                                                  "ratings": "\(ratings.count)"])
        return BuyerAssessmentReport(lookup: lookup, input: input, assessment: assessment, conversions: conversions)
    }

    func decide(_ application: LimitApplication, on date: CalendarDate?, rates: PolicyRates) async throws -> LimitOutcome {
        let day = date ?? application.request.requestDate
        let report = try await assess(application.profile, asOf: day, rates: rates)
        return try await decide(application.request, report: report, decisionID: application.decisionID, on: day, rates: rates)
    }

    func decide(_ original: LimitRequest, report: BuyerAssessmentReport, decisionID: LimitID?, on date: CalendarDate,
                rates: PolicyRates) async throws -> LimitOutcome {
        try Task.checkCancellation()
        let (request, conversions) = try await inPolicyCurrency(original, rates: rates)
        try Task.checkCancellation()
        let decision = try limitUnderwriter.decide(request, for: report.buyer, assessment: report.assessment,
                                                   decisionID: decisionID ?? request.id, on: date)
        logger.debug("limit decided", metadata: ["buyer": "\(report.buyer.id)", "decision": "\(decision.kind.rawValue)",
                                                 "granted": "\(decision.grantedAmount)"])
        return LimitOutcome(originalRequest: original, request: request, report: report, decision: decision,
                            conversions: conversions)
    }

    /// `request` with its amount and expected turnover in the policy currency, at the rates of its date.
    private func inPolicyCurrency(_ request: LimitRequest, rates: PolicyRates) async throws
        -> (LimitRequest, [CurrencyConversion]) {
        let amount = try await rates.convert(request.requestedAmount, on: request.requestDate)
        var turnover: CurrencyConversion?
        if let expected = request.expectedAnnualTurnover { turnover = try await rates.convert(expected, on: request.requestDate) }
        guard amount != nil || turnover != nil else { return (request, []) }
        let converted = try LimitRequest(id: request.id, buyerID: request.buyerID, kind: request.kind,
                                         requestedAmount: amount?.converted ?? request.requestedAmount,
                                         requestDate: request.requestDate, paymentTermsDays: request.paymentTermsDays,
                                         expectedAnnualTurnover: turnover?.converted ?? request.expectedAnnualTurnover)
        return (converted, [amount, turnover].compactMap { $0 })
    }
}
