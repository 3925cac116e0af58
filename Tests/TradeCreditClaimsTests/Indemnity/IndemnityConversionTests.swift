import Foundation
import Testing
import TradeCreditClaims
import TradeCreditModel

private typealias F = IndemnityFixtures

@Suite("Indemnity currency conversion")
struct IndemnityConversionTests {
    /// USD 1.25 per EUR on 2022-03-01, 1.10 on 2022-09-01.
    private func rates() throws -> RateTable {
        try RateTable(source: "test", publications: [
            RatePublication(source: "test", date: F.date("2022-03-01"), ratesPerEUR: [.USD: F.decimal("1.25")]),
            RatePublication(source: "test", date: F.date("2022-09-01"), ratesPerEUR: [.USD: F.decimal("1.10")]),
        ], validThrough: F.date("2022-12-31"))
    }

    private func usdClaim() throws -> IndemnityClaim {
        let usd = try IndemnityInvoice(number: "U", deliveryDate: F.date("2022-03-01"),
                                       outstandingNet: Money(parsing: "11000", currency: .USD),
                                       outstandingVAT: Money(parsing: "2200", currency: .USD), limitInForce: F.eur("50000"))
        return F.claim(filed: "2022-09-03", [usd, F.invoice("E", net: "1000")])
    }

    @Test func atTheFilingDateByDefault() throws {
        // 11,000 USD / 1.10 = 10,000.00 EUR (publication of 2022-09-01, two days before filing); + 1,000 EUR.
        let result = try F.indemnity(usdClaim(), F.terms(), rates: rates())
        #expect(result.loss == F.eur("11000"))
        #expect(result.indemnity == F.eur("9900"))
        // Net and VAT converted and recorded; the EUR invoice and limit need no rate.
        #expect(result.conversions.count == 2)
        let net = try #require(result.conversions.first)
        #expect(net.original == (try Money(parsing: "11000", currency: .USD)))
        #expect(net.converted == F.eur("10000"))
        #expect(net.requestedDate == F.date("2022-09-03"))
        #expect(net.publicationDate == F.date("2022-09-01"))
        #expect(net.fromRatePerEUR == F.decimal("1.10"))
        #expect(result.steps[0].exclusions.map(\.amount) == [F.eur("2000")])  // the VAT, 2,200 / 1.10
    }

    @Test func atTheDeliveryDateWhenThePolicySaysSo() throws {
        // 11,000 / 1.25 = 8,800; + 1,000 = 9,800 → 8,820.
        let result = try F.indemnity(usdClaim(), F.terms(), rates: rates(),
                                     settings: IndemnitySettings(conversionDate: .deliveryDate))
        #expect(result.loss == F.eur("9800"))
        #expect(result.indemnity == F.eur("8820"))
        #expect(result.conversions.first?.publicationDate == F.date("2022-03-01"))
    }

    @Test func aForeignInvoiceNeedsARateTable() throws {
        #expect { try F.indemnity(self.usdClaim(), F.terms()) } throws: { ($0 as? IndemnityError)?.code == .missingValue }
    }
}
