import Foundation
import Testing
import TradeCreditCreditsafe
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

// Every test runs against a LoopbackHTTPServer on 127.0.0.1 through a real CurlHTTPClient; nothing reaches the
// internet. The fixtures are written by hand in Creditsafe Connect's documented shapes (Fixtures/README.md), with
// fictional companies.

@Suite("Creditsafe: mapping reports")
struct CreditsafeMappingTests {
    @Test func foundCompanyIsSearchedReadAndMapped() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [
            acmeSearch: try Fixture.ok("search-acme.json"),
            acmeReport: try Fixture.ok("report-acme.json"),
        ])
        defer { creditsafe.close() }
        let ratings = try await creditsafe.bureau.ratings(for: try query("siren:732829320"))
        let rating = try #require(ratings.first)
        #expect(ratings.count == 1)
        #expect(rating.source == "creditsafe")
        #expect(rating.scaleID == "creditsafe-international")
        #expect(rating.buyerIdentifier.description == "provider:creditsafe:FR-X-732829320")
        #expect(rating.value == .score(72))
        #expect(try creditsafe.bureau.scale.probabilityOfDefault(for: rating.value) == 0.0003)
        #expect(rating.suggestedLimit == Money(units: 50_000, .EUR))
        #expect(rating.ratedOn == (try CalendarDate(year: 2026, month: 9, day: 14)))
        #expect(rating.adverseEvents.isEmpty)

        let requests = creditsafe.server.requests
        #expect(requests.map(\.path) == [LoopbackCreditsafe.loginPath, acmeSearch, acmeReport])
        let login = try #require(requests.first)
        #expect(login.method == .post)
        let body = try #require(try JSONSerialization.jsonObject(with: login.body) as? [String: String])
        #expect(body == ["username": TestAccount.username, "password": TestAccount.password])
        #expect(requests.dropFirst().allSatisfy { $0.headers["Authorization"] == "Bearer token-1" })
    }

    @Test func limitsAsNumbersOrWithThousandsCommasAreRead() async throws {
        func report(limit: String) -> ScriptedResponse {
            .ok(json: #"{"report":{"creditScore":{"currentCreditRating":{"commonValue":"B","#
                + #""creditLimit":{"currency":"GBP","value":\#(limit)},"providerValue":{"value":60}}}}}"#)
        }
        let creditsafe = try LoopbackCreditsafe(routes: [
            "/v1/companies/GB-0-1": report(limit: "25000"),
            "/v1/companies/GB-0-2": report(limit: #""1,250,000""#),
        ])
        defer { creditsafe.close() }
        let first = try #require(try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:GB-0-1")).first)
        #expect(first.value == .score(60))
        #expect(first.suggestedLimit == Money(units: 25_000, .GBP))
        // No date in the report: today, as the injected clock says (2026-11-18).
        #expect(first.ratedOn == (try CalendarDate(year: 2026, month: 11, day: 18)))
        let second = try #require(try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:GB-0-2")).first)
        #expect(second.suggestedLimit == Money(units: 1_250_000, .GBP))
    }

    @Test func aNotRatedLimitIsNoLimit() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [
            "/v1/companies/FR-X-443061841": try Fixture.ok("report-limit-not-rated.json"),
        ])
        defer { creditsafe.close() }
        let rating = try #require(try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-443061841")).first)
        #expect(rating.value == .score(45))
        #expect(rating.suggestedLimit == nil)
        // No rating change date: the report's order date.
        #expect(rating.ratedOn == (try CalendarDate(year: 2026, month: 11, day: 20)))
    }

    @Test func commonValueEIsNotRated() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [
            "/v1/companies/FR-X-123456782": try Fixture.ok("report-not-rated.json"),
        ])
        defer { creditsafe.close() }
        let rating = try #require(try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-123456782")).first)
        #expect(rating.value == .notRated)
        #expect(try creditsafe.bureau.scale.probabilityOfDefault(for: rating.value) == nil)
        #expect(rating.suggestedLimit == nil)
    }

    @Test func anInsolventCompanyIsInDefault() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [
            "/v1/companies/FR-X-123456782": try Fixture.ok("report-insolvent.json"),
        ])
        defer { creditsafe.close() }
        let rating = try #require(try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-123456782")).first)
        #expect(rating.value == .inDefault)
        #expect(try creditsafe.bureau.scale.probabilityOfDefault(for: rating.value) == 1)
        #expect(rating.suggestedLimit == Money(units: 0, .EUR))
        #expect(rating.adverseEvents == [
            "company status: NonActive / Liquidation judiciaire",
            "2 court judgments (exact match)",
            "1 possible court judgment",
            "rating downgraded from C to D",
        ])
    }

    @Test func noMatchIsAnEmptyList() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [acmeSearch: try Fixture.ok("search-empty.json")])
        defer { creditsafe.close() }
        #expect(try await creditsafe.bureau.ratings(for: try query("siren:732829320")).isEmpty)
        #expect(creditsafe.apiRequests.map(\.path) == [acmeSearch])
    }

    @Test func aConnectIdSkipsTheSearch() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [acmeReport: try Fixture.ok("report-acme.json")])
        defer { creditsafe.close() }
        let ratings = try await creditsafe.bureau.ratings(
            for: try query("siren:443061841", "provider:creditsafe:FR-X-732829320"))
        #expect(ratings.map(\.value) == [.score(72)])
        #expect(creditsafe.apiRequests.map(\.path) == [acmeReport])
    }

    @Test func searchKeysFollowTheIdentifiers() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [:])
        defer { creditsafe.close() }
        // A 404 on a search means no match, like an empty list.
        #expect(try await creditsafe.bureau.ratings(for: try query("vat:FR40303265045")).isEmpty)
        #expect(try await creditsafe.bureau.ratings(for: try query("lei:969500ACMEINDUSTRI13", "gb-crn:445790")).isEmpty)
        #expect(try await creditsafe.bureau.ratings(for: try query("siret:73282932000009")).isEmpty)
        #expect(creditsafe.apiRequests.map(\.path) == [
            "/v1/companies?countries=FR&vatNo=FR40303265045",
            "/v1/companies?countries=GB&regNo=00445790",
            acmeSearch,
        ])
    }

    @Test func aQueryWithoutASearchableIdentifierMakesNoRequest() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [:])
        defer { creditsafe.close() }
        try await expectCreditsafeError(.invalidRequest) {
            try await creditsafe.bureau.ratings(for: try query("lei:969500ACMEINDUSTRI13"))
        }
        #expect(creditsafe.server.requests.isEmpty)
    }

    @Test func anUnknownConnectIdIsNotFound() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [:])
        defer { creditsafe.close() }
        try await expectCreditsafeError(.notFound) {
            try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-000000000"))
        }
    }

    @Test func theScaleIsTheIllustrativeOneUnlessOverridden() throws {
        let scale = CreditsafeBureau.illustrativeScale
        #expect(scale.id == "creditsafe-international")
        #expect(scale.pdMap.isIllustrative)
        #expect(scale.pdMap.version == CreditsafeBureau.illustrativeScaleVersion)
        #expect(scale.pdMap.date == (try CalendarDate(year: 2026, month: 11, day: 1)))
        #expect(scale.notRatedLabels == ["E"])
        #expect(try [1, 20, 21, 29, 30, 50, 51, 70, 71, 100].map { try scale.probabilityOfDefault(for: .score($0)) }
            == [0.30, 0.30, 0.08, 0.08, 0.02, 0.02, 0.004, 0.004, 0.0003, 0.0003])

        let custom = try RatingScale(
            id: "creditsafe-calibrated", name: "calibrated", kind: .scores(min: 1, max: 100), notRatedLabels: ["E"],
            pdMap: PDMap(version: "c1", date: try CalendarDate(year: 2026, month: 1, day: 1), isIllustrative: false,
                         source: "test", entries: [PDMap.Entry(.scores(from: 1, to: 100), 0.01)]))
        let bureau = CreditsafeBureau(username: "u", password: "p", client: MockHTTPClientStub(), scale: custom)
        #expect(bureau.scale == custom)
        #expect(bureau.name == "creditsafe")
    }
}

