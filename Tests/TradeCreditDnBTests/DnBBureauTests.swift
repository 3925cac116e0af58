import Foundation
import Testing
import TradeCreditDnB
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

// Every test runs against a LoopbackHTTPServer on 127.0.0.1 through a real CurlHTTPClient; nothing reaches the
// internet. The fixtures are written by hand in D&B's documented shapes (Fixtures/README.md), with fictional DUNS.

@Suite("D&B: mapping")
struct DnBMappingTests {
    @Test func foundBuyerHasFailureClassAndPaydex() async throws {
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        let ratings = try await dnb.bureau.ratings(for: try dunsQuery("999000001"))
        let duns = try BuyerIdentifier(scheme: .duns, value: "999000001")

        #expect(ratings.count == 2)
        let failure = try #require(ratings.first { $0.scaleID == "dnb-failure-class" })
        #expect(failure.source == "dnb")
        #expect(failure.value == .score(2))
        #expect(failure.ratedOn == (try date("2026-10-31")))
        #expect(failure.buyerIdentifier == duns)
        #expect(try DnBBureau.failureClassScale.probabilityOfDefault(for: failure.value) == 0.003)
        #expect(dnb.bureau.scale == DnBBureau.failureClassScale)

        let paydex = try #require(ratings.first { $0.scaleID == "dnb-paydex" })
        #expect(paydex.value == .score(80))
        #expect(paydex.ratedOn == (try date("2026-11-01")))
        #expect(paydex.buyerIdentifier == duns)
        #expect(try DnBBureau.paydexScale.probabilityOfDefault(for: paydex.value) == 0.005)
    }

    @Test func requestsFollowTheDocumentedShape() async throws {
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        _ = try await dnb.bureau.ratings(for: try dunsQuery("999000001"))

        let token = try #require(dnb.tokenRequests.first)
        #expect(token.method == .post)
        let basic = Data("\(clientKey):\(clientSecret)".utf8).base64EncodedString()
        #expect(token.headers["Authorization"] == "Basic \(basic)")
        #expect(token.bodyText.contains("client_credentials"))

        let data = try #require(dnb.dataRequests("999000001").first)
        #expect(data.method == .get)
        #expect(data.headers["Authorization"] == "Bearer token-one")
        #expect(data.query == "blockIDs=companyinfo_L2_v1,paymentinsight_L1_v1,financialstrengthinsight_L2_v1")
    }

    @Test func outOfBusinessIsInDefault() async throws {
        let dnb = try LoopbackDnB(data: [dataPath("999000002"): [try Fixture.ok("out-of-business.json")]])
        defer { dnb.close() }
        let ratings = try await dnb.bureau.ratings(for: try dunsQuery("999000002"))
        #expect(ratings.count == 1)
        let rating = try #require(ratings.first)
        #expect(rating.scaleID == "dnb-failure-class")
        #expect(rating.value == .inDefault)
        #expect(rating.ratedOn == (try date("2026-09-15")))
        #expect(rating.adverseEvents.first?.contains("out of business") == true)
        #expect(try DnBBureau.failureClassScale.probabilityOfDefault(for: rating.value) == 1)
    }

    @Test func missingScoreIsNotRated() async throws {
        let dnb = try LoopbackDnB(data: [dataPath("999000003"): [try Fixture.ok("no-score.json")]])
        defer { dnb.close() }
        let ratings = try await dnb.bureau.ratings(for: try dunsQuery("999000003"))
        #expect(ratings.map(\.value) == [.notRated])
        // No scoreDate: the date of the transaction.
        #expect(ratings.first?.ratedOn == (try date("2026-11-21")))
        #expect(try DnBBureau.failureClassScale.probabilityOfDefault(for: .notRated) == nil)
    }
}

@Suite("D&B: errors")
struct DnBErrorTests {
    @Test func unknownDUNSIsNotFoundWithTheDnBCode() async throws {
        let dnb = try LoopbackDnB(data: [dataPath("999000009"): [try Fixture.response("not-found.json", status: 404)]])
        defer { dnb.close() }
        let error = try await expectDnBError(.notFound) { try await dnb.bureau.ratings(for: try dunsQuery("999000009")) }
        #expect(error.dnbErrorCode == "40105")
        #expect(error.status == 404)
        #expect(error.message.contains("40105"))
        #expect(error.message.contains("Requested DUNS number not found"))
    }

