import Foundation
import TradeCreditModel

/// The risk-based quote of DOMAIN.md §5: per buyer EAD, LGD and EL; capital from CreditRisk+ at the policy's level,
/// allocated by risk contributions at that level; loadings; bonus or surcharge; minimum premium; premium tax.
///
/// Pure: it converts with the rate table it is given and reads no clock.
public enum QuoteEngine {
    /// Prices `request`; `taxTable` gives the premium tax by the policyholder's country unless the parameters set one.
    /// - Throws: ``PricingError`` naming the field that cannot be priced.
    public static func quote(_ request: QuoteRequest, taxTable: PremiumTaxTable = .standard) throws -> Quote {
        try QuoteValidation.validate(request)
        let tax = try PremiumTax(request: request, table: taxTable)
        var conversion = QuoteConversion(currency: request.currency, rates: request.rates)
        let buyers = try conversion.convert(request.buyers)
        let base = try PricedQuote(buyers, insuredPercentage: request.insuredPercentage, request: request, tax: tax)
        let sensitivity = try request.sensitivityPercentages.map { percentage in
            let priced = percentage == request.insuredPercentage ? base
                : try PricedQuote(buyers, insuredPercentage: percentage, request: request, tax: tax)
            return SensitivityRow(
                insuredPercentage: percentage, expectedLoss: priced.portfolio.figures.expectedLoss,
                capitalCharge: priced.portfolio.figures.capitalCharge, technical: priced.premium.technical,
                preTax: priced.premium.preTax, final: priced.premium.final, rateOnLimits: priced.rateOnLimits)
        }
        return Quote(
            rulesVersion: TradeCreditPricing.rulesVersion, currency: request.currency,
            insuredPercentage: request.insuredPercentage, pricing: request.pricing, buyers: base.portfolio.lines,
            portfolio: base.portfolio.figures, premium: base.premium, totalLimits: base.totalLimits,
            insuredTurnover: base.insuredTurnover, rateOnInsuredTurnover: base.rateOnInsuredTurnover,
            rateOnLimits: base.rateOnLimits,
            ratesUsed: conversion.ratesUsed.values.sorted { $0.currency.code < $1.currency.code },
            sensitivity: sensitivity)
    }
}

/// The quote at one insured percentage: the portfolio, the premium steps and the rates.
private struct PricedQuote {
    let portfolio: PortfolioPricing
    let premium: PremiumSteps
    let totalLimits: Money
    let insuredTurnover: Money?
    let rateOnInsuredTurnover: Decimal?
    let rateOnLimits: Decimal?

    init(_ buyers: [ConvertedBuyer], insuredPercentage: Decimal, request: QuoteRequest, tax: PremiumTax) throws {
        let portfolio = try PortfolioPricing(buyers, insuredPercentage: insuredPercentage, request: request)
        let technical = try PortfolioPricing.money(field: "premium.technical") {
            try Money.sum(portfolio.lines.map(\.technicalPremium), currency: request.currency)
        }
        let premium = try PremiumChain.apply(technical: technical, request: request, tax: tax)
        let totalLimits = try PortfolioPricing.money(field: "totalLimits") {
            try Money.sum(buyers.map(\.limit), currency: request.currency)
        }
        let turnovers = buyers.compactMap(\.annualInsuredTurnover)
        let turnover = turnovers.isEmpty ? nil : try PortfolioPricing.money(field: "insuredTurnover") {
            try Money.sum(turnovers, currency: request.currency)
        }
        self.portfolio = portfolio
        self.premium = premium
        self.totalLimits = totalLimits
        insuredTurnover = turnover
        rateOnInsuredTurnover = try turnover.flatMap { try Self.rate(premium.preTax, over: $0) }
        rateOnLimits = try Self.rate(premium.preTax, over: totalLimits)
    }

    /// Published rates have this many decimals (0.000001 = 0.0001%).
    static let rateScale = 6

    /// amount ÷ base, rounded once, half up, to ``rateScale`` decimals; `nil` for a zero base.
    static func rate(_ amount: Money, over base: Money) throws -> Decimal? {
        guard base.isPositive else { return nil }
        return try PortfolioPricing.money(field: "rate") {
            try amount.divided(by: base.amount, rule: .halfUp, scale: rateScale)
        }.amount
    }
}
