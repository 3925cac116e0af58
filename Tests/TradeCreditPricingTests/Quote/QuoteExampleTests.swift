import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

// Expected figures computed by hand with Python (/tmp/pq_hand.py in the session; `decimal` for money, ROUND_HALF_UP
// to cents, `math.lgamma` for the negative binomial), before the engine was written:
//
// One buyer, limit 1,000,000.00 EUR, PD 0.02, insured 90%, typical parameters:
//   EAD = 1,000,000 × 0.75 = 750,000.00; E = 750,000 × 0.8 × 0.9 = 540,000.00; EL = 0.02 × 540,000 = 10,800.00.
//   CreditRisk+: L = ⌈540,000/100⌉ = 5,400, ν = 100, μ = 0.02, σ = 0.01 → one gamma sector, α = μ²/σ² = 4,
//   p = σ²/(μ + σ²) = 0.0001/0.0201; defaults N ~ NegBin(4, p): F(0) = (1 − p)^4 = 0.9802475217013032,
//   F(1 default) = 0.9997549350684933. Loss grid in units: F(n) = F(0) for n < 100, F(100) = F(1 default).
//   VaR99.5 = 99·L + (0.995 − F(0))/(F(100) − F(99))·L = 538,683.7491528707. One obligor: RC = VaR.
//   capital = 0.10 × (538,683.749… − 10,800) = 52,788.374… → 52,788.37; technical = 63,588.37;
//   gross = 63,588.37 / 0.65 = 97,828.2615… → 97,828.26; no band; minimum 2,500 not binding;
//   FR tax 9%: 97,828.26 × 1.09 = 106,632.8034 → 106,632.80, tax 8,804.54; rate on limits 0.097828.
//   Bands on gross 97,828.26: LR 0.1 → −10% → 88,045.43 (final 95,969.52); LR 0.7 → +15% → 112,502.50 (final
//   122,627.73); LR 1.5 → +30% → 127,176.74 (final 138,622.65).
//   Sensitivity (pre-tax / final): 80% 86,958.46 / 94,784.72; 85% 92,393.37 / 100,708.77; 90% 97,828.26 /
//   106,632.80; 95% 103,263.17 / 112,556.86.
// One buyer, limit 10,000.00, PD 0.01: EAD 7,500.00, E 5,400.00, EL 54.00, VaR 5,372.999153…, capital 531.90,
//   technical 585.90, gross 901.38 → minimum 2,500 binds; tax 225.00; final 2,725.00; rate on limits 0.25.
// Two currencies, rates of 2026-10-30 with USD 1.1 per EUR: 100,000 USD = 100,000 / 1.1 = 90,909.0909… → 90,909.09
//   EUR; its EAD 68,181.8175 → 68,181.82; Σ limits with a 100,000 EUR buyer 190,909.09; 500,000 USD turnover →
//   454,545.45 EUR.

@Suite("Risk-based quote: worked examples")
struct QuoteExampleTests {
    let single = [buyer("B1", 1_000_000, pd: 0.02)]

    @Test func singleBuyerByHand() throws {
        let quote = try QuoteEngine.quote(request(single))
        let line = try #require(quote.buyers.first)
        #expect(line.exposureAtDefault == euros("750000.00"))
        #expect(line.netExposure == euros("540000.00"))
        #expect(line.expectedLoss == euros("10800.00"))
        #expect(line.capitalCharge == euros("52788.37"))
        #expect(line.technicalPremium == euros("63588.37"))
        #expect(quote.portfolio.lossUnit == 5_400)
        #expect(abs(quote.portfolio.valueAtRiskFigure - 538_683.7491528707) < 1e-6)
        #expect(quote.portfolio.valueAtRisk == euros("538683.75"))
        #expect(quote.portfolio.level == 0.995)
        let steps = quote.premium
        #expect(steps.technical == euros("63588.37"))
        #expect(steps.loadingDivisor == dec("0.65"))
        #expect(steps.gross == euros("97828.26"))
        #expect(steps.lossRatioBand == nil)
        #expect(steps.adjusted == euros("97828.26"))
        #expect(!steps.minimumApplied)
        #expect(steps.preTax == euros("97828.26"))
        #expect(steps.taxRate == dec("0.09"))
        #expect(!steps.taxRateIsIllustrative)
        #expect(steps.tax == euros("8804.54"))
        #expect(steps.final == euros("106632.80"))
        #expect(quote.totalLimits == euros("1000000"))
        #expect(quote.rateOnLimits == dec("0.097828"))
        #expect(quote.rateOnInsuredTurnover == nil)
        #expect(quote.rulesVersion == TradeCreditPricing.rulesVersion)
    }