    @Test func batchRecordsTheStableCode() async throws {
        let dnb = try LoopbackDnB(data: [
            dataPath("999000009"): [try Fixture.response("not-found.json", status: 404)],
            dataPath("999000001"): [try Fixture.ok("found.json")],
        ])
        defer { dnb.close() }
        let results = await dnb.bureau.ratings(for: [try dunsQuery("999000009"), try dunsQuery("999000001")])
        guard case .failed(let code, _) = results[0].outcome else { Issue.record("\(results[0])"); return }
        #expect(code == "not_found")
        guard case .rated(let ratings) = results[1].outcome else { Issue.record("\(results[1])"); return }
        #expect(ratings.count == 2)
    }

    @Test func refusedCredentialIsAskedOnceAndNeverLeaksTheSecret() async throws {
        let refusal = ScriptedResponse(
            status: 401, headers: ["Content-Type": "application/json"],
            body: Data(#"{"transactionDetail":{},"error":{"errorCode":"00004","errorMessage":"Invalid credentials \#(clientSecret)"}}"#.utf8))
        let dnb = try LoopbackDnB(token: [refusal], data: [dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        let first = try await expectDnBError(.unauthorized) { try await dnb.bureau.ratings(for: try dunsQuery("999000001")) }
        let second = try await expectDnBError(.unauthorized) { try await dnb.bureau.ratings(for: try dunsQuery("999000001")) }
        #expect(dnb.tokenRequests.count == 1)
        #expect(dnb.dataRequests("999000001").isEmpty)
        let basic = Data("\(clientKey):\(clientSecret)".utf8).base64EncodedString()
        for error in [first, second] {
            let text = String(describing: error)
            #expect(!text.contains(clientSecret), "\(text)")
            #expect(!text.contains(basic), "\(text)")
            #expect(text.contains("00004"))
        }
    }

    @Test func refusedTokenFixtureIsUnauthorized() async throws {
        let dnb = try LoopbackDnB(token: [try Fixture.response("token-refused.json", status: 401)], data: [:])
        defer { dnb.close() }
        try await expectDnBError(.unauthorized) { try await dnb.bureau.ratings(for: try dunsQuery("999000001")) }
        #expect(dnb.tokenRequests.count == 1)
    }

    @Test func malformedBlockNamesTheField() async throws {
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [try Fixture.ok("malformed-class.json")]])
        defer { dnb.close() }
        let error = try await expectDnBError(.invalidResponse) {
            try await dnb.bureau.ratings(for: try dunsQuery("999000001"))
        }
        #expect(error.field == "organization.dnbAssessment.failureScore.classScore")
        #expect(String(describing: error).contains("organization.dnbAssessment.failureScore.classScore"))
    }

    @Test func outOfRangeClassNamesTheField() async throws {
        let body = #"{"organization":{"duns":"999000001","dnbAssessment":{"failureScore":{"classScore":7,"scoreDate":"2026-10-31"}}}}"#
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [.ok(json: body)]])
        defer { dnb.close() }
        let error = try await expectDnBError(.invalidResponse) {
            try await dnb.bureau.ratings(for: try dunsQuery("999000001"))
        }
        #expect(error.field == "organization.dnbAssessment.failureScore.classScore")
    }

    @Test func truncatedTransferIsATypedError() async throws {
        let cut = try Fixture.ok("found.json").with(.truncateAfterBodyBytes(120))
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [cut]])
        defer { dnb.close() }
        let error = try await #require(throws: DnBError.self) {
            try await dnb.bureau.ratings(for: try dunsQuery("999000001"))
        }
        #expect([DnBError.Code.unavailable, .invalidResponse].contains(error.code), "\(error)")
    }

    @Test func truncatedJSONIsInvalidResponse() async throws {
        let text = try Fixture.text("found.json")
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [.ok(json: String(text.prefix(300)))]])
        defer { dnb.close() }
        let error = try await expectDnBError(.invalidResponse) {
            try await dnb.bureau.ratings(for: try dunsQuery("999000001"))
        }
        #expect(error.field == "$")
    }

    @Test func serverErrorIsUnavailable() async throws {
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [.status(500)]])
        defer { dnb.close() }
        try await expectDnBError(.unavailable) { try await dnb.bureau.ratings(for: try dunsQuery("999000001")) }
    }
}

