import Foundation
import Testing
import TradeCreditRisk

// Helpers of the CreditRisk+ tests: the example 1A fixture, small portfolios, and an independent direct computation
// of the loss distribution (series expansion of the PGF by polynomial multiplication) to compare the engine with.

/// The CreditRisk+ example 1A of the technical document (Fixtures/creditriskplus).
enum Example1A {
    /// The 25 obligors of `example-1a.csv`, one sector.
    static func obligors() throws -> [PortfolioObligor] {
        let lines = try RiskFixtures.text("creditriskplus/example-1a.csv").split(whereSeparator: \.isNewline).dropFirst()
        return try lines.map { line in
            let cells = line.split(separator: ",").map(String.init)
            return try PortfolioObligor(id: cells[0], exposure: try #require(Decimal(string: cells[1])),
                                        pd: try #require(Double(cells[2])), pdSD: try #require(Double(cells[3])))
        }
    }

    /// The published figures (`example-1a.expected.json`).
    struct Expected: Decodable {
        let expectedLoss: Double
        let standardDeviation: Double
        let lossUnit: Int
        let probabilityOfNoLoss: Double
        let quantiles: [String: Double]
        let riskContributions: [String: Double]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: RiskFixtures.data("creditriskplus/example-1a.expected.json"))
    }
}

/// A direct computation of the CreditRisk+ distribution, independent of the engine's recursion.
///
/// Each gamma sector's PGF ((1 − p)/(1 − p·P(z)))^α is expanded as (1 − p)^α Σ_m C(α + m − 1, m) p^m P(z)^m, a Poisson
/// sector's exp(μ(P(z) − 1)) as e^(−μ) Σ_m μ^m/m! P(z)^m, with the powers of P by polynomial multiplication. Bands are at
/// least 1, so P^m has no term below degree m and the sums up to m = degree are exact for every coefficient up to
/// `degree`. The sectors' series are then multiplied. Every term is positive: nothing cancels.
enum DirectCreditRiskPlus {
    /// One sector: its expected defaults μ, its σ (0 for Poisson) and its band intensities (band → Σ θ·μ_A).
    struct Sector {
        var mu = 0.0
        var sigma = 0.0
        var intensity: [Int: Double] = [:]
    }

    /// Banding and sector sums done again from the rules of DOMAIN.md §7: L given, ν = max(⌈E/L⌉, 1) (or nearest),
    /// μ_A = p·(E/L)/ν, σ_A scaled alike.
    static func sectors(_ obligors: [(exposure: Double, pd: Double, sd: Double, weights: [String: Double])],
                        lossUnit: Double, nearest: Bool = false, specific: String? = nil) -> [String: Sector] {
        var sectors: [String: Sector] = [:]
        for obligor in obligors {
            let ratio = obligor.exposure / lossUnit
            let band = max(Int(nearest ? ratio.rounded(.toNearestOrAwayFromZero) : ratio.rounded(.up)), 1)
            let mu = obligor.pd * ratio / Double(band)
            let sd = obligor.sd * ratio / Double(band)
            for (name, weight) in obligor.weights {
                sectors[name, default: Sector()].mu += weight * mu
                sectors[name, default: Sector()].sigma += name == specific ? 0 : weight * sd
                sectors[name, default: Sector()].intensity[band, default: 0] += weight * mu
            }
        }
        return sectors
    }

    /// The probabilities of 0…degree loss units.
    static func distribution(_ sectors: [String: Sector], degree: Int) -> [Double] {
        var total = [1.0] + Array(repeating: 0.0, count: degree)
        for sector in sectors.values where sector.mu > 0 {
            var polynomial = Array(repeating: 0.0, count: degree + 1)
            for (band, intensity) in sector.intensity where band <= degree { polynomial[band] += intensity / sector.mu }
            var series = Array(repeating: 0.0, count: degree + 1)
            var power = [1.0] + Array(repeating: 0.0, count: degree)
            var coefficient: Double
            let alpha = sector.mu * sector.mu / (sector.sigma * sector.sigma)
            let p = sector.sigma * sector.sigma / (sector.mu + sector.sigma * sector.sigma)
            coefficient = sector.sigma > 0 ? pow(1 - p, alpha) : exp(-sector.mu)
            for m in 0...degree {
                if m > 0 {
                    power = multiply(polynomial, power, degree: degree)
                    coefficient *= sector.sigma > 0 ? (alpha + Double(m) - 1) / Double(m) * p : sector.mu / Double(m)
                }
                for index in 0...degree { series[index] += coefficient * power[index] }
            }
            total = multiply(total, series, degree: degree)
        }
        return total
    }

    /// The product of two series truncated to `degree`; put the sparser one first.
    static func multiply(_ a: [Double], _ b: [Double], degree: Int) -> [Double] {
        var product = Array(repeating: 0.0, count: degree + 1)
        for i in 0...degree where a[i] != 0 {
            for j in 0...(degree - i) { product[i + j] += a[i] * b[j] }
        }
        return product
    }
}

extension LossDistribution {
    /// Σ n·P(n)·L and Σ (nL − mean)²·P(n): the moments of the grid itself, summed here rather than by the engine.
    var gridMoments: (mean: Double, variance: Double) {
        var mean = 0.0
        for (n, p) in probabilities.enumerated() { mean += Double(n) * lossUnit * p }
        var variance = 0.0
        for (n, p) in probabilities.enumerated() {
            let deviation = Double(n) * lossUnit - mean
            variance += deviation * deviation * p
        }
        return (mean, variance)
    }
}

/// `|a − b| ≤ tolerance × max(|b|, 1)`.
func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), 1)
}
