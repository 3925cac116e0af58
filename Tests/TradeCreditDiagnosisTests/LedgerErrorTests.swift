import Foundation
import Testing
import TradeCreditDiagnosis
import TradeCreditModel

@Suite("Diagnosis ledger errors")
struct LedgerErrorTests {
    func error(_ ledger: SellerLedger, rates: RateTable? = Fixtures.rates) -> DiagnosisError? {
        do {
            _ = try TradeCreditDiagnosis.diagnose(seller: Fixtures.seller, ledger: ledger,
                                                  evaluationDate: Fixtures.evaluation, rates: rates)
            return nil
        } catch let error as DiagnosisError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func noRateTableForForeignCurrency() {
        let found = error(Fixtures.ledger, rates: nil)
        #expect(found?.code == .conversionUnavailable)
        #expect(found?.field == "invoices[4].amount")
        #expect(found?.value == "USD")
    }

    @Test func currencyMissingFromRateTable() throws {
        var ledger = Fixtures.ledger
        ledger.invoices[0].amount = try Money(4000, .GBP)
        let found = error(ledger)
        #expect(found?.code == .conversionUnavailable)
        #expect(found?.field == "invoices[0].amount")
    }

    @Test func dueBeforeInvoice() {
        var ledger = Fixtures.ledger
        ledger.invoices[1].dueDate = Fixtures.date("2026-01-09")
        #expect(error(ledger)?.code == .invalidDate)
        #expect(error(ledger)?.field == "invoices[1].dueDate")
    }

    @Test func negativeAmount() {
        var ledger = Fixtures.ledger
        ledger.invoices[2].amount = Fixtures.eur(-5)
        #expect(error(ledger)?.code == .negativeAmount)
        #expect(error(ledger)?.field == "invoices[2].amount")
    }

    @Test func unknownBuyer() {
        var ledger = Fixtures.ledger
        ledger.invoices[3].buyerID = "Z"
        #expect(error(ledger)?.code == .unknownBuyer)
        #expect(error(ledger)?.field == "invoices[3].buyerID")
        #expect(error(ledger)?.value == "Z")
    }

    @Test func paymentInAnotherCurrencyAndDuplicateIDs() {
        var ledger = Fixtures.ledger
        ledger.payments[4].amount = Fixtures.eur(800)
        #expect(error(ledger)?.code == .currencyMismatch)
        #expect(error(ledger)?.field == "payments[4].amount")
        var twice = Fixtures.ledger
        twice.invoices[5].id = "1"
        #expect(error(twice)?.code == .duplicateID)
        #expect(error(twice)?.field == "invoices[5].id")
    }

    @Test func paymentForUnknownInvoiceAndEmptyLedger() {
        var ledger = Fixtures.ledger
        ledger.payments.append(LedgerPayment(invoiceID: "99", date: Fixtures.date("2026-03-01"), amount: Fixtures.eur(1)))
        #expect(error(ledger)?.code == .unknownInvoice)
        #expect(error(ledger)?.field == "payments[7].invoiceID")
        #expect(error(SellerLedger(buyers: [], invoices: []))?.code == .emptyLedger)
    }
}

@Suite("Diagnosis reference inputs")
struct ReferenceInputTests {
    @Test func countryCategoriesValidateOnDecode() throws {
        let data = try JSONEncoder().encode(Fixtures.categories)
        #expect(try JSONDecoder().decode(CountryRiskCategories.self, from: data) == Fixtures.categories)
        #expect(throws: DiagnosisError.self) { try CountryRiskCategories([.US: 8]) }
        #expect(String(decoding: data, as: UTF8.self) == #"{"TR":5,"US":0}"# || String(decoding: data, as: UTF8.self) == #"{"US":0,"TR":5}"#)
        #expect(throws: DiagnosisError.self) { try JSONDecoder().decode(CountryRiskCategories.self, from: Data(#"{"XX1": 0}"#.utf8)) }
    }

    @Test func cyclicalDefaults() throws {
        let set = CyclicalSectors.default
        #expect(set.contains(try NACECode(parsing: "F41")))
        #expect(set.contains(try NACECode(parsing: "C")))
        #expect(set.contains(try NACECode(parsing: "G45")))
        #expect(!set.contains(try NACECode(parsing: "G46")))
        #expect(!set.contains(try NACECode(parsing: "G")))
        #expect(!set.contains(nil))
    }
}
