import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

// Hand-computed cases of the scoring pipeline (DOMAIN.md §3) with the illustrative tables.
//
// Every literal below was computed independently with python3 (`math.log`, `math.exp`) from the rules as written in
// Documentation/drafts/scoring-and-limits.md, not from this code:
//   weight = reliability × 0.5^(age/180); L = Σ wᵢ·logit(pᵢ) / Σ wᵢ; spread s = √(Σ wᵢ(logit(pᵢ) − L)² / Σ wᵢ);
//   L' = L + Σ adjustments; PD = 1/(1 + e^−L') clamped to [0.0003, 1];
//   contribution of a source = (wᵢ/Σw)·(logit(pᵢ) − logit(0.01)); confidence = W/(W + 0.5) · 1/(1 + s).
// The script is reproduced in the draft documentation.

@Suite("Scoring: hand-computed cases")
struct ScoringTableTests {
    let scorer = BuyerScorer()

    /// Case A: one Creditsafe score of 60 (PD 0.4 %) rated 90 days before; construction (F, +0.5), ten years old,
    /// OECD category 0, 20 days beyond terms (+0.35), no overdue, 25 % of the seller's exposure (+0.2).
    @Test func caseA_oneSourceWithAdjustments() throws {
        let input = Fixture.input(
            ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 90)],
            factors: BuyerRiskFactors(countryRiskCategory: 0, daysBeyondTerms: 20, pastOverdues: 0, concentrationShare: 0.25))
        let result = try scorer.assess(input)

        // python3: w = 0.8 * 0.5**(90/180); L = log(0.004/0.996); L' = L + 0.5 + 0.35 + 0.2; 1/(1+exp(-L'))
        #expect(close(result.probabilityOfDefault, 0.011346294644523563))
        #expect(result.grade == 6)
        #expect(close(result.confidence, 0.5308183932197285))
        #expect(close(result.consolidatedLogOdds, -5.517452896464707))
        #expect(close(result.spread, 0))
        #expect(result.isInDefault == false)
        try #require(result.sources.count == 1)
        #expect(close(result.sources[0].weight, 0.5656854249492381))
        #expect(close(result.sources[0].ageFactor, 0.7071067811865476))
        #expect(result.sources[0].reliability == 0.8)
        #expect(result.sources[0].ageInDays == 90)
        #expect(result.sources[0].probabilityOfDefault == 0.004)
        #expect(result.sources[0].ratedOn == Fixture.date("2026-08-29"))

        // Sorted by |contribution|, largest first; zero contributions by code.
        #expect(result.reasons.map(\.code) == [.bureauRating, .sectorRisk, .daysBeyondTerms, .concentration,
                                               .companyAge, .countryRisk, .pastOverdues])
        #expect(close(result.reasons[0].contribution, -0.9223330463301176))
        #expect(result.reasons.dropFirst().map(\.contribution) == [0.5, 0.35, 0.2, 0, 0, 0])
        #expect(result.asOf == Fixture.asOf)
        #expect(result.rulesVersion == TradeCreditRisk.rulesVersion)
        #expect(result.tablesVersion == ScoringRules.illustrative.version)
        #expect(result.factors == AppliedFactors(countryRiskCategory: 0, sector: try NACECode(parsing: "F"),
                                                 companyAgeYears: 10, daysBeyondTerms: 20, pastOverdues: 0,
                                                 concentrationShare: 0.25))
    }

    /// Case B: two sources that disagree (Creditsafe 60 at 30 days, D&B class 3 at 200 days); manufacturing (+0.1),
    /// one year old (+0.35), OECD category 3 (+0.25), two past overdues (+0.7), 5 % concentration (0).
    @Test func caseB_twoSourcesSpreadLowersConfidence() throws {
        let input = Fixture.input(
            buyer: Fixture.buyer(sector: "C25", incorporated: "2025-06-01"),
            ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 30),
                      Fixture.rating("dnb", Fixture.dnb, .score(3), daysOld: 200)],
            factors: BuyerRiskFactors(countryRiskCategory: 3, daysBeyondTerms: 0, pastOverdues: 2, concentrationShare: 0.05))
        let result = try scorer.assess(input)

        // python3: weights 0.8*0.5**(30/180), 0.8*0.5**(200/180); L weighted mean of logits; L' = L + 1.4
        #expect(close(result.probabilityOfDefault, 0.02504571801647693))
        #expect(result.grade == 7)
        #expect(close(result.consolidatedLogOdds, -5.061687704171745))
        #expect(close(result.spread, 0.6322578172453279))
        #expect(close(result.confidence, 0.41914810394339397))
        #expect(result.sources.map(\.source) == ["creditsafe", "dnb"])  // heaviest first
        #expect(close(result.sources[0].weight, 0.7127189745122715))
        #expect(close(result.sources[1].weight, 0.37034988491491616))
        #expect(close(result.sources[0].share + result.sources[1].share, 1))

        let byCode = Dictionary(grouping: result.reasons, by: \.code)
        #expect(byCode[.bureauRating]?.count == 2)
        let bureau = result.reasons.filter { $0.code == .bureauRating }.compactMap(\.contribution)
        #expect(close(bureau[0], -0.6069459547446013))
        #expect(close(bureau[1], 0.14037810070744686))
        #expect(byCode[.pastOverdues]?.first?.contribution == 0.7)
        #expect(byCode[.companyAge]?.first?.contribution == 0.35)
        #expect(byCode[.countryRisk]?.first?.contribution == 0.25)
        #expect(byCode[.sectorRisk]?.first?.contribution == 0.1)
        #expect(byCode[.concentration]?.first?.contribution == 0)
        #expect(result.reasons.first?.code == .pastOverdues)  // |0.7| beats |−0.607|
    }

    /// Case C: the best Creditsafe score today, public administration (−0.3): the PD falls below the 0.03 % floor
    /// and is clamped; the floor is a reason with the contribution that restores it.
    @Test func caseC_pdFloor() throws {
        let input = Fixture.input(
            buyer: Fixture.buyer(sector: "O", incorporated: "1996-03-01"),
            ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(80), daysOld: 0)],
            factors: BuyerRiskFactors(countryRiskCategory: 0, daysBeyondTerms: 0, pastOverdues: 0, concentrationShare: 0))
        let result = try scorer.assess(input)

        // python3: L = logit(0.0003); L' = L − 0.3; floor contribution = logit(0.0003) − L' = 0.3000000000000007
        #expect(result.probabilityOfDefault == 0.0003)
        #expect(result.grade == 1)
        #expect(close(result.confidence, 0.6153846153846154))
        let floor = try #require(result.reasons.first { $0.code == .pdFloor })
        #expect(close(floor.contribution, 0.3000000000000007, tolerance: 1e-9))
        #expect(close(result.reasons.first { $0.code == .bureauRating }?.contribution, -3.516308188164481))
        #expect(result.reasons.first { $0.code == .sectorRisk }?.contribution == -0.3)
        // The contributions explain the PD exactly: logit(0.01) + Σ = logit(PD).
        let total = result.reasons.compactMap(\.contribution).reduce(0, +)
        #expect(close(log(0.01 / 0.99) + total, log(0.0003 / 0.9997), tolerance: 1e-9))
    }

    /// Case D: a file-bureau cotation exactly 365 days old is kept; an unknown source gets the default reliability;
    /// every way of dropping a rating is recorded with its reason.
    @Test func caseD_droppedSourcesAndDefaultReliability() throws {
        let ratings = [
            Fixture.rating("file", Fixture.banqueDeFrance, .grade("4"), daysOld: 365),
            Fixture.rating("acme", Fixture.dnb, .score(2), daysOld: 10),
            Fixture.rating("acme", Fixture.dnb, .score(4), daysOld: 40),               // superseded by the newer one
            Fixture.rating("creditsafe", Fixture.creditsafe, .grade("E"), daysOld: 10), // not rated
            Fixture.rating("dnb", Fixture.dnb, .score(1), daysOld: 366),               // too old
            Fixture.rating("allianz", Fixture.allianz, .score(2), daysOld: -1),         // after the as-of date
            BureauRating(source: "coface", scaleID: "coface-dra", buyerIdentifier: try BuyerIdentifier(parsing: "duns:150483782"),
                         ratedOn: Fixture.daysBefore(5), value: .score(7)),             // unknown scale
            Fixture.rating("file", Fixture.creditsafe, .score(101), daysOld: 3),         // off the scale
        ]
        let result = try scorer.assess(Fixture.input(buyer: Fixture.buyer(sector: nil, incorporated: nil), ratings: ratings))

        // python3: weights 0.7*0.5**(365/180), 0.5*0.5**(10/180); PDs 0.012, 0.003; no adjustment
        #expect(close(result.probabilityOfDefault, 0.004324200432093698))
        #expect(result.grade == 5)
        #expect(close(result.confidence, 0.35077851302772706))
        #expect(Set(result.sources.map(\.source)) == ["file", "acme"])
        #expect(result.sources.first { $0.source == "acme" }?.reliability == 0.5)
        let reasons = Dictionary(uniqueKeysWithValues: result.droppedSources.map { ("\($0.source) \($0.value)", $0.reason) })
        #expect(reasons == ["acme 4": .superseded, "creditsafe E": .notRated, "dnb 1": .tooOld,
                            "allianz 2": .ratedAfterAsOf, "coface 7": .unknownScale, "file 101": .offScale])
        #expect(result.reasons.map(\.code) == [.bureauRating, .bureauRating])
        #expect(result.factors == AppliedFactors())
    }

    /// Case E: financial statements are one more source (Altman Z'' 2.8736, safe zone, PD 0.5 % from the map).
    @Test func caseE_financialStatementsAsASource() throws {
        let input = Fixture.input(
            buyer: Fixture.buyer(sector: "G46", incorporated: "2021-02-10"),
            ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(40), daysOld: 60)],
            financials: Fixture.statements(model: .zDoublePrime, daysOld: 120),
            factors: BuyerRiskFactors(countryRiskCategory: 2))
        let result = try scorer.assess(input)

        // python3: weights 0.8*0.5**(60/180) (PD 0.02), 0.6*0.5**(120/180) (PD 0.005); L' = L + 0.1 + 0.15
        #expect(close(result.probabilityOfDefault, 0.01529550153255386))
        #expect(result.grade == 6)
        #expect(close(result.confidence, 0.39904080403931175))
        #expect(close(result.spread, 0.6778156722786313))
        let altman = try #require(result.altman)
        #expect(altman.model == .zDoublePrime)
        #expect(close(altman.value, 2.8736))
        #expect(altman.zone == .safe)
        let statements = try #require(result.sources.first { $0.source == UsedSource.financialStatementsSource })
        #expect(statements.probabilityOfDefault == 0.005)
        #expect(statements.reliability == 0.6)
        #expect(close(result.reasons.first { $0.code == .bureauRating }?.contribution, 0.44086403792973483))
        #expect(close(result.reasons.first { $0.code == .financialStatements }?.contribution, -0.26052701471523726))
        #expect(result.bookEquity == Fixture.eur(400_000))
        #expect(result.reasons.map(\.code).contains(.daysBeyondTerms) == false)  // not given, not applied
    }

    /// Case F: in default forces PD 1 and grade 10 whatever else says (here the best Creditsafe score today).
    @Test func caseF_inDefaultOverridesEverything() throws {
        let input = Fixture.input(
            ratings: [Fixture.rating("file", Fixture.banqueDeFrance, .grade("P"), daysOld: 30),
                      Fixture.rating("creditsafe", Fixture.creditsafe, .score(95), daysOld: 0)],
            factors: BuyerRiskFactors(countryRiskCategory: 0))
        let result = try scorer.assess(input)

        #expect(result.probabilityOfDefault == 1)
        #expect(result.grade == 10)
        #expect(result.isInDefault)
        #expect(result.consolidatedLogOdds == nil)
        // python3: W = 0.7*0.5**(30/180) + 0.8; confidence = W/(W+0.5), no spread penalty for a default
        #expect(close(result.confidence, 0.7400746332551011))
        #expect(result.reasons.map(\.code) == [.inDefault])
        #expect(result.reasons[0].contribution == nil)
        #expect(result.sources.count == 2)
        #expect(result.sources.first { $0.source == "file" }?.probabilityOfDefault == 1)
    }

    /// The *in default* state written directly, and a PD of 1 in a map, both count as a default.
    @Test func inDefaultStateWrittenDirectly() throws {
        let direct = try scorer.assess(Fixture.input(ratings: [Fixture.rating("dnb", Fixture.dnb, .inDefault, daysOld: 3)]))
        #expect(direct.grade == 10)
        #expect(direct.probabilityOfDefault == 1)

        let failing = try RatingScale(id: "fail-grades", name: "test", kind: .grades(["A", "F"]),
                                      pdMap: Fixture.map([(.grade("A"), 0.01), (.grade("F"), 1)]))
        var input = Fixture.input(ratings: [BureauRating(source: "acme", scaleID: "fail-grades",
                                                         buyerIdentifier: try BuyerIdentifier(parsing: "duns:150483782"),
                                                         ratedOn: Fixture.daysBefore(1), value: .grade("F"))])
        input.scales.append(failing)
        let mapped = try scorer.assess(input)
        #expect(mapped.isInDefault)
        #expect(mapped.grade == 10)
    }

    /// A stale default is dropped like any stale source: alone, it leaves no PD (the limit is referred, never granted).
    @Test func staleDefaultIsDropped() throws {
        let result = try scorer.assess(Fixture.input(ratings: [Fixture.rating("file", Fixture.banqueDeFrance, .grade("P"), daysOld: 400)]))
        #expect(result.isInDefault == false)
        #expect(result.probabilityOfDefault == nil)
        #expect(result.droppedSources.map(\.reason) == [.tooOld])
    }

    /// Case G: no usable source gives no PD, no grade and no recommended limit: never a guess.
    @Test func caseG_noUsableSource() throws {
        let input = Fixture.input(
            ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .notRated, daysOld: 3),
                      Fixture.rating("dnb", Fixture.dnb, .score(2), daysOld: 400)],
            factors: BuyerRiskFactors(countryRiskCategory: 7), underwriting: .typical(currency: .EUR))
        let result = try scorer.assess(input)
        #expect(result.probabilityOfDefault == nil)
        #expect(result.grade == nil)
        #expect(result.confidence == 0)
        #expect(result.reasons.isEmpty)
        #expect(result.recommendedLimit == nil)
        #expect(result.sources.isEmpty)
        #expect(result.droppedSources.map(\.reason) == [.notRated, .tooOld])
    }

    /// A source with a reliability of zero is dropped (it would weigh nothing).
    @Test func zeroReliabilityDropsTheSource() throws {
        var rules = ScoringRules.illustrative
        rules.consolidation.reliabilities = [SourceReliability(source: "dnb", reliability: 0)]
        let result = try BuyerScorer(rules: rules).assess(Fixture.input(ratings: [Fixture.rating("dnb", Fixture.dnb, .score(2), daysOld: 3)]))
        #expect(result.probabilityOfDefault == nil)
        #expect(result.droppedSources.map(\.reason) == [.zeroReliability])
    }

    /// The recommended limit: the smallest capacity component rounded down to the step. Case A is grade 6 (cap
    /// 250,000); the Creditsafe report suggests 120,500; the per-buyer maximum is 5,000,000 → 120,000.
    @Test func recommendedLimitIsTheCapacityRoundedDown() throws {
        let input = Fixture.input(
            ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 90, suggestedLimit: Fixture.eur(120_500))],
            factors: BuyerRiskFactors(countryRiskCategory: 0, daysBeyondTerms: 20, pastOverdues: 0, concentrationShare: 0.25),
            underwriting: .typical(currency: .EUR))
        let result = try scorer.assess(input)
        #expect(result.grade == 6)
        #expect(result.suggestedLimits == [SuggestedLimit(source: "creditsafe", amount: Fixture.eur(120_500))])
        #expect(result.recommendedLimit == Fixture.eur(120_000))

        // Without a suggestion, the grade-6 cap binds.
        let plain = try scorer.assess(Fixture.input(
            ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(60), daysOld: 90)],
            factors: BuyerRiskFactors(countryRiskCategory: 0, daysBeyondTerms: 20, pastOverdues: 0, concentrationShare: 0.25),
            underwriting: .typical(currency: .EUR)))
        #expect(plain.recommendedLimit == Fixture.eur(250_000))

        // At or above the refusal grade, and in default, nothing is recommended.
        let poor = try scorer.assess(Fixture.input(ratings: [Fixture.rating("creditsafe", Fixture.creditsafe, .score(10), daysOld: 1)],
                                                   underwriting: .typical(currency: .EUR)))
        #expect(poor.grade == 9)
        #expect(poor.recommendedLimit == Fixture.eur(0))
    }
}

