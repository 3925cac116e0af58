import Foundation
import Testing
import TradeCredit

/// The integration example of README.md, kept compiling and checked.
@Suite("README example")
struct ReadmeExampleTests {
    @Test func integrationExampleRuns() throws {
        // Money is exact and keeps its currency; rounding is explicit.
        let invoice = try Money(parsing: "24000.00", currency: .EUR)
        let insured = try invoice.multiplied(by: 0.9).rounded(.halfUp)          // 21600.00 EUR
        let parts = try Money(parsing: "100.00", currency: .EUR).allocated(into: 3)  // 33.34, 33.33, 33.33

        // Identifiers are validated and normalised; the French VAT key is derived from the SIREN.
        let siren = try BuyerIdentifier(parsing: "siren:552 100 554")
        let vat = try BuyerIdentifier.frenchVAT(forSIREN: siren)                 // vat:FR96552100554

        // Conversions go through a rate table: cross rate over the euro, rounded once, half up.
        let day = try CalendarDate(parsing: "2026-10-30")
        let rates = try RateTable(source: "ECB", publications: [
            RatePublication(source: "ECB", date: day, ratesPerEUR: [.USD: 1.1172, .GBP: 0.8338]),
        ])
        let converted = try rates.convert(Money(parsing: "100000", currency: .USD), to: .GBP, on: day)
        // converted.converted == 74633.01 GBP, converted.publicationDate == 2026-10-30

        // Policy terms start from the market's typical values and are overridden field by field.
        var terms = PolicyTerms.typical(currency: .EUR, period: try DatePeriod(start: day, end: try day.adding(days: 364)))
        terms.insuredPercentage = 0.85
        try terms.validate()

        #expect(insured.description == "21600.00 EUR")
        #expect(parts.map(\.amountText) == ["33.34", "33.33", "33.33"])
        #expect(vat.description == "vat:FR96552100554")
        #expect(converted.converted.description == "74633.01 GBP")
        #expect(converted.publicationDate == day)
        #expect(terms.insuredPercentage == Decimal(string: "0.85"))
    }
}

/// The facade example of README.md, kept compiling and checked.
@Suite("README facade example")
struct ReadmeFacadeExampleTests {
    @Test func facadeExampleRuns() async throws {
        // One Underwriter per policy: bureaus, a rate provider, the terms (and settings and a logger, defaulted).
        let day = try CalendarDate(parsing: "2026-10-30")
        let terms = PolicyTerms.typical(currency: .EUR, period: try DatePeriod(start: day, end: try day.adding(days: 364)))
        let underwriter = try Underwriter(bureaus: [FileRatingBureau.sample()], rates: try OfflineRateProvider.embedded(),
                                          terms: terms)

        // Request a limit: the bureaus are asked, the buyer scored, the amount converted, the request decided.
        let buyer = try Buyer(id: "B001", legalName: "Atelier Moreau SAS", country: .FR,
                              identifiers: [try BuyerIdentifier(parsing: "siren:194482246")],
                              sector: try NACECode(parsing: "C25"))
        let request = try LimitRequest(id: "L-B001", buyerID: buyer.id, kind: .newLimit,
                                       requestedAmount: try Money(parsing: "150000", currency: .EUR), requestDate: day)
        let outcome = try await underwriter.decide(LimitApplication(BuyerProfile(buyer), request: request))
        // outcome.decision.kind == .approved, granted 150000.00 EUR; outcome.report.assessment.grade == 1

        #expect(outcome.decision.kind == .approved)
        #expect(outcome.decision.grantedAmount.description == "150000.00 EUR")
        #expect(outcome.report.assessment.grade == 1)
    }
}
