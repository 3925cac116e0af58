import Foundation
import Testing
import TradeCreditDiagnosis
import TradeCreditModel
import TradeCreditPricing
import TradeCreditRisk

/// The ledger of HandComputed/cost_benefit.py: three buyers over exactly 365 days, every outstanding a round figure.
enum CostBenefitFixture {
    static let evaluation = Fixtures.date("2027-01-01")
    static let seller = SellerProfile(
        sector: try! NACECode(parsing: "G46"), country: .FR, incorporationDate: Fixtures.date("2015-01-01"),
        employees: 40, annualTurnover: Fixtures.eur(8_000_000), reportingCurrency: .EUR)
    static let categories = try! CountryRiskCategories([.FR: 0, .DE: 0])

    static let ledger = SellerLedger(
        buyers: [
            LedgerBuyer(id: "A", country: .FR, sector: try! NACECode(parsing: "F41"), name: "Alpha BTP",
                        identifiers: [try! BuyerIdentifier(parsing: "siren:552100554")]),
            LedgerBuyer(id: "B", country: .DE, sector: try! NACECode(parsing: "G46")),
            LedgerBuyer(id: "C", country: .FR, category: .individual),
        ],
        invoices: [
            Fixtures.invoice("A1", "A", "2026-01-01", "2026-03-02", Fixtures.eur(365_000)),  // 60 days, paid on time
            Fixtures.invoice("B1", "B", "2026-06-01", "2026-07-01", Fixtures.eur(73_000)),   // 30 days, 30 days late
            Fixtures.invoice("C1", "C", "2026-03-01", "2026-03-11", Fixtures.eur(36_500)),   // 10 days, on time
        ],
        payments: [
            LedgerPayment(invoiceID: "A1", date: Fixtures.date("2026-03-02"), amount: Fixtures.eur(365_000)),
            LedgerPayment(invoiceID: "B1", date: Fixtures.date("2026-07-31"), amount: Fixtures.eur(73_000)),
            LedgerPayment(invoiceID: "C1", date: Fixtures.date("2026-03-11"), amount: Fixtures.eur(36_500)),
        ])

    /// Typical EUR terms with insured 90 %, threshold 1,000, and the deductible and AFL given.
    static func terms(deductible: Decimal = 0, aggregateFirstLoss: Decimal = 0, threshold: Decimal = 1_000) -> PolicyTerms {
        var terms = PolicyTerms.typical(currency: .EUR, period: try! DatePeriod(
            start: Fixtures.date("2027-01-01"), end: Fixtures.date("2027-12-31")))
        terms.deductiblePerClaim = Fixtures.eur(deductible)
        terms.aggregateFirstLoss = Fixtures.eur(aggregateFirstLoss)
        terms.claimsThreshold = Fixtures.eur(threshold)
        return terms
    }

    static func costBenefit(_ scenario: CoverScenario, ledger: SellerLedger = ledger) throws -> CostBenefit {
        try #require(try TradeCreditDiagnosis.diagnose(
            seller: seller, ledger: ledger, evaluationDate: evaluation, countryCategories: categories,
            cover: scenario).costBenefit)
    }

    static func figure(_ money: Money) -> Double { NSDecimalNumber(decimal: money.amount).doubleValue }
}

@Suite("Cost/benefit table")
struct CostBenefitTests {
    typealias F = CostBenefitFixture

    /// Figures of HandComputed/cost_benefit.py, written before the engine.
    @Test func handComputedLedgerWithoutDeductible() throws {
        let table = try F.costBenefit(CoverScenario(terms: F.terms()))
        #expect(table.periodDays == 365)
        #expect(table.buyers.map(\.averageOutstanding) == [60_000, 12_000, 1_000].map(Fixtures.eur))
        #expect(table.buyers.map(\.lossIfDefault) == [48_000, 9_600, 800].map(Fixtures.eur))
        #expect(table.buyers.map(\.indemnityIfDefault) == [43_200, 8_640, 0].map(Fixtures.eur))
        #expect(table.buyers.map(\.retainedIfDefault) == [4_800, 960, 800].map(Fixtures.eur))
        let pds = table.buyers.map(\.pd)
        #expect(abs(pds[0] - 0.02449248710018832) < 1e-15)
        #expect(abs(pds[1] - 0.01738531056238237) < 1e-15)
        #expect(abs(pds[2] - 0.015) < 1e-15)
        #expect(table.buyers.allSatisfy { $0.pdSource == .prior && $0.grade == nil })
        #expect(table.buyers.map(\.isCovered) == [true, true, false])
        #expect(table.buyers[2].exclusion == "buyer category individual not covered")
        #expect(table.withoutCover.expectedLoss == Fixtures.eur(Decimal(string: "1354.54")!))
        #expect(table.withoutCover.exposure == Fixtures.eur(58_400))
        let cover = try #require(table.withCover)
        #expect(cover.expectedRetainedLoss == Fixtures.eur(Decimal(string: "146.25")!))
        #expect(!cover.quantileIsUpperBound)
        #expect(table.priorShare == 1)
        #expect(table.priorVersion == PriorPDTable.illustrative.version)
    }