@Suite("Scoring: Altman Z'' and Z")
struct AltmanTests {
    /// python3: Z'' = 6.56*0.15 + 3.26*0.2 + 6.72*0.08 + 1.05*(400000/600000) = 2.8736
    @Test func zDoublePrime() throws {
        let score = try AltmanScore(Fixture.statements(model: .zDoublePrime))
        #expect(close(score.x1, 0.15))
        #expect(close(score.x2, 0.2))
        #expect(close(score.x3, 0.08))
        #expect(close(score.x4, 0.6666666666666666))
        #expect(score.x5 == nil)
        #expect(close(score.value, 2.8735999999999997))
        #expect(score.zone == .safe)
        #expect(ZScorePDMap.illustrative.probabilityOfDefault(for: score) == 0.005)
    }

    /// python3: Z = 1.2*0.15 + 1.4*0.2 + 3.3*0.08 + 0.6*(900000/600000) + 1.0*(1500000/1000000) = 3.124
    @Test func zOriginal() throws {
        let score = try AltmanScore(Fixture.statements(model: .zOriginal))
        #expect(close(score.x4, 1.5))
        #expect(close(score.x5, 1.5))
        #expect(close(score.value, 3.1239999999999997))
        #expect(score.zone == .safe)
        #expect(ZScorePDMap.illustrative.probabilityOfDefault(for: score) == 0.003)
    }

