import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

// Hand figures (Python, as in QuoteExampleTests): a buyer with limit 1,000,000.00, expected average outstanding
// 400,000.00, PD 0.02, annual insured turnover 2,000,000.00, insured 90%:
//   EAD = 400,000.00 (the outstanding, not the limit × 0.75); E = 400,000 × 0.8 × 0.9 = 288,000.00; EL = 5,760.00.
//   CreditRisk+: L = 2,880, ν = 100, the same default distribution in units as the 540,000 example, so
//   VaR = 538,683.7491528707 × 288,000 / 540,000 = 287,297.9995481977; capital = 0.1 × (VaR − 5,760) = 28,153.80;
//   technical 33,913.80; gross 33,913.80 / 0.65 = 52,175.08; final × 1.09 = 56,870.84;
//   rate on limits 52,175.08 / 1,000,000 = 0.052175; rate on turnover 52,175.08 / 2,000,000 = 0.026088 (half up).

@Suite("Risk-based quote: options")
struct QuoteOptionTests {
    @Test func exposureFromTheExpectedOutstanding() throws {
        let buyer = QuoteBuyer(id: "B1", limit: euros("1000000"), pd: 0.02, expectedAverageOutstanding: euros("400000"),
                               annualInsuredTurnover: euros("2000000"))
        let quote = try QuoteEngine.quote(request([buyer], sensitivity: []))
        let line = quote.buyers[0]
        #expect(line.exposureFromOutstanding)
        #expect(line.exposureAtDefault == euros("400000.00"))
        #expect(line.netExposure == euros("288000.00"))
        #expect(line.expectedLoss == euros("5760.00"))
        #expect(line.capitalCharge == euros("28153.80"))
        #expect(quote.premium.gross == euros("52175.08"))
        #expect(quote.premium.final == euros("56870.84"))
        #expect(quote.rateOnLimits == dec("0.052175"))
        #expect(quote.insuredTurnover == euros("2000000"))
        #expect(quote.rateOnInsuredTurnover == dec("0.026088"))
    }

    /// Two like buyers in two independent sectors diversify: less capital than in one sector, the same EL.
    @Test func sectorsDiversify() throws {
        var one = QuoteBuyer(id: "A", limit: euros("500000"), pd: 0.03, sector: "FR")
        var other = QuoteBuyer(id: "B", limit: euros("500000"), pd: 0.03, sector: "DE")
        var single = request([one, other], sensitivity: [])
        let pooled = try QuoteEngine.quote(single)
        single.usesSectors = true
        let split = try QuoteEngine.quote(single)
        #expect(pooled.buyers.map(\.sector) == ["all", "all"])
        #expect(split.buyers.map(\.sector) == ["FR", "DE"])
        #expect(split.portfolio.expectedLoss == pooled.portfolio.expectedLoss)
        #expect(try split.portfolio.capitalCharge.compare(to: pooled.portfolio.capitalCharge) < 0)
        one.sector = nil
        other.sector = ""
        expectPricingError(.outOfRange, field: "buyers[1].sector") {
            try QuoteEngine.quote(request([one, other]))
        }
    }

    @Test func taxTableRecordsItsSources() throws {
        let table = PremiumTaxTable.standard
        #expect(table.entry(for: .FR)?.rate == dec("0.09"))
        #expect(table.entry(for: .FR)?.isIllustrative == false)
        #expect(table.entry(for: .DE)?.rate == dec("0.19"))
        #expect(table.entries.allSatisfy { !$0.source.isEmpty })
        #expect(Set(table.entries.map(\.country)).count == table.entries.count)
        let german = try QuoteEngine.quote(request([buyer("B1", 1_000_000, pd: 0.02)], country: .DE, sensitivity: []))
        // 97,828.26 × 1.19 = 116,415.6294 → 116,415.63.
        #expect(german.premium.final == euros("116415.63"))
        #expect(german.premium.taxSource.contains("Versicherungsteuergesetz"))
    }

    @Test func readableTable() throws {
        let text = QuoteTable.render(try QuoteEngine.quote(request([buyer("B1", 1_000_000, pd: 0.02)])))
        for expected in ["B1", "540000.00", "10800.00", "52788.37", "97828.26", "8804.54", "106632.80", "80%", "95%"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }
}

@Suite("Risk-based quote: edge cases")
struct QuoteEdgeCaseTests {
    /// No exposure: no EL, no capital, the minimum premium; no rate on limits (they sum to zero).
    @Test func zeroLimit() throws {
        let quote = try QuoteEngine.quote(request([buyer("B1", 0, pd: 0.05)], sensitivity: []))
        #expect(quote.premium.technical == euros("0"))
        #expect(quote.premium.minimumApplied)
        #expect(quote.premium.final == euros("2725.00"))
        #expect(quote.rateOnLimits == nil)
    }

    /// A buyer in default (PD 1) with a 100,000 limit: E = 54,000.00 lost for sure, so EL = 54,000.00; the default
    /// count is gamma-mixed Poisson around 1, so VaR is above EL and capital is charged.
    @Test func buyerInDefault() throws {
        let quote = try QuoteEngine.quote(request([buyer("B1", 100_000, pd: 1)], sensitivity: []))
        #expect(quote.buyers[0].expectedLoss == euros("54000.00"))
        #expect(quote.buyers[0].capitalCharge.isPositive)
    }

    /// A very good single buyer: P(no loss) ≥ 99.5%, so VaR = 0 < EL and no capital is charged.
    @Test func noCapitalWhenTheQuantileIsBelowTheExpectedLoss() throws {
        let quote = try QuoteEngine.quote(request([buyer("B1", 1_000_000, pd: 0.001)], sensitivity: []))
        #expect(quote.portfolio.valueAtRiskFigure == 0)
        #expect(quote.buyers[0].expectedLoss == euros("540.00"))
        #expect(quote.buyers[0].capitalCharge == euros("0"))
    }

    @Test func fromPolicyTerms() throws {
        let period = try DatePeriod(start: CalendarDate(year: 2027, month: 1, day: 1),
                                    end: CalendarDate(year: 2027, month: 12, day: 31))
        let terms = PolicyTerms.typical(currency: .EUR, period: period)
        let quote = try QuoteEngine.quote(QuoteRequest(terms: terms, policyholderCountry: .FR,
                                                       buyers: [buyer("B1", 1_000_000, pd: 0.02)]))
        #expect(quote.insuredPercentage == terms.insuredPercentage)
        #expect(quote.premium.minimumPremium == terms.pricing.minimumPremium)
    }
}
