import Foundation
import Testing
import TradeCreditFileBureau
import TradeCreditModel

@Suite struct BuiltInScaleTests {
    @Test func everyBuiltInScaleValidatesAndIsIllustrative() throws {
        let ids = ["creditsafe-international", "dnb-failure-class", "allianz-trade-grade", "coface-dra",
                   "atradius-buyer-rating", "banque-de-france-cotation"]
        #expect(Set(FileRatingBureau.builtInScales.keys) == Set(ids))
        for id in ids {
            let scale = try #require(FileRatingBureau.builtInScale(id: id))
            #expect(scale.id == id)
            #expect(scale.pdMap.isIllustrative)
            #expect(scale.pdMap.version == FileRatingBureau.builtInScaleVersion)
            #expect(scale.pdMap.date == (try date("2026-11-01")))
            // Re-validating through the model's JSON decoding accepts it unchanged.
            let decoded = try JSONDecoder().decode(RatingScale.self, from: try JSONEncoder().encode(scale))
            #expect(decoded == scale)
            let pds = scale.pdMap.entries.map(\.probabilityOfDefault).filter { $0 < 1 }
            #expect(pds.min()! >= 0.0002 && pds.min()! <= 0.0005)
            #expect(pds.max()! >= 0.25 && pds.max()! <= 0.35)
        }
        #expect(FileRatingBureau.builtInScale(id: "nope") == nil)
    }

    @Test(arguments: [
        ("creditsafe-international", 1, 0.30), ("creditsafe-international", 20, 0.30),
        ("creditsafe-international", 21, 0.08), ("creditsafe-international", 29, 0.08),
        ("creditsafe-international", 30, 0.02), ("creditsafe-international", 50, 0.02),
        ("creditsafe-international", 51, 0.004), ("creditsafe-international", 70, 0.004),
        ("creditsafe-international", 71, 0.0003), ("creditsafe-international", 100, 0.0003),
        ("dnb-failure-class", 1, 0.0003), ("dnb-failure-class", 5, 0.30),
        ("allianz-trade-grade", 1, 0.0003), ("allianz-trade-grade", 8, 0.13), ("allianz-trade-grade", 9, 0.30),
        ("coface-dra", 1, 0.30), ("coface-dra", 10, 0.0003),
        ("atradius-buyer-rating", 1, 0.0003), ("atradius-buyer-rating", 10, 0.0003),
        ("atradius-buyer-rating", 11, 0.001), ("atradius-buyer-rating", 90, 0.18), ("atradius-buyer-rating", 91, 0.30),
        ("atradius-buyer-rating", 99, 0.30),
    ])
    func scoreBandEdges(scaleID: String, score: Int, pd: Double) throws {
        let scale = try #require(FileRatingBureau.builtInScale(id: scaleID))
        #expect(try scale.probabilityOfDefault(for: .score(score)) == pd)
    }

    @Test func banqueDeFranceGrades() throws {
        let scale = FileRatingBureau.banqueDeFranceCotation
        #expect(try scale.probabilityOfDefault(for: .grade("1+")) == 0.0003)
        #expect(try scale.probabilityOfDefault(for: .grade("3++")) == 0.0025)
        #expect(try scale.probabilityOfDefault(for: .grade("8")) == 0.30)
        #expect(try scale.probabilityOfDefault(for: .grade("P")) == 1)
        #expect(try scale.probabilityOfDefault(for: .grade("0")) == nil)
        #expect(scale.normalized(.grade("P")) == .inDefault)
        #expect(scale.normalized(.grade("0")) == .notRated)
    }

    @Test func specialStates() throws {
        #expect(FileRatingBureau.creditsafeInternational.normalized(.grade("E")) == .notRated)
        #expect(FileRatingBureau.allianzTradeGrade.normalized(.score(10)) == .inDefault)
        #expect(FileRatingBureau.cofaceDRA.normalized(.score(0)) == .inDefault)
        #expect(FileRatingBureau.atradiusBuyerRating.normalized(.score(100)) == .inDefault)
        #expect(try FileRatingBureau.atradiusBuyerRating.probabilityOfDefault(for: .score(100)) == 1)
        #expect(try FileRatingBureau.cofaceDRA.probabilityOfDefault(for: .notRated) == nil)
        #expect(FileRatingBureau.creditsafeGradeScores == ["A": 71, "B": 51, "C": 30, "D": 1])
    }
}
