import Foundation
import TradeCreditModel

/// A buyer's amounts in the policy currency.
struct ConvertedBuyer: Sendable {
    let buyer: QuoteBuyer
    let limit: Money
    let expectedAverageOutstanding: Money?
    let annualInsuredTurnover: Money?
}

/// Converts the buyers' amounts to the policy currency with the request's rate table, once, and records the rates.
struct QuoteConversion {
    private(set) var ratesUsed: [CurrencyCode: RateUsed] = [:]
    private let currency: CurrencyCode
    private let rates: QuoteRates?

    init(currency: CurrencyCode, rates: QuoteRates?) {
        self.currency = currency
        self.rates = rates
    }

    mutating func convert(_ buyers: [QuoteBuyer]) throws -> [ConvertedBuyer] {
        var converted: [ConvertedBuyer] = []
        converted.reserveCapacity(buyers.count)
        for (index, buyer) in buyers.enumerated() {
            let field = "buyers[\(index)]"
            converted.append(ConvertedBuyer(
                buyer: buyer, limit: try convert(buyer.limit, field: "\(field).limit"),
                expectedAverageOutstanding: try buyer.expectedAverageOutstanding.map {
                    try convert($0, field: "\(field).expectedAverageOutstanding")
                },
                annualInsuredTurnover: try buyer.annualInsuredTurnover.map {
                    try convert($0, field: "\(field).annualInsuredTurnover")
                }))
        }
        return converted
    }

    private mutating func convert(_ money: Money, field: String) throws -> Money {
        if money.currency == currency { return money }
        guard let rates else {
            throw PricingError(.currencyMismatch, field: field, value: money.description,
                               "in \(money.currency), not the policy currency \(currency), and no rate table was given")
        }
        let conversion: CurrencyConversion
        do {
            conversion = try rates.table.convert(money, to: currency, on: rates.date)
        } catch let error as ModelError {
            throw PricingError(error.code == .overflow ? .overflow : .rateUnavailable, field: field,
                               value: error.value ?? money.currency.code, error.message)
        }
        if ratesUsed[money.currency] == nil {
            ratesUsed[money.currency] = RateUsed(
                currency: money.currency, ratePerEUR: conversion.fromRatePerEUR,
                policyCurrencyRatePerEUR: conversion.toRatePerEUR, crossRate: conversion.crossRate,
                requestedDate: conversion.requestedDate, publicationDate: conversion.publicationDate,
                source: conversion.source)
        }
        return conversion.converted
    }
}