    @Test func deductibleComesOffEachIndemnity() throws {
        let table = try F.costBenefit(CoverScenario(terms: F.terms(deductible: 500)))
        #expect(table.buyers.map(\.indemnityIfDefault) == [42_700, 8_140, 0].map(Fixtures.eur))
        #expect(table.withCover?.expectedRetainedLoss == Fixtures.eur(Decimal(string: "167.19")!))
    }

    @Test func nothingIsPaidAtOrUnderTheClaimsThreshold() throws {
        let table = try F.costBenefit(CoverScenario(terms: F.terms(threshold: 12_000)))
        #expect(table.buyers[1].averageOutstanding == Fixtures.eur(12_000))
        #expect(table.buyers[1].indemnityIfDefault == .zero(.EUR))
        #expect(table.buyers[1].retainedIfDefault == Fixtures.eur(9_600))
    }

    /// The premium is the pricing engine's on the request the table describes, the quantiles CreditRisk+'s.
    @Test func consistentWithThePricingAndPortfolioEngines() throws {
        let terms = F.terms()
        let table = try F.costBenefit(CoverScenario(terms: terms))
        let pds = table.buyers.map(\.pd)
        let request = QuoteRequest(
            currency: .EUR, insuredPercentage: terms.insuredPercentage, pricing: terms.pricing,
            policyholderCountry: .FR,
            buyers: [
                QuoteBuyer(id: "A", limit: Fixtures.eur(80_000), pd: pds[0], expectedAverageOutstanding: Fixtures.eur(60_000),
                           annualInsuredTurnover: Fixtures.eur(365_000), sector: "F"),
                QuoteBuyer(id: "B", limit: Fixtures.eur(16_000), pd: pds[1], expectedAverageOutstanding: Fixtures.eur(12_000),
                           annualInsuredTurnover: Fixtures.eur(73_000), sector: "G"),
            ],
            sensitivityPercentages: [])
        let quote = try QuoteEngine.quote(request)
        #expect(table.quote == quote)
        let cover = try #require(table.withCover)
        #expect(cover.premium == quote.premium.final)
        #expect(cover.premiumBeforeTax == quote.premium.preTax)
        #expect(cover.premiumTax == quote.premium.tax)

        func quantile(_ exposures: [Decimal]) throws -> Money {
            let obligors = try zip(["A", "B", "C"], zip(exposures, pds)).map { id, pair in
                try PortfolioObligor(id: id, exposure: pair.0, pd: pair.1, pdSD: 0.5 * pair.1,
                                     sectorWeights: [CreditRiskPlus.singleSector: 1])
            }
            let result = try CreditRiskPlus.evaluate(obligors, options: CreditRiskPlusOptions(
                quantileLevels: [0.995], contributionLevel: 0.995))
            return try CreditRiskPlus.money(try #require(result.quantile(at: 0.995)).valueAtRisk, .EUR)
        }
        #expect(table.withoutCover.lossQuantile == (try quantile([48_000, 9_600, 800])))
        #expect(cover.retainedLossQuantile == (try quantile([4_800, 960, 800])))
        #expect(cover.expectedCost == (try cover.premium + cover.expectedRetainedLoss))
        #expect(cover.stressedCost == (try cover.premium + cover.retainedLossQuantile))
        #expect(table.expectedCostOfCover == (try cover.expectedCost - table.withoutCover.expectedLoss))
        #expect(table.stressedSaving == (try table.withoutCover.lossQuantile - cover.stressedCost))
    }

    /// With an AFL the seller also bears min(I, AFL): the mean lies between the no-AFL figure and that plus the
    /// single-default approximation's excess, and the quantile is bounded by q(R₀) + AFL and by q(L).
    @Test func aggregateFirstLossIsBorneAndBounded() throws {
        let without = try F.costBenefit(CoverScenario(terms: F.terms()))
        let with = try F.costBenefit(CoverScenario(terms: F.terms(aggregateFirstLoss: 20_000)))
        let cover0 = try #require(without.withCover), cover = try #require(with.withCover)
        #expect(cover.quantileIsUpperBound)
        let pds = with.buyers.map(\.pd)
        // One default at a time: A's 43,200 is cut to the 20,000 AFL, B's 8,640 stays whole.
        let firstOrder = pds[0] * 20_000 + pds[1] * 8_640
        let extra = F.figure(cover.expectedRetainedLoss) - F.figure(cover0.expectedRetainedLoss)
        #expect(extra > 0 && extra <= firstOrder + 0.01)
        #expect(abs(extra - firstOrder) / firstOrder < 0.02)
        #expect(F.figure(cover.retainedLossQuantile)
                <= min(F.figure(cover0.retainedLossQuantile) + 20_000, F.figure(with.withoutCover.lossQuantile)) + 0.01)
        #expect(F.figure(cover.retainedLossQuantile) >= F.figure(cover0.retainedLossQuantile))
    }

