import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing
import TradeCreditRisk

@Suite("Risk-based quote: the portfolio's loss distribution")
struct QuoteLossDistributionTests {
    /// Three buyers in one sector and a fourth, with sectors, in another.
    static func quote(usesSectors: Bool) throws -> Quote {
        var buyers = [buyer("B1", 150_000, pd: 0.01), buyer("B2", 80_000, pd: 0.03), buyer("B3", 300_000, pd: 0.002)]
        buyers.append(QuoteBuyer(id: "B4", limit: euros("120000"), pd: 0.05, sector: "construction"))
        var request = request(buyers, sensitivity: [])
        request.usesSectors = usesSectors
        return try QuoteEngine.quote(request)
    }

    @Test("the same model run as the quote's, at more levels", arguments: [false, true])
    func sameRunAsTheQuote(usesSectors: Bool) throws {
        let quote = try Self.quote(usesSectors: usesSectors)
        let levels = [0.95, 0.99, 0.995, 0.999]
        let result = try QuoteEngine.lossDistribution(of: quote, levels: levels)
        #expect(result.expectedLoss == quote.portfolio.expectedLossFigure)
        #expect(result.standardDeviation == quote.portfolio.standardDeviationFigure)
        #expect(result.lossUnit == quote.portfolio.lossUnit)
        #expect(result.contributionValueAtRisk == quote.portfolio.valueAtRiskFigure)
        #expect(result.quantile(at: 0.995)?.valueAtRisk == quote.portfolio.valueAtRiskFigure)
        #expect(result.quantiles.map(\.level) == levels)
        let values = result.quantiles.map(\.valueAtRisk)
        #expect(values == values.sorted())
        #expect(result.riskContributions.map(\.obligor) == quote.buyers.map(\.id))
        #expect(Set(result.sectors.map(\.name)).count == (usesSectors ? 2 : 1))
    }

    @Test func aLevelTheModelRefusesIsAPricingError() throws {
        let quote = try Self.quote(usesSectors: false)
        #expect(throws: PricingError.self) { try QuoteEngine.lossDistribution(of: quote, levels: [1.5]) }
    }
}
