import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

@Suite("Scoring: master scale")
struct MasterScaleTests {
    /// DOMAIN.md §3.5: 1 ≤ 0.05 %, 2 ≤ 0.10 %, 3 ≤ 0.20 %, 4 ≤ 0.40 %, 5 ≤ 0.80 %, 6 ≤ 1.60 %, 7 ≤ 3.20 %, 8 ≤ 6.40 %,
    /// 9 < 100 %, 10 in default. Each bound belongs to its grade.
    @Test(arguments: [
        (0.0003, 1), (0.0005, 1), (0.000501, 2), (0.001, 2), (0.0015, 3), (0.002, 3), (0.004, 4), (0.0041, 5),
        (0.008, 5), (0.016, 6), (0.032, 7), (0.05, 8), (0.064, 8), (0.0641, 9), (0.5, 9), (0.999, 9),
    ])
    func grades(pd: Double, grade: Int) {
        #expect(MasterScale.illustrative.grade(for: pd, inDefault: false) == grade)
    }

    @Test func defaultIsGradeTenAndOnlyDefault() {
        #expect(MasterScale.illustrative.grade(for: 0.0003, inDefault: true) == 10)
        // A PD that rounds to 1 without a default stays grade 9: grade 10 means *in default*.
        #expect(MasterScale.illustrative.grade(for: 1, inDefault: false) == 9)
        #expect(MasterScale.illustrative.defaultGrade == 10)
    }

    @Test func clampsToTheFloor() {
        #expect(MasterScale.illustrative.pdFloor == 0.0003)
        #expect(MasterScale.illustrative.clamped(0.0001) == 0.0003)
        #expect(MasterScale.illustrative.clamped(0.2) == 0.2)
        #expect(MasterScale.illustrative.clamped(1.5) == 1)
    }

    @Test func boundsMustRiseAndBeEight() {
        #expect { try MasterScale(version: "x", date: Fixture.asOf, isIllustrative: true, source: "t",
                                  upperBounds: [0.001, 0.0005, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064], pdFloor: 0.0003) }
            throws: { ($0 as? UnderwritingError)?.field == "upperBounds" }
        #expect { try MasterScale(version: "x", date: Fixture.asOf, isIllustrative: true, source: "t",
                                  upperBounds: [0.001, 0.002], pdFloor: 0.0003) }
            throws: { ($0 as? UnderwritingError)?.code == .outOfRange }
        #expect { try MasterScale(version: "x", date: Fixture.asOf, isIllustrative: true, source: "t",
                                  upperBounds: MasterScale.illustrative.upperBounds, pdFloor: 0) }
            throws: { ($0 as? UnderwritingError)?.field == "pdFloor" }
    }
}

@Suite("Scoring: adjustment tables")
struct AdjustmentTablesTests {
    let tables = AdjustmentTables.illustrative

    /// Illustrative log-odds by OECD country risk category 0–7.
    @Test(arguments: [(0, 0.0), (1, 0.0), (2, 0.1), (3, 0.25), (4, 0.45), (5, 0.7), (6, 1.0), (7, 1.4)])
    func countryCategory(category: Int, logOdds: Double) {
        #expect(tables.countryCategory.value(at: Double(category)) == logOdds)
    }

    /// Illustrative log-odds by NACE section: construction riskiest, public administration safest.
    @Test(arguments: [("F", 0.5), ("F41", 0.5), ("I", 0.35), ("C", 0.1), ("G", 0.15), ("O", -0.3), ("K", 0.0), ("U", 0.0)])
    func sector(code: String, logOdds: Double) throws {
        #expect(tables.sector.logOdds(for: try NACECode(parsing: code)) == logOdds)
    }

    @Test func everySectionHasAnEntryAndConstructionIsTheRiskiest() throws {
        #expect(tables.sector.entries.map(\.section) == "ABCDEFGHIJKLMNOPQRSTU".map(String.init))
        let riskiest = tables.sector.entries.max { $0.logOdds < $1.logOdds }
        #expect(riskiest?.section == "F")
    }

