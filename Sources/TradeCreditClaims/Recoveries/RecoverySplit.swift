public import Foundation
public import TradeCreditModel

/// How a recovery is shared after an indemnity (DOMAIN.md §6, "Recoveries").
///
/// Recovery costs come off first when the policy says so. The rest is split pro rata between the insured part (the
/// loss within the limit) and the uninsured part (the loss above it), which goes to the seller; within the insured
/// part the insurer takes the insured percentage and the seller the rest. Each split is an exact allocation in minor
/// units (largest remainder), so the parts always sum to the amount recovered.
public struct RecoverySplit: Hashable, Sendable, Codable {
    /// The recovery.
    public let recovery: Recovery
    /// Costs taken off first (zero when the policy does not deduct them).
    public let costsDeducted: Money
    /// The amount shared: the recovery less the costs deducted.
    public let shared: Money
    /// The share of the insured part (the loss within the limit).
    public let insuredPart: Money
    /// The insurer's share of the insured part.
    public let insurer: Money
    /// The seller's share of the insured part.
    public let sellerInsuredPart: Money
    /// The uninsured part, the seller's.
    public let uninsured: Money

    /// Everything the seller receives: its share of the insured part and the uninsured part.
    public var seller: Money { (try? sellerInsuredPart + uninsured) ?? sellerInsuredPart }

    /// Splits `recovery`.
    /// - Parameters:
    ///   - recovery: the amount recovered and its costs, in the debt's currency.
    ///   - debt: the loss the recovery relates to (the indemnity's loss, step 1).
    ///   - insuredLoss: the part of it within the limit (the limit cap's output).
    ///   - insuredPercentage: the percentage the indemnity applied (the political one for a political cause).
    ///   - deductCostsFirst: whether the policy deducts recovery costs before sharing.
    /// - Throws: ``IndemnityError`` `.outOfRange` for a debt that is not positive, an insured loss outside 0…debt,
    ///   a percentage outside 0…1 or costs above the recovery; `ModelError` `.currencyMismatch`.
    public init(recovery: Recovery, debt: Money, insuredLoss: Money, insuredPercentage: Decimal,
                deductCostsFirst: Bool) throws {
        guard debt.isPositive else {
            throw IndemnityError(.outOfRange, field: "debt", value: debt.description, "the debt must be positive")
        }
        guard !insuredLoss.isNegative, try insuredLoss.compare(to: debt) <= 0 else {
            throw IndemnityError(.outOfRange, field: "insuredLoss", value: insuredLoss.description,
                                 "between zero and the debt \(debt)")
        }
        guard insuredPercentage >= 0, insuredPercentage <= 1 else {
            throw IndemnityError(.outOfRange, field: "insuredPercentage", value: "\(insuredPercentage)", "between 0 and 1")
        }
        _ = try recovery.amount.compare(to: debt)  // same currency as the debt, or throw
        let costs = deductCostsFirst ? recovery.costs : .zero(recovery.amount.currency)
        let shared = try recovery.amount - costs
        guard !shared.isNegative else {
            throw IndemnityError(.outOfRange, field: "costs", value: costs.description,
                                 "recovery costs above the amount recovered \(recovery.amount)")
        }
        let byLimit = try shared.allocated(by: [insuredLoss.amount, (try debt - insuredLoss).amount])
        let byPercentage = try byLimit[0].allocated(by: [insuredPercentage, 1 - insuredPercentage])
        self.recovery = recovery
        self.costsDeducted = costs
        self.shared = shared
        self.insuredPart = byLimit[0]
        self.insurer = byPercentage[0]
        self.sellerInsuredPart = byPercentage[1]
        self.uninsured = byLimit[1]
    }

    /// Splits a recovery on a claim whose indemnity is `result` (its loss, the limit cap's output and the percentage
    /// of its cause under `terms`).
    /// - Throws: as the designated initialiser; `.missingValue` when the result has no limit cap step.
    public init(recovery: Recovery, result: IndemnityResult, terms: PolicyTerms, deductCostsFirst: Bool) throws {
        guard let insuredLoss = result.output(of: .step(.limitCap)) else {
            throw IndemnityError(.missingValue, field: "limitCap", value: result.claimID.rawValue,
                                 "the indemnity result has no limit cap step")
        }
        let percentage = result.cause.isPolitical ? terms.politicalRisk.insuredPercentage : terms.insuredPercentage
        try self.init(recovery: recovery, debt: result.loss, insuredLoss: Money.min(insuredLoss, result.loss),
                      insuredPercentage: percentage, deductCostsFirst: deductCostsFirst)
    }
}
