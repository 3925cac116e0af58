import Foundation
import Testing
import TradeCreditDnB
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

// Identity resolution (`/v1/match/cleanseMatch`) before the data blocks, for buyers without a DUNS. The match
// fixtures are written by hand in the shape remembered from D&B's documentation (Fixtures/README.md).

@Suite("D&B: matching by name and registration number")
struct DnBMatchTests {
    @Test func nameAndCountryMatchFetchesTheMatchedDUNS() async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.ok("match-one.json")],
                                         dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        let query = BuyerQuery(identifiers: [], legalName: " Fictive Équipements & Fils+Co/SA ", country: .FR)
        let ratings = try await dnb.bureau.ratings(for: query)

        let duns = try BuyerIdentifier(scheme: .duns, value: "999000001")
        #expect(ratings.map(\.scaleID) == ["dnb-failure-class", "dnb-paydex"])
        #expect(ratings.allSatisfy { $0.buyerIdentifier == duns })
        #expect(dnb.server.requests.map(\.pathWithoutQuery) == ["/v2/token", matchPath, dataPath("999000001")])
        let match = try #require(dnb.matchRequests.first)
        #expect(match.method == .get)
        #expect(match.headers["Accept"] == "application/json")
        #expect(match.query == "name=Fictive%20%C3%89quipements%20%26%20Fils%2BCo%2FSA&countryISOAlpha2Code=FR")
    }

    @Test func matchAndDataRequestsShareOneToken() async throws {
        let dnb = try LoopbackDnB(token: [tokenResponse("token-one"), tokenResponse("token-two")],
                                  data: [matchPath: [try Fixture.ok("match-one.json")],
                                         dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        _ = try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive", country: .FR))
        #expect(dnb.tokenRequests.count == 1)
        let sent = (dnb.matchRequests + dnb.dataRequests("999000001")).map { $0.headers["Authorization"] ?? "" }
        #expect(sent == ["Bearer token-one", "Bearer token-one"])
    }

    @Test func sirenOnlyQueryIsSentAsTheRegistrationNumber() async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.ok("match-one.json")],
                                         dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        let query = BuyerQuery(identifiers: [try BuyerIdentifier(scheme: .siren, value: "999 000 011")], country: .FR)
        let ratings = try await dnb.bureau.ratings(for: query)
        #expect(ratings.count == 2)
        #expect(ratings.first?.buyerIdentifier == (try BuyerIdentifier(scheme: .duns, value: "999000001")))
        #expect(dnb.matchRequests.first?.query == "countryISOAlpha2Code=FR&registrationNumber=999000011")
    }

    @Test(arguments: RegistrationCase.all)
    func registrationNumberFollowsTheCountry(_ example: RegistrationCase) async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.ok("match-empty.json")]])
        defer { dnb.close() }
        let query = BuyerQuery(identifiers: try example.identifiers(), country: example.country)
        #expect(try await dnb.bureau.ratings(for: query).isEmpty)
        #expect(dnb.matchRequests.map(\.query) == [example.expectedQuery])
    }

    @Test func bestCandidateIsTheMostConfidentThenTheFirstDisplayed() async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.ok("match-several.json")],
                                         dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        let ratings = try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive Logistique",
                                                                   country: .FR))
        // Confidence 9 twice: display sequence 2 (D-U-N-S 999000001) wins over 3, although listed after it.
        #expect(ratings.count == 2)
        #expect(ratings.allSatisfy { $0.buyerIdentifier.value == "999000001" })
        #expect(dnb.allDataRequests.map(\.pathWithoutQuery) == [dataPath("999000001")])
    }

    @Test func bestCandidateBelowTheThresholdAsksNoData() async throws {
        let log = LogRecorder()
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.ok("match-low-confidence.json")],
                                         dataPath("999000001"): [try Fixture.ok("found.json")]],
                                  logger: log.logger)
        defer { dnb.close() }
        let name = "Fictive Négoce"
        #expect(try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: name, country: .FR)).isEmpty)
        #expect(dnb.matchRequests.count == 1)
        #expect(dnb.allDataRequests.isEmpty)
        let line = try #require(log.recorded.first { $0.contains("dnb match") })
        #expect(line.hasPrefix("debug "))
        #expect(line.contains("bestConfidence=6"), "\(line)")
        #expect(line.contains("minimumConfidence=8"), "\(line)")
        #expect(!log.recorded.joined().contains(name))
    }

    @Test(arguments: [(5, true), (6, true), (7, false)])
    func customMinimumConfidence(minimum: Int, rated: Bool) async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.ok("match-low-confidence.json")],
                                         dataPath("999000001"): [try Fixture.ok("found.json")]],
                                  minimumConfidence: minimum)
        defer { dnb.close() }
        let ratings = try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive Négoce",
                                                                   country: .FR))
        #expect(ratings.count == (rated ? 2 : 0))
        #expect(dnb.dataRequests("999000001").count == (rated ? 1 : 0))
    }

    @Test func noCandidateIsNoRating() async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.ok("match-empty.json")]])
        defer { dnb.close() }
        #expect(try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive Inconnue",
                                                             country: .FR)).isEmpty)
        #expect(dnb.allDataRequests.isEmpty)
    }

    /// A `404`, or D&B's "no match" code with another status.
    @Test(arguments: [404, 400])
    func noMatchAnswerIsNoRating(status: Int) async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.response("match-not-found.json", status: status)]])
        defer { dnb.close() }
        #expect(try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive Inconnue",
                                                             country: .FR)).isEmpty)
        #expect(dnb.matchRequests.count == 1)
        #expect(dnb.allDataRequests.isEmpty)
    }

    @Test(arguments: [
        BuyerQuery(identifiers: [], legalName: "Fictive SA"),
        BuyerQuery(identifiers: [], legalName: "   ", country: .FR),
        BuyerQuery(identifiers: [], country: .FR),
        BuyerQuery(identifiers: [try! BuyerIdentifier(scheme: .vat, value: "FR66999000011")], country: .FR),
        BuyerQuery(identifiers: [try! BuyerIdentifier(scheme: .registry(authority: "RA000999"), value: "HRB 99901")]),
    ])
    func aQueryWithNothingToMatchAsksNothing(_ query: BuyerQuery) async throws {
        let dnb = try LoopbackDnB(data: [:])
        defer { dnb.close() }
        #expect(try await dnb.bureau.ratings(for: query).isEmpty)
        #expect(dnb.server.requests.isEmpty)
    }
}

