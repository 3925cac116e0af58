import Foundation
import Testing
import TradeCreditGLEIF
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

// Every test runs against a LoopbackHTTPServer on 127.0.0.1 through a real CurlHTTPClient; nothing reaches the
// internet. The fixtures are written in GLEIF's documented JSON:API shape (Fixtures/README.md), with fictional
// entities whose LEIs carry valid MOD 97-10 check digits.

private let acmeLEI = "969500ACMEINDUSTRI13"
private let acmePath = "/api/v1/lei-records/\(acmeLEI)"

@Suite("GLEIF: lookup by LEI")
struct GLEIFLookupTests {
    @Test func foundRecordIsParsed() async throws {
        let gleif = try LoopbackGLEIF(routes: [acmePath: try Fixture.ok("record-acme.json")])
        defer { gleif.close() }
        let entity = try #require(try await gleif.registry.entity(lei: try lei(acmeLEI)))
        #expect(gleif.server.requests.map(\.path) == [acmePath])
        #expect(gleif.server.requests.first?.headers["Accept"] == "application/vnd.api+json")
        #expect(entity.lei == (try lei(acmeLEI)))
        #expect(entity.legalName == "ACME INDUSTRIE SA")
        #expect(entity.country == .FR)
        #expect(entity.registrationAuthority == "RA000189")
        #expect(entity.registrationNumber == "732 829 320")
        #expect(entity.status == .active)
        // 2026-06-02T08:31:11+02:00 = 06:31:11 UTC.
        #expect(entity.lastUpdate == ISO8601DateFormatter().date(from: "2026-06-02T06:31:11Z"))
    }

    @Test func registryAndSIRENIdentifiersAreDerived() async throws {
        let gleif = try LoopbackGLEIF(routes: [acmePath: try Fixture.ok("record-acme.json")])
        defer { gleif.close() }
        let entity = try #require(try await gleif.registry.entity(lei: try lei(acmeLEI)))
        #expect(entity.identifiers.map(\.description) == [
            "lei:\(acmeLEI)", "registry:RA000189:732 829 320", "siren:732829320",
        ])
    }

    @Test func unknownLEIIsNil() async throws {
        let gleif = try LoopbackGLEIF(routes: [:])
        defer { gleif.close() }
        let missing = try lei("969500TRANSPORTSA091")
        #expect(try await gleif.registry.entity(lei: missing) == nil)
        #expect(gleif.server.requests.map(\.path) == ["/api/v1/lei-records/969500TRANSPORTSA091"])
    }

    @Test func aRealLEIIsAccepted() async throws {
        // 529900T8BM49AURSDO55 is a published LEI; the answer here is a fixture, so only the request is checked.
        let gleif = try LoopbackGLEIF(routes: [:])
        defer { gleif.close() }
        #expect(try await gleif.registry.entity(lei: try lei("529900T8BM49AURSDO55")) == nil)
        #expect(gleif.server.requests.map(\.path) == ["/api/v1/lei-records/529900T8BM49AURSDO55"])
    }

    @Test func anIdentifierOtherThanAnLEIIsRefusedWithoutARequest() async throws {
        let gleif = try LoopbackGLEIF(routes: [:])
        defer { gleif.close() }
        let siren = try BuyerIdentifier(scheme: .siren, value: "732829320")
        try await expectGLEIFError(.invalidRequest) { try await gleif.registry.entity(lei: siren) }
        #expect(gleif.server.requests.isEmpty)
    }

    @Test func aRecordForAnotherLEIIsMalformed() async throws {
        let gleif = try LoopbackGLEIF(routes: ["/api/v1/lei-records/969500TRANSPORTSA091": try Fixture.ok("record-acme.json")])
        defer { gleif.close() }
        let error = try await expectGLEIFError(.malformed) {
            try await gleif.registry.entity(lei: try lei("969500TRANSPORTSA091"))
        }
        #expect(error.field == "data.attributes.lei")
    }
}