    /// A rated buyer's PD is the risk engine's on the same ratings; the others keep the prior, flagged.
    @Test func ratedBuyerUsesTheRiskEngine() throws {
        let scale = try RatingScale(
            id: "test-grades", name: "test", kind: .grades(["A", "B", "C"]),
            pdMap: PDMap(version: "t", date: Fixtures.date("2026-01-01"), isIllustrative: true, source: "test",
                         entries: [PDMap.Entry(.grade("A"), 0.002), PDMap.Entry(.grade("B"), 0.01),
                                   PDMap.Entry(.grade("C"), 0.05)]))
        let rating = BureauRating(source: "acme", scaleID: scale.id,
                                  buyerIdentifier: try BuyerIdentifier(parsing: "siren:552100554"),
                                  ratedOn: Fixtures.date("2026-12-01"), value: .grade("B"))
        let table = try F.costBenefit(CoverScenario(terms: F.terms(), ratings: ["A": [rating]], scales: [scale]))
        let a = table.buyers[0]
        #expect(a.pdSource == .rated)
        let buyer = try Buyer(id: "A", legalName: "Alpha BTP", country: .FR,
                              identifiers: [try BuyerIdentifier(parsing: "siren:552100554")],
                              sector: try NACECode(parsing: "F41"))
        let expected = try BuyerScorer().assess(AssessmentInput(
            buyer: buyer, asOf: F.evaluation, ratings: [rating], scales: [scale],
            factors: BuyerRiskFactors(countryRiskCategory: 0, daysBeyondTerms: 0, concentrationShare: 365.0 / 474.5)))
        #expect(a.pd == expected.probabilityOfDefault)
        #expect(a.grade == expected.grade)
        #expect(table.buyers[1].pdSource == .prior && table.buyers[2].pdSource == .prior)
        // 13,000 of 73,000 average outstanding is on the prior.
        #expect(abs(NSDecimalNumber(decimal: table.priorShare).doubleValue - 13.0 / 73.0) < 1e-12)
        #expect(table.summaryLines.last?.hasPrefix("PRIOR: 2 of 3 buyers") == true)
    }

    @Test func noCoveredBuyerMeansNothingToPrice() throws {
        var terms = F.terms()
        terms.territory = Territory(onlyCountries: [try CountryCode("IT")])
        let table = try F.costBenefit(CoverScenario(terms: terms))
        #expect(table.withCover == nil && table.quote == nil && table.expectedCostOfCover == nil)
        #expect(table.buyers.allSatisfy { !$0.isCovered })
        #expect(table.summaryLines.contains { $0.contains("covers no buyer") })
    }

    @Test func policyAmountsInAnotherCurrencyAreRefused() throws {
        var terms = F.terms()
        terms.deductiblePerClaim = Fixtures.usd(100)
        #expect(throws: DiagnosisError.self) { try F.costBenefit(CoverScenario(terms: terms)) }
        do { _ = try F.costBenefit(CoverScenario(terms: terms)) } catch let error as DiagnosisError {
            #expect(error.code == .currencyMismatch)
            #expect(error.field == "cover.terms.deductiblePerClaim")
        }
    }
}

@Suite("Prior PD table")
struct PriorPDTableTests {
    @Test func cellsFollowCountryAndSector() throws {
        let table = PriorPDTable.illustrative
        let construction = try NACECode(parsing: "F"), publicBody = try NACECode(parsing: "O84")
        #expect(abs(table.pd(category: 0, sector: nil) - 0.015) < 1e-15)
        #expect(table.pd(category: 0, sector: construction) > table.pd(category: 0, sector: nil))
        #expect(table.pd(category: 0, sector: publicBody) < table.pd(category: 0, sector: nil))
        // Unknown category = category 4.
        #expect(table.pd(category: nil, sector: construction) == table.pd(category: 4, sector: construction))
    }

    /// Property: the prior never falls as the country category worsens, whatever the sector.
    @Test func monotoneInCountryCategory() throws {
        let table = PriorPDTable.illustrative
        for section in "ABCDEFGHIJKLMNOPQRSTU" {
            let sector = try NACECode(parsing: String(section))
            let row = (0...7).map { table.pd(category: $0, sector: sector) }
            #expect(zip(row, row.dropFirst()).allSatisfy { $0 <= $1 }, "section \(section)")
            #expect(row.allSatisfy { $0 > 0 && $0 < 1 })
        }
    }

    @Test func invalidBasePDIsRefused() {
        #expect(throws: DiagnosisError.self) {
            try PriorPDTable(version: "x", basePD: 1.2, countryCategory: PriorPDTable.illustrative.countryCategory,
                             unknownCategoryLogOdds: 0, sector: PriorPDTable.illustrative.sector)
        }
    }
}
