import Foundation
import TradeCreditClaims
import TradeCreditModel

/// Builders for the indemnity tests: a two-year EUR policy (2022–2023) with plain terms each test overrides.
enum IndemnityFixtures {
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }
    static func eur(_ text: String) -> Money { try! Money(parsing: text, currency: .EUR) }
    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    /// Insured 90%, threshold 1,000, no deductible, no AFL, maximum liability 1,000,000, VAT not covered.
    static func terms(_ change: (inout PolicyTerms) -> Void = { _ in }) -> PolicyTerms {
        var terms = PolicyTerms.typical(
            policyID: "P-1", currency: .EUR, period: try! DatePeriod(start: date("2022-01-01"), end: date("2023-12-31")))
        terms.aggregateFirstLoss = .zero(.EUR)
        terms.maximumLiability = .absolute(eur("1000000"))
        change(&terms)
        return terms
    }

    static func invoice(_ number: String, delivered: String = "2022-03-01", net: String, vat: String = "0",
                        limit: String = "1000000", excluded: [ReasonCode] = []) -> IndemnityInvoice {
        try! IndemnityInvoice(number: number, deliveryDate: date(delivered), outstandingNet: eur(net),
                              outstandingVAT: eur(vat), limitInForce: eur(limit), exclusions: excluded)
    }

    static func claim(_ id: ClaimID, cause: CauseOfLoss = .insolvency, filed: String = "2022-09-01",
                      _ invoices: [IndemnityInvoice]) -> IndemnityClaim {
        IndemnityClaim(id: id, cause: cause, filingDate: date(filed), invoices: invoices)
    }

    /// Claim C-1.
    static func claim(cause: CauseOfLoss = .insolvency, filed: String = "2022-09-01",
                      _ invoices: [IndemnityInvoice]) -> IndemnityClaim {
        claim("C-1", cause: cause, filed: filed, invoices)
    }

    /// The indemnity of `claim` under `terms` against an empty ledger.
    static func indemnity(_ claim: IndemnityClaim, _ terms: PolicyTerms, rates: RateTable? = nil,
                          settings: IndemnitySettings = .init()) throws -> IndemnityResult {
        try IndemnityCalculator(terms: terms, settings: settings).indemnity(
            for: claim, ledger: PolicyYearLedger(terms: terms), rates: rates)
    }
}