@Suite("GLEIF: searches")
struct GLEIFSearchTests {
    /// Answers page 1 or 2 of the transports search by `page[number]`.
    private static func paginatedServer() throws -> LoopbackHTTPServer {
        let first = try Fixture.ok("search-transports-page1.json")
        let second = try Fixture.ok("search-transports-page2.json")
        return try LoopbackHTTPServer { request in
            guard request.pathWithoutQuery == "/api/v1/lei-records" else { return .notFound }
            let query = parameters((request.query ?? "").removingPercentEncoding ?? "")
            return query["page[number]"] == "2" ? second : first
        }
    }

    @Test func nameSearchFollowsPagination() async throws {
        let gleif = try LoopbackGLEIF(server: try Self.paginatedServer(), pageSize: 2)
        defer { gleif.close() }
        let found = try await gleif.registry.search(name: "Transports Exemple", country: .FR, limit: 10)
        #expect(found.map(\.lei.value) == ["969500TRANSPORTSA091", "969500TRANSPORTSB061", "969500TRANSPORTSC031"])
        #expect(found.map(\.status) == [.active, .inactive, .active])
        let queries = gleif.decodedQueries.map(parameters)
        #expect(queries.count == 2)
        #expect(queries.map { $0["page[number]"] } == ["1", "2"])
        #expect(queries.allSatisfy { $0["page[size]"] == "2" })
        #expect(queries.allSatisfy { $0["filter[entity.legalName]"] == "Transports Exemple" })
        #expect(queries.allSatisfy { $0["filter[entity.legalAddress.country]"] == "FR" })
        // Brackets and spaces travel percent-encoded.
        let raw = try #require(gleif.server.requests.first?.query)
        #expect(raw.contains("filter%5Bentity.legalName%5D=Transports%20Exemple"))
    }

    @Test func limitIsRespectedWithinAPage() async throws {
        let gleif = try LoopbackGLEIF(server: try Self.paginatedServer(), pageSize: 2)
        defer { gleif.close() }
        let found = try await gleif.registry.search(name: "Transports Exemple", country: nil, limit: 1)
        #expect(found.map(\.lei.value) == ["969500TRANSPORTSA091"])
        let queries = gleif.decodedQueries.map(parameters)
        #expect(queries.count == 1)
        #expect(queries.first?["page[size]"] == "1")
        #expect(queries.first?["filter[entity.legalAddress.country]"] == nil)
    }

    @Test func limitEqualToAPageStopsAfterIt() async throws {
        let gleif = try LoopbackGLEIF(server: try Self.paginatedServer(), pageSize: 2)
        defer { gleif.close() }
        let found = try await gleif.registry.search(name: "Transports Exemple", country: .FR, limit: 2)
        #expect(found.count == 2)
        #expect(gleif.server.requests.count == 1)
    }

    @Test func limitOfZeroMakesNoRequest() async throws {
        let gleif = try LoopbackGLEIF(server: try Self.paginatedServer())
        defer { gleif.close() }
        #expect(try await gleif.registry.search(name: "Transports", country: nil, limit: 0).isEmpty)
        #expect(gleif.server.requests.isEmpty)
    }

    @Test func emptySearchResultIsEmpty() async throws {
        let gleif = try LoopbackGLEIF(routes: ["/api/v1/lei-records": try Fixture.ok("search-empty.json")])
        defer { gleif.close() }
        #expect(try await gleif.registry.search(name: "Nobody", country: .FR, limit: 5).isEmpty)
        #expect(gleif.server.requests.count == 1)
    }

    @Test func registrationNumberSearch() async throws {
        let gleif = try LoopbackGLEIF(routes: ["/api/v1/lei-records": try Fixture.ok("search-registered-as.json")])
        defer { gleif.close() }
        let found = try await gleif.registry.search(registrationNumber: "HRB 12345", country: .DE)
        let entity = try #require(found.first)
        #expect(found.count == 1)
        #expect(entity.legalName == "BEISPIEL HANDEL GMBH")
        #expect(entity.country == .DE)
        // Not a French SIRENE registration: no siren identifier.
        #expect(entity.identifiers.map(\.description) == ["lei:5299000GMBHBEISPIE64", "registry:RA000242:HRB 12345"])
        let query = try #require(gleif.decodedQueries.first.map(parameters))
        #expect(query["filter[entity.registeredAs]"] == "HRB 12345")
        #expect(query["filter[entity.legalAddress.country]"] == "DE")
        #expect(query["page[number]"] == "1")
    }