/// A client that is never called.
struct MockHTTPClientStub: HTTPClient {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw HTTPError(.connect, url: request.url, detail: "not expected in this test")
    }
}

@Suite("Creditsafe: credentials")
struct CreditsafeCredentialTests {
    @Test func aBadPasswordIsUnauthorizedAfterExactlyOneLogin() async throws {
        let refused = ScriptedResponse(status: 401, headers: ["Content-Type": "application/json"],
                                       body: Data(try Fixture.text("login-refused.json").utf8))
        let creditsafe = try LoopbackCreditsafe(logins: [refused], routes: [acmeSearch: try Fixture.ok("search-acme.json")])
        defer { creditsafe.close() }
        let error = try await expectCreditsafeError(.unauthorized) {
            try await creditsafe.bureau.ratings(for: try query("siren:732829320"))
        }
        #expect(!String(describing: error).contains(TestAccount.password))
        #expect(!error.message.contains(TestAccount.password))
        // A second lookup does not log in again: the refusal is remembered.
        try await expectCreditsafeError(.unauthorized) {
            try await creditsafe.bureau.ratings(for: try query("siren:732829320"))
        }
        #expect(creditsafe.logins.callCount == 1)
        #expect(creditsafe.apiRequests.isEmpty)
    }

    @Test func aRefusedLoginIsNotRetriedEvenThroughARetryingClient() async throws {
        let creditsafe = try LoopbackCreditsafe(
            logins: [.status(401)], wrap: { RetryingHTTPClient(wrapping: $0, policy: fastRetries) }
        ) { _ in .notFound }
        defer { creditsafe.close() }
        try await expectCreditsafeError(.unauthorized) {
            try await creditsafe.bureau.ratings(for: try query("siren:732829320"))
        }
        #expect(creditsafe.logins.callCount == 1)
    }

