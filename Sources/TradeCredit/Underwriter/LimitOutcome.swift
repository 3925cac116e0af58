public import TradeCreditModel

/// One limit request decided by an ``Underwriter``: the request as decided, the assessment it rests on and the
/// decision. `LimitUnderwriter(policy:).decide(request, for: report.buyer, assessment: report.assessment, …)` gives
/// `decision` again.
public struct LimitOutcome: Hashable, Sendable {
    /// The request as the seller made it.
    public let originalRequest: LimitRequest
    /// The request decided: the original with its amounts in the policy currency.
    public let request: LimitRequest
    /// The assessment the decision rests on.
    public let report: BuyerAssessmentReport
    /// The decision.
    public let decision: LimitDecision
    /// The request's amounts converted into the policy currency (none when they were in it).
    public let conversions: [CurrencyConversion]

    /// An outcome (the underwriter makes these).
    public init(originalRequest: LimitRequest, request: LimitRequest, report: BuyerAssessmentReport,
                decision: LimitDecision, conversions: [CurrencyConversion]) {
        self.originalRequest = originalRequest
        self.request = request
        self.report = report
        self.decision = decision
        self.conversions = conversions
    }
}
