import Foundation
import Testing
@testable import TradeCreditModel

// Scales used below. They follow the shapes in DOMAIN.md §3 step 1; every PD is illustrative (no bureau publishes
// PD per band), made up for the tests:
// - grades: Creditsafe-like international score letters A (best) … D, E = not rated;
//   PD A 0.5%, B 2%, C 8%, D 25%.
// - scores: Creditsafe-like 1–100, higher is better, bands 1–29 (D) 25%, 30–50 (C) 8%, 51–70 (B) 2%, 71–100 (A) 0.5%.
// - higher is worse: Allianz-Trade-like grade 1–10, 10 = in default via `defaultLabels`;
//   bands 1–2 0.1%, 3–4 0.4%, 5–6 1.5%, 7–8 6%, 9 25%, 10 100%.

/// Asserts that `body` throws a ``ModelError`` with `code` (and `field`, `value` when given), and returns it.
@discardableResult
private func expectModelError(
    _ code: ModelError.Code, field: String? = nil, value: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> some Any
) throws -> ModelError {
    let error = try #require(throws: ModelError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error.code == code, sourceLocation: sourceLocation)
    if let field { #expect(error.field == field, sourceLocation: sourceLocation) }
    if let value { #expect(error.value == value, sourceLocation: sourceLocation) }
    return error
}

private func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

private func pdMap(_ entries: [PDMap.Entry]) throws -> PDMap {
    PDMap(version: "test-1", date: try date("2026-01-01"), isIllustrative: true, source: "made up for the tests",
          entries: entries)
}

private func encode(_ value: some Encodable, sorted: Bool = true) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = sorted ? [.sortedKeys] : []
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

enum Scales {
    static let gradeEntries: [PDMap.Entry] = [
        .init(.grade("A"), 0.005), .init(.grade("B"), 0.02), .init(.grade("C"), 0.08), .init(.grade("D"), 0.25),
    ]

    static func grades(_ entries: [PDMap.Entry] = gradeEntries, grades: [String] = ["A", "B", "C", "D"]) throws -> RatingScale {
        try RatingScale(id: "creditsafe-like-grade", name: "Creditsafe-like international grade",
                        kind: .grades(grades), notRatedLabels: ["E"], pdMap: try pdMap(entries))
    }

    static let scoreEntries: [PDMap.Entry] = [
        .init(.scores(from: 1, to: 29), 0.25), .init(.scores(from: 30, to: 50), 0.08),
        .init(.scores(from: 51, to: 70), 0.02), .init(.scores(from: 71, to: 100), 0.005),
    ]

    static func scores(_ entries: [PDMap.Entry] = scoreEntries, direction: RatingScale.Direction = .higherIsBetter,
                       min: Int = 1, max: Int = 100) throws -> RatingScale {
        try RatingScale(id: "creditsafe-like-score", name: "Creditsafe-like international score",
                        kind: .scores(min: min, max: max), direction: direction, pdMap: try pdMap(entries))
    }

    static let worseEntries: [PDMap.Entry] = [
        .init(.scores(from: 1, to: 2), 0.001), .init(.scores(from: 3, to: 4), 0.004),
        .init(.scores(from: 5, to: 6), 0.015), .init(.scores(from: 7, to: 8), 0.06),
        .init(.scores(from: 9, to: 9), 0.25), .init(.scores(from: 10, to: 10), 1),
    ]

    static func higherIsWorse(_ entries: [PDMap.Entry] = worseEntries,
                              direction: RatingScale.Direction = .higherIsWorse) throws -> RatingScale {
        try RatingScale(id: "allianz-like-grade", name: "Allianz-Trade-like grade", kind: .scores(min: 1, max: 10),
                        direction: direction, notRatedLabels: ["0"], defaultLabels: ["10"], pdMap: try pdMap(entries))
    }
}

// MARK: - PD lookup

@Suite("RatingScale PD lookup")
struct RatingScaleLookupTests {
    @Test(arguments: [("A", 0.005), ("B", 0.02), ("C", 0.08), ("D", 0.25)])
    func gradePD(grade: String, pd: Double) throws {
        #expect(try Scales.grades().probabilityOfDefault(for: .grade(grade)) == pd)
    }

    @Test(arguments: [
        (1, 0.25), (29, 0.25), (30, 0.08), (50, 0.08), (51, 0.02), (70, 0.02), (71, 0.005), (72, 0.005), (100, 0.005),
    ])
    func scoreBandEdges(score: Int, pd: Double) throws {
        #expect(try Scales.scores().probabilityOfDefault(for: .score(score)) == pd)
    }

    @Test(arguments: [(1, 0.001), (2, 0.001), (3, 0.004), (6, 0.015), (8, 0.06), (9, 0.25)])
    func higherIsWorsePD(score: Int, pd: Double) throws {
        #expect(try Scales.higherIsWorse().probabilityOfDefault(for: .score(score)) == pd)
    }

    @Test func notRatedHasNoPDAndInDefaultHasPDOne() throws {
        for scale in [try Scales.grades(), try Scales.scores(), try Scales.higherIsWorse()] {
            #expect(try scale.probabilityOfDefault(for: .notRated) == nil)
            #expect(try scale.probabilityOfDefault(for: .inDefault) == 1)
        }
    }

    @Test func specialLabelsBecomeTheirStates() throws {
        let grades = try Scales.grades()
        #expect(grades.normalized(.grade("E")) == .notRated)
        #expect(try grades.probabilityOfDefault(for: .grade("E")) == nil)
        #expect(grades.normalized(.grade("A")) == .grade("A"))
        #expect(grades.normalized(.inDefault) == .inDefault)

        let worse = try Scales.higherIsWorse()
        #expect(worse.normalized(.score(10)) == .inDefault)
        #expect(try worse.probabilityOfDefault(for: .score(10)) == 1)
        // A special label may lie outside the score range: 0 = not rated.
        #expect(worse.normalized(.score(0)) == .notRated)
        #expect(try worse.probabilityOfDefault(for: .score(0)) == nil)
        // The same label given as a grade string is matched too (labels are text).
        #expect(worse.normalized(.grade("10")) == .inDefault)
        #expect(worse.normalized(.score(9)) == .score(9))
    }

    @Test func aValueNotOnTheScaleIsOutOfRange() throws {
        let grades = try Scales.grades()
        try expectModelError(.outOfRange, field: "creditsafe-like-grade", value: "F") {
            try grades.probabilityOfDefault(for: .grade("F"))
        }
        // Grades are case-sensitive labels.
        try expectModelError(.outOfRange, value: "a") { try grades.probabilityOfDefault(for: .grade("a")) }
        // A score on a grades scale.
        try expectModelError(.outOfRange, value: "72") { try grades.probabilityOfDefault(for: .score(72)) }

        let scores = try Scales.scores()
        for score in [0, 101, -5, Int.max] {
            try expectModelError(.outOfRange, field: "creditsafe-like-score", value: String(score)) {
                try scores.probabilityOfDefault(for: .score(score))
            }
        }
        // A grade on a scores scale.
        try expectModelError(.outOfRange, value: "A") { try scores.probabilityOfDefault(for: .grade("A")) }
        try expectModelError(.outOfRange, value: "11") {
            try Scales.higherIsWorse().probabilityOfDefault(for: .score(11))
        }
    }
}

// MARK: - Validation

@Suite("RatingScale validation")
struct RatingScaleValidationTests {
    @Test func theExampleScalesAreValid() throws {
        #expect(try Scales.grades().kind == .grades(["A", "B", "C", "D"]))
        #expect(try Scales.scores().kind == .scores(min: 1, max: 100))
        #expect(try Scales.higherIsWorse().direction == .higherIsWorse)
        #expect(try Scales.scores().direction == .higherIsBetter)
    }

    @Test func aGradeWithoutPD() throws {
        try expectModelError(.inconsistent, field: "pdMap", value: "D") {
            try Scales.grades(Array(Scales.gradeEntries.dropLast()))
        }
    }

    @Test func aGradeWithTwoPDs() throws {
        try expectModelError(.inconsistent, field: "pdMap", value: "B") {
            try Scales.grades(Scales.gradeEntries + [.init(.grade("B"), 0.03)])
        }
        // Even the same PD twice.
        try expectModelError(.inconsistent, field: "pdMap", value: "B") {
            try Scales.grades(Scales.gradeEntries + [.init(.grade("B"), 0.02)])
        }
    }

    @Test func aStrayGrade() throws {
        // E is the not-rated label, not a grade: it must not carry a PD.
        try expectModelError(.inconsistent, field: "pdMap", value: "E") {
            try Scales.grades(Scales.gradeEntries + [.init(.grade("E"), 0.5)])
        }
        // A score band in a grades map.
        try expectModelError(.inconsistent, field: "pdMap", value: "1...29") {
            try Scales.grades(Scales.gradeEntries + [.init(.scores(from: 1, to: 29), 0.5)])
        }
    }

    @Test func nonMonotoneGrades() throws {
        try expectModelError(.inconsistent, field: "pdMap", value: "C") {
            try Scales.grades([.init(.grade("A"), 0.005), .init(.grade("B"), 0.08), .init(.grade("C"), 0.02),
                               .init(.grade("D"), 0.25)])
        }
        // Equal PDs on neighbouring grades are allowed (monotone, not strictly).
        #expect(throws: Never.self) {
            try Scales.grades([.init(.grade("A"), 0.02), .init(.grade("B"), 0.02), .init(.grade("C"), 0.08),
                               .init(.grade("D"), 0.25)])
        }
    }

    @Test func gapsAndOverlapsInScoreBands() throws {
        // Gap: 30 is missing.
        try expectModelError(.inconsistent, field: "pdMap", value: "31...50") {
            try Scales.scores([.init(.scores(from: 1, to: 29), 0.25), .init(.scores(from: 31, to: 50), 0.08),
                               .init(.scores(from: 51, to: 70), 0.02), .init(.scores(from: 71, to: 100), 0.005)])
        }
        // Overlap: 50 twice.
        try expectModelError(.inconsistent, field: "pdMap", value: "50...70") {
            try Scales.scores([.init(.scores(from: 1, to: 29), 0.25), .init(.scores(from: 30, to: 50), 0.08),
                               .init(.scores(from: 50, to: 70), 0.02), .init(.scores(from: 71, to: 100), 0.005)])
        }
        // The bottom not covered.
        try expectModelError(.inconsistent, field: "pdMap", value: "2...29") {
            try Scales.scores([.init(.scores(from: 2, to: 29), 0.25), .init(.scores(from: 30, to: 50), 0.08),
                               .init(.scores(from: 51, to: 70), 0.02), .init(.scores(from: 71, to: 100), 0.005)])
        }
        // The top not covered.
        try expectModelError(.inconsistent, field: "pdMap", value: "71...100") {
            try Scales.scores(Array(Scales.scoreEntries.dropLast()))
        }
        // No band at all.
        try expectModelError(.inconsistent, field: "pdMap") { try Scales.scores([]) }
    }

    @Test func bandsBeyondTheRange() throws {
        try expectModelError(.inconsistent, field: "pdMap", value: "71...101") {
            try Scales.scores(Array(Scales.scoreEntries.dropLast()) + [.init(.scores(from: 71, to: 101), 0.005)])
        }
        try expectModelError(.inconsistent, field: "pdMap", value: "0...29") {
            try Scales.scores([.init(.scores(from: 0, to: 29), 0.25)] + Array(Scales.scoreEntries.dropFirst()))
        }
        // A reversed band.
        try expectModelError(.inconsistent, field: "pdMap", value: "29...1") {
            try Scales.scores([.init(.scores(from: 29, to: 1), 0.25)] + Array(Scales.scoreEntries.dropFirst()))
        }
        // A grade key in a scores map.
        try expectModelError(.inconsistent, field: "pdMap", value: "A") {
            try Scales.scores(Scales.scoreEntries + [.init(.grade("A"), 0.005)])
        }
        // An empty score range.
        try expectModelError(.inconsistent, field: "kind", value: "100...1") {
            try Scales.scores([], min: 100, max: 1)
        }
    }

    @Test func nonMonotoneScoresInBothDirections() throws {
        // Higher is better: PD must fall as scores rise; 51–70 is worse than 30–50 here.
        try expectModelError(.inconsistent, field: "pdMap", value: "51...70") {
            try Scales.scores([.init(.scores(from: 1, to: 29), 0.25), .init(.scores(from: 30, to: 50), 0.02),
                               .init(.scores(from: 51, to: 70), 0.08), .init(.scores(from: 71, to: 100), 0.005)])
        }
        // Higher is worse: PD must rise as scores rise; 5–6 is better than 3–4 here.
        try expectModelError(.inconsistent, field: "pdMap", value: "5...6") {
            try Scales.higherIsWorse([
                .init(.scores(from: 1, to: 2), 0.001), .init(.scores(from: 3, to: 4), 0.015),
                .init(.scores(from: 5, to: 6), 0.004), .init(.scores(from: 7, to: 8), 0.06),
                .init(.scores(from: 9, to: 9), 0.25), .init(.scores(from: 10, to: 10), 1),
            ])
        }
        // The same valid maps with the direction swapped fail.
        try expectModelError(.inconsistent, field: "pdMap", value: "30...50") {
            try Scales.scores(direction: .higherIsWorse)
        }
        try expectModelError(.inconsistent, field: "pdMap", value: "3...4") {
            try Scales.higherIsWorse(direction: .higherIsBetter)
        }
        // Entries in any order are sorted by band before the checks.
        #expect(throws: Never.self) { try Scales.scores(Array(Scales.scoreEntries.reversed())) }
    }

    @Test(arguments: [0.0, 1.5, -0.01, 1.000001, Double.nan, Double.infinity])
    func aPDOutside0To1IsOutOfRange(pd: Double) throws {
        let entries = [PDMap.Entry(.grade("A"), pd)] + Scales.gradeEntries.dropFirst()
        try expectModelError(.outOfRange, field: "pdMap.A") { try Scales.grades(entries) }
        let bands = Array(Scales.scoreEntries.dropLast()) + [PDMap.Entry(.scores(from: 71, to: 100), pd)]
        try expectModelError(.outOfRange, field: "pdMap.71...100") { try Scales.scores(bands) }
    }

    @Test func aPDOfOneIsAllowed() throws {
        #expect(try Scales.higherIsWorse().probabilityOfDefault(for: .score(10)) == 1)
        #expect(throws: Never.self) {
            try Scales.grades(Array(Scales.gradeEntries.dropLast()) + [.init(.grade("D"), 1)])
        }
    }
}