@Suite("D&B: tokens and retries")
struct DnBTokenTests {
    @Test func tokenIsRefreshedOnceAfterExpiry() async throws {
        let clock = TestClock()
        let dnb = try LoopbackDnB(token: [tokenResponse("token-one", expiresIn: 3600), tokenResponse("token-two", expiresIn: 3600)],
                                  data: [dataPath("999000001"): [try Fixture.ok("found.json")]], now: clock.now)
        defer { dnb.close() }
        let query = try dunsQuery("999000001")
        _ = try await dnb.bureau.ratings(for: query)
        clock.advance(seconds: 3000)  // before expiry minus the 300 s margin
        _ = try await dnb.bureau.ratings(for: query)
        #expect(dnb.tokenRequests.count == 1)
        clock.advance(seconds: 400)  // 3400 s: inside the margin
        _ = try await dnb.bureau.ratings(for: query)
        _ = try await dnb.bureau.ratings(for: query)
        #expect(dnb.tokenRequests.count == 2)
        #expect(dnb.dataRequests("999000001").map { $0.headers["Authorization"] ?? "" }
            == ["Bearer token-one", "Bearer token-one", "Bearer token-two", "Bearer token-two"])
    }

    @Test func unauthorizedDataRequestRefreshesAndReplaysOnce() async throws {
        let dnb = try LoopbackDnB(token: [tokenResponse("token-one"), tokenResponse("token-two")],
                                  data: [dataPath("999000001"): [.status(401), try Fixture.ok("found.json")]])
        defer { dnb.close() }
        let ratings = try await dnb.bureau.ratings(for: try dunsQuery("999000001"))
        #expect(ratings.count == 2)
        #expect(dnb.tokenRequests.count == 2)
        #expect(dnb.dataRequests("999000001").map { $0.headers["Authorization"] ?? "" }
            == ["Bearer token-one", "Bearer token-two"])
    }

    @Test func persistentUnauthorizedDataRequestIsReplayedOnlyOnce() async throws {
        let dnb = try LoopbackDnB(token: [tokenResponse("token-one"), tokenResponse("token-two")],
                                  data: [dataPath("999000001"): [.status(401)]])
        defer { dnb.close() }
        try await expectDnBError(.unauthorized) { try await dnb.bureau.ratings(for: try dunsQuery("999000001")) }
        #expect(dnb.tokenRequests.count == 2)
        #expect(dnb.dataRequests("999000001").count == 2)
    }

    @Test func rateLimitIsRetriedThroughRetryingHTTPClient() async throws {
        let clock = RecordingRetryClock()
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [.tooManyRequests(retryAfter: "2"), try Fixture.ok("found.json")]],
                                  wrap: { RetryingHTTPClient(wrapping: $0, clock: clock) })
        defer { dnb.close() }
        let ratings = try await dnb.bureau.ratings(for: try dunsQuery("999000001"))
        #expect(ratings.count == 2)
        #expect(dnb.dataRequests("999000001").count == 2)
        #expect(clock.recorded == [.seconds(2)])
    }

    @Test func rateLimitWithoutRetriesIsRateLimited() async throws {
        let dnb = try LoopbackDnB(data: [dataPath("999000001"): [.tooManyRequests(retryAfter: "2")]])
        defer { dnb.close() }
        let error = try await expectDnBError(.rateLimited) { try await dnb.bureau.ratings(for: try dunsQuery("999000001")) }
        #expect(error.retryAfterSeconds == 2)
    }

    @Test func concurrentLookupsShareOneTokenRequest() async throws {
        let dnb = try LoopbackDnB(token: [tokenResponse("token-one").with(.delayBeforeHeaders(.milliseconds(200)))],
                                  data: [dataPath("999000001"): [try Fixture.ok("found.json")]])
        defer { dnb.close() }
        let query = try dunsQuery("999000001")
        let bureau = dnb.bureau
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await bureau.ratings(for: query).count } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 2, count: 20))
        #expect(dnb.tokenRequests.count == 1)
        #expect(dnb.dataRequests("999000001").count == 20)
    }
}
