import Foundation
import PropertyBased
import Testing
import TradeCreditRisk

/// Invariants of the CreditRisk+ figures on random small portfolios: 1–8 obligors, exposures 1…10⁶, PDs 0.1%…30%,
/// σ from 0 to 1.5 × PD, one to three sectors with random fractional weights, sometimes a specific sector.
@Suite("CreditRisk+ properties")
struct CreditRiskPlusPropertyTests {
    struct Portfolio: Sendable, CustomStringConvertible {
        let obligors: [PortfolioObligor]
        let specific: String?
        var description: String {
            obligors.map { "\($0.exposure)@\($0.pd)±\($0.pdSD)\($0.sectorWeights.sorted { $0.key < $1.key })" }
                .joined(separator: "; ") + (specific.map { " specific \($0)" } ?? "")
        }
    }

    static let sectorNames = ["a", "b", "c"]

    /// One obligor's draw: exposure, PD, σ as a multiple of PD, and three raw sector weights (normalised).
    static let obligor = zip(Gen.int(in: 1...1_000_000), Gen.double(in: 0.001...0.3), Gen.double(in: 0...1.5),
                             Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.int(in: 0...3))

    static let portfolio = zip(obligor.array(of: 1...8), Gen.int(in: 0...3)).map { draws, specificIndex in
        let obligors = draws.enumerated().map { index, draw in
            let (exposure, pd, sdFactor, a, b, c) = draw
            var raw = [Double(a), Double(b), Double(c)]
            if raw.allSatisfy({ $0 == 0 }) { raw[index % 3] = 1 }
            let total = raw.reduce(0, +)
            var weights: [String: Double] = [:]
            for (name, weight) in zip(sectorNames, raw) where weight > 0 { weights[name] = weight / total }
            return try! PortfolioObligor(id: "o\(index)", exposure: Decimal(exposure), pd: pd, pdSD: sdFactor * pd,
                                         sectorWeights: weights)
        }
        return Portfolio(obligors: obligors, specific: specificIndex < 3 ? nil : "c")
    }

    static let levels = [0.1, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 0.9999]

    static func options(_ portfolio: Portfolio, method: CreditRiskPlusOptions.QuantileMethod = .interpolated)
        -> CreditRiskPlusOptions {
        var options = CreditRiskPlusOptions()
        options.quantileLevels = levels
        options.specificSector = portfolio.specific
        options.quantileMethod = method
        return options
    }

    @Test func quantilesRiseWithTheLevelAndShortfallIsAboveThem() async {
        await propertyCheck(count: 60, input: Self.portfolio, Gen.bool()) { portfolio, discrete in
            let result = try CreditRiskPlus.evaluate(portfolio.obligors,
                                                     options: Self.options(portfolio, method: discrete ? .discrete : .interpolated))
            let values = result.quantiles.map(\.valueAtRisk)
            #expect(values == values.sorted(), "\(portfolio)")
            for figure in result.quantiles {
                #expect(figure.expectedShortfall >= figure.valueAtRisk * (1 - 1e-12), "\(portfolio) at \(figure.level)")
            }
        }
    }

    @Test func contributionsSumToTheValueAtRiskOfTheirLevel() async {
        await propertyCheck(count: 60, input: Self.portfolio, Gen.element(of: [0.95, 0.99, 0.999])) { portfolio, level in
            let level = level ?? 0.99
            var options = Self.options(portfolio)
            options.contributionLevel = level
            let result = try CreditRiskPlus.evaluate(portfolio.obligors, options: options)
            let total = result.riskContributions.map(\.contribution).reduce(0, +)
            #expect(result.contributionLevel == level)
            #expect(isClose(total, result.contributionValueAtRisk, relative: 1e-9), "\(portfolio)")
            #expect(isClose(result.contributionValueAtRisk,
                            result.distribution.valueAtRisk(at: level, method: .interpolated), relative: 1e-15))
        }
    }

    @Test func expectedLossDoesNotDependOnBanding() async {
        await propertyCheck(count: 60, input: Self.portfolio) { portfolio in
            var options = Self.options(portfolio)
            let up = try CreditRiskPlus.evaluate(portfolio.obligors, options: options)
            options.banding = .nearest
            let nearest = try CreditRiskPlus.evaluate(portfolio.obligors, options: options)
            let exact = portfolio.obligors.map { $0.pd * NSDecimalNumber(decimal: $0.exposure).doubleValue }.reduce(0, +)
            #expect(isClose(up.expectedLoss, exact, relative: 1e-12), "\(portfolio)")
            #expect(isClose(nearest.expectedLoss, exact, relative: 1e-12), "\(portfolio)")
            // The grid's own mean misses the cut tail (< 1e-12 of the mass, near the end of the grid).
            let end = Double(nearest.distribution.probabilities.count) * nearest.distribution.lossUnit
            #expect(abs(nearest.distribution.gridMoments.mean - exact) <= 1e-9 * exact + 1e-11 * end, "\(portfolio)")
        }
    }
}