    @Test(arguments: [("0.1", "-0.10", "88045.43", "95969.52"), ("0.2", "0", "97828.26", "106632.80"),
                      ("0.7", "0.15", "112502.50", "122627.73"), ("1.5", "0.30", "127176.74", "138622.65")])
    func lossRatioBands(ratio: String, adjustment: String, adjusted: String, final: String) throws {
        let steps = try QuoteEngine.quote(request(single, pastLossRatio: ratio, sensitivity: [])).premium
        #expect(steps.gross == euros("97828.26"))
        #expect(steps.adjustmentRate == dec(adjustment))
        #expect(steps.adjusted == euros(adjusted))
        #expect(steps.final == euros(final))
    }

    @Test func minimumPremiumBinds() throws {
        let quote = try QuoteEngine.quote(request([buyer("small", 10_000, pd: 0.01)], sensitivity: []))
        #expect(quote.buyers[0].expectedLoss == euros("54.00"))
        #expect(quote.buyers[0].capitalCharge == euros("531.90"))
        #expect(quote.premium.gross == euros("901.38"))
        #expect(quote.premium.minimumApplied)
        #expect(quote.premium.preTax == euros("2500"))
        #expect(quote.premium.tax == euros("225.00"))
        #expect(quote.premium.final == euros("2725.00"))
        #expect(quote.rateOnLimits == dec("0.25"))
    }

    @Test func taxFromParametersOverridesTheTable() throws {
        let untaxed = try QuoteEngine.quote(request(single, country: .US, taxRate: 0, sensitivity: []))
        #expect(untaxed.premium.final == euros("97828.26"))
        #expect(untaxed.premium.tax == euros("0"))
        #expect(untaxed.premium.taxSource == "pricing.premiumTaxRate")
        expectPricingError(.unknownTaxRate, field: "policyholderCountry") {
            try QuoteEngine.quote(request(single, country: .US))
        }
    }

    @Test func sensitivityOverTheInsuredPercentage() throws {
        let rows = try QuoteEngine.quote(request(single)).sensitivity
        #expect(rows.map(\.insuredPercentage) == ["0.80", "0.85", "0.90", "0.95"].map(dec))
        #expect(rows.map(\.preTax) == ["86958.46", "92393.37", "97828.26", "103263.17"].map(euros))
        #expect(rows.map(\.final) == ["94784.72", "100708.77", "106632.80", "112556.86"].map(euros))
        for (lower, higher) in zip(rows, rows.dropFirst()) {
            #expect(try lower.final.compare(to: higher.final) < 0)
            #expect(try lower.technical.compare(to: higher.technical) < 0)
        }
    }

    @Test func twoCurrencies() throws {
        let day = try CalendarDate(year: 2026, month: 10, day: 30)
        let table = try RateTable(source: "test", publications: [
            RatePublication(source: "test", date: day, ratesPerEUR: [.USD: dec("1.1")]),
        ])
        let usd = QuoteBuyer(id: "US1", limit: Money(units: 100_000, .USD), pd: 0.01,
                             annualInsuredTurnover: Money(units: 500_000, .USD))
        let quote = try QuoteEngine.quote(request([buyer("FR1", 100_000, pd: 0.01), usd],
                                                  rates: QuoteRates(table: table, date: day)))
        #expect(quote.buyers[1].originalLimit == Money(units: 100_000, .USD))
        #expect(quote.buyers[1].limit == euros("90909.09"))
        #expect(quote.buyers[1].exposureAtDefault == euros("68181.82"))
        #expect(quote.totalLimits == euros("190909.09"))
        #expect(quote.insuredTurnover == euros("454545.45"))
        let rate = try #require(quote.ratesUsed.first)
        #expect(quote.ratesUsed.count == 1)
        #expect(rate.currency == .USD)
        #expect(rate.ratePerEUR == dec("1.1"))
        #expect(rate.publicationDate == day)
        #expect(rate.source == "test")
        // The JSON keeps every figure; decoding gives the same quote.
        let json = try JSONEncoder().encode(quote)
        #expect(try JSONDecoder().decode(Quote.self, from: json) == quote)
        #expect(quote.description.contains("US1"))
        #expect(quote.description.contains("final premium"))
    }
}