// MARK: - Grade lists, special labels and score bounds

@Suite("RatingScale grade lists, special labels and score bounds")
struct RatingScaleShapeTests {
    @Test func aDuplicateGradeIsInconsistent() throws {
        let error = try expectModelError(.inconsistent, field: "kind", value: "A") {
            try Scales.grades(grades: ["A", "A", "B", "C", "D"])
        }
        #expect(error.message == "scale creditsafe-like-grade: grade listed twice")
        // Not necessarily next to each other; the first repeated grade is named.
        try expectModelError(.inconsistent, field: "kind", value: "B") {
            try Scales.grades(grades: ["A", "B", "C", "D", "B"])
        }
    }

    @Test func anEmptyGradeListIsMissing() throws {
        let error = try expectModelError(.missingValue, field: "kind") {
            try RatingScale(id: "empty", name: "No grades", kind: .grades([]), pdMap: try pdMap([]))
        }
        #expect(error.value == nil)
        #expect(error.message == "scale empty: a grade scale needs at least one grade")
    }

    @Test func aLabelBothNotRatedAndInDefaultIsInconsistent() throws {
        let error = try expectModelError(.inconsistent, field: "defaultLabels", value: "X") {
            try RatingScale(id: "both", name: "Both", kind: .grades(["A", "B"]), notRatedLabels: ["X", "NR"],
                            defaultLabels: ["X", "D"],
                            pdMap: try pdMap([.init(.grade("A"), 0.01), .init(.grade("B"), 0.05)]))
        }
        #expect(error.message == "scale both: a label cannot mean both not rated and in default")
        // On a scores scale too.
        try expectModelError(.inconsistent, field: "defaultLabels", value: "0") {
            try RatingScale(id: "s", name: "S", kind: .scores(min: 1, max: 100), notRatedLabels: ["0"],
                            defaultLabels: ["0"], pdMap: try pdMap(Scales.scoreEntries))
        }
    }