    @Test func aLoginAnswerWithoutATokenIsAnInvalidResponse() async throws {
        let creditsafe = try LoopbackCreditsafe(logins: [.ok(json: #"{"jwt":"x"}"#)], routes: [:])
        defer { creditsafe.close() }
        let error = try await expectCreditsafeError(.invalidResponse) {
            try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-732829320"))
        }
        #expect(error.field == "token")
    }

    @Test func a401OnTheReportLogsInAgainAndReplaysOnce() async throws {
        let report = try Fixture.ok("report-acme.json")
        let creditsafe = try LoopbackCreditsafe { request in
            guard request.pathWithoutQuery == acmeReport else { return .notFound }
            return request.headers["Authorization"] == "Bearer token-1" ? .status(401) : report
        }
        defer { creditsafe.close() }
        let ratings = try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-732829320"))
        #expect(ratings.map(\.value) == [.score(72)])
        #expect(creditsafe.logins.callCount == 2)
        #expect(creditsafe.apiRequests.map { $0.headers["Authorization"] } == ["Bearer token-1", "Bearer token-2"])
    }

    @Test func twentyConcurrentLookupsShareOneLogin() async throws {
        let slowLogin = ScriptedResponse.ok(json: #"{"token":"shared-token"}"#).with(.delayBeforeHeaders(.milliseconds(300)))
        let creditsafe = try LoopbackCreditsafe(logins: [slowLogin], routes: [acmeReport: try Fixture.ok("report-acme.json")])
        defer { creditsafe.close() }
        let bureau = creditsafe.bureau
        let lookup = try query("provider:creditsafe:FR-X-732829320")
        let values = try await withThrowingTaskGroup(of: [BureauRating].self) { group in
            for _ in 0..<20 { group.addTask { try await bureau.ratings(for: lookup) } }
            var all: [RatingValue] = []
            for try await ratings in group { all += ratings.map(\.value) }
            return all
        }
        #expect(values == Array(repeating: .score(72), count: 20))
        #expect(creditsafe.logins.callCount == 1)
        #expect(creditsafe.apiRequests.count == 20)
        #expect(creditsafe.apiRequests.allSatisfy { $0.headers["Authorization"] == "Bearer shared-token" })
    }
}

/// Quick retries for tests.
let fastRetries = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5), maxDelay: .milliseconds(20))

@Suite("Creditsafe: failures")
struct CreditsafeFailureTests {
    @Test func a429ThenA200IsRetriedByARetryingClient() async throws {
        let script = ScriptedSequence(.tooManyRequests(retryAfter: "0"), try Fixture.ok("report-acme.json"))
        let creditsafe = try LoopbackCreditsafe(wrap: { RetryingHTTPClient(wrapping: $0, policy: fastRetries) }) { request in
            request.pathWithoutQuery == acmeReport ? script.next() : .notFound
        }
        defer { creditsafe.close() }
        let ratings = try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-732829320"))
        #expect(ratings.map(\.value) == [.score(72)])
        #expect(script.callCount == 2)
        #expect(creditsafe.logins.callCount == 1)
    }

    @Test func a429WithoutRetriesIsRateLimited() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [acmeReport: .tooManyRequests(retryAfter: "30")])
        defer { creditsafe.close() }
        let error = try await expectCreditsafeError(.rateLimited) {
            try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-732829320"))
        }
        #expect(error.status == 429)
    }

