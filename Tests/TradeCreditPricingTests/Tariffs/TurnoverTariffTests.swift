import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

// Expected values computed by hand before the code: premium = rate × turnover, rounded half up to cents.
@Suite("Turnover tariff")
struct TurnoverTariffTests {
    let tariff = try! TurnoverTariff(rate: dec("0.0015"))

    @Test func advanceIsRateTimesForecast() throws {
        let advance = try tariff.advancePremium(forecastTurnover: eur("2000000.00"))
        #expect(advance.premium == (try eur("3000.00")))
        #expect(!advance.isMinimumBinding)
    }

    @Test func premiumIsRoundedOnce() throws {
        // 1,234,567.89 × 0.0015 = 1,851.851835 → 1,851.85
        let premium = try tariff.premium(turnover: eur("1234567.89"))
        #expect(premium.exactPremium == (try exactEUR("1851.851835")))
        #expect(premium.premium == (try eur("1851.85")))
    }

    @Test func adjustmentDueWhenMoreIsDeclared() throws {
        // 2,400,000 × 0.0015 = 3,600.00; 3,600 − 3,000 = +600.00
        let adjustment = try tariff.adjustment(declaredTurnover: eur("2400000.00"), advancePremium: eur("3000.00"))
        #expect(adjustment.final.premium == (try eur("3600.00")))
        #expect(adjustment.adjustment == (try eur("600.00")))
        #expect(!adjustment.isRefund)
    }

    @Test func negativeAdjustmentIsARefund() throws {
        // 1,500,000 × 0.0015 = 2,250.00; 2,250 − 3,000 = −750.00
        let adjustment = try tariff.adjustment(declaredTurnover: eur("1500000.00"), advancePremium: eur("3000.00"))
        #expect(adjustment.adjustment == (try eur("-750.00")))
        #expect(adjustment.isRefund)
    }

    @Test func refundStopsAtTheMinimumPremium() throws {
        let tariff = try TurnoverTariff(rate: dec("0.0015"), minimumPremium: eur("2500.00"))
        // final = max(2,250.00, 2,500.00) = 2,500.00; 2,500 − 3,000 = −500.00
        let adjustment = try tariff.adjustment(declaredTurnover: eur("1500000.00"), advancePremium: eur("3000.00"))
        #expect(adjustment.final.premium == (try eur("2500.00")))
        #expect(adjustment.final.isMinimumBinding)
        #expect(adjustment.adjustment == (try eur("-500.00")))
    }

    @Test func zeroTurnover() throws {
        #expect(try tariff.premium(turnover: eur("0")).premium == (try eur("0.00")))
        let withMinimum = try TurnoverTariff(rate: dec("0.0015"), minimumPremium: eur("2500.00"))
        let advance = try withMinimum.advancePremium(forecastTurnover: eur("0"))
        #expect(advance.premium == (try eur("2500.00")))
        #expect(advance.isMinimumBinding)
    }

    @Test func fromPremiumTerms() throws {
        let terms = PremiumTerms(basis: .insuredTurnover, turnoverRate: dec("0.002"))
        #expect(try TurnoverTariff(terms: terms).premium(turnover: eur("100000")).premium == (try eur("200.00")))
        expectTariffError(.missingRate, field: "turnoverRate") {
            _ = try TurnoverTariff(terms: PremiumTerms(basis: .insuredTurnover))
        }
    }

    @Test func badInputsNameTheField() throws {
        expectTariffError(.outOfRange, field: "rate") { _ = try TurnoverTariff(rate: dec("1.5")) }
        expectTariffError(.outOfRange, field: "rate") { _ = try TurnoverTariff(rate: dec("-0.001")) }
        expectTariffError(.outOfRange, field: "minimumPremium") {
            _ = try TurnoverTariff(rate: dec("0.001"), minimumPremium: eur("-1"))
        }
        expectTariffError(.outOfRange, field: "forecastTurnover") {
            _ = try tariff.advancePremium(forecastTurnover: eur("-1.00"))
        }
        expectTariffError(.outOfRange, field: "declaredTurnover") {
            _ = try tariff.adjustment(declaredTurnover: eur("-1.00"), advancePremium: eur("0"))
        }
        expectTariffError(.outOfRange, field: "advancePremium") {
            _ = try tariff.adjustment(declaredTurnover: eur("1.00"), advancePremium: eur("-5"))
        }
        expectTariffError(.currencyMismatch, field: "advancePremium") {
            _ = try tariff.adjustment(declaredTurnover: eur("1.00"), advancePremium: Money(units: 5, .USD))
        }
    }

    @Test func breakdownRoundTripsThroughJSON() throws {
        let adjustment = try tariff.adjustment(declaredTurnover: eur("1500000.00"), advancePremium: eur("3000.00"))
        let data = try JSONEncoder().encode(adjustment)
        #expect(try JSONDecoder().decode(TurnoverAdjustment.self, from: data) == adjustment)
    }
}
