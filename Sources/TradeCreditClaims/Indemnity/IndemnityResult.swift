public import TradeCreditModel

/// Where an amount of the indemnity calculation comes from: the loss itself (always first), or one of the policy's
/// ordered steps.
///
/// JSON: the string `"loss"` or the step's name (`"limitCap"`, …).
public enum IndemnityStage: Hashable, Sendable, Codable {
    /// Step 1: the loss, Σ outstanding of the eligible invoices in the policy currency (net of VAT unless covered).
    case loss
    /// One of the steps of `PolicyTerms.indemnitySteps`.
    case step(IndemnityStep)

    /// `loss`, or the step's raw value.
    public var name: String {
        switch self {
        case .loss: "loss"
        case .step(let step): step.rawValue
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        if name == "loss" {
            self = .loss
        } else if let step = IndemnityStep(rawValue: name) {
            self = .step(step)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown indemnity stage \"\(name)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

/// An amount a step took out, with the reasons (and the invoice, when it concerns one).
public struct IndemnityExclusion: Hashable, Sendable, Codable {
    /// The invoice the amount belongs to; `nil` for an amount of the whole claim.
    public let invoiceNumber: String?
    /// The amount excluded, in the policy currency.
    public let amount: Money
    /// Why (stable codes; eligibility's own codes for an ineligible invoice).
    public let reasons: [ReasonCode]

    public init(invoiceNumber: String? = nil, amount: Money, reasons: [ReasonCode]) {
        self.invoiceNumber = invoiceNumber
        self.amount = amount
        self.reasons = reasons
    }
}

/// One step of the calculation: what came in, what went out, and what was excluded and why.
///
/// The exclusions always sum to `input − output`.
public struct IndemnityStepRecord: Hashable, Sendable, Codable {
    /// The step.
    public let stage: IndemnityStage
    /// The amount before the step (for the loss: every claimed invoice's outstanding, VAT included).
    public let input: Money
    /// The amount after the step.
    public let output: Money
    /// What the step took out, with reasons.
    public let exclusions: [IndemnityExclusion]

    public init(stage: IndemnityStage, input: Money, output: Money, exclusions: [IndemnityExclusion]) {
        self.stage = stage
        self.input = input
        self.output = output
        self.exclusions = exclusions
    }

    /// `input − output`.
    public var excluded: Money { (try? input - output) ?? .zero(input.currency) }
}

/// What the policy year had absorbed and paid before a claim (the ledger state the calculation used).
public struct PolicyYearTotals: Hashable, Sendable, Codable {
    /// The aggregate first loss already borne by the seller.
    public let aggregateFirstLossAbsorbed: Money
    /// Indemnities already counted against the maximum liability.
    public let indemnities: Money

    public init(aggregateFirstLossAbsorbed: Money, indemnities: Money) {
        self.aggregateFirstLossAbsorbed = aggregateFirstLossAbsorbed
        self.indemnities = indemnities
    }
}

/// The indemnity of one claim, with every step, every excluded amount and the conversions used.
public struct IndemnityResult: Hashable, Sendable, Codable {
    /// The claim.
    public let claimID: ClaimID
    /// The cause of loss.
    public let cause: CauseOfLoss
    /// The policy year of the earliest eligible delivery; `nil` when no invoice is eligible.
    public let policyYear: Int?
    /// The steps in the order applied, the loss first.
    public let steps: [IndemnityStepRecord]
    /// Every currency conversion made, in invoice order (net, VAT, limit).
    public let conversions: [CurrencyConversion]
    /// The policy year's totals before this claim.
    public let yearBefore: PolicyYearTotals
    /// The part of this claim the aggregate first loss absorbed.
    public let aggregateFirstLossAbsorbed: Money
    /// The version of the rules that computed it.
    public let rulesVersion: String

    /// The indemnity payable: the last step's output.
    public var indemnity: Money { steps[steps.count - 1].output }

    /// The loss (step 1's output).
    public var loss: Money { steps[0].output }

    /// The output of `stage`, when it was applied.
    public func output(of stage: IndemnityStage) -> Money? { steps.first { $0.stage == stage }?.output }
}
