import Foundation
import Testing
import TradeCreditFileBureau
import TradeCreditModel

@Suite struct JSONParsingTests {
    @Test func goodFile() throws {
        let bureau = try FileRatingBureau(contentsOf: fixtureURL("ratings.json"))
        #expect(bureau.file == "ratings.json")
        #expect(bureau.name == "file")
        #expect(bureau.scale.id == "creditsafe-international")
        #expect(bureau.scales["house-grade"] != nil)
        #expect(bureau.scales.count == 7)
        let all = bureau.allRatings
        #expect(all.count == 5)
        #expect(all[0].source == "creditsafe")
        #expect(all[0].value == .score(51))  // grade B read as the lowest score of B
        #expect(all[0].buyerIdentifier == (try id("siren:194482246")))
        #expect(all[0].ratedOn == (try date("2026-09-15")))
        #expect(all[0].suggestedLimit == (try Money(parsing: "150000.00", currency: CurrencyCode("EUR"))))
        #expect(all[0].adverseEvents == ["Late filing of accounts"])
        #expect(all[1].source == "file")
        #expect(all[1].value == .score(72))
        #expect(all[1].suggestedLimit == nil)
        #expect(all[2].value == .notRated)
        #expect(all[2].scaleID == "dnb-failure-class")
        #expect(all[3].value == .inDefault)  // custom scale's default label
        #expect(all[3].scaleID == "house-grade")
        #expect(all[4].value == .inDefault)  // Coface DRA 0
        #expect(all[4].buyerIdentifier == (try id("gb-crn:08254520")))
    }