    @Test func a5xxIsUnavailable() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [acmeSearch: .serviceUnavailable()])
        defer { creditsafe.close() }
        let error = try await expectCreditsafeError(.unavailable) {
            try await creditsafe.bureau.ratings(for: try query("siren:732829320"))
        }
        #expect(error.status == 503)
    }

    @Test func aMalformedScoreNamesTheField() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [acmeReport: try Fixture.ok("report-malformed-score.json")])
        defer { creditsafe.close() }
        let error = try await expectCreditsafeError(.invalidResponse) {
            try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-732829320"))
        }
        #expect(error.field == "report.creditScore.currentCreditRating.providerValue.value")
        #expect(String(describing: error).contains("report.creditScore.currentCreditRating.providerValue.value"))
    }

    @Test func aSearchWithoutIdsNamesTheField() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [acmeSearch: .ok(json: #"{"companies":[{"name":"X"}]}"#)])
        defer { creditsafe.close() }
        let error = try await expectCreditsafeError(.invalidResponse) {
            try await creditsafe.bureau.ratings(for: try query("siren:732829320"))
        }
        #expect(error.field == "companies[0].id")
    }

    @Test func aTruncatedBodyIsATypedError() async throws {
        let creditsafe = try LoopbackCreditsafe(routes: [
            acmeReport: try Fixture.ok("report-acme.json").with(.truncateAfterBodyBytes(120)),
        ])
        defer { creditsafe.close() }
        // libcurl notices the missing bytes (a transport failure), before any JSON is read.
        try await expectCreditsafeError(.unavailable) {
            try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-732829320"))
        }
    }

    @Test func cutShortJSONIsAnInvalidResponse() async throws {
        let whole = try Fixture.text("report-acme.json")
        let creditsafe = try LoopbackCreditsafe(routes: [acmeReport: .ok(json: String(whole.prefix(200)))])
        defer { creditsafe.close() }
        let error = try await expectCreditsafeError(.invalidResponse) {
            try await creditsafe.bureau.ratings(for: try query("provider:creditsafe:FR-X-732829320"))
        }
        #expect(error.field == "$")
    }
}
