import Foundation
import Testing
import TradeCreditRisk

/// Large portfolios: where e^(−μ) underflows (past ~745 expected defaults) and the multi-sector Panjer recursion loses
/// its digits, the engine stays finite and keeps the model's moments.
@Suite("CreditRisk+ stability")
struct CreditRiskPlusStabilityTests {
    /// 20,000 obligors at p = 0.5: 10,000 expected defaults. Exposures 1,000 with a loss unit of 1,000 (band 1).
    static func portfolio(pdSD: Double, sectors: [[String: Double]], count: Int = 20_000) throws -> [PortfolioObligor] {
        try (0..<count).map { index in
            try PortfolioObligor(id: "o\(index)", exposure: 1000, pd: 0.5, pdSD: pdSD,
                                 sectorWeights: sectors[index % sectors.count])
        }
    }

    static func check(_ result: CreditRiskPlusResult, variance: Double, expectedLoss: Double = 10_000_000) {
        let probabilities = result.distribution.probabilities
        #expect(probabilities.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(abs(probabilities.reduce(0, +) - 1) <= 1e-9)
        let moments = result.distribution.gridMoments
        #expect(isClose(moments.mean, expectedLoss, relative: 1e-9), "mean \(moments.mean)")
        #expect(isClose(result.expectedLoss, expectedLoss, relative: 1e-12))
        #expect(isClose(moments.variance, variance, relative: 1e-7), "variance \(moments.variance) vs \(variance)")
        for figure in result.quantiles {
            #expect(figure.valueAtRisk.isFinite && figure.expectedShortfall.isFinite)
        }
        #expect(result.riskContributions.allSatisfy { $0.contribution.isFinite })
    }

    /// All in a specific sector: Poisson(10,000). P(0) = e^−10,000 underflows to 0; its logarithm is kept.
    /// Var = Σ μ ν² L² = 10,000 × 1000².
    @Test func poissonWithTenThousandExpectedDefaults() throws {
        var options = CreditRiskPlusOptions()
        options.lossUnit = 1000
        options.specificSector = "specific"
        let result = try CreditRiskPlus.evaluate(try Self.portfolio(pdSD: 0.25, sectors: [["specific": 1]]),
                                                 options: options)
        #expect(result.probabilityOfNoLoss == 0)
        #expect(isClose(result.logProbabilityOfNoLoss, -10_000, relative: 1e-12))
        Self.check(result, variance: 1e10)
        // Poisson(10,000) ≈ normal: the median is within a unit of 10,000 units.
        #expect(abs(try #require(result.quantile(at: 0.5)).valueAtRisk - 10_000_000) < 1000)
    }

    /// A gamma sector with little variance (σ_k = 100, α = 10,000, p_k = ½): P(0) = 2^−10,000, again below Double.
    /// Var = 10,000 × 1000² + (100/10,000)² × (10⁷)².
    @Test func lowVarianceGammaWithTenThousandExpectedDefaults() throws {
        var options = CreditRiskPlusOptions()
        options.lossUnit = 1000
        let result = try CreditRiskPlus.evaluate(try Self.portfolio(pdSD: 0.005, sectors: [["s": 1]]), options: options)
        #expect(result.probabilityOfNoLoss == 0)
        #expect(isClose(result.logProbabilityOfNoLoss, -10_000 * log(2.0), relative: 1e-12))
        Self.check(result, variance: 1e10 + 1e-4 * 1e14)
    }

    /// Two sectors, fractional weights, the default loss unit (⌈1000/100⌉ = 10, band 100), 4,000 obligors (2,000
    /// expected defaults, past the underflow of e^−μ): every probability between the multiples of 100 is exactly zero.
    @Test func twoSectorsWithTheDefaultLossUnit() throws {
        let obligors = try Self.portfolio(pdSD: 0.2, sectors: [["a": 0.25, "b": 0.75], ["a": 1]], count: 4000)
        let result = try CreditRiskPlus.evaluate(obligors)
        #expect(result.lossUnit == 10)
        // μ_a = 2,000 × 0.25 × 0.5 + 2,000 × 0.5 = 1,250, σ_a = 0.2 × 1,250 / 0.5 = 500; μ_b = 750, σ_b = 300.
        // EL_a = 1,250 × 100 × 10 = 1.25e6, EL_b = 0.75e6.
        // Var = 2,000 × 100² × 10² + (500/1250)² × (1.25e6)² + (300/750)² × (0.75e6)².
        let variance = 2e9 + 0.16 * 1.25e6 * 1.25e6 + 0.16 * 0.75e6 * 0.75e6
        Self.check(result, variance: variance, expectedLoss: 2_000_000)
        #expect(result.distribution.probabilities.enumerated().allSatisfy { $0.offset % 100 == 0 || $0.element == 0 })
    }
}