    /// Zones exactly as DOMAIN.md: Z'' < 1.1 distress, 1.1–2.6 grey, > 2.6 safe; Z < 1.81, 1.81–2.99, > 2.99.
    @Test(arguments: [
        (AltmanModel.zDoublePrime, 1.0999, AltmanZone.distress), (.zDoublePrime, 1.1, .grey), (.zDoublePrime, 2.6, .grey),
        (.zDoublePrime, 2.6001, .safe), (.zDoublePrime, -3, .distress),
        (.zOriginal, 1.8099, .distress), (.zOriginal, 1.81, .grey), (.zOriginal, 2.99, .grey), (.zOriginal, 2.9901, .safe),
    ])
    func zones(model: AltmanModel, value: Double, zone: AltmanZone) {
        #expect(model.zone(for: value) == zone)
    }

    /// The map's bands (illustrative): a value at a band's lower bound is in that band; below the first bound,
    /// the first band.
    @Test(arguments: [
        (AltmanModel.zDoublePrime, -5.0, 0.20), (.zDoublePrime, 0.0, 0.10), (.zDoublePrime, 1.1, 0.04),
        (.zDoublePrime, 1.85, 0.015), (.zDoublePrime, 2.6, 0.005), (.zDoublePrime, 4.0, 0.0015), (.zDoublePrime, 6.0, 0.0005),
        (.zOriginal, 0.5, 0.20), (.zOriginal, 1.0, 0.08), (.zOriginal, 1.81, 0.03), (.zOriginal, 2.4, 0.01),
        (.zOriginal, 2.99, 0.003), (.zOriginal, 4.0, 0.001),
    ])
    func pdMap(model: AltmanModel, value: Double, pd: Double) {
        #expect(ZScorePDMap.illustrative.probabilityOfDefault(for: value, model: model) == pd)
    }

