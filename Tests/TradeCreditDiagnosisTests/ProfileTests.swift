import Foundation
import Testing
import TradeCreditDiagnosis
import TradeCreditModel

@Suite("Diagnosis profiles")
struct ProfileTests {
    @Test func referenceLedgerFindings() throws {
        let diagnosis = try Fixtures.diagnose()
        let terms = diagnosis.finding(.longPaymentTerms)
        #expect(!terms.isMet)
        #expect(terms.decidingCheck.indicator == "weighted_terms_days")
        #expect(terms.summary == "B2B on long payment terms: not met (weighted_terms_days 51 days < 60 days).")
        #expect(diagnosis.finding(.fewLargeBuyers).isMet)
        #expect(diagnosis.finding(.fewLargeBuyers).decidingCheck.indicator == "top5_share")
        #expect(diagnosis.finding(.cyclicalSector).isMet)
        #expect(diagnosis.finding(.newFirmOrSME).decidingCheck.indicator == "sme")
        #expect(diagnosis.finding(.newFirmOrSME).isMet)
        #expect(diagnosis.finding(.exporter).summary == "Exporter: met (export_share 48 % ≥ 20 %).")
        #expect(diagnosis.summaryLines.count == 5)
    }

    @Test func longTermsTriggeredByLowerThreshold() throws {
        var thresholds = DiagnosisThresholds()
        thresholds.longTermsDays = 50
        let finding = try Fixtures.diagnose(thresholds: thresholds).finding(.longPaymentTerms)
        #expect(finding.isMet)
        #expect(finding.decidingCheck.threshold == 50)
    }

    @Test func plainSellerMeetsNoProfile() throws {
        let diagnosis = try TradeCreditDiagnosis.diagnose(
            seller: Fixtures.plainSeller, ledger: Fixtures.plainLedger, evaluationDate: Fixtures.evaluation,
            rates: Fixtures.rates)
        for finding in diagnosis.findings { #expect(!finding.isMet, "\(finding.summary)") }
        #expect(diagnosis.indicators.top5Share == Decimal(string: "0.25"))
        #expect(diagnosis.indicators.sizeClass == .large)
        #expect(diagnosis.finding(.fewLargeBuyers).summary
                == "Dependence on a few large buyers: not met (top5_share 25 % < 50 %).")
    }

    @Test func eachProfileTriggeredAlone() throws {
        func one(_ buyer: LedgerBuyer, _ amount: Money, due: String = "2026-03-31") -> SellerLedger {
            var ledger = Fixtures.plainLedger
            ledger.buyers.append(buyer)
            ledger.invoices.append(Fixtures.invoice("x", buyer.id, "2026-03-01", due, amount))
            return ledger
        }
        func diagnose(_ ledger: SellerLedger, _ seller: SellerProfile = Fixtures.plainSeller) throws -> Diagnosis {
            try TradeCreditDiagnosis.diagnose(seller: seller, ledger: ledger, evaluationDate: Fixtures.evaluation,
                                              rates: Fixtures.rates, countryCategories: Fixtures.categories)
        }
        // A single small export to a category-5 country.
        let risky = try diagnose(one(LedgerBuyer(id: "tr", country: Fixtures.TR), Fixtures.eur(10)))
        #expect(risky.finding(.exporter).isMet)
        #expect(risky.finding(.exporter).decidingCheck.indicator == "export_share_category_5_plus")
        // Foreign currency at home: 2500 USD = 2000 EUR of 4000 EUR (50 %), invoiced 2026-03-01.
        let dollars = try diagnose(one(LedgerBuyer(id: "us", country: .FR), Fixtures.usd(2500)))
        #expect(dollars.finding(.exporter).decidingCheck.indicator == "foreign_currency_share")
        #expect(dollars.finding(.exporter).isMet)
        // One big construction buyer: cyclical and concentrated.
        let builder = try diagnose(one(LedgerBuyer(id: "f", country: .FR, sector: try NACECode(parsing: "F43")),
                                       Fixtures.eur(1000)))
        #expect(builder.finding(.cyclicalSector).isMet)
        // top5 1400/3000 < 50 %, but top1 1000/3000 ≥ 20 %
        #expect(builder.finding(.fewLargeBuyers).decidingCheck.indicator == "top1_share")
        #expect(builder.finding(.fewLargeBuyers).isMet)
        // The seller's own sector is cyclical.
        var maker = Fixtures.plainSeller
        maker.sector = try NACECode(parsing: "C28")
        #expect(try diagnose(Fixtures.plainLedger, maker).finding(.cyclicalSector).decidingCheck.indicator
                == "seller_sector_cyclical")
        // A young large firm.
        var young = Fixtures.plainSeller
        young.incorporationDate = Fixtures.date("2023-04-01")
        let youngFinding = try diagnose(Fixtures.plainLedger, young).finding(.newFirmOrSME)
        #expect(youngFinding.isMet)
        #expect(youngFinding.summary == "New firm or SME: met (age_years 2 years < 3 years).")
        // Long terms on B2B sales.
        let longTerms = try diagnose(one(LedgerBuyer(id: "l", country: .FR), Fixtures.eur(10000), due: "2026-07-01"))
        #expect(longTerms.finding(.longPaymentTerms).isMet)
    }

    @Test func unknownSizeIsNotSME() throws {
        var seller = Fixtures.plainSeller
        seller.employees = 10
        seller.annualTurnover = nil
        let diagnosis = try TradeCreditDiagnosis.diagnose(seller: seller, ledger: Fixtures.plainLedger,
                                                          evaluationDate: Fixtures.evaluation)
        #expect(diagnosis.indicators.sizeClass == .unknown)
        #expect(!diagnosis.finding(.newFirmOrSME).isMet)
    }

    @Test func thresholdsRoundTripAndValidate() throws {
        let data = try JSONEncoder().encode(DiagnosisThresholds())
        #expect(try JSONDecoder().decode(DiagnosisThresholds.self, from: data) == DiagnosisThresholds())
        // A file may give one threshold only; the others keep their defaults.
        var expected = DiagnosisThresholds()
        expected.longTermsDays = 45
        #expect(try JSONDecoder().decode(DiagnosisThresholds.self, from: Data(#"{"longTermsDays": 45}"#.utf8)) == expected)
        var bad = DiagnosisThresholds()
        bad.top1Share = 2
        #expect(throws: DiagnosisError(.outOfRange, field: "thresholds.top1Share", value: "2", "a share is between 0 and 1")) {
            try Fixtures.diagnose(thresholds: bad)
        }
    }
}
