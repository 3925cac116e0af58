import Foundation
import Testing
import TradeCreditFileBureau
import TradeCreditModel

/// The identifiers of the 33 sample buyers (`SampleData.buyersCSV` in the TradeCredit target), by buyer id.
let sampleBuyerIdentifiers: [(String, [String])] = [
    ("B001", ["siren:194482246", "vat:FR92194482246"]),
    ("B002", ["siren:634127120", "vat:FR09634127120"]),
    ("B003", ["siren:319720074", "vat:FR81319720074", "lei:9695009T6C9C6R8L0S74"]),
    ("B004", ["siren:246827349", "vat:FR64246827349"]),
    ("B005", ["siren:881412514", "vat:FR94881412514"]),
    ("B006", ["vat:DE829110904", "registry:RA000242:HRB 44579", "lei:969500SRAFWH786UM377"]),
    ("B007", ["vat:DE441150940", "registry:RA000242:HRB 22083"]),
    ("B008", ["vat:DE246407044", "registry:RA000242:HRB 36641"]),
    ("B009", ["vat:IT94790612529"]),
    ("B010", ["vat:IT62777788746"]),
    ("B011", ["vat:ESB30728433"]),
    ("B012", ["vat:ESB97112817"]),
    ("B013", ["vat:NL394413995B01", "lei:9695004VW93BM89GPQ48"]),
    ("B014", ["vat:BE0302221817"]),
    ("B015", ["gb-crn:08254520", "vat:GB300706466"]),
    ("B016", ["gb-crn:08384167", "vat:GB170336584"]),
    ("B017", ["gb-crn:SC189101"]),
    ("B018", ["gb-crn:NI876839", "vat:XI311101268"]),
    ("B019", ["duns:097697236"]),
    ("B020", ["duns:470133849"]),
    ("B021", ["vat:PL2923092436"]),
    ("B022", ["vat:PL9371936369"]),
    ("B023", ["vat:CHE725941178"]),
    ("B024", ["vat:SE496777290401"]),
    ("B025", ["duns:199690193"]),
    ("B026", ["duns:681170604", "provider:insurer-buyer-id:BR-450147"]),
    ("B027", ["vat:EL732621583"]),
    ("B028", ["siren:542217641", "vat:FR86542217641"]),
    ("B029", ["siren:939241519", "vat:FR87939241519"]),
    ("B030", []),
    ("B031", ["siren:341512226", "vat:FR89341512226"]),
    ("B032", ["vat:CZ92145197"]),
    ("B033", ["vat:DK31113543"]),
]

func sampleQueries() throws -> [BuyerQuery] {
    try sampleBuyerIdentifiers.map { buyer, texts in
        BuyerQuery(buyerID: BuyerID(validated: buyer), identifiers: try texts.map(id))
    }
}

@Suite struct LookupTests {
    let sample = FileRatingBureau.sample()

    @Test(arguments: [
        ("siren:194482246", "creditsafe-international"), ("vat:FR92194482246", "creditsafe-international"),
        ("lei:9695009T6C9C6R8L0S74", "creditsafe-international"), ("duns:097697236", "dnb-failure-class"),
        ("vat:DE829110904", "dnb-failure-class"), ("gb-crn:8254520", "creditsafe-international"),
        ("gb-crn:SC189101", "creditsafe-international"), ("provider:insurer-buyer-id:BR-450147", "coface-dra"),
        ("vat:GR732621583", "coface-dra"),
    ])
    func lookUpByEachScheme(identifier: String, scaleID: String) async throws {
        let found = try await sample.ratings(for: query(identifier))
        #expect(found.first?.scaleID == scaleID)
        #expect(found.first?.buyerIdentifier == (try id(identifier)))
    }

    @Test func lookUpByRegistry() throws {
        let bureau = try FileRatingBureau(csv: csv("registry:RA000242:HRB  44579,coface-dra,2026-01-01,5,,,"), file: "r.csv")
        #expect(bureau.ratingsNow(for: try query("registry:ra000242:HRB 44579")).count == 1)
        #expect(bureau.ratingsNow(for: try query("registry:RA000242:HRB 44578")).isEmpty)
    }

