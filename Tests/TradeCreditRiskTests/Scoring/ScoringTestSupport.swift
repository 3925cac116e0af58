import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

/// Builders shared by the scoring and limit tests.
///
/// The scales copy four of the file bureau's illustrative tables (the test target cannot import an adapter), so that
/// the hand-computed cases read like the sample data.
enum Fixture {
    static func date(_ text: String) -> CalendarDate { try! CalendarDate(parsing: text) }

    /// The evaluation date of every case.
    static let asOf = date("2026-11-27")

    static func daysBefore(_ days: Int) -> CalendarDate { try! asOf.adding(days: -days) }

    static func map(_ entries: [(PDMap.Key, Double)]) -> PDMap {
        PDMap(version: "test-1", date: date("2026-11-01"), isIllustrative: true, source: "test copy",
              entries: entries.map { PDMap.Entry($0.0, $0.1) })
    }

    /// Creditsafe international score: 71–100 0.03 %, 51–70 0.4 %, 30–50 2 %, 21–29 8 %, 1–20 30 %; `E` not rated.
    static let creditsafe = try! RatingScale(
        id: "creditsafe-international", name: "Creditsafe", kind: .scores(min: 1, max: 100), direction: .higherIsBetter,
        notRatedLabels: ["E"],
        pdMap: map([(.scores(from: 1, to: 20), 0.30), (.scores(from: 21, to: 29), 0.08), (.scores(from: 30, to: 50), 0.02),
                    (.scores(from: 51, to: 70), 0.004), (.scores(from: 71, to: 100), 0.0003)]))

    /// D&B failure class 1–5 (higher is worse): 0.03 %, 0.3 %, 1.5 %, 6 %, 30 %.
    static let dnb = try! RatingScale(
        id: "dnb-failure-class", name: "D&B", kind: .scores(min: 1, max: 5), direction: .higherIsWorse,
        pdMap: map([0.0003, 0.003, 0.015, 0.06, 0.30].enumerated().map { (.scores(from: $0.offset + 1, to: $0.offset + 1), $0.element) }))

    /// Allianz Trade grade 1–10 (higher is worse), 10 in default.
    static let allianz = try! RatingScale(
        id: "allianz-trade-grade", name: "Allianz Trade", kind: .scores(min: 1, max: 10), direction: .higherIsWorse,
        defaultLabels: ["10"],
        pdMap: map([0.0003, 0.0008, 0.002, 0.005, 0.01, 0.025, 0.06, 0.13, 0.30, 1].enumerated()
            .map { (.scores(from: $0.offset + 1, to: $0.offset + 1), $0.element) }))

    static let banqueDeFranceGrades = ["1+", "1", "1-", "2+", "2", "3++", "3+", "3", "4+", "4", "5+", "5", "6", "7", "8"]

    /// Banque de France cotation; `0` not rated, `P` in default.
    static let banqueDeFrance = try! RatingScale(
        id: "banque-de-france-cotation", name: "Banque de France", kind: .grades(banqueDeFranceGrades),
        notRatedLabels: ["0"], defaultLabels: ["P"],
        pdMap: map(zip(banqueDeFranceGrades, [0.0003, 0.0005, 0.0008, 0.0012, 0.0018, 0.0025, 0.0035, 0.005, 0.008, 0.012,
                                              0.02, 0.035, 0.06, 0.12, 0.30]).map { (.grade($0.0), $0.1) }))

    static let scales = [creditsafe, dnb, allianz, banqueDeFrance]

    static func buyer(id: BuyerID = "B001", country: CountryCode = .FR, category: BuyerCategory = .business,
                      sector: String? = "F", incorporated: String? = "2016-01-15", relatedParty: Bool = false) -> Buyer {
        try! Buyer(id: id, legalName: "Buyer \(id)", country: country, identifiers: [], category: category,
                   sector: sector.map { try! NACECode(parsing: $0) }, incorporationDate: incorporated.map(date),
                   isRelatedParty: relatedParty)
    }

    static func rating(_ source: String, _ scale: RatingScale, _ value: RatingValue, daysOld: Int,
                       suggestedLimit: Money? = nil, adverse: [String] = []) -> BureauRating {
        BureauRating(source: source, scaleID: scale.id, buyerIdentifier: try! BuyerIdentifier(parsing: "duns:150483782"),
                     ratedOn: daysBefore(daysOld), value: value, suggestedLimit: suggestedLimit, adverseEvents: adverse)
    }

    static func eur(_ units: Int) -> Money { Money(units: units, .EUR) }

    static func input(buyer: Buyer = Fixture.buyer(), ratings: [BureauRating], financials: FinancialStatements? = nil,
                      factors: BuyerRiskFactors = BuyerRiskFactors(), underwriting: UnderwritingParameters? = nil,
                      asOf: CalendarDate = Fixture.asOf) -> AssessmentInput {
        AssessmentInput(buyer: buyer, asOf: asOf, ratings: ratings, scales: scales, financialStatements: financials,
                        factors: factors, underwriting: underwriting)
    }

    /// The example statements of the Altman cases: total assets 1,000,000, working capital 150,000, retained
    /// earnings 200,000, EBIT 80,000, book equity 400,000, total liabilities 600,000 (sales 1,500,000 and market
    /// equity 900,000 for the original Z).
    static func statements(model: AltmanModel = .zDoublePrime, daysOld: Int = 120, equity: Int = 400_000) -> FinancialStatements {
        try! FinancialStatements(
            model: model, date: daysBefore(daysOld), totalAssets: eur(1_000_000), totalLiabilities: eur(600_000),
            workingCapital: eur(150_000), retainedEarnings: eur(200_000), ebit: eur(80_000), bookEquity: eur(equity),
            marketEquity: model == .zOriginal ? eur(900_000) : nil, sales: model == .zOriginal ? eur(1_500_000) : nil)
    }
}

/// `|a − b| ≤ 1e-12 · max(1, |b|)`: the hand-computed literals come from Python's float arithmetic, which may differ
/// from Swift's in the last bits depending on the order of operations.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}