    @Test func placeholderAuthorityGivesOnlyTheLEI() async throws {
        let gleif = try LoopbackGLEIF(server: try Self.paginatedServer(), pageSize: 2)
        defer { gleif.close() }
        let found = try await gleif.registry.search(name: "Transports Exemple", country: .FR, limit: 3)
        // Record C is registered at RA888888 with no number.
        #expect(found.last?.identifiers.map(\.description) == ["lei:969500TRANSPORTSC031"])
        #expect(found.first?.identifiers.map(\.description) == [
            "lei:969500TRANSPORTSA091", "registry:RA000189:443061841", "siren:443061841",
        ])
    }

    @Test func emptySearchTermsAreRefused() async throws {
        let gleif = try LoopbackGLEIF(routes: [:])
        defer { gleif.close() }
        try await expectGLEIFError(.invalidRequest) { try await gleif.registry.search(name: "  ", country: nil, limit: 5) }
        try await expectGLEIFError(.invalidRequest) {
            try await gleif.registry.search(registrationNumber: "", country: nil)
        }
        #expect(gleif.server.requests.isEmpty)
    }
}

@Suite("GLEIF: failures")
struct GLEIFFailureTests {
    /// The ACME record with `edit` applied to its text.
    private func acme(_ edit: (String) -> String) throws -> ScriptedResponse {
        .ok(json: edit(try Fixture.text("record-acme.json")))
    }

    private func lookupError(_ response: ScriptedResponse) async throws -> GLEIFError {
        let gleif = try LoopbackGLEIF(routes: [acmePath: response])
        defer { gleif.close() }
        return try await expectGLEIFError(.malformed) { try await gleif.registry.entity(lei: try lei(acmeLEI)) }
    }

