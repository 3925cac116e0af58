import Foundation
import TradeCreditModel
import TradeCreditRisk

/// Checks a request before any computation, naming the first field that cannot be priced.
enum QuoteValidation {
    static func validate(_ request: QuoteRequest) throws {
        try validate(request.pricing, currency: request.currency)
        try requireInsuredPercentage(request.insuredPercentage, field: "insuredPercentage")
        for (index, percentage) in request.sensitivityPercentages.enumerated() {
            try requireInsuredPercentage(percentage, field: "sensitivityPercentages[\(index)]")
        }
        if let ratio = request.pastLossRatio, ratio.isNaN || ratio < 0 {
            throw PricingError(.outOfRange, field: "pastLossRatio", value: "\(ratio)", "must be zero or more")
        }
        guard !request.buyers.isEmpty else {
            throw PricingError(.emptyPortfolio, field: "buyers", "a quote needs at least one buyer")
        }
        var ids = Set<String>(minimumCapacity: request.buyers.count)
        for (index, buyer) in request.buyers.enumerated() {
            try validate(buyer, field: "buyers[\(index)]")
            guard ids.insert(buyer.id).inserted else {
                throw PricingError(.duplicateBuyer, field: "buyers[\(index)].id", value: buyer.id,
                                   "appears more than once")
            }
        }
    }

    private static func validate(_ buyer: QuoteBuyer, field: String) throws {
        guard !buyer.id.isEmpty else { throw PricingError(.outOfRange, field: "\(field).id", "a buyer needs an id") }
        guard !buyer.limit.isNegative else {
            throw PricingError(.outOfRange, field: "\(field).limit", value: buyer.limit.description, "must be zero or more")
        }
        guard buyer.pd.isFinite, (0...1).contains(buyer.pd) else {
            throw PricingError(.outOfRange, field: "\(field).pd", value: "\(buyer.pd)", "must be within [0, 1]")
        }
        if let outstanding = buyer.expectedAverageOutstanding, outstanding.isNegative {
            throw PricingError(.outOfRange, field: "\(field).expectedAverageOutstanding",
                               value: outstanding.description, "must be zero or more")
        }
        if let turnover = buyer.annualInsuredTurnover, turnover.isNegative {
            throw PricingError(.outOfRange, field: "\(field).annualInsuredTurnover", value: turnover.description,
                               "must be zero or more")
        }
        if let sector = buyer.sector, sector.isEmpty {
            throw PricingError(.outOfRange, field: "\(field).sector", "a sector needs a name")
        }
    }

    private static func validate(_ pricing: PricingParameters, currency: CurrencyCode) throws {
        func fraction(_ value: Decimal, _ name: String, _ range: ClosedRange<Decimal>) throws {
            guard !value.isNaN, range.contains(value) else {
                throw PricingError(.outOfRange, field: "pricing.\(name)", value: "\(value)",
                                   "must be within [\(range.lowerBound), \(range.upperBound)]")
            }
        }
        try fraction(pricing.expenseRatio, "expenseRatio", 0...1)
        try fraction(pricing.commission, "commission", 0...1)
        guard pricing.expenseRatio + pricing.commission < 1 else {
            throw PricingError(.outOfRange, field: "pricing.commission", value: "\(pricing.commission)",
                               "expense ratio + commission must be below 1")
        }
        try fraction(pricing.costOfCapital, "costOfCapital", 0...1)
        try fraction(pricing.utilisation, "utilisation", 0...1)
        try fraction(pricing.lossGivenDefault, "lossGivenDefault", 0...1)
        try fraction(pricing.volatilityRatio, "volatilityRatio", 0...1_000)
        let level = PortfolioPricing.figure(pricing.confidenceLevel)
        guard !pricing.confidenceLevel.isNaN, level > 0, level <= CreditRiskPlusOptions.highestLevel else {
            throw PricingError(.outOfRange, field: "pricing.confidenceLevel", value: "\(pricing.confidenceLevel)",
                               "must be within (0, \(CreditRiskPlusOptions.highestLevel)]")
        }
        guard pricing.minimumPremium.currency == currency else {
            throw PricingError(.currencyMismatch, field: "pricing.minimumPremium",
                               value: pricing.minimumPremium.description, "must be in the policy currency \(currency)")
        }
        guard !pricing.minimumPremium.isNegative else {
            throw PricingError(.outOfRange, field: "pricing.minimumPremium", value: pricing.minimumPremium.description,
                               "must be zero or more")
        }
        if let rate = pricing.premiumTaxRate { try fraction(rate, "premiumTaxRate", 0...1) }
    }

    private static func requireInsuredPercentage(_ value: Decimal, field: String) throws {
        guard !value.isNaN, value > 0, value <= 1 else {
            throw PricingError(.outOfRange, field: field, value: "\(value)", "must be within (0, 1]")
        }
    }
}
