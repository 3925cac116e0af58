import Foundation

/// The closed-form figures of a banded portfolio: EL, σ, and the spreadsheet's risk contributions.
struct PortfolioMoments {
    /// EL = Σ p_A E_A.
    let expectedLoss: Double
    /// σ = √(Σ_A μ_A ν_A² L² + Σ_k (σ_k/μ_k)²(ε_k L)²).
    let standardDeviation: Double

    init(_ portfolio: BandedPortfolio) {
        var expectedLoss = CompensatedSum(), variance = CompensatedSum()
        let unit = portfolio.unit
        for (index, band) in portfolio.bands.enumerated() {
            expectedLoss.add(portfolio.expectedLosses[index])
            variance.add(portfolio.adjustedFrequencies[index] * Double(band) * Double(band) * unit * unit)
        }
        for sector in portfolio.sectors where sector.expectedDefaults > 0 {
            let ratio = sector.defaultStandardDeviation / sector.expectedDefaults
            let loss = sector.expectedLossUnits * unit
            variance.add(ratio * ratio * loss * loss)
        }
        self.expectedLoss = expectedLoss.value
        standardDeviation = max(variance.value, 0).squareRoot()
    }

    /// RC_A = EL_A + (VaR − EL)·w_A/Σ w_B and RCσ_A = σ·w_A/Σ w_B, with w_A = ν_A·p_A·(ν_A + S_A), the raw PD p_A, and
    /// S_A = Σ_k (σ_k/μ_k)²·ε_k·θ_Ak (the spreadsheet's convention; see ``RiskContribution``).
    func contributions(_ obligors: [PortfolioObligor], _ portfolio: BandedPortfolio,
                       valueAtRisk: Double) -> [RiskContribution] {
        // (σ_k/μ_k)²·ε_k per sector: the systematic load one unit of weight adds.
        let loads = portfolio.sectors.map { sector -> Double in
            guard sector.expectedDefaults > 0 else { return 0 }
            let ratio = sector.defaultStandardDeviation / sector.expectedDefaults
            return ratio * ratio * sector.expectedLossUnits
        }
        var weights: [Double] = []
        weights.reserveCapacity(obligors.count)
        var total = CompensatedSum()
        for (index, obligor) in obligors.enumerated() {
            var systematic = 0.0
            for (name, weight) in obligor.sectorWeights where weight > 0 {
                systematic += loads[portfolio.sectorIndex[name]!] * weight
            }
            let band = Double(portfolio.bands[index])
            let w = band * obligor.pd * (band + systematic)
            weights.append(w)
            total.add(w)
        }
        let sum = total.value
        return obligors.indices.map { index in
            let share = sum > 0 ? weights[index] / sum : 0
            return RiskContribution(obligor: obligors[index].id, band: portfolio.bands[index],
                                    expectedLoss: portfolio.expectedLosses[index],
                                    standardDeviationContribution: standardDeviation * share,
                                    contribution: portfolio.expectedLosses[index] + (valueAtRisk - expectedLoss) * share)
        }
    }
}
