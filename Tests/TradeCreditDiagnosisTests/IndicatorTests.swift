import Foundation
import Testing
import TradeCreditDiagnosis
import TradeCreditModel

/// Expected values computed by hand before the code (total 10,000 EUR: 4000+2000+1000+2000+800+200).
@Suite("Diagnosis indicators")
struct IndicatorTests {
    let indicators = try! Fixtures.diagnose().indicators

    @Test func totalAndB2B() {
        #expect(indicators.totalSales == Fixtures.eur(10000))
        #expect(indicators.b2bShare == Decimal(string: "0.9"))  // all but C (1000)
    }

    @Test func weightedTerms() {
        // (4000·60 + 2000·30 + 1000·0 + 2000·90 + 800·30 + 200·30) / 10000 = 510000 / 10000
        #expect(indicators.weightedTermsDays == 51)
    }

    @Test func daysBeyondTerms() {
        // inv1 4000·20 + inv2 2000·0 + inv3 1000·58 + inv5 800·10 + inv6 200·0 = 146000 over 8000; inv4 not yet due.
        #expect(indicators.weightedDaysBeyondTerms == Decimal(string: "18.25"))
        #expect(indicators.measuredInvoiceCount == 5)
        #expect(indicators.unallocatedPaymentCount == 1)
    }

    @Test func concentration() {
        // A 4200, B 2000, D 2000, C 1000, E 800
        #expect(indicators.top1Share == Decimal(string: "0.42"))
        #expect(indicators.top5Share == 1)
        #expect(abs(indicators.herfindahl - 0.2728) < 1e-12)
    }

    @Test func cyclicalAgeAndSize() {
        #expect(indicators.cyclicalShare == Decimal(string: "0.7"))  // A F41, B C25, E C
        #expect(indicators.unknownSectorShare == Decimal(string: "0.2"))  // D
        #expect(indicators.sellerSectorCyclical == false)  // G46
        #expect(indicators.ageYears == 5)
        #expect(indicators.sizeClass == .sme)
    }

    @Test func exportsAndCurrencies() {
        #expect(indicators.exportShare == Decimal(string: "0.48"))  // B 2000, D 2000, E 800
        #expect(indicators.exportShareByCategory == [
            CountryRiskBucket(category: 0): Decimal(string: "0.08")!,
            CountryRiskBucket(category: 5): Decimal(string: "0.2")!,
            CountryRiskBucket(category: nil): Decimal(string: "0.2")!,
        ])
        #expect(indicators.shareByCurrency == [.EUR: Decimal(string: "0.92")!, .USD: Decimal(string: "0.08")!])
        #expect(indicators.foreignCurrencyShare == Decimal(string: "0.08"))
        #expect(indicators.conversions.count == 1)
        #expect(indicators.conversions.first?.converted == Fixtures.eur(800))
        #expect(indicators.conversions.first?.publicationDate == Fixtures.date("2026-02-01"))
    }
}
