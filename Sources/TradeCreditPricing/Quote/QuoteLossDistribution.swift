import Foundation
import TradeCreditModel
public import TradeCreditRisk

extension QuoteEngine {
    /// The CreditRisk+ loss distribution of a quote's portfolio, with its quantiles at `levels`: the same model run
    /// the quote made (each buyer's net exposure, PD, PD volatility and sector, the default loss unit), so that its
    /// expected loss, σ and value at risk at the quote's level are the quote's ``PortfolioFigures``.
    /// - Parameter levels: the quantile levels, each in (0, 1 − 1e-9].
    /// - Throws: ``PricingError`` `.portfolioModel` for a level the model refuses.
    public static func lossDistribution(of quote: Quote, levels: [Double]) throws -> CreditRiskPlusResult {
        let volatility = PortfolioPricing.figure(quote.pricing.volatilityRatio)
        do {
            let obligors = try quote.buyers.map { buyer in
                try PortfolioPricing.obligor(id: buyer.id, netExposure: buyer.netExposure.amount, pd: buyer.pd,
                                             volatility: volatility, sector: buyer.sector)
            }
            return try CreditRiskPlus.evaluate(
                obligors, options: CreditRiskPlusOptions(quantileLevels: levels, contributionLevel: quote.portfolio.level))
        } catch let error as CreditRiskPlusError {
            throw PricingError(.portfolioModel, field: error.field, value: error.obligor, error.message)
        }
    }
}

extension PortfolioPricing {
    /// A buyer as the portfolio model sees it: its net exposure, its PD with σ = volatility × PD, all in one sector.
    static func obligor(id: String, netExposure: Decimal, pd: Double, volatility: Double,
                        sector: String) throws -> PortfolioObligor {
        try PortfolioObligor(id: id, exposure: netExposure, pd: pd, pdSD: volatility * pd, sectorWeights: [sector: 1])
    }
}
