public import Foundation

/// Everything a CreditRisk+ run gives: the moments, P(loss = 0), the distribution, its quantiles and expected
/// shortfalls, and the risk contributions.
///
/// Amounts are model figures (`Double`, currency units) except the loss unit, which is exact: turn a figure into money
/// at the edge with ``CreditRiskPlus/money(_:_:rule:)``.
public struct CreditRiskPlusResult: Sendable, Hashable, Codable {
    /// The rules version of the engine (``TradeCreditRisk/rulesVersion``).
    public let rulesVersion: String
    /// The loss unit L, exact (the given one, or ⌈max E_A / 100⌉).
    public let lossUnit: Decimal
    /// How exposures were banded.
    public let banding: CreditRiskPlusOptions.Banding
    /// How quantiles were read.
    public let quantileMethod: CreditRiskPlusOptions.QuantileMethod
    /// EL = Σ p_A·E_A (banding keeps it exactly).
    public let expectedLoss: Double
    /// σ, from the closed form Var = Σ_A μ_A ν_A² L² + Σ_k (σ_k/μ_k)²·(ε_k L)².
    public let standardDeviation: Double
    /// P(loss = 0) on the grid; 0 when it is below the smallest `Double` (past ~745 expected Poisson defaults).
    public let probabilityOfNoLoss: Double
    /// ln P(loss = 0) = ln G(0) = Σ_k α_k·ln(1 − p_k) − Σ_Poisson μ_k, which stays finite when P(0) underflows.
    public let logProbabilityOfNoLoss: Double
    /// The requested quantiles, in the order of the options' levels.
    public let quantiles: [LossQuantile]
    /// The level the risk contributions add up to.
    public let contributionLevel: Double
    /// The value at risk at ``contributionLevel`` (the sum of the contributions).
    public let contributionValueAtRisk: Double
    /// One contribution per obligor, in the input order.
    public let riskContributions: [RiskContribution]
    /// The sectors that carry a weight, sorted by name.
    public let sectors: [CreditRiskPlusSector]
    /// The loss distribution on the grid.
    public let distribution: LossDistribution

    /// The figures at `level`, when it was requested.
    public func quantile(at level: Double) -> LossQuantile? {
        quantiles.first { $0.level == level }
    }
}
