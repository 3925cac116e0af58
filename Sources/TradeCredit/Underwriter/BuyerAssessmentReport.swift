public import TradeCreditModel
public import TradeCreditRisk

/// One buyer assessed by an ``Underwriter``: what the bureaus said, the engine's input built from it, and the
/// engine's assessment. `BuyerScorer(rules:).assess(input)` gives `assessment` again: the report is replayable.
public struct BuyerAssessmentReport: Hashable, Sendable {
    /// Every bureau's answer (ratings, failures, time-outs, cache hits).
    public let lookup: CompositeLookup
    /// The input the scorer read: the ratings, their suggested limits converted into the policy currency where the
    /// rates allow it.
    public let input: AssessmentInput
    /// The scorer's result.
    public let assessment: BuyerAssessment
    /// The suggested limits converted into the policy currency, with their rates.
    public let conversions: [CurrencyConversion]

    /// A report (the underwriter makes these).
    public init(lookup: CompositeLookup, input: AssessmentInput, assessment: BuyerAssessment,
                conversions: [CurrencyConversion]) {
        self.lookup = lookup
        self.input = input
        self.assessment = assessment
        self.conversions = conversions
    }

    /// The buyer.
    public var buyer: Buyer { input.buyer }
}
