import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

// Expected values computed by hand before the code: premium = limit × annual rate × charged months / 12.
@Suite("Limits tariff")
struct LimitsTariffTests {
    let tariff = LimitsTariff.topUp

    @Test func sixMonthsAtTwoPercent() throws {
        // 100,000 × 0.02 × 6 / 12 = 1,000.00
        let premium = try tariff.premium(limit: eur("100000.00"), months: 6)
        #expect(premium.premium == (try eur("1000.00")))
        #expect(premium.chargedMonths == 6)
        #expect(!premium.isMinimumBinding)
    }

    @Test func minimumMonthsBinds() throws {
        // 1 month asked, 3 charged: 100,000 × 0.02 × 3 / 12 = 500.00
        let premium = try tariff.premium(limit: eur("100000.00"), months: 1)
        #expect(premium.chargedMonths == 3)
        #expect(premium.isMinimumBinding)
        #expect(premium.premium == (try eur("500.00")))
    }

    @Test func refusedBuyerRate() throws {
        // 100,000 × 0.06 × 4 / 12 = 2,000.00
        let premium = try tariff.premium(limit: eur("100000.00"), months: 4, refusedBuyer: true)
        #expect(premium.ratePerYear == dec("0.06"))
        #expect(premium.premium == (try eur("2000.00")))
    }

    @Test func roundedOnceAfterTheDivision() throws {
        // 12,345.67 × 0.02 = 246.9134; × 5 = 1,234.567; / 12 = 102.880583… → 102.88
        let premium = try tariff.premium(limit: eur("12345.67"), months: 5)
        #expect(premium.annualPremium == (try exactEUR("246.9134")))
        #expect(premium.premium == (try eur("102.88")))
    }

    @Test(arguments: [
        ("2024-01-15", "2024-01-15", 1),
        ("2024-01-15", "2024-02-14", 1),
        ("2024-01-15", "2024-02-15", 2),
        ("2024-01-01", "2024-12-31", 12),
        ("2024-01-01", "2025-01-01", 13),
        ("2024-03-10", "2024-09-20", 7),
        ("2024-01-31", "2024-02-28", 1),  // Jan 31 + 1 month = Feb 29 (2024)
        ("2023-01-31", "2023-02-28", 2),  // Jan 31 + 1 month = Feb 28: the second month starts that day
    ])
    func startedMonths(start: String, end: String, months: Int) throws {
        #expect(try LimitsTariff.startedMonths(from: day(start), to: day(end)) == months)
    }

    @Test func premiumFromDates() throws {
        // 2024-03-10 … 2024-09-20: 7 started months; 60,000 × 0.02 × 7 / 12 = 700.00
        let premium = try tariff.premium(limit: eur("60000"), from: day("2024-03-10"), to: day("2024-09-20"))
        #expect(premium.coverMonths == 7)
        #expect(premium.premium == (try eur("700.00")))
        // Two weeks: 1 started month, charged 3: 60,000 × 0.02 × 3 / 12 = 300.00
        let short = try tariff.premium(limit: eur("60000"), from: day("2024-03-10"), to: day("2024-03-24"))
        #expect(short.premium == (try eur("300.00")))
    }

    @Test func fromPremiumTerms() throws {
        let terms = PremiumTerms(basis: .limits, limitRatePerYear: dec("0.02"), refusedBuyerLimitRatePerYear: dec("0.06"),
                                 minimumMonths: 3)
        #expect(try LimitsTariff(terms: terms) == LimitsTariff.topUp)
        expectTariffError(.missingRate, field: "limitRatePerYear") {
            _ = try LimitsTariff(terms: PremiumTerms(basis: .limits))
        }
    }

    @Test func badInputsNameTheField() throws {
        expectTariffError(.invalidPeriod, field: "end") {
            _ = try tariff.premium(limit: eur("1000"), from: day("2024-03-10"), to: day("2024-03-09"))
        }
        expectTariffError(.outOfRange, field: "limit") { _ = try tariff.premium(limit: eur("-1000"), months: 3) }
        expectTariffError(.outOfRange, field: "months") { _ = try tariff.premium(limit: eur("1000"), months: -1) }
        expectTariffError(.outOfRange, field: "ratePerYear") {
            _ = try LimitsTariff(ratePerYear: dec("2"), refusedBuyerRatePerYear: dec("0.06"))
        }
        expectTariffError(.outOfRange, field: "refusedBuyerRatePerYear") {
            _ = try LimitsTariff(ratePerYear: dec("0.02"), refusedBuyerRatePerYear: dec("-0.06"))
        }
        expectTariffError(.outOfRange, field: "minimumMonths") {
            _ = try LimitsTariff(ratePerYear: dec("0.02"), refusedBuyerRatePerYear: dec("0.06"), minimumMonths: -3)
        }
    }
}