    /// Still accepted: a grade that is also a not-rated label keeps a PD that is never used.
    @Test func aGradeThatIsAlsoANotRatedLabelIsAccepted() throws {
        let shadowed = try RatingScale(id: "shadowed", name: "Shadowed", kind: .grades(["A", "B"]),
                                       notRatedLabels: ["B"],
                                       pdMap: try pdMap([.init(.grade("A"), 0.01), .init(.grade("B"), 0.05)]))
        #expect(try shadowed.probabilityOfDefault(for: .grade("B")) == nil)
    }

    @Test func scoresWithinPlusOrMinusOneBillionAreAccepted() throws {
        let wide = try RatingScale(id: "wide", name: "Wide", kind: .scores(min: -1_000_000_000, max: 1_000_000_000),
                                   pdMap: try pdMap([.init(.scores(from: -1_000_000_000, to: 1_000_000_000), 0.1)]))
        #expect(try wide.probabilityOfDefault(for: .score(1_000_000_000)) == 0.1)
        #expect(try wide.probabilityOfDefault(for: .score(-1_000_000_000)) == 0.1)
        try expectModelError(.outOfRange, value: "1000000001") { try wide.probabilityOfDefault(for: .score(1_000_000_001)) }
    }

    @Test(arguments: [(-1_000_000_001, 100), (1, 1_000_000_001), (Int.min, Int.max), (1, Int.max)])
    func scoresBeyondPlusOrMinusOneBillionAreOutOfRange(low: Int, high: Int) throws {
        let error = try expectModelError(.outOfRange, field: "kind", value: "\(low)...\(high)") {
            try RatingScale(id: "s", name: "S", kind: .scores(min: low, max: high),
                            pdMap: try pdMap([.init(.scores(from: low, to: high), 0.1)]))
        }
        #expect(error.message == "scale s: scores must lie within ±1000000000")
    }

