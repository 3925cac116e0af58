/// One obligor's share of the portfolio's value at risk, by the CreditRisk+ spreadsheet's convention (model figures,
/// currency units).
///
/// With S_A = Σ_k (σ_k/μ_k)²·ε_k·θ_Ak (ε_k the sector's expected loss in loss units) and the **raw** PD p_A:
/// RCσ_A = σ·ν_A·p_A·(ν_A + S_A) / Σ_B ν_B·p_B·(ν_B + S_B), and RC_A = EL_A + ξ·RCσ_A with ξ = (VaR_q − EL)/σ, so that
/// Σ_A RC_A = VaR_q at the contribution level q.
public struct RiskContribution: Sendable, Hashable, Codable {
    /// The obligor's id.
    public let obligor: String
    /// Its band ν_A (its exposure in whole loss units).
    public let band: Int
    /// EL_A = p_A·E_A.
    public let expectedLoss: Double
    /// RCσ_A, its share of the standard deviation (the RCσ_A sum to σ).
    public let standardDeviationContribution: Double
    /// RC_A, its share of the value at risk at the contribution level.
    public let contribution: Double

    /// An obligor's contribution.
    public init(obligor: String, band: Int, expectedLoss: Double, standardDeviationContribution: Double,
                contribution: Double) {
        self.obligor = obligor
        self.band = band
        self.expectedLoss = expectedLoss
        self.standardDeviationContribution = standardDeviationContribution
        self.contribution = contribution
    }
}