    /// Company age in whole years: under 1 year +0.7, 1 year +0.35, 2 years and more 0.
    @Test(arguments: [(0, 0.7), (1, 0.35), (2, 0.0), (30, 0.0)])
    func companyAge(years: Int, logOdds: Double) {
        #expect(tables.companyAge.value(at: Double(years)) == logOdds)
    }

    /// Days beyond terms: 0 → 0; 1–15 → 0.1; 16–30 → 0.35; 31–60 → 0.7; 61–90 → 1.1; over 90 → 1.5.
    @Test(arguments: [(0, 0.0), (1, 0.1), (15, 0.1), (16, 0.35), (30, 0.35), (31, 0.7), (60, 0.7), (61, 1.1),
                      (90, 1.1), (91, 1.5), (400, 1.5)])
    func daysBeyondTerms(days: Int, logOdds: Double) {
        #expect(tables.daysBeyondTerms.value(at: Double(days)) == logOdds)
    }

    /// Past overdues with this seller: 0 → 0; 1 → 0.4; 2 → 0.7; 3 or more → 1.0.
    @Test(arguments: [(0, 0.0), (1, 0.4), (2, 0.7), (3, 1.0), (12, 1.0)])
    func pastOverdues(count: Int, logOdds: Double) {
        #expect(tables.pastOverdues.value(at: Double(count)) == logOdds)
    }

    /// Concentration (share of the seller's exposure): < 10 % → 0; 10–20 % → 0.1; 20–35 % → 0.2; 35–50 % → 0.35;
    /// 50 % and more → 0.5.
    @Test(arguments: [(0.0, 0.0), (0.0999, 0.0), (0.10, 0.1), (0.2, 0.2), (0.3499, 0.2), (0.35, 0.35), (0.5, 0.5), (1.0, 0.5)])
    func concentration(share: Double, logOdds: Double) {
        #expect(tables.concentration.value(at: share) == logOdds)
    }

    @Test func aTableMustNotImproveAsTheFactorWorsens() {
        #expect { try BandTable(worsens: .upward, bands: [.init(from: 0, value: 0.5), .init(from: 10, value: 0.2)]) }
            throws: { ($0 as? UnderwritingError)?.code == .inconsistent && ($0 as? UnderwritingError)?.field == "bands[1]" }
        #expect { try BandTable(worsens: .downward, bands: [.init(from: 0, value: 0), .init(from: 1, value: 0.3)]) }
            throws: { ($0 as? UnderwritingError)?.code == .inconsistent }
        #expect { try BandTable(worsens: .upward, bands: [.init(from: 5, value: 0), .init(from: 5, value: 0.3)]) }
            throws: { ($0 as? UnderwritingError)?.field == "bands[1]" }
        #expect { try BandTable(worsens: .upward, bands: []) }
            throws: { ($0 as? UnderwritingError)?.code == .missingValue }
        #expect { try BandTable(worsens: .upward, bands: [.init(from: 0, value: .nan)]) }
            throws: { ($0 as? UnderwritingError)?.code == .outOfRange }
    }

    @Test func decodingValidatesToo() throws {
        let bad = #"{"worsens":"upward","bands":[{"from":0,"value":1},{"from":1,"value":0}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BandTable.self, from: Data(bad.utf8)) }
    }

    /// The tables are public values a host replaces: they round-trip through JSON.
    @Test func rulesRoundTripThroughJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(ScoringRules.illustrative)
        let decoded = try JSONDecoder().decode(ScoringRules.self, from: data)
        #expect(decoded == ScoringRules.illustrative)
        #expect(try encoder.encode(decoded) == data)
        #expect(ScoringRules.illustrative.isIllustrative)
        #expect(ScoringRules.illustrative.date == Fixture.date("2026-11-27"))
    }

    /// Consolidation parameters: half-life 180 days, maximum age 365 days, illustrative reliabilities.
    @Test func consolidationDefaults() {
        let parameters = ConsolidationParameters.illustrative
        #expect(parameters.halfLifeDays == 180)
        #expect(parameters.maximumAgeDays == 365)
        #expect(parameters.reliability(of: "creditsafe") == 0.8)
        #expect(parameters.reliability(of: "dnb") == 0.8)
        #expect(parameters.reliability(of: "file") == 0.7)
        #expect(parameters.reliability(of: UsedSource.financialStatementsSource) == 0.6)
        #expect(parameters.reliability(of: "someone-else") == 0.5)
        #expect(parameters.referencePD == 0.01)
    }
}