    @Test func missingLegalNameNamesTheField() async throws {
        let response = try acme { $0.replacingOccurrences(of: #""name": "ACME INDUSTRIE SA","#, with: "") }
        let error = try await lookupError(response)
        #expect(error.field == "data.attributes.entity.legalName.name")
    }

    @Test func badCountryNamesTheField() async throws {
        let response = try acme { $0.replacingOccurrences(of: #""country": "FR""#, with: #""country": "ZZ""#) }
        let error = try await lookupError(response)
        #expect(error.field == "data.attributes.entity.legalAddress.country")
    }

    @Test func badLEINamesTheField() async throws {
        let response = try acme { $0.replacingOccurrences(of: #""lei": "969500ACMEINDUSTRI13""#, with: #""lei": "969500ACMEINDUSTRI14""#) }
        let error = try await lookupError(response)
        #expect(error.field == "data.attributes.lei")
    }

    @Test func badTimestampNamesTheField() async throws {
        let response = try acme { $0.replacingOccurrences(of: "2026-06-02T08:31:11+02:00", with: "yesterday") }
        let error = try await lookupError(response)
        #expect(error.field == "data.attributes.registration.lastUpdateDate")
    }

    @Test func truncatedJSONIsMalformed() async throws {
        let text = try Fixture.text("record-acme.json")
        let error = try await lookupError(.ok(json: String(text.prefix(text.count / 2))))
        #expect(error.field == "$")
    }

    @Test func malformedSearchPageNamesTheRecord() async throws {
        let text = try Fixture.text("search-transports-page1.json")
            .replacingOccurrences(of: #""country": "FR""#, with: #""country": 250"#)
        let gleif = try LoopbackGLEIF(routes: ["/api/v1/lei-records": .ok(json: text)])
        defer { gleif.close() }
        let error = try await expectGLEIFError(.malformed) {
            try await gleif.registry.search(name: "Transports", country: nil, limit: 5)
        }
        #expect(error.field == "data[0].attributes.entity.legalAddress.country")
    }

    @Test func bodyCutShortOnTheWireIsUnavailable() async throws {
        let response = try Fixture.ok("record-acme.json").with(.truncateAfterBodyBytes(100))
        let gleif = try LoopbackGLEIF(routes: [acmePath: response])
        defer { gleif.close() }
        try await expectGLEIFError(.unavailable) { try await gleif.registry.entity(lei: try lei(acmeLEI)) }
    }

    @Test func serverErrorIsUnavailable() async throws {
        let gleif = try LoopbackGLEIF(routes: [acmePath: .text("boom", status: 500)])
        defer { gleif.close() }
        let error = try await expectGLEIFError(.unavailable) { try await gleif.registry.entity(lei: try lei(acmeLEI)) }
        #expect(error.status == 500)
        #expect(error.description.contains("HTTP 500"))
    }

    @Test func badRequestIsInvalidRequest() async throws {
        let gleif = try LoopbackGLEIF(routes: ["/api/v1/lei-records": .text(#"{"errors":[{"status":"400"}]}"#, status: 400)])
        defer { gleif.close() }
        let error = try await expectGLEIFError(.invalidRequest) {
            try await gleif.registry.search(name: "Transports", country: nil, limit: 5)
        }
        #expect(error.status == 400)
    }

    @Test func tooManyRequestsIsRetriedThroughRetryingClient() async throws {
        let server = try LoopbackHTTPServer(sequences: [
            acmePath: [.tooManyRequests(retryAfter: "0"), try Fixture.ok("record-acme.json")],
        ])
        let gleif = try LoopbackGLEIF(server: server) { curl in
            RetryingHTTPClient(wrapping: curl, policy: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1)))
        }
        defer { gleif.close() }
        let entity = try await gleif.registry.entity(lei: try lei(acmeLEI))
        #expect(entity?.legalName == "ACME INDUSTRIE SA")
        #expect(server.requests.count == 2)
    }

    @Test func tooManyRequestsWithoutRetriesIsUnavailable() async throws {
        let gleif = try LoopbackGLEIF(routes: [acmePath: .tooManyRequests(retryAfter: "1")])
        defer { gleif.close() }
        let error = try await expectGLEIFError(.unavailable) { try await gleif.registry.entity(lei: try lei(acmeLEI)) }
        #expect(error.status == 429)
    }
}

@Suite("GLEIF: LegalEntity")
struct LegalEntityTests {
    @Test func codableRoundTrip() throws {
        let entity = try LegalEntity(
            lei: try lei(acmeLEI), legalName: " ACME INDUSTRIE SA ", country: .FR, registrationAuthority: "ra000189",
            registrationNumber: "732829320", status: .inactive,
            lastUpdate: ISO8601DateFormatter().date(from: "2026-06-02T06:31:11Z")
        )
        #expect(entity.legalName == "ACME INDUSTRIE SA")
        #expect(entity.registrationAuthority == "RA000189")
        let data = try JSONEncoder().encode(entity)
        #expect(try JSONDecoder().decode(LegalEntity.self, from: data) == entity)
        #expect(String(decoding: data, as: UTF8.self).contains(#""status":"inactive""#))
    }

    @Test func keyedByAnLEIOnly() throws {
        let siren = try BuyerIdentifier(scheme: .siren, value: "732829320")
        #expect(throws: ModelError.self) {
            try LegalEntity(lei: siren, legalName: "X", country: .FR, status: .active)
        }
        #expect(throws: ModelError.self) {
            try LegalEntity(lei: try lei(acmeLEI), legalName: "  ", country: .FR, status: .active)
        }
    }

    @Test func invalidSIRENDigitsGiveNoSIREN() throws {
        let entity = try LegalEntity(lei: try lei(acmeLEI), legalName: "X", country: .FR,
                                     registrationAuthority: "RA000189", registrationNumber: "732829321",
                                     status: .active)
        #expect(entity.identifiers.map(\.description) == ["lei:\(acmeLEI)", "registry:RA000189:732829321"])
    }
}
