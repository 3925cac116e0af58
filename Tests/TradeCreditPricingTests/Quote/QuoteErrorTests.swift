import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

@Suite("Risk-based quote: bad inputs")
struct QuoteErrorTests {
    @Test func negativeLimit() {
        let bad = QuoteBuyer(id: "B2", limit: euros("-1.00"), pd: 0.01)
        expectPricingError(.outOfRange, field: "buyers[1].limit") {
            try QuoteEngine.quote(request([buyer("B1", 1_000, pd: 0.01), bad]))
        }
    }

    @Test(arguments: [-0.01, 1.01, Double.nan, Double.infinity])
    func pdOutsideTheUnitInterval(pd: Double) {
        expectPricingError(.outOfRange, field: "buyers[0].pd") {
            try QuoteEngine.quote(request([buyer("B1", 1_000, pd: pd)]))
        }
    }

    @Test(arguments: ["0", "-0.1", "1.2"])
    func insuredPercentageOutOfRange(insured: String) {
        expectPricingError(.outOfRange, field: "insuredPercentage") {
            try QuoteEngine.quote(request([buyer("B1", 1_000, pd: 0.01)], insured: insured))
        }
    }

    @Test func sensitivityPercentageOutOfRange() {
        expectPricingError(.outOfRange, field: "sensitivityPercentages[1]") {
            try QuoteEngine.quote(request([buyer("B1", 1_000, pd: 0.01)], sensitivity: [dec("0.8"), dec("1.5")]))
        }
    }

    @Test func currencyMissingFromTheRates() throws {
        let day = try CalendarDate(year: 2026, month: 10, day: 30)
        let table = try RateTable(source: "test", publications: [
            RatePublication(source: "test", date: day, ratesPerEUR: [.USD: dec("1.1")]),
        ])
        let pounds = QuoteBuyer(id: "GB1", limit: Money(units: 1_000, .GBP), pd: 0.01)
        expectPricingError(.rateUnavailable, field: "buyers[0].limit") {
            try QuoteEngine.quote(request([pounds], rates: QuoteRates(table: table, date: day)))
        }
        expectPricingError(.currencyMismatch, field: "buyers[0].limit") {
            try QuoteEngine.quote(request([pounds]))
        }
    }

    @Test func otherBadInputs() {
        expectPricingError(.emptyPortfolio, field: "buyers") { try QuoteEngine.quote(request([])) }
        expectPricingError(.duplicateBuyer, field: "buyers[1].id") {
            try QuoteEngine.quote(request([buyer("B1", 1_000, pd: 0.01), buyer("B1", 2_000, pd: 0.01)]))
        }
        expectPricingError(.outOfRange, field: "pastLossRatio") {
            try QuoteEngine.quote(request([buyer("B1", 1_000, pd: 0.01)], pastLossRatio: "-0.5"))
        }
        var loaded = request([buyer("B1", 1_000, pd: 0.01)])
        loaded.pricing.commission = dec("0.75")
        expectPricingError(.outOfRange, field: "pricing.commission") { try QuoteEngine.quote(loaded) }
    }
}
