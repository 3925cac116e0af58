import Foundation
import Testing
import TradeCreditRisk

/// The engine against figures computed by hand and against a direct expansion of the PGF.
@Suite("CreditRisk+ exact figures")
struct CreditRiskPlusExactTests {
    // MARK: By hand

    /// One obligor, E = 100, p = 0.1, σ = 0 (Poisson): L = ⌈100/100⌉ = 1, ν = 100, μ = 0.1.
    /// P(0) = e^−0.1 = 0.904837…, P(100 units) = 0.1·e^−0.1, P(200) = 0.01/2·e^−0.1.
    /// VaR 95%: F(99) = e^−0.1 < 0.95 ≤ F(100) = 1.1·e^−0.1, so VaR = 99 + (0.95 − e^−0.1)/(0.1·e^−0.1) = 99.49912…
    /// Discrete: 100. ES 95% (interpolated) = [(F(100) − 0.95)·(VaR + 100)/2 + Σ_{n>100} P(n)(n − ½)] / 0.05.
    @Test func singlePoissonObligor() throws {
        let obligor = try PortfolioObligor(id: "A", exposure: 100, pd: 0.1, pdSD: 0)
        var options = CreditRiskPlusOptions()
        options.quantileLevels = [0.5, 0.95]
        let result = try CreditRiskPlus.evaluate([obligor], options: options)
        let e = exp(-0.1)
        #expect(result.lossUnit == 1)
        #expect(abs(result.probabilityOfNoLoss - e) < 1e-15)
        #expect(abs(result.distribution.probabilities[100] - 0.1 * e) < 1e-15)
        #expect(abs(result.distribution.probabilities[200] - 0.005 * e) < 1e-15)
        #expect(result.distribution.probabilities[1..<100].allSatisfy { $0 == 0 })
        #expect(abs(result.expectedLoss - 10) < 1e-12)
        // Var = μ·ν²·L² = 0.1 × 100² = 1000.
        #expect(abs(result.standardDeviation - 1000.0.squareRoot()) < 1e-9)
        #expect(try #require(result.quantile(at: 0.5)).valueAtRisk == 0)
        let var95 = 99 + (0.95 - e) / (0.1 * e)
        #expect(abs(try #require(result.quantile(at: 0.95)).valueAtRisk - var95) < 1e-9)
        var tail = 0.0
        for n in stride(from: 200, to: result.distribution.probabilities.count, by: 100) {
            tail += result.distribution.probabilities[n] * (Double(n) - 0.5)
        }
        let es95 = ((1.1 * e - 0.95) * (var95 + 100) / 2 + tail) / 0.05
        #expect(abs(try #require(result.quantile(at: 0.95)).expectedShortfall - es95) < 1e-9)

        options.quantileMethod = .discrete
        let discrete = try CreditRiskPlus.evaluate([obligor], options: options)
        #expect(try #require(discrete.quantile(at: 0.95)).valueAtRisk == 100)
        #expect(try #require(discrete.quantile(at: 0.5)).valueAtRisk == 0)
    }

    /// One gamma obligor, E = 1 (L = 1, ν = 1), p = 0.5, σ = 0.5: α = 1, p_k = 0.25/0.75 = 1/3: geometric,
    /// P(n) = (2/3)(1/3)^n. Var = 0.5 + 0.25 = 0.75.
    @Test func singleGammaObligorIsGeometric() throws {
        let obligor = try PortfolioObligor(id: "A", exposure: 1, pd: 0.5, pdSD: 0.5)
        let result = try CreditRiskPlus.evaluate([obligor])
        for n in 0..<20 {
            #expect(abs(result.distribution.probabilities[n] - 2.0 / 3.0 * pow(1.0 / 3.0, Double(n))) < 1e-15)
        }
        #expect(abs(result.standardDeviation - 0.75.squareRoot()) < 1e-12)
        #expect(abs(result.logProbabilityOfNoLoss - log(2.0 / 3.0)) < 1e-15)
    }

