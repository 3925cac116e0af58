import Foundation
import Testing
import TradeCreditRisk

/// Bad obligors and options are typed errors that name the obligor and the field.
@Suite("CreditRisk+ validation")
struct CreditRiskPlusValidationTests {
    @Test(arguments: [
        (Decimal(-1), 0.1, 0.05, ["s": 1.0], "exposure", CreditRiskPlusError.Code.outOfRange),
        (Decimal(100), -0.1, 0.05, ["s": 1.0], "pd", .outOfRange),
        (Decimal(100), 1.5, 0.05, ["s": 1.0], "pd", .outOfRange),
        (Decimal(100), .nan, 0.05, ["s": 1.0], "pd", .outOfRange),
        (Decimal(100), 0.1, -0.05, ["s": 1.0], "pdSD", .outOfRange),
        (Decimal(100), 0.1, .infinity, ["s": 1.0], "pdSD", .outOfRange),
        (Decimal(100), 0.1, 0.05, ["a": 0.5, "b": 0.4], "sectorWeights", .invalidWeights),
        (Decimal(100), 0.1, 0.05, ["a": 1.2, "b": -0.2], "sectorWeights[a]", .invalidWeights),
        (Decimal(100), 0.1, 0.05, ["a": 0.8, "b": -0.2, "c": 0.4], "sectorWeights[b]", .invalidWeights),
        (Decimal(100), 0.1, 0.05, [:], "sectorWeights", .invalidWeights),
        (Decimal(100), 0.1, 0.05, ["": 1.0], "sectorWeights", .invalidWeights),
    ])
    func badObligor(exposure: Decimal, pd: Double, pdSD: Double, weights: [String: Double], field: String,
                    code: CreditRiskPlusError.Code) {
        let error = #expect(throws: CreditRiskPlusError.self) {
            try PortfolioObligor(id: "B7", exposure: exposure, pd: pd, pdSD: pdSD, sectorWeights: weights)
        }
        #expect(error?.code == code)
        #expect(error?.obligor == "B7")
        #expect(error?.field == field)
        #expect(error?.description.hasPrefix("obligor B7: \(field): ") == true, "\(error?.description ?? "")")
    }

    /// Weights may miss 1 by rounding (1e-9), not more.
    @Test func weightsSumToOneWithinTolerance() throws {
        _ = try PortfolioObligor(id: "A", exposure: 1, pd: 0.1, pdSD: 0, sectorWeights: ["a": 0.1, "b": 0.2, "c": 0.7])
        _ = try PortfolioObligor(id: "A", exposure: 1, pd: 0.1, pdSD: 0, sectorWeights: ["a": 0.5, "b": 0.5 + 5e-10])
        #expect(throws: CreditRiskPlusError.self) {
            try PortfolioObligor(id: "A", exposure: 1, pd: 0.1, pdSD: 0, sectorWeights: ["a": 0.5, "b": 0.5 + 2e-9])
        }
    }

    @Test func duplicateObligorAndEmptyPortfolio() throws {
        let obligor = try PortfolioObligor(id: "A", exposure: 1, pd: 0.1, pdSD: 0)
        let duplicate = #expect(throws: CreditRiskPlusError.self) { try CreditRiskPlus.evaluate([obligor, obligor]) }
        #expect(duplicate?.code == .duplicateObligor)
        #expect(duplicate?.obligor == "A")
        let empty = #expect(throws: CreditRiskPlusError.self) { try CreditRiskPlus.evaluate([]) }
        #expect(empty?.code == .emptyPortfolio)
    }

    @Test(arguments: [
        (CreditRiskPlusOptions(lossUnit: 0), "lossUnit"),
        (CreditRiskPlusOptions(lossUnit: -5), "lossUnit"),
        (CreditRiskPlusOptions(quantileLevels: [0.5, 1]), "quantileLevels"),
        (CreditRiskPlusOptions(quantileLevels: [0]), "quantileLevels"),
        (CreditRiskPlusOptions(quantileLevels: [.nan]), "quantileLevels"),
        (CreditRiskPlusOptions(quantileLevels: [0.9999999999]), "quantileLevels"),
        (CreditRiskPlusOptions(contributionLevel: 1.2), "contributionLevel"),
        (CreditRiskPlusOptions(maximumGridPoints: 0), "maximumGridPoints"),
    ])
    func badOption(options: CreditRiskPlusOptions, field: String) throws {
        let obligor = try PortfolioObligor(id: "A", exposure: 1, pd: 0.1, pdSD: 0)
        let error = #expect(throws: CreditRiskPlusError.self) { try CreditRiskPlus.evaluate([obligor], options: options) }
        #expect(error?.code == .invalidOption)
        #expect(error?.field == field)
        #expect(error?.obligor == nil)
    }

    /// A grid that would need more points than the cap is refused with a hint, not truncated silently.
    @Test func gridCap() throws {
        var options = CreditRiskPlusOptions()
        options.maximumGridPoints = 1000
        let obligor = try PortfolioObligor(id: "A", exposure: 100, pd: 0.9, pdSD: 0.9)
        let error = #expect(throws: CreditRiskPlusError.self) { try CreditRiskPlus.evaluate([obligor], options: options) }
        #expect(error?.code == .gridTooLarge)
        #expect(error?.field == "maximumGridPoints")
    }

    /// Zero PDs and zero exposures are allowed: no loss at all.
    @Test func nothingToLose() throws {
        let result = try CreditRiskPlus.evaluate([try PortfolioObligor(id: "A", exposure: 100, pd: 0, pdSD: 0),
                                                  try PortfolioObligor(id: "B", exposure: 0, pd: 0.5, pdSD: 0.1)])
        #expect(result.probabilityOfNoLoss == 1)
        #expect(result.expectedLoss == 0)
        #expect(result.standardDeviation == 0)
        #expect(result.quantiles.allSatisfy { $0.valueAtRisk == 0 && $0.expectedShortfall == 0 })
        #expect(result.riskContributions.allSatisfy { $0.contribution == 0 })
    }
}