    @Test func sirenMatchesSiretAndVAT() throws {
        // B031 is filed under its VAT number only.
        let byVAT = sample.ratingsNow(for: try query("siren:341512226"))
        #expect(byVAT.count == 1)
        #expect(byVAT.first?.buyerIdentifier == (try id("vat:FR89341512226")))
        // A SIRET query finds a rating filed under the SIREN.
        #expect(sample.ratingsNow(for: try query("siret:19448224600015")).count == 1)
        // A SIREN query finds a rating filed under a SIRET.
        let fixture = try FileRatingBureau(contentsOf: fixtureURL("ratings.csv"))
        #expect(fixture.ratingsNow(for: try query("siren:319720074")).first?.value == .grade("3++"))
        #expect(fixture.ratingsNow(for: try query("vat:FR81319720074")).count == 1)
        // Another SIREN finds nothing.
        #expect(fixture.ratingsNow(for: try query("siren:194482246")).count == 1)
        #expect(fixture.ratingsNow(for: try query("siren:634127120")).isEmpty)
    }

    @Test func newestFirst() throws {
        let garnier = sample.ratingsNow(for: try query("siren:319720074", "lei:9695009T6C9C6R8L0S74"))
        #expect(garnier.map(\.source) == ["creditsafe", "banque-de-france"])
        #expect(garnier[0].ratedOn > garnier[1].ratedOn)
        let fixture = try FileRatingBureau(contentsOf: fixtureURL("ratings.json"))
        #expect(fixture.ratingsNow(for: try query("siren:194482246")).map(\.ratedOn)
            == [try date("2026-11-01"), try date("2026-09-15")])
    }

    @Test func notFoundIsEmpty() async throws {
        #expect(try await sample.ratings(for: query("duns:123456789")).isEmpty)
        #expect(try await sample.ratings(for: BuyerQuery(identifiers: [])).isEmpty)
    }

    @Test func sampleCoversEveryBuyerButTheConsumer() throws {
        var rated: [String] = []
        for query in try sampleQueries() where !sample.ratingsNow(for: query).isEmpty {
            rated.append(query.buyerID!.rawValue)
        }
        #expect(rated.count == 32)
        #expect(!rated.contains("B030"))
    }

    @Test func sampleShape() throws {
        let all = sample.allRatings
        let asOf = try date("2026-11-27")
        #expect(all.filter { $0.ageInDays(on: asOf) > 365 }.count == 1)
        #expect(all.allSatisfy { $0.ageInDays(on: asOf) >= 0 })
        #expect(all.filter { $0.value == .inDefault }.count == 1)
        #expect(all.contains { $0.value == .notRated })
        #expect(Set(all.map(\.scaleID)) == Set(FileRatingBureau.builtInScales.keys))
        // Two buyers with two sources each.
        let multi = try sampleQueries().filter { Set(sample.ratingsNow(for: $0).map(\.source)).count == 2 }
        #expect(multi.map { $0.buyerID!.rawValue } == ["B003", "B013"])
        // Every rating has a PD or a state on its scale.
        for rating in all {
            let scale = try #require(sample.scales[rating.scaleID])
            _ = try scale.probabilityOfDefault(for: rating.value)
        }
        // Good, average and poor buyers are there.
        let pds = try all.compactMap { try sample.scales[$0.scaleID]!.probabilityOfDefault(for: $0.value) }
        #expect(pds.contains { $0 <= 0.001 })
        #expect(pds.contains { $0 > 0.005 && $0 < 0.03 })
        #expect(pds.contains { $0 >= 0.08 && $0 < 1 })
    }

    @Test func batchOverTheSample() async throws {
        let queries = try sampleQueries()
        let results = await sample.ratings(for: queries)
        #expect(results.count == 33)
        #expect(results.map(\.query) == queries)
        var ratedCount = 0
        for result in results {
            guard case .rated(let ratings) = result.outcome else {
                Issue.record("lookup failed: \(result.outcome)")
                continue
            }
            if !ratings.isEmpty { ratedCount += 1 }
        }
        #expect(ratedCount == 32)
        #expect(results[29].outcome == .rated([]))
    }
}
