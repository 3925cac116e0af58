import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

/// CreditRisk+ example 1A (CSFB 1997): every figure the example spreadsheet prints, from the defaults of the engine
/// (banding up, loss unit ⌈max E / 100⌉, interpolated quantiles, contributions at 99%).
@Suite("CreditRisk+ example 1A")
struct CreditRiskPlusExampleTests {
    let result: CreditRiskPlusResult
    let expected: Example1A.Expected

    init() throws {
        result = try CreditRiskPlus.evaluate(try Example1A.obligors())
        expected = try Example1A.expected()
    }

    /// L = ⌈20,238,895 / 100⌉ = ⌈202,388.95⌉ = 202,389, exactly.
    @Test func lossUnit() {
        #expect(result.lossUnit == Decimal(202_389))
        #expect(result.lossUnit == Decimal(expected.lossUnit))
        #expect(result.distribution.lossUnit == 202_389)
    }

    /// EL = Σ p·E = 14,221,863.481 (to the unit: 14,221,863); σ to the unit.
    @Test func expectedLossAndStandardDeviation() {
        #expect(abs(result.expectedLoss - 14_221_863.481) < 1e-6)
        #expect(abs(result.expectedLoss.rounded() - expected.expectedLoss) < 1)
        #expect(abs(result.standardDeviation - expected.standardDeviation) <= 1)
    }

    @Test func probabilityOfNoLoss() {
        #expect(abs(result.probabilityOfNoLoss - expected.probabilityOfNoLoss) <= 1e-6)
    }

    @Test func quantiles() throws {
        #expect(result.quantiles.map(\.level) == [0.5, 0.75, 0.95, 0.975, 0.99, 0.995, 0.9975, 0.999])
        for (text, value) in expected.quantiles {
            let level = try #require(Double(text))
            let figure = try #require(result.quantile(at: level))
            #expect(abs(figure.valueAtRisk - value) <= 1, "VaR \(text): \(figure.valueAtRisk) vs \(value)")
        }
    }

    @Test func riskContributionsAtNinetyNinePercent() throws {
        #expect(result.contributionLevel == 0.99)
        #expect(result.riskContributions.count == 25)
        for contribution in result.riskContributions {
            let published = try #require(expected.riskContributions[contribution.obligor])
            #expect(abs(contribution.contribution - published) <= 2, "obligor \(contribution.obligor)")
        }
        let total = result.riskContributions.map(\.contribution).reduce(0, +)
        let var99 = try #require(result.quantile(at: 0.99)).valueAtRisk
        #expect(abs(total - var99) <= 1e-6 * var99)
    }

    /// The grid carries the whole distribution: its mass is 1 and its moments are EL and σ².
    @Test func distributionSumsToOneWithTheModelsMoments() {
        let total = result.distribution.probabilities.reduce(0, +)
        #expect(abs(total - 1) <= 1e-12)
        let moments = result.distribution.gridMoments
        #expect(isClose(moments.mean, result.expectedLoss, relative: 1e-10))
        #expect(isClose(moments.variance, result.standardDeviation * result.standardDeviation, relative: 1e-9))
    }

    /// The expected shortfall is above the VaR at every level, and both rise with the level.
    @Test func expectedShortfallIsAboveValueAtRisk() {
        for figure in result.quantiles { #expect(figure.expectedShortfall >= figure.valueAtRisk) }
        let shortfalls = result.quantiles.map(\.expectedShortfall)
        #expect(shortfalls == shortfalls.sorted())
    }

    /// The contributions are Codable and keep the input order; the model figures turn into money at the edge.
    @Test func resultRoundTripsThroughJSONAndGivesMoney() throws {
        let data = try JSONEncoder().encode(result)
        let decoded = try JSONDecoder().decode(CreditRiskPlusResult.self, from: data)
        #expect(decoded == result)
        #expect(result.riskContributions.map(\.obligor) == (1...25).map(String.init))
        let money = try CreditRiskPlus.money(result.expectedLoss, .EUR)
        #expect(money == (try Money(Decimal(string: "14221863.48")!, .EUR)))
        #expect(try CreditRiskPlus.money(result.expectedLoss, .JPY) == Money(units: 14_221_863, .JPY))
    }

    /// Printed so that a run shows how close each figure is (the report quotes these).
    @Test func largestDeviationsFromThePublishedFigures() throws {
        var quantileDeviation = 0.0
        for (text, value) in expected.quantiles {
            let level = try #require(Double(text))
            quantileDeviation = max(quantileDeviation, abs(try #require(result.quantile(at: level)).valueAtRisk - value))
        }
        var contributionDeviation = 0.0
        for contribution in result.riskContributions {
            contributionDeviation = max(contributionDeviation,
                                        abs(contribution.contribution - expected.riskContributions[contribution.obligor]!))
        }
        print("""
            example 1A deviations: EL \(abs(result.expectedLoss - expected.expectedLoss)), \
            sigma \(abs(result.standardDeviation - expected.standardDeviation)), \
            P(0) \(abs(result.probabilityOfNoLoss - expected.probabilityOfNoLoss)), \
            quantiles max \(quantileDeviation), risk contributions max \(contributionDeviation)
            """)
        #expect(quantileDeviation <= 1)
        #expect(contributionDeviation <= 2)
    }
}
