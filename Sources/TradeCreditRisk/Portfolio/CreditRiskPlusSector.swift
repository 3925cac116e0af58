/// A sector of a CreditRisk+ run as the model used it (band-adjusted figures).
public struct CreditRiskPlusSector: Sendable, Hashable, Codable {
    /// The sector's name.
    public let name: String
    /// Whether it is the specific sector (Poisson, σ_k = 0, named in the options).
    public let isSpecific: Bool
    /// μ_k = Σ θ_Ak μ_A: the expected number of defaults (in band-adjusted frequencies).
    public let expectedDefaults: Double
    /// σ_k = Σ θ_Ak σ_A·(E_A/L)/ν_A; 0 for a Poisson sector. Its gamma law has α_k = μ_k²/σ_k² and
    /// p_k = σ_k²/(μ_k + σ_k²).
    public let defaultStandardDeviation: Double
    /// The sector's expected loss, ε_k·L = Σ θ_Ak μ_A ν_A L, in currency units.
    public let expectedLoss: Double

    /// A sector's figures.
    public init(name: String, isSpecific: Bool, expectedDefaults: Double, defaultStandardDeviation: Double,
                expectedLoss: Double) {
        self.name = name
        self.isSpecific = isSpecific
        self.expectedDefaults = expectedDefaults
        self.defaultStandardDeviation = defaultStandardDeviation
        self.expectedLoss = expectedLoss
    }
}