    /// Nearest banding: E = 149 with L = 100 is band 1 (up: 2); μ = p·1.49/1 keeps EL = p·E.
    @Test func nearestBanding() throws {
        let obligors = [try PortfolioObligor(id: "A", exposure: 149, pd: 0.1, pdSD: 0),
                        try PortfolioObligor(id: "B", exposure: 10_000, pd: 0.01, pdSD: 0)]
        var options = CreditRiskPlusOptions()
        options.banding = .nearest
        let nearest = try CreditRiskPlus.evaluate(obligors, options: options)
        #expect(nearest.lossUnit == 100)
        #expect(nearest.riskContributions.map(\.band) == [1, 100])
        #expect(abs(nearest.distribution.probabilities[1] - 0.149 * exp(-0.149 - 0.01)) < 1e-15)
        let up = try CreditRiskPlus.evaluate(obligors)
        #expect(up.riskContributions.map(\.band) == [2, 100])
        #expect(abs(nearest.expectedLoss - up.expectedLoss) < 1e-9)
        #expect(abs(up.expectedLoss - (14.9 + 100)) < 1e-9)
    }

    /// A given loss unit replaces ⌈max E / 100⌉; bands are exact for decimal exposures (123.45 / 41.15 = 3, not 4).
    @Test func givenLossUnitAndExactBands() throws {
        let obligor = try PortfolioObligor(id: "A", exposure: Decimal(string: "123.45")!, pd: 0.02, pdSD: 0.01)
        var options = CreditRiskPlusOptions()
        options.lossUnit = Decimal(string: "41.15")!
        let result = try CreditRiskPlus.evaluate([obligor], options: options)
        #expect(result.lossUnit == Decimal(string: "41.15")!)
        #expect(result.riskContributions[0].band == 3)
    }

    /// Exposures with more digits than a Double holds are banded exactly too: 98,765,432,109,876,543.21 is exactly
    /// 100 loss units of 987,654,321,098,765.4321 (a Double quotient would be a hair above and band up to 101).
    @Test func longExposuresAreBandedExactly() throws {
        let obligor = try PortfolioObligor(id: "A", exposure: Decimal(string: "98765432109876543.21")!, pd: 0.01, pdSD: 0)
        var options = CreditRiskPlusOptions()
        options.lossUnit = Decimal(string: "987654321098765.4321")!
        let result = try CreditRiskPlus.evaluate([obligor], options: options)
        #expect(result.riskContributions[0].band == 100)
        #expect(obligor.exposure == Decimal(string: "98765432109876543.21")!)
    }

    // MARK: Against the direct expansion

    typealias Row = (exposure: Double, pd: Double, sd: Double, weights: [String: Double])

    /// Small portfolios: 2–4 obligors, one or two sectors, fractional weights, with and without a specific sector.
    static let portfolios: [(name: String, rows: [Row], specific: String?)] = [
        ("two obligors, one sector", [(1000, 0.05, 0.03, ["s": 1]), (400, 0.2, 0.1, ["s": 1])], nil),
        ("three obligors, two sectors", [(1000, 0.05, 0.03, ["a": 1]), (650, 0.1, 0.08, ["b": 1]),
                                         (250, 0.3, 0.2, ["a": 1])], nil),
        ("four obligors, fractional weights", [(1000, 0.05, 0.03, ["a": 0.3, "b": 0.7]),
                                               (650, 0.1, 0.08, ["a": 0.25, "b": 0.75]),
                                               (250, 0.3, 0.2, ["a": 1]), (90, 0.15, 0.1, ["b": 0.5, "a": 0.5])], nil),
        ("three obligors, a specific sector", [(1000, 0.05, 0.03, ["sys": 0.6, "spec": 0.4]),
                                               (500, 0.1, 0.05, ["spec": 1]), (300, 0.2, 0.1, ["sys": 1])], "spec"),
        ("two obligors, specific only", [(700, 0.4, 0.2, ["spec": 1]), (1000, 0.1, 0.05, ["spec": 1])], "spec"),
    ]

