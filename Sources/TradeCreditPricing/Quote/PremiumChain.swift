import Foundation
import TradeCreditModel

/// The premium steps after the technical premium: loadings, bonus or surcharge, minimum premium, tax (DOMAIN.md §5).
///
/// Each step reads the amount the step before it published and rounds its own result once, half up, to the currency's
/// minor units; the tax is applied once, on the premium after the minimum.
enum PremiumChain {
    static func apply(technical: Money, request: QuoteRequest, tax: PremiumTax) throws -> PremiumSteps {
        let pricing = request.pricing
        let divisor = 1 - pricing.expenseRatio - pricing.commission
        let gross = try PortfolioPricing.money(field: "premium.gross") {
            try technical.divided(by: divisor, rule: .halfUp)
        }
        let band = request.pastLossRatio.flatMap { lossRatioBand(for: $0, in: pricing.lossRatioBands) }
        let adjustment = band?.adjustment ?? 0
        let adjusted = try PortfolioPricing.money(field: "premium.adjusted") {
            try gross.multiplied(by: 1 + adjustment).rounded()
        }
        let minimumApplied = try adjusted.compare(to: pricing.minimumPremium) < 0
        let preTax = minimumApplied ? pricing.minimumPremium : adjusted
        let final = try PortfolioPricing.money(field: "premium.final") {
            try preTax.multiplied(by: 1 + tax.rate).rounded()
        }
        return PremiumSteps(
            technical: technical, loadingDivisor: divisor, gross: gross, lossRatioBand: band,
            adjustmentRate: adjustment, adjusted: adjusted, minimumPremium: pricing.minimumPremium,
            minimumApplied: minimumApplied, preTax: preTax, taxRate: tax.rate, taxSource: tax.source,
            taxRateIsIllustrative: tax.isIllustrative,
            tax: try PortfolioPricing.money(field: "premium.tax") { try final - preTax }, final: final)
    }

    /// The first band with from ≤ ratio < to (the top band open).
    static func lossRatioBand(for ratio: Decimal, in bands: [LossRatioBand]) -> LossRatioBand? {
        bands.first { ratio >= $0.fromLossRatio && ($0.toLossRatio.map { ratio < $0 } ?? true) }
    }
}

/// The premium tax rate of a quote and where it comes from.
struct PremiumTax {
    let rate: Decimal
    let source: String
    let isIllustrative: Bool

    /// The parameters' rate when given, otherwise the table's for the policyholder's country.
    init(request: QuoteRequest, table: PremiumTaxTable) throws {
        if let rate = request.pricing.premiumTaxRate {
            self.rate = rate
            source = "pricing.premiumTaxRate"
            isIllustrative = false
        } else if let entry = table.entry(for: request.policyholderCountry) {
            rate = entry.rate
            source = entry.source
            isIllustrative = entry.isIllustrative
        } else {
            throw PricingError(.unknownTaxRate, field: "policyholderCountry", value: request.policyholderCountry.code,
                               "no premium tax rate for this country: give pricing.premiumTaxRate")
        }
    }
}