@Suite("Scoring: input validation")
struct ScoringValidationTests {
    let scorer = BuyerScorer()
    let rating = Fixture.rating("dnb", Fixture.dnb, .score(2), daysOld: 3)

    @Test(arguments: [
        (BuyerRiskFactors(countryRiskCategory: 8), "factors.countryRiskCategory"),
        (BuyerRiskFactors(countryRiskCategory: -1), "factors.countryRiskCategory"),
        (BuyerRiskFactors(daysBeyondTerms: -1), "factors.daysBeyondTerms"),
        (BuyerRiskFactors(pastOverdues: -2), "factors.pastOverdues"),
        (BuyerRiskFactors(concentrationShare: 1.01), "factors.concentrationShare"),
        (BuyerRiskFactors(concentrationShare: .nan), "factors.concentrationShare"),
    ])
    func factorsOutOfRange(factors: BuyerRiskFactors, field: String) {
        #expect { try scorer.assess(Fixture.input(ratings: [rating], factors: factors)) }
            throws: { ($0 as? UnderwritingError)?.field == field && ($0 as? UnderwritingError)?.code == .outOfRange }
    }

    @Test func incorporationAfterTheEvaluationDate() {
        #expect { try scorer.assess(Fixture.input(buyer: Fixture.buyer(incorporated: "2027-01-01"), ratings: [rating])) }
            throws: { ($0 as? UnderwritingError)?.field == "buyer.incorporationDate" }
    }

    /// Statements are a source like any other: dated after the evaluation date, or older than the maximum age,
    /// they are dropped as a source. Statements from after the evaluation date are not known on it: they are ignored
    /// entirely. Stale ones still cap a limit by their equity (a cap can only lower a limit).
    @Test func statementsAfterTheEvaluationDateOrTooOldAreDropped() throws {
        let future = try scorer.assess(Fixture.input(ratings: [rating], financials: Fixture.statements(daysOld: -2)))
        #expect(future.droppedSources.map(\.reason) == [.ratedAfterAsOf])
        #expect(future.droppedSources.first?.source == UsedSource.financialStatementsSource)
        #expect(future.altman == nil)
        #expect(future.bookEquity == nil)
        let stale = try scorer.assess(Fixture.input(ratings: [rating], financials: Fixture.statements(daysOld: 400)))
        #expect(stale.droppedSources.map(\.reason) == [.tooOld])
        #expect(stale.sources.map(\.source) == ["dnb"])
        #expect(stale.altman?.zone == .safe)
        #expect(stale.bookEquity == Fixture.eur(400_000))
    }

    /// Rules a host supplies are checked before use; the error names the parameter.
    @Test(arguments: ["halfLifeDays", "maximumAgeDays", "defaultReliability", "reliabilities[0]", "referencePD", "spreadScale"])
    func invalidRules(parameter: String) {
        var rules = ScoringRules.illustrative
        switch parameter {
        case "halfLifeDays": rules.consolidation.halfLifeDays = 0
        case "maximumAgeDays": rules.consolidation.maximumAgeDays = -1
        case "defaultReliability": rules.consolidation.defaultReliability = 1.5
        case "reliabilities[0]": rules.consolidation.reliabilities = [SourceReliability(source: "x", reliability: -0.1)]
        case "referencePD": rules.consolidation.referencePD = 0.0001  // below the PD floor
        default: rules.consolidation.spreadScale = 0
        }
        #expect { try BuyerScorer(rules: rules).assess(Fixture.input(ratings: [rating])) }
            throws: { ($0 as? UnderwritingError)?.field == "consolidation." + parameter && ($0 as? UnderwritingError)?.code == .outOfRange }
    }

    @Test func errorsHaveStableCodesAndReadableText() {
        let error = UnderwritingError(.outOfRange, field: "factors.countryRiskCategory", value: "8", "OECD categories are 0 to 7")
        #expect(error.code.rawValue == "out_of_range")
        #expect(error.description == "factors.countryRiskCategory: OECD categories are 0 to 7 (\"8\")")
    }
}