    @Test(arguments: portfolios.indices)
    func equalsTheDirectExpansion(index: Int) throws {
        let (name, rows, specific) = Self.portfolios[index]
        let obligors = try rows.enumerated().map { offset, row in
            try PortfolioObligor(id: "\(offset)", exposure: Decimal(row.exposure), pd: row.pd, pdSD: row.sd,
                                 sectorWeights: row.weights)
        }
        var options = CreditRiskPlusOptions()
        options.specificSector = specific
        let result = try CreditRiskPlus.evaluate(obligors, options: options)
        let lossUnit = 10.0  // ⌈1000 / 100⌉
        #expect(result.lossUnit == 10)
        let degree = min(result.distribution.probabilities.count - 1, 400)
        let direct = DirectCreditRiskPlus.distribution(
            DirectCreditRiskPlus.sectors(rows, lossUnit: lossUnit, specific: specific), degree: degree)
        var largest = 0.0
        for n in 0...degree { largest = max(largest, abs(result.distribution.probabilities[n] - direct[n])) }
        #expect(largest <= 1e-12, "\(name): largest difference \(largest)")
        #expect(abs(result.distribution.probabilities.reduce(0, +) - 1) <= 1e-12, "\(name)")
    }

    // MARK: Moments

    /// Multi-sector, fractional weights: EL is Σ p·E exactly and the grid's variance is the closed-form CreditRisk+
    /// variance Var = Σ_A μ_A ν_A² L² + Σ_k (σ_k/μ_k)² (EL_k)², EL_k = Σ_A θ_Ak μ_A ν_A L (computed here by hand).
    @Test func varianceIsTheClosedForm() throws {
        let rows: [Row] = [(1000, 0.05, 0.03, ["a": 0.3, "b": 0.7]), (650, 0.1, 0.08, ["a": 0.25, "b": 0.75]),
                           (250, 0.3, 0.2, ["a": 1]), (90, 0.15, 0.1, ["b": 0.5, "a": 0.5]),
                           (480, 0.02, 0.01, ["c": 1]), (35, 0.25, 0, ["c": 0.2, "b": 0.8])]
        let obligors = try rows.enumerated().map { offset, row in
            try PortfolioObligor(id: "\(offset)", exposure: Decimal(row.exposure), pd: row.pd, pdSD: row.sd,
                                 sectorWeights: row.weights)
        }
        let result = try CreditRiskPlus.evaluate(obligors)
        let L = 10.0
        var idiosyncratic = 0.0
        var sectorMu: [String: Double] = [:], sectorSigma: [String: Double] = [:], sectorLoss: [String: Double] = [:]
        var expectedLoss = 0.0
        for row in rows {
            let band = (row.exposure / L).rounded(.up)
            let mu = row.pd * (row.exposure / L) / band
            let sd = row.sd * (row.exposure / L) / band
            idiosyncratic += mu * band * band * L * L
            expectedLoss += row.pd * row.exposure
            for (name, weight) in row.weights {
                sectorMu[name, default: 0] += weight * mu
                sectorSigma[name, default: 0] += weight * sd
                sectorLoss[name, default: 0] += weight * mu * band * L
            }
        }
        var systematic = 0.0
        for (name, mu) in sectorMu {
            let ratio = sectorSigma[name]! / mu
            systematic += ratio * ratio * sectorLoss[name]! * sectorLoss[name]!
        }
        let variance = idiosyncratic + systematic
        #expect(abs(result.expectedLoss - expectedLoss) <= 1e-12 * expectedLoss)
        #expect(isClose(result.standardDeviation * result.standardDeviation, variance, relative: 1e-12))
        let moments = result.distribution.gridMoments
        #expect(isClose(moments.mean, expectedLoss, relative: 1e-10))
        #expect(isClose(moments.variance, variance, relative: 1e-9))
    }

    /// A specific sector has σ = 0 whatever its obligors' σ: naming it removes its systematic variance.
    @Test func specificSectorIsPoisson() throws {
        let obligors = [try PortfolioObligor(id: "A", exposure: 100, pd: 0.1, pdSD: 0.1, sectorWeights: ["spec": 1])]
        var options = CreditRiskPlusOptions()
        options.specificSector = "spec"
        let result = try CreditRiskPlus.evaluate([obligors[0]], options: options)
        #expect(abs(result.probabilityOfNoLoss - exp(-0.1)) < 1e-15)
        #expect(abs(result.standardDeviation - 1000.0.squareRoot()) < 1e-9)
        #expect(result.sectors.map(\.name) == ["spec"])
        #expect(result.sectors[0].isSpecific)
        #expect(result.sectors[0].defaultStandardDeviation == 0)
    }
}