@Suite("D&B: match errors")
struct DnBMatchErrorTests {
    @Test func confidenceCodeAsAStringNamesThePath() async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [try Fixture.ok("match-malformed-confidence.json")]])
        defer { dnb.close() }
        let error = try await expectDnBError(.invalidResponse) {
            try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive", country: .FR))
        }
        #expect(error.field == "matchCandidates[0].matchQualityInformation.confidenceCode")
        #expect(String(describing: error).contains("matchCandidates[0].matchQualityInformation.confidenceCode"))
        #expect(dnb.allDataRequests.isEmpty)
    }

    @Test(arguments: [
        (#"{"organization":{"primaryName":"FICTIVE"},"matchQualityInformation":{"confidenceCode":9}}"#, "[0]"),
        (#"{"organization":{"duns":"99900001"},"matchQualityInformation":{"confidenceCode":9}}"#, "[0]"),
        (#"{"organization":{"duns":"99900000A"},"matchQualityInformation":{"confidenceCode":9}}"#, "[0]"),
        (#"{"organization":{"duns":"999000001"},"matchQualityInformation":{"confidenceCode":9}},"#
            + #"{"organization":{"duns":"9990000011"},"matchQualityInformation":{"confidenceCode":3}}"#, "[1]"),
    ])
    func badCandidateDUNSNamesThePath(candidates: String, index: String) async throws {
        let body = #"{"candidatesMatchedQuantity":1,"matchCandidates":[\#(candidates)]}"#
        let dnb = try LoopbackDnB(data: [matchPath: [.ok(json: body)]])
        defer { dnb.close() }
        let error = try await expectDnBError(.invalidResponse) {
            try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive", country: .FR))
        }
        #expect(error.field == "matchCandidates\(index).organization.duns")
        #expect(dnb.allDataRequests.isEmpty)
    }

    @Test func confidenceCodeOutOfRangeNamesThePath() async throws {
        let body = #"{"matchCandidates":[{"organization":{"duns":"999000001"},"matchQualityInformation":{"confidenceCode":11}}]}"#
        let dnb = try LoopbackDnB(data: [matchPath: [.ok(json: body)]])
        defer { dnb.close() }
        let error = try await expectDnBError(.invalidResponse) {
            try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive", country: .FR))
        }
        #expect(error.field == "matchCandidates[0].matchQualityInformation.confidenceCode")
    }

    @Test(arguments: [(500, DnBError.Code.unavailable), (429, .rateLimited), (403, .unauthorized), (400, .invalidRequest)])
    func failedMatchRequestIsTyped(status: Int, code: DnBError.Code) async throws {
        let dnb = try LoopbackDnB(data: [matchPath: [.status(status)]])
        defer { dnb.close() }
        let error = try await expectDnBError(code) {
            try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive", country: .FR))
        }
        #expect(error.status == status)
        #expect(dnb.allDataRequests.isEmpty)
    }

    @Test func unauthorizedMatchRequestRefreshesAndReplaysOnce() async throws {
        let dnb = try LoopbackDnB(token: [tokenResponse("token-one"), tokenResponse("token-two")],
                                  data: [matchPath: [.status(401), try Fixture.ok("match-one.json")],
                                         dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        let ratings = try await dnb.bureau.ratings(for: BuyerQuery(identifiers: [], legalName: "Fictive",
                                                                   country: .FR))
        #expect(ratings.count == 2)
        #expect(dnb.tokenRequests.count == 2)
        #expect(dnb.matchRequests.map { $0.headers["Authorization"] ?? "" } == ["Bearer token-one", "Bearer token-two"])
        #expect(dnb.dataRequests("999000001").map { $0.headers["Authorization"] ?? "" } == ["Bearer token-two"])
    }
}

/// Which registration number a query sends, and with which country.
struct RegistrationCase: Sendable, CustomTestStringConvertible {
    let label: String
    let scheme: IdentifierScheme
    let value: String
    let identifierCountry: CountryCode?
    let country: CountryCode?
    let expectedQuery: String

    var testDescription: String { label }

    func identifiers() throws -> [BuyerIdentifier] {
        [try BuyerIdentifier(scheme: scheme, value: value, country: identifierCountry)]
    }

    static let all: [RegistrationCase] = [
        RegistrationCase(label: "SIREN, country implied", scheme: .siren, value: "999000011", identifierCountry: nil,
                         country: nil, expectedQuery: "countryISOAlpha2Code=FR&registrationNumber=999000011"),
        RegistrationCase(label: "SIRET gives its SIREN", scheme: .siret, value: "99900001100018",
                         identifierCountry: nil, country: .FR,
                         expectedQuery: "countryISOAlpha2Code=FR&registrationNumber=999000011"),
        RegistrationCase(label: "UK company number", scheme: .gbCompanyNumber, value: "SC999001",
                         identifierCountry: nil, country: .GB,
                         expectedQuery: "countryISOAlpha2Code=GB&registrationNumber=SC999001"),
        RegistrationCase(label: "registry identifier", scheme: .registry(authority: "RA000999"), value: "HRB 99901",
                         identifierCountry: try! CountryCode("DE"), country: nil,
                         expectedQuery: "countryISOAlpha2Code=DE&registrationNumber=HRB%2099901"),
    ]
}
