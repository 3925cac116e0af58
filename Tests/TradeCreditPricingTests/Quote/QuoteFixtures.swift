import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

/// An amount in euros from its text (the literals of the tests are valid; `dec` is in the tariff tests' support).
func euros(_ text: String) -> Money { try! Money(parsing: text, currency: .EUR) }

/// A request in EUR with the typical parameters (25% expenses, 10% commission, 10% cost of capital, 99.5%,
/// utilisation 0.75, LGD 0.8, volatility 0.5, minimum 2,500, illustrative bands), a French policyholder.
func request(_ buyers: [QuoteBuyer], insured: String = "0.90", pastLossRatio: String? = nil,
             country: CountryCode = .FR, taxRate: Decimal? = nil, rates: QuoteRates? = nil,
             sensitivity: [Decimal] = QuoteRequest.defaultSensitivityPercentages) -> QuoteRequest {
    var pricing = PricingParameters.typical(currency: .EUR)
    pricing.premiumTaxRate = taxRate
    return QuoteRequest(currency: .EUR, insuredPercentage: dec(insured), pricing: pricing, policyholderCountry: country,
                        pastLossRatio: pastLossRatio.map(dec), buyers: buyers, rates: rates,
                        sensitivityPercentages: sensitivity)
}

/// One buyer with a limit in euros.
func buyer(_ id: String, _ limit: Int, pd: Double) -> QuoteBuyer {
    QuoteBuyer(id: id, limit: Money(units: limit, .EUR), pd: pd)
}

/// Asserts that `body` throws a ``PricingError`` with `code` on `field`.
func expectPricingError(_ code: PricingError.Code, field: String, sourceLocation: SourceLocation = #_sourceLocation,
                        _ body: () throws -> some Any) {
    let error = #expect(throws: PricingError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, sourceLocation: sourceLocation)
    #expect(error?.field == field, sourceLocation: sourceLocation)
}
