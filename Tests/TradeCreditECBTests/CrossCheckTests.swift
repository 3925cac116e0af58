import Foundation
import PropertyBased
import Testing
import TradeCreditModel
@testable import TradeCreditECB

/// Conversions at the embedded ECB history against an independent computation: `Fixtures/cross-check.csv` holds
/// 5,000 random conversions (dates across 1999–2026, every quoted currency, amounts from cents to billions) computed
/// by the PyPI package currencyconverter with decimal=True and rounded half up (Scripts/cross-check-conversions.py).
@Suite("Cross-check with currencyconverter")
struct CrossCheckTests {
    @Test func fiveThousandConversionsAgree() throws {
        let table = try OfflineRateProvider.embedded().table
        let lines = try ECBRatesFixtures.text("cross-check.csv").split(separator: "\n").dropFirst()
        #expect(lines.count == 5_000)
        var mismatches: [String] = []
        for line in lines {
            let cells = line.split(separator: ",").map(String.init)
            let day = try CalendarDate(parsing: cells[0])
            let amount = try Money(parsing: cells[3], currency: CurrencyCode(cells[1]))
            let result = try table.convert(amount, to: CurrencyCode(cells[2]), on: day)
            if result.converted.amountText != cells[4] || result.publicationDate != day {
                mismatches.append("\(line) → \(result.converted)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(3))")
    }
}

/// Invariants of conversion at real rates.
@Suite("Conversion properties")
struct ConversionPropertyTests {
    static let table = Result { try OfflineRateProvider.embedded().table }
    static let currencies: [CurrencyCode] = [.USD, .GBP, .CHF, .JPY, try! CurrencyCode("SEK"), try! CurrencyCode("PLN")]

    /// A→B→A returns within the rounding of the two legs: at most half a unit of B, carried back at the rate, plus
    /// half a unit of A.
    @Test func roundTripStaysWithinRounding() async throws {
        let table = try Self.table.get()
        let days = table.publications.suffix(2_000).map(\.date)
        await propertyCheck(count: 300, input: Gen.int(in: 0...(days.count - 1)), Gen.int(in: 0...5), Gen.int(in: 0...5),
                            Gen.int(in: 1...1_000_000_000)) { dayIndex, a, b, cents in
            let day = days[dayIndex]
            let from = Self.currencies[a], to = Self.currencies[b]
            let amount = try! Money(Decimal(cents) / 100, from).rounded(.halfUp)
            let there = try! table.convert(amount, to: to, on: day)
            let back = try! table.convert(there.converted, to: from, on: day)
            let rateAB = try! ExactDecimal(there.toRatePerEUR ?? 1).divided(by: ExactDecimal(there.fromRatePerEUR ?? 1),
                                                                            scale: 12, rule: .halfUp)
            let halfUnitB = ExactDecimal(significand: 5, scale: (to.minorUnits ?? 0) + 1)
            let halfUnitA = ExactDecimal(significand: 5, scale: (from.minorUnits ?? 0) + 1)
            // |back − amount| ≤ ½ unit(B) ÷ rate(A→B) + ½ unit(A), with a little slack for the 12-digit rate.
            let allowed = try! halfUnitB.divided(by: rateAB, scale: 12, rule: .ceiling) + halfUnitA
            let difference = try! back.converted.value - amount.value
            let magnitude = difference.isNegative ? difference.negated : difference
            #expect(ExactDecimal.compare(magnitude, try! allowed + ExactDecimal(significand: 1, scale: 9)) <= 0,
                    "\(amount) → \(there.converted) → \(back.converted) on \(day)")
        }
    }

    /// Same currency: the identity. EUR legs: the rate of the other currency, exactly.
    @Test func identityAndEuroLegs() throws {
        let table = try Self.table.get()
        let day = try CalendarDate(parsing: "2024-03-15")
        let amount = try Money(parsing: "1234.56", currency: .USD)
        #expect(try table.convert(amount, to: .USD, on: day).converted == amount)
        // 1000 EUR → USD at 1.0892 is exactly 1089.20; back: 1089.20 / 1.0892 = 1000.00.
        let euros = try Money(parsing: "1000", currency: .EUR)
        let dollars = try table.convert(euros, to: .USD, on: day)
        #expect(dollars.converted.amountText == "1089.20")
        #expect(dollars.fromRatePerEUR == 1)
        #expect(try table.convert(dollars.converted, to: .EUR, on: day).converted.amountText == "1000.00")
    }
}
