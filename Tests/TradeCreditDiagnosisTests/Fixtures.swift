import Foundation
import TradeCreditDiagnosis
import TradeCreditModel

/// Small ledgers whose indicators were computed by hand (see IndicatorTests for the arithmetic).
enum Fixtures {
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }
    static func eur(_ amount: Decimal) -> Money { try! Money(amount, .EUR) }
    static func usd(_ amount: Decimal) -> Money { try! Money(amount, .USD) }
    static let TR = try! CountryCode("TR")
    static let evaluation = date("2026-03-31")

    /// Wholesale seller (G46, not cyclical) in France, 40 staff, 8 M EUR turnover, incorporated 2020-06-15.
    static let seller = SellerProfile(
        sector: try! NACECode(parsing: "G46"), country: .FR, incorporationDate: date("2020-06-15"), employees: 40,
        annualTurnover: eur(8_000_000), reportingCurrency: .EUR)

    static let rates = try! RateTable(source: "test", publications: [
        RatePublication(source: "test", date: date("2026-02-01"), ratesPerEUR: [.USD: Decimal(string: "1.25")!]),
        RatePublication(source: "test", date: date("2026-03-01"), ratesPerEUR: [.USD: Decimal(string: "1.25")!]),
    ])

    static let categories = try! CountryRiskCategories([.US: 0, TR: 5])

    static func invoice(_ id: String, _ buyer: String, _ issued: String, _ due: String, _ amount: Money) -> LedgerInvoice {
        LedgerInvoice(id: id, buyerID: buyer, invoiceDate: date(issued), dueDate: date(due), amount: amount)
    }

    static let ledger = SellerLedger(
        buyers: [
            LedgerBuyer(id: "A", country: .FR, sector: try! NACECode(parsing: "F41")),
            LedgerBuyer(id: "B", country: .DE, sector: try! NACECode(parsing: "C25")),
            LedgerBuyer(id: "C", country: .FR, sector: try! NACECode(parsing: "G47"), category: .individual),
            LedgerBuyer(id: "D", country: TR),
            LedgerBuyer(id: "E", country: .US, sector: try! NACECode(parsing: "C")),
            LedgerBuyer(id: "F", country: .FR, sector: try! NACECode(parsing: "M70")),
        ],
        invoices: [
            invoice("1", "A", "2026-01-01", "2026-03-02", eur(4000)),  // 60 days
            invoice("2", "B", "2026-01-10", "2026-02-09", eur(2000)),  // 30 days
            invoice("3", "C", "2026-02-01", "2026-02-01", eur(1000)),  // 0 days
            invoice("4", "D", "2026-01-15", "2026-04-15", eur(2000)),  // 90 days
            invoice("5", "E", "2026-02-01", "2026-03-03", usd(1000)),  // 30 days, 800 EUR
            invoice("6", "A", "2026-03-01", "2026-03-31", eur(200)),   // 30 days
        ],
        payments: [
            LedgerPayment(invoiceID: "1", date: date("2026-03-12"), amount: eur(2500)),
            LedgerPayment(invoiceID: "1", date: date("2026-03-22"), amount: eur(1500)),  // settles: 20 days late
            LedgerPayment(invoiceID: "2", date: date("2026-02-05"), amount: eur(2000)),  // early: 0
            LedgerPayment(invoiceID: "3", date: date("2026-04-05"), amount: eur(1000)),  // after evaluation: 58 days
            LedgerPayment(invoiceID: "5", date: date("2026-03-13"), amount: usd(1000)),  // 10 days late
            LedgerPayment(invoiceID: "6", date: date("2026-03-25"), amount: eur(200)),   // early: 0
            LedgerPayment(invoiceID: nil, date: date("2026-03-01"), amount: eur(100)),
        ])

    static func diagnose(_ ledger: SellerLedger = ledger, seller: SellerProfile = seller,
                         thresholds: DiagnosisThresholds = .init(),
                         categories: CountryRiskCategories = categories) throws -> Diagnosis {
        try TradeCreditDiagnosis.diagnose(seller: seller, ledger: ledger, evaluationDate: evaluation, rates: rates,
                                          countryCategories: categories, thresholds: thresholds)
    }

    /// An old large service firm with 20 equal domestic service buyers on 30 days, all in EUR: no profile met.
    static let plainSeller = SellerProfile(
        sector: try! NACECode(parsing: "M70"), country: .FR, incorporationDate: date("2000-01-01"), employees: 300,
        annualTurnover: eur(80_000_000), reportingCurrency: .EUR)

    static let plainLedger = SellerLedger(
        buyers: (1...20).map { LedgerBuyer(id: "b\($0)", country: .FR, sector: try! NACECode(parsing: "M70")) },
        invoices: (1...20).map { invoice("i\($0)", "b\($0)", "2026-03-01", "2026-03-31", eur(100)) })
}
