import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

// Expected values computed by hand before the code: premium = amount × bp per day × days / 10,000.
@Suite("Per-invoice tariff")
struct PerInvoiceTariffTests {
    let tariff = try! PerInvoiceTariff(basisPointsPerDay: dec("2"))

    @Test func givenDays() throws {
        // 50,000 × 2 × 60 / 10,000 = 600.00
        #expect(try tariff.premium(invoiceAmount: eur("50000.00"), coverDays: 60).premium == (try eur("600.00")))
    }

    @Test func daysFromDeliveryToDueDate() throws {
        // 2024-03-01 → 2024-04-30: 31 + 29 = 60 days
        let premium = try tariff.premium(invoiceAmount: eur("50000.00"), deliveryDate: day("2024-03-01"),
                                         dueDate: day("2024-04-30"))
        #expect(premium.coverDays == 60)
        #expect(premium.premium == (try eur("600.00")))
    }

    @Test func fractionalRateRoundedOnce() throws {
        // 1,234.56 × 1.5 × 45 / 10,000 = 1,234.56 × 0.00675 = 8.33328 → 8.33
        let premium = try PerInvoiceTariff(basisPointsPerDay: dec("1.5")).premium(invoiceAmount: eur("1234.56"), coverDays: 45)
        #expect(premium.exactPremium == (try exactEUR("8.33328")))
        #expect(premium.premium == (try eur("8.33")))
    }

    @Test func zeroDaysCostNothing() throws {
        #expect(try tariff.premium(invoiceAmount: eur("50000.00"), coverDays: 0).premium == (try eur("0.00")))
    }

    @Test func fromPremiumTerms() throws {
        let terms = PremiumTerms(basis: .perInvoice, basisPointsPerDay: dec("2"))
        #expect(try PerInvoiceTariff(terms: terms) == tariff)
        expectTariffError(.missingRate, field: "basisPointsPerDay") {
            _ = try PerInvoiceTariff(terms: PremiumTerms(basis: .perInvoice))
        }
    }

    @Test func badInputsNameTheField() throws {
        expectTariffError(.outOfRange, field: "basisPointsPerDay") { _ = try PerInvoiceTariff(basisPointsPerDay: dec("10001")) }
        expectTariffError(.outOfRange, field: "basisPointsPerDay") { _ = try PerInvoiceTariff(basisPointsPerDay: dec("-1")) }
        expectTariffError(.outOfRange, field: "invoiceAmount") {
            _ = try tariff.premium(invoiceAmount: eur("-0.01"), coverDays: 10)
        }
        expectTariffError(.outOfRange, field: "coverDays") { _ = try tariff.premium(invoiceAmount: eur("1"), coverDays: -1) }
        expectTariffError(.invalidPeriod, field: "dueDate") {
            _ = try tariff.premium(invoiceAmount: eur("1"), deliveryDate: day("2024-03-02"), dueDate: day("2024-03-01"))
        }
    }
}