    @Test func singleScaleFileExposesIt() throws {
        let bureau = try FileRatingBureau(json: json(
            #"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":5}"#), file: "x.json")
        #expect(bureau.scale.id == "coface-dra")
        let empty = try FileRatingBureau(json: json(), file: "empty.json")
        #expect(empty.scale.id == "creditsafe-international")
        #expect(empty.allRatings.isEmpty)
    }

    static let malformed: [(String, FileBureauError.Code, String)] = [
        (#"{"identifiers":["siren:194482247"],"scale":"coface-dra","ratedOn":"2026-01-01","score":5}"#,
         .malformed, "ratings[0].identifiers[0]"),
        (#"{"identifiers":[],"scale":"coface-dra","ratedOn":"2026-01-01","score":5}"#,
         .malformed, "ratings[0].identifiers"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface","ratedOn":"2026-01-01","score":5}"#,
         .unknownScale, "ratings[0].scale"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-02-30","score":5}"#,
         .malformed, "ratings[0].ratedOn"),
        (#"{"identifiers":["duns:097697236"],"scale":"banque-de-france-cotation","ratedOn":"2026-01-01","grade":"9"}"#,
         .notOnScale, "ratings[0].grade"),
        (#"{"identifiers":["duns:097697236"],"scale":"creditsafe-international","ratedOn":"2026-01-01","grade":"F"}"#,
         .notOnScale, "ratings[0].grade"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":11}"#,
         .notOnScale, "ratings[0].score"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":7.5}"#,
         .malformed, "ratings[0].score"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":"7"}"#,
         .malformed, "ratings[0].score"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","score":7}"#,
         .malformed, "ratings[0].ratedOn"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":7,"grade":"7"}"#,
         .malformed, "ratings[0]"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","state":"gone"}"#,
         .malformed, "ratings[0].state"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":7,"limit":1}"#,
         .malformed, "ratings[0].limit"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":7,"#
            + #""suggestedLimit":{"amount":"1,5","currency":"EUR"}}"#, .malformed, "ratings[0].suggestedLimit.amount"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":7,"#
            + #""suggestedLimit":{"amount":"1.555","currency":"EUR"}}"#, .malformed, "ratings[0].suggestedLimit.amount"),
        (#"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":7,"#
            + #""suggestedLimit":{"amount":"100","currency":"EURO"}}"#, .malformed, "ratings[0].suggestedLimit.currency"),
        (#"{"identifiers":["duns:097697236"],"source":"Credit Safe","scale":"coface-dra","ratedOn":"2026-01-01","score":7}"#,
         .malformed, "ratings[0].source"),
    ]

    @Test(arguments: malformed)
    func malformedRating(rating: String, code: FileBureauError.Code, field: String) throws {
        let good = #"{"identifiers":["duns:097697236"],"scale":"coface-dra","ratedOn":"2026-01-01","score":5}"#
        let error = fileError { _ = try FileRatingBureau(json: json(good, rating), file: "bad.json") }
        // The bad rating is the second one, so its index path starts at ratings[1].
        #expect(error?.code == code)
        #expect(error?.field == field.replacingOccurrences(of: "ratings[0]", with: "ratings[1]"))
        #expect(error?.file == "bad.json")
        #expect(error?.line == nil)
    }

    @Test func exactMessageOfABadIdentifier() {
        let error = fileError {
            _ = try FileRatingBureau(json: json(
                #"{"identifiers":["siren:194482247"],"scale":"coface-dra","ratedOn":"2026-01-01","score":5}"#),
                file: "bad.json")
        }
        #expect(error?.description
            == #"bad.json: ratings[0].identifiers[0]: bad identifier: the SIREN's Luhn check digit does not verify ("siren:194482247")"#)
    }

    @Test func documentLevelErrors() {
        #expect(fileError { _ = try FileRatingBureau(json: Data("{".utf8), file: "a.json") }?.code == .malformed)
        let version = fileError { _ = try FileRatingBureau(json: Data(#"{"version":2,"ratings":[]}"#.utf8), file: "a.json") }
        #expect(version?.code == .unsupportedVersion)
        #expect(version?.field == "version")
        let missing = fileError { _ = try FileRatingBureau(json: Data(#"{"version":1}"#.utf8), file: "a.json") }
        #expect(missing?.code == .malformed)
        #expect(missing?.field == "ratings")
        let badScale = fileError {
            _ = try FileRatingBureau(json: Data(#"""
            {"version":1,"ratings":[],"scales":[{"id":"s","name":"S","kind":{"grades":["A","B"]},
             "pdMap":{"version":"1","date":"2026-01-01","isIllustrative":true,"source":"t",
                      "entries":[{"key":{"grade":"A"},"probabilityOfDefault":0.1},
                                 {"key":{"grade":"B"},"probabilityOfDefault":0.01}]}}]}
            """#.utf8), file: "a.json")
        }
        #expect(badScale?.code == .invalidScale)
        #expect(badScale?.field?.hasPrefix("scales[0]") == true)
    }

    @Test func missingFile() {
        let error = fileError { _ = try FileRatingBureau(contentsOf: fixtureURL("absent.json")) }
        #expect(error?.code == .notFound)
        #expect(error?.file == "absent.json")
    }
}

@Suite struct CSVParsingTests {
    @Test func goodFile() throws {
        let bureau = try FileRatingBureau(contentsOf: fixtureURL("ratings.csv"))
        #expect(bureau.file == "ratings.csv")
        let all = bureau.allRatings
        #expect(all.count == 5)
        #expect(all[0].value == .score(72))
        #expect(all[0].source == "file")
        #expect(all[0].suggestedLimit == (try Money(parsing: "150000.00", currency: CurrencyCode("EUR"))))
        #expect(all[1].value == .grade("3++"))
        #expect(all[1].adverseEvents == ["Payment incident", "Court judgment"])
        #expect(all[1].buyerIdentifier == (try id("siret:31972007400016")))
        #expect(all[2].value == .inDefault)  // Allianz Trade 10
        #expect(all[3].value == .notRated)
        #expect(all[4].value == .inDefault)
        #expect(bureau.scale.id == "creditsafe-international")
    }

    @Test func quotedFieldsAndCRLF() throws {
        let text = "identifiers,scale,rated_on,value,adverse,source\r\n"
            + "\"duns:097697236\",coface-dra,2026-01-01,5,\"Said \"\"late\"\"\nand more\",coface\r\n"
            + "duns:470133849,coface-dra,2026-01-02,6,,\r\n"
        let bureau = try FileRatingBureau(csv: text, file: "q.csv")
        #expect(bureau.allRatings.count == 2)
        #expect(bureau.allRatings[0].adverseEvents == ["Said \"late\"\nand more"])
        #expect(bureau.allRatings[0].source == "coface")
        let error = fileError { _ = try FileRatingBureau(csv: text + "duns:470133849,nope,2026-01-02,6,,\r\n", file: "q.csv") }
        #expect(error?.line == 5)  // the quoted field spans lines 2 and 3
        #expect(error?.code == .unknownScale)
    }

    static let malformed: [(String, FileBureauError.Code, String?)] = [
        ("siren:194482247,creditsafe-international,2026-09-15,72,,,", .malformed, "identifiers"),
        ("siren:194482246;bogus,creditsafe-international,2026-09-15,72,,,", .malformed, "identifiers"),
        (",creditsafe-international,2026-09-15,72,,,", .malformed, "identifiers"),
        ("siren:194482246,creditsafe,2026-09-15,72,,,", .unknownScale, "scale"),
        ("siren:194482246,creditsafe-international,2026-9-15,72,,,", .malformed, "rated_on"),
        ("siren:194482246,creditsafe-international,2026-02-29,72,,,", .malformed, "rated_on"),
        ("siren:194482246,banque-de-france-cotation,2026-09-15,9,,,", .notOnScale, "value"),
        ("siren:194482246,creditsafe-international,2026-09-15,F,,,", .malformed, "value"),
        ("siren:194482246,creditsafe-international,2026-09-15,7x,,,", .malformed, "value"),
        ("siren:194482246,creditsafe-international,2026-09-15,72.5,,,", .malformed, "value"),
        ("siren:194482246,creditsafe-international,2026-09-15,101,,,", .notOnScale, "value"),
        ("siren:194482246,creditsafe-international,2026-09-15,0,,,", .notOnScale, "value"),
        ("siren:194482246,creditsafe-international,2026-09-15,,,,", .malformed, "value"),
        ("siren:194482246,creditsafe-international,2026-09-15,72,12abc,EUR,", .malformed, "suggested_limit"),
        ("siren:194482246,creditsafe-international,2026-09-15,72,-5,EUR,", .malformed, "suggested_limit"),
        ("siren:194482246,creditsafe-international,2026-09-15,72,100.001,EUR,", .malformed, "suggested_limit"),
        ("siren:194482246,creditsafe-international,2026-09-15,72,100,,", .malformed, "currency"),
        ("siren:194482246,creditsafe-international,2026-09-15,72,,EUR,", .malformed, "suggested_limit"),
        ("siren:194482246,creditsafe-international,2026-09-15,72,100,XXY,", .malformed, "currency"),
        ("siren:194482246,creditsafe-international,2026-09-15,72,,,a;;b", .malformed, "adverse"),
        ("siren:194482246,creditsafe-international,2026-09-15,72,,", .malformed, nil),
        ("siren:194482246,creditsafe-international,2026-09-15,72,,,,", .malformed, nil),
        ("\"siren:194482246,creditsafe-international,2026-09-15,72,,,", .malformed, nil),
        ("sir\"en:194482246,creditsafe-international,2026-09-15,72,,,", .malformed, nil),
    ]

    @Test(arguments: malformed)
    func malformedRow(row: String, code: FileBureauError.Code, field: String?) {
        let good = "duns:097697236,coface-dra,2026-01-01,5,,,"
        let error = fileError { _ = try FileRatingBureau(csv: csv(good, row), file: "bad.csv") }
        #expect(error?.code == code)
        #expect(error?.field == field)
        #expect(error?.line == 3)
        #expect(error?.file == "bad.csv")
    }

    @Test func exactMessages() {
        let date = fileError {
            _ = try FileRatingBureau(csv: csv("siren:194482246,creditsafe-international,2026-13-01,72,,,"), file: "r.csv")
        }
        #expect(date?.description == #"r.csv:2: rated_on: expected a date as YYYY-MM-DD ("2026-13-01")"#
            || date?.description == #"r.csv:2: rated_on: no such calendar date ("2026-13-01")"#)
        let column = fileError {
            _ = try FileRatingBureau(csv: "identifiers,scale,value\nsiren:194482246,coface-dra,5\n", file: "r.csv")
        }
        #expect(column?.description == "r.csv:1: rated_on: missing column")
        let unknown = fileError {
            _ = try FileRatingBureau(csv: "identifiers,scale,rated_on,value,limit\n", file: "r.csv")
        }
        #expect(unknown?.code == .malformed)
        #expect(unknown?.field == "limit")
        let twice = fileError {
            _ = try FileRatingBureau(csv: "identifiers,scale,rated_on,value,value\n", file: "r.csv")
        }
        #expect(twice?.field == "value")
        #expect(fileError { _ = try FileRatingBureau(csv: "", file: "r.csv") }?.code == .malformed)
    }

    @Test func headerOnlyIsEmpty() throws {
        #expect(try FileRatingBureau(csv: csv(), file: "r.csv").allRatings.isEmpty)
    }
}
