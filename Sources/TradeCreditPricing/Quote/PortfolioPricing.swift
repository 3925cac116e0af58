import Foundation
import TradeCreditModel
import TradeCreditRisk

/// Per-buyer EAD, net exposure and EL, and the capital charge from CreditRisk+ allocated by risk contributions, at one
/// insured percentage.
struct PortfolioPricing {
    let lines: [BuyerQuote]
    let figures: PortfolioFigures

    init(_ buyers: [ConvertedBuyer], insuredPercentage: Decimal, request: QuoteRequest) throws {
        let pricing = request.pricing
        let currency = request.currency
        let volatility = Self.figure(pricing.volatilityRatio)
        let costOfCapital = Self.figure(pricing.costOfCapital)
        let level = Self.figure(pricing.confidenceLevel)
        // The factors as exact decimals once: converting a `Decimal` costs microseconds on Linux, per call.
        // LGD × insured % is exact, so EAD × (LGD × insured %) is the same product as EAD × LGD × insured %.
        let utilisation = try Self.exact(pricing.utilisation, field: "pricing.utilisation")
        let netFactor = try Self.exact(pricing.lossGivenDefault, field: "pricing.lossGivenDefault")
            .multiplied(by: try Self.exact(insuredPercentage, field: "insuredPercentage"))
        var exposures: [(ead: Money, fromOutstanding: Bool, net: Money, sector: String)] = []
        exposures.reserveCapacity(buyers.count)
        var obligors: [PortfolioObligor] = []
        obligors.reserveCapacity(buyers.count)
        // Field names are built only when a step fails (`money(field:)` takes them as autoclosures): building two or
        // more strings per buyer and insured percentage was a visible part of a 100,000-buyer quote.
        for (index, converted) in buyers.enumerated() {
            let ead = try Self.money(field: "buyers[\(index)].exposureAtDefault") {
                try converted.expectedAverageOutstanding?.rounded()
                    ?? converted.limit.multiplied(by: utilisation).rounded()
            }
            let net = try Self.money(field: "buyers[\(index)].netExposure") {
                try ead.multiplied(by: netFactor).rounded()
            }
            let sector = request.usesSectors ? converted.buyer.sector ?? CreditRiskPlus.singleSector
                : CreditRiskPlus.singleSector
            exposures.append((ead, converted.expectedAverageOutstanding != nil, net, sector))
            let pd = converted.buyer.pd
            do {
                obligors.append(try Self.obligor(id: converted.buyer.id, netExposure: net.amount, pd: pd,
                                                 volatility: volatility, sector: sector))
            } catch let error as CreditRiskPlusError {
                throw PricingError(.outOfRange, field: "buyers[\(index)].\(error.field ?? "buyer")", error.message)
            }
        }
        let result: CreditRiskPlusResult
        do {
            result = try CreditRiskPlus.evaluate(
                obligors, options: CreditRiskPlusOptions(quantileLevels: [level], contributionLevel: level))
        } catch let error as CreditRiskPlusError {
            throw PricingError(.portfolioModel, field: error.field, value: error.obligor, error.message)
        }
        let valueAtRisk = result.contributionValueAtRisk
        // Capital is charged on unexpected loss only: none when VaR_q is not above EL (a small, good portfolio).
        let chargesCapital = valueAtRisk > result.expectedLoss
        var lines: [BuyerQuote] = []
        lines.reserveCapacity(buyers.count)
        var totalEL = Money.zero(currency), totalCapital = Money.zero(currency)
        for (index, (converted, contribution)) in zip(buyers, result.riskContributions).enumerated() {
            let exposure = exposures[index]
            let expectedLoss = try Self.money(field: "buyers[\(index)].expectedLoss") {
                try CreditRiskPlus.money(contribution.expectedLoss, currency)
            }
            let capitalFigure = chargesCapital
                ? max(0, costOfCapital * (contribution.contribution - contribution.expectedLoss)) : 0
            let capital = try Self.money(field: "buyers[\(index)].capitalCharge") {
                try CreditRiskPlus.money(capitalFigure, currency)
            }
            totalEL = try Self.money(field: "expectedLoss") { try totalEL + expectedLoss }
            totalCapital = try Self.money(field: "capitalCharge") { try totalCapital + capital }
            lines.append(BuyerQuote(
                id: converted.buyer.id, originalLimit: converted.buyer.limit, limit: converted.limit,
                pd: converted.buyer.pd, exposureAtDefault: exposure.ead, exposureFromOutstanding: exposure.fromOutstanding,
                netExposure: exposure.net, expectedLoss: expectedLoss, riskContribution: contribution.contribution,
                capitalCharge: capital,
                technicalPremium: try Self.money(field: "buyers[\(index)].technicalPremium") { try expectedLoss + capital },
                sector: exposure.sector))
        }
        self.lines = lines
        figures = PortfolioFigures(
            level: level, lossUnit: result.lossUnit, expectedLossFigure: result.expectedLoss,
            standardDeviationFigure: result.standardDeviation, valueAtRiskFigure: valueAtRisk,
            valueAtRisk: try Self.money(field: "valueAtRisk") { try CreditRiskPlus.money(valueAtRisk, currency) },
            expectedLoss: totalEL, capitalCharge: totalCapital, riskRulesVersion: result.rulesVersion)
    }

    /// A parameter as a model figure: the `Double` nearest to its decimal text (`NSDecimalNumber.doubleValue` can be
    /// an ulp off: 0.995 → 0.9949999999999999).
    static func figure(_ value: Decimal) -> Double {
        Double(value.description) ?? NSDecimalNumber(decimal: value).doubleValue
    }

    /// A parameter as an exact decimal. - Throws: ``PricingError`` on `field`.
    static func exact(_ value: Decimal, field: String) throws -> ExactDecimal {
        do { return try ExactDecimal(value, field: field) } catch let error as ModelError {
            throw PricingError(.outOfRange, field: field, value: error.value, error.message)
        }
    }

    /// Runs `body`, turning a model error into a ``PricingError`` on `field`.
    static func money(field: @autoclosure () -> String, _ body: () throws -> Money) throws -> Money {
        do { return try body() } catch let error as ModelError {
            throw PricingError(error.code == .overflow ? .overflow : .outOfRange, field: field(), value: error.value,
                               error.message)
        }
    }
}