    /// Formerly a crash (`band.to + 1` overflowed): decoding a scale whose range ends at `Int.max` now throws.
    @Test func decodingAScoreRangeEndingAtIntMaxThrows() throws {
        let json = """
            {"id":"s","name":"S","kind":{"scores":{"min":1,"max":9223372036854775807}},
             "pdMap":{"version":"1","date":"2026-01-01","isIllustrative":true,"source":"test",
                      "entries":[{"key":{"scores":{"from":1,"to":9223372036854775807}},"probabilityOfDefault":0.1}]}}
            """
        let error = try #require(throws: DecodingError.self) { try decode(RatingScale.self, json) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(context.debugDescription
                    == #"kind: scale s: scores must lie within ±1000000000 ("1...9223372036854775807")"#)
    }
}

// MARK: - JSON

@Suite("RatingScale JSON forms")
struct RatingScaleCodingTests {
    @Test(arguments: [
        (RatingValue.grade("A"), #"{"grade":"A"}"#),
        (RatingValue.grade("3++"), #"{"grade":"3++"}"#),
        (RatingValue.score(72), #"{"score":72}"#),
        (RatingValue.notRated, #"{"state":"notRated"}"#),
        (RatingValue.inDefault, #"{"state":"inDefault"}"#),
    ])
    func ratingValue(value: RatingValue, json: String) throws {
        #expect(try encode(value) == json)
        #expect(try decode(RatingValue.self, json) == value)
    }

    @Test func aRatingValueWithAnUnknownStateOrNoKeyFails() throws {
        #expect(throws: DecodingError.self) { try decode(RatingValue.self, #"{"state":"insolvent"}"#) }
        #expect(throws: DecodingError.self) { try decode(RatingValue.self, #"{}"#) }
        #expect(throws: DecodingError.self) { try decode(RatingValue.self, #"{"score":"72"}"#) }
    }

    @Test func kind() throws {
        #expect(try encode(RatingScale.Kind.grades(["A", "B", "C", "D"])) == #"{"grades":["A","B","C","D"]}"#)
        // Key order: sorted (the unsorted order of JSONEncoder is not stable on Linux).
        #expect(try encode(RatingScale.Kind.scores(min: 1, max: 100)) == #"{"scores":{"max":100,"min":1}}"#)
        #expect(try decode(RatingScale.Kind.self, #"{"grades":["A","B"]}"#) == .grades(["A", "B"]))
        #expect(try decode(RatingScale.Kind.self, #"{"scores":{"min":1,"max":100}}"#) == .scores(min: 1, max: 100))
        #expect(throws: DecodingError.self) { try decode(RatingScale.Kind.self, #"{"scores":{"min":1}}"#) }
        #expect(throws: DecodingError.self) { try decode(RatingScale.Kind.self, #"{}"#) }
    }

    @Test func pdMapKey() throws {
        #expect(try encode(PDMap.Key.grade("A")) == #"{"grade":"A"}"#)
        #expect(try encode(PDMap.Key.scores(from: 71, to: 100)) == #"{"scores":{"from":71,"to":100}}"#)
        #expect(try decode(PDMap.Key.self, #"{"grade":"A"}"#) == .grade("A"))
        #expect(try decode(PDMap.Key.self, #"{"scores":{"from":71,"to":100}}"#) == .scores(from: 71, to: 100))
        #expect(PDMap.Key.scores(from: 71, to: 100).description == "71...100")
    }

    @Test func aScaleRoundTrips() throws {
        for scale in [try Scales.grades(), try Scales.scores(), try Scales.higherIsWorse()] {
            #expect(try decode(RatingScale.self, try encode(scale)) == scale)
        }
        let json = try encode(try Scales.scores())
        #expect(json.contains(#""kind":{"scores":{"max":100,"min":1}}"#))
        #expect(json.contains(#""direction":"higherIsBetter""#))
        #expect(json.contains(#"{"key":{"scores":{"from":71,"to":100}},"probabilityOfDefault":0.005}"#))
    }

    @Test func labelSetsAreEncodedAsSortedArrays() throws {
        let scale = try RatingScale(id: "labels", name: "Labels", kind: .grades(["A", "B"]),
                                    notRatedLabels: ["NR", "E", "X", "NA"], defaultLabels: ["Z", "P", "D"],
                                    pdMap: try pdMap([.init(.grade("A"), 0.01), .init(.grade("B"), 0.05)]))
        // The same text in key order as written, and with sorted keys.
        for sorted in [false, true] {
            let json = try encode(scale, sorted: sorted)
            #expect(json.contains(#""notRatedLabels":["E","NA","NR","X"]"#), "\(json)")
            #expect(json.contains(#""defaultLabels":["D","P","Z"]"#), "\(json)")
        }
        // Empty sets are empty arrays.
        let plain = try encode(try Scales.scores())
        #expect(plain.contains(#""notRatedLabels":[]"#))
        #expect(plain.contains(#""defaultLabels":[]"#))
        #expect(try encode(try Scales.higherIsWorse()).contains(#""defaultLabels":["10"]"#))
        #expect(try decode(RatingScale.self, try encode(scale)) == scale)
    }

    static let gradesJSON = #"""
    {"id":"g","name":"G","kind":{"grades":["A","B"]},"notRatedLabels":["E"],
     "pdMap":{"version":"1","date":"2026-01-01","isIllustrative":true,"source":"test",
              "entries":[{"key":{"grade":"A"},"probabilityOfDefault":PD_A},{"key":{"grade":"B"},"probabilityOfDefault":0.05}]}}
    """#

    @Test func decodingValidates() throws {
        let valid = try decode(RatingScale.self, Self.gradesJSON.replacingOccurrences(of: "PD_A", with: "0.01"))
        #expect(valid.direction == .higherIsBetter)   // absent: the default
        #expect(valid.defaultLabels.isEmpty)
        #expect(try valid.probabilityOfDefault(for: .grade("E")) == nil)
        // Non-monotone: A worse than B.
        let error = try #require(throws: DecodingError.self) {
            try decode(RatingScale.self, Self.gradesJSON.replacingOccurrences(of: "PD_A", with: "0.1"))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(context.debugDescription.contains("PD must not improve"))
        #expect(context.codingPath.last?.stringValue == "pdMap")
        // PD out of (0, 1].
        #expect(throws: DecodingError.self) {
            try decode(RatingScale.self, Self.gradesJSON.replacingOccurrences(of: "PD_A", with: "0"))
        }
    }
}

// MARK: - Bureau ratings

@Suite("BureauRating")
struct BureauRatingTests {
    static func rating(ratedOn: String) throws -> BureauRating {
        BureauRating(source: "creditsafe", scaleID: "creditsafe-like-score",
                     buyerIdentifier: try BuyerIdentifier(scheme: .duns, value: "150483782"),
                     ratedOn: try date(ratedOn), value: .score(72),
                     suggestedLimit: try Money(parsing: "50000", currency: .EUR), adverseEvents: ["late payment"])
    }

    @Test(arguments: [("2026-10-30", 302), ("2026-01-01", 0), ("2026-01-02", 1), ("2027-01-01", 365),
                      ("2028-01-01", 730)])
    func ageInDays(on: String, days: Int) throws {
        // 2026-01-01 → 2026-10-30: 31+28+31+30+31+30+31+31+30 + 29 = 302 days.
        #expect(try Self.rating(ratedOn: "2026-01-01").ageInDays(on: try date(on)) == days)
    }

    /// Current behaviour: a rating dated after the evaluation date has a negative age (not rejected, not clamped).
    @Test func aRatingFromTheFutureHasANegativeAge() throws {
        #expect(try Self.rating(ratedOn: "2026-01-01").ageInDays(on: try date("2025-12-31")) == -1)
    }

    @Test func roundTripsThroughJSON() throws {
        let rating = try Self.rating(ratedOn: "2026-01-01")
        let json = try encode(rating)
        #expect(json.contains(#""value":{"score":72}"#))
        #expect(json.contains(#""ratedOn":"2026-01-01""#))
        #expect(try decode(BureauRating.self, json) == rating)
    }
}