    @Test func invalidStatementsNameTheField() {
        #expect { try FinancialStatements(model: .zDoublePrime, date: Fixture.asOf, totalAssets: Fixture.eur(0),
                                         totalLiabilities: Fixture.eur(1), workingCapital: Fixture.eur(0),
                                         retainedEarnings: Fixture.eur(0), ebit: Fixture.eur(0), bookEquity: Fixture.eur(0)) }
            throws: { ($0 as? UnderwritingError)?.field == "totalAssets" && ($0 as? UnderwritingError)?.code == .outOfRange }
        #expect { try FinancialStatements(model: .zDoublePrime, date: Fixture.asOf, totalAssets: Fixture.eur(10),
                                         totalLiabilities: Fixture.eur(0), workingCapital: Fixture.eur(0),
                                         retainedEarnings: Fixture.eur(0), ebit: Fixture.eur(0), bookEquity: Fixture.eur(0)) }
            throws: { ($0 as? UnderwritingError)?.field == "totalLiabilities" }
        #expect { try FinancialStatements(model: .zOriginal, date: Fixture.asOf, totalAssets: Fixture.eur(10),
                                         totalLiabilities: Fixture.eur(5), workingCapital: Fixture.eur(0),
                                         retainedEarnings: Fixture.eur(0), ebit: Fixture.eur(0), bookEquity: Fixture.eur(0)) }
            throws: { ($0 as? UnderwritingError)?.field == "marketEquity" && ($0 as? UnderwritingError)?.code == .missingValue }
        #expect { try FinancialStatements(model: .zDoublePrime, date: Fixture.asOf, totalAssets: Fixture.eur(10),
                                         totalLiabilities: Fixture.eur(5), workingCapital: Money(units: 1, .USD),
                                         retainedEarnings: Fixture.eur(0), ebit: Fixture.eur(0), bookEquity: Fixture.eur(0)) }
            throws: { ($0 as? UnderwritingError)?.field == "workingCapital" && ($0 as? UnderwritingError)?.code == .currencyMismatch }
    }
}
