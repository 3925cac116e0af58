import Foundation
import Testing
import TradeCreditHTTP
import TradeCreditTesting

/// `tradecredit rating --bureau creditsafe|dnb` against a loopback server given with `--base-url`.
///
/// The fixtures `creditsafe-*.json` and `dnb-found.json` are copies of the adapters' test fixtures
/// (`Tests/TradeCreditCreditsafeTests/Fixtures`, `Tests/TradeCreditDnBTests/Fixtures`), written by hand in the shapes
/// of the public documentation; every company in them is fictional. No test waits: the failures served (`401`, `404`,
/// `500`, a refused connection) are never retried, and a login or token request (a POST) never is.
@Suite("tradecredit rating: Creditsafe and D&B")
struct CLIRemoteBureauTests {
    static let creditsafeUser = "TRADECREDIT_CREDITSAFE_USERNAME"
    static let creditsafePassword = "TRADECREDIT_CREDITSAFE_PASSWORD"
    static let dnbKey = "TRADECREDIT_DNB_CLIENT_KEY"
    static let dnbSecret = "TRADECREDIT_DNB_CLIENT_SECRET"

    static let password = "Sup3r-s3cret-PW!"
    static let secret = "s3cr3t-Fictional-Secret-42"
    static let creditsafeAccount = [creditsafeUser: "buyer-desk@example.test", creditsafePassword: password]
    static let dnbAccount = [dnbKey: "fictional-consumer-key", dnbSecret: secret]

    static let acmeSearch = "/v1/companies?countries=FR&regNo=732829320"
    static let acmeReport = "/v1/companies/FR-X-732829320"
    static let dnbData = "/v1/data/duns/999000001"

    static func fixture(_ name: String) throws -> ScriptedResponse {
        .ok(json: try Data(contentsOf: CLIBureauTests.fixtures.appendingPathComponent(name)))
    }

    /// `status` with a JSON body.
    static func json(_ body: String, status: Int) -> ScriptedResponse {
        ScriptedResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }

    /// D&B's error envelope with its own error code.
    static func dnbError(_ code: String, _ message: String, status: Int) -> ScriptedResponse {
        json(#"{"transactionDetail":{"transactionID":"rrt-0fictional-000\#(status)"},"#
             + #""error":{"errorCode":"\#(code)","errorMessage":"\#(message)"}}"#, status: status)
    }

    /// A Creditsafe Connect under `/v1/` that logs in with `login` and knows ACME INDUSTRIE SA (SIREN 732829320).
    static func creditsafe(login: ScriptedResponse = .ok(json: #"{"token":"token-1"}"#),
                           report: ScriptedResponse? = nil) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer(routes: [
            "/v1/authenticate": login,
            acmeSearch: try fixture("creditsafe-search-acme.json"),
            acmeReport: try report ?? fixture("creditsafe-report-acme.json"),
        ])
    }

    /// A D&B Direct+ that hands out `token-one` and knows D-U-N-S 999000001 (failure class 2, PAYDEX 80).
    static func dnb(token: ScriptedResponse = .ok(json: #"{"access_token":"token-one","expiresIn":86400}"#),
                    data: ScriptedResponse? = nil) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer(routes: ["/v2/token": token, dnbData: try data ?? fixture("dnb-found.json")])
    }

    static func creditsafeRating(_ server: LoopbackHTTPServer, _ extra: [String] = [],
                                 environment: [String: String] = creditsafeAccount) async -> (status: Int32, stdout: String, stderr: String) {
        await runCLI(["rating", "--id", "siren:732829320", "--bureau", "creditsafe", "--base-url", server.url("/v1/").absoluteString]
               + extra, environment: environment)
    }

    static func dnbRating(_ server: LoopbackHTTPServer, _ extra: [String] = [],
                          environment: [String: String] = dnbAccount) async -> (status: Int32, stdout: String, stderr: String) {
        await runCLI(["rating", "--id", "duns:999000001", "--bureau", "dnb", "--base-url", server.url("/").absoluteString] + extra,
               environment: environment)
    }

    // MARK: Ratings found

    @Test func creditsafeRatingAsTableAndJSON() async throws {
        let server = try Self.creditsafe()
        defer { server.shutdown() }
        let table = await Self.creditsafeRating(server)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stderr.isEmpty)
        let row = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("creditsafe ") })
        for cell in ["creditsafe-international", " 72 ", "0.03%", "2026-09-14", "50,000.00 EUR"] {
            #expect(row.contains(cell), "\(row)")
        }
        #expect(table.stdout.contains("PD maps are illustrative"))

        let json = await Self.creditsafeRating(server, ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rating = try #require((object["ratings"] as? [[String: Any]])?.first)
        #expect(rating["scale"] as? String == "creditsafe-international")
        #expect(rating["probabilityOfDefault"] as? Double == 0.0003)
        #expect((rating["value"] as? [String: Any])?["score"] as? Int == 72)
        #expect((rating["identifier"] as? [String: Any])?["value"] as? String == "FR-X-732829320")
        #expect(rating["illustrativeMap"] as? Bool == true)

        // The login carried the account; the data requests the token, never the password.
        let login = try #require(server.requests(path: "/v1/authenticate").first)
        #expect(login.bodyText.contains("buyer-desk@example.test"))
        let search = try #require(server.requests(path: "/v1/companies").first)
        #expect(search.headers["Authorization"] == "Bearer token-1")
        for output in [table.stdout, table.stderr, json.stdout, json.stderr] { #expect(!output.contains(Self.password)) }
    }

    /// Both of D&B's scales are mapped: the failure class on `dnb-failure-class`, PAYDEX on `dnb-paydex`.
    @Test func dnbRatingsAsTableAndJSON() async throws {
        let server = try Self.dnb()
        defer { server.shutdown() }
        let table = await Self.dnbRating(server)
        #expect(table.status == 0, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").filter { $0.hasPrefix("dnb ") }
        #expect(rows.count == 2, "\(table.stdout)")
        #expect(rows.contains { $0.contains("dnb-failure-class") && $0.contains("0.30%") }, "\(table.stdout)")
        #expect(rows.contains { $0.contains("dnb-paydex") && $0.contains("0.50%") }, "\(table.stdout)")

        let json = await Self.dnbRating(server, ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ratings = try #require(object["ratings"] as? [[String: Any]])
        let pds = Dictionary(uniqueKeysWithValues: ratings.compactMap { rating in
            (rating["scale"] as? String).map { ($0, rating["probabilityOfDefault"] as? Double) }
        })
        #expect(pds == ["dnb-failure-class": 0.003, "dnb-paydex": 0.005])

        let token = try #require(server.requests(path: "/v2/token").first)
        let basic = Data("fictional-consumer-key:\(Self.secret)".utf8).base64EncodedString()
        #expect(token.headers["Authorization"] == "Basic \(basic)")
        #expect(server.requests(path: Self.dnbData).first?.headers["Authorization"] == "Bearer token-one")
        for output in [table.stdout, table.stderr, json.stdout, json.stderr] {
            #expect(!output.contains(Self.secret))
            #expect(!output.contains(basic))
        }
    }

    /// A SIREN is matched to its DUNS with D&B's cleanseMatch (country FR implied), then rated.
    @Test func dnbMatchesASirenThenRatesTheMatchedDUNS() async throws {
        let match = #"{"candidatesMatchedQuantity":1,"matchCandidates":[{"displaySequence":1,"#
            + #""organization":{"duns":"999000001","primaryName":"ACME SA","countryISOAlpha2Code":"FR"},"#
            + #""matchQualityInformation":{"confidenceCode":9}}]}"#
        let server = try LoopbackHTTPServer(routes: [
            "/v2/token": .ok(json: #"{"access_token":"token-one","expiresIn":86400}"#),
            "/v1/match/cleanseMatch": .ok(json: match),
            Self.dnbData: try Self.fixture("dnb-found.json"),
        ])
        defer { server.shutdown() }
        let result = await runCLI(["rating", "--id", "siren:732829320", "--bureau", "dnb", "--base-url",
                             server.url("/").absoluteString, "--format", "json"], environment: Self.dnbAccount)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ratings = try #require(object["ratings"] as? [[String: Any]])
        #expect(ratings.count == 2)
        #expect(ratings.allSatisfy { ($0["identifier"] as? [String: String]) == ["scheme": "duns", "value": "999000001"] })
        let query = try #require(server.requests(path: "/v1/match/cleanseMatch").first?.query)
        #expect(query.contains("registrationNumber=732829320") && query.contains("countryISOAlpha2Code=FR"), "\(query)")
    }

    /// A D-U-N-S number D&B does not know is a buyer without a rating, as with the other bureaus.
    @Test func unknownDUNSHasNoRating() async throws {
        let server = try Self.dnb(data: Self.dnbError("40105", "Requested DUNS number not found", status: 404))
        defer { server.shutdown() }
        let result = await Self.dnbRating(server)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "No rating for duns:999000001.\n")
    }

    // MARK: Credentials

    @Test(arguments: [
        ("creditsafe", ["TRADECREDIT_CREDITSAFE_USERNAME": "", "TRADECREDIT_CREDITSAFE_PASSWORD": ""],
         ["TRADECREDIT_CREDITSAFE_USERNAME", "TRADECREDIT_CREDITSAFE_PASSWORD"]),
        ("creditsafe", ["TRADECREDIT_CREDITSAFE_USERNAME": "someone", "TRADECREDIT_CREDITSAFE_PASSWORD": ""],
         ["TRADECREDIT_CREDITSAFE_PASSWORD"]),
        ("dnb", ["TRADECREDIT_DNB_CLIENT_KEY": "", "TRADECREDIT_DNB_CLIENT_SECRET": "a-secret-value"],
         ["TRADECREDIT_DNB_CLIENT_KEY"]),
    ])
    func missingCredentialsAreBadInput(bureau: String, environment: [String: String], missing: [String]) async {
        let id = bureau == "dnb" ? "duns:999000001" : "siren:732829320"
        let result = await runCLI(["rating", "--id", id, "--bureau", bureau], environment: environment)
        expectOneLineError(result)
        for variable in [Self.creditsafeUser, Self.creditsafePassword, Self.dnbKey, Self.dnbSecret] {
            #expect(result.stderr.contains(variable) == missing.contains(variable), "\(result.stderr)")
        }
        for value in environment.values where !value.isEmpty { #expect(!result.stderr.contains(value)) }
    }

    /// A refused login is the user's to fix (status 2), on one line that names the variables and not their values;
    /// it is sent once.
    @Test func refusedCredentialsAreOneLineWithoutTheSecret() async throws {
        let creditsafe = try Self.creditsafe(login: Self.json(#"{"message":"Invalid username or password"}"#, status: 401))
        defer { creditsafe.shutdown() }
        let refused = await Self.creditsafeRating(creditsafe)
        expectOneLine(refused, status: 2, prefix: "tradecredit: creditsafe: Creditsafe unauthorized: ")
        #expect(refused.stderr.contains(Self.creditsafePassword))
        #expect(creditsafe.requests(path: "/v1/authenticate").count == 1)
        #expect(creditsafe.requests(path: "/v1/companies").isEmpty)

        let dnb = try Self.dnb(token: Self.dnbError("00004", "Invalid credentials", status: 401))
        defer { dnb.shutdown() }
        let dnbRefused = await Self.dnbRating(dnb)
        expectOneLine(dnbRefused, status: 2, prefix: "tradecredit: dnb: D&B unauthorized: ")
        #expect(dnbRefused.stderr.contains(Self.dnbSecret))
        #expect(dnb.requests(path: "/v2/token").count == 1)
    }

    @Test func helpNamesTheVariablesNotTheirValues() async {
        let result = await runCLI(["rating", "--help"], environment: Self.creditsafeAccount.merging(Self.dnbAccount) { $1 })
        #expect(result.status == 0)
        for variable in [Self.creditsafeUser, Self.creditsafePassword, Self.dnbKey, Self.dnbSecret, "--base-url"] {
            #expect(result.stdout.contains(variable))
        }
        #expect(!result.stdout.contains(Self.password))
        #expect(!result.stdout.contains(Self.secret))
    }

    // MARK: Upstream failures (status 1)

    @Test func upstreamFailuresAreOneLineWithStatusOne() async throws {
        let failing = try LoopbackHTTPServer(routes: [
            "/v1/authenticate": .ok(json: #"{"token":"token-1"}"#), Self.acmeSearch: .text("boom", status: 500),
        ])
        defer { failing.shutdown() }
        let unavailable = await Self.creditsafeRating(failing)
        expectOneLine(unavailable, status: 1, prefix: "tradecredit: creditsafe: Creditsafe unavailable: ")

        let malformed = try Self.creditsafe(report: try Self.fixture("creditsafe-report-malformed.json"))
        defer { malformed.shutdown() }
        let invalid = await Self.creditsafeRating(malformed)
        expectOneLine(invalid, status: 1, prefix: "tradecredit: creditsafe: Creditsafe invalid_response: ")
        #expect(invalid.stderr.contains("providerValue"), "\(invalid.stderr)")

        let dnb = try Self.dnb(data: .text("boom", status: 500))
        defer { dnb.shutdown() }
        expectOneLine(await Self.dnbRating(dnb), status: 1, prefix: "tradecredit: dnb: D&B unavailable: ")
        // Nobody listening: the token request fails to connect, and a POST is not retried.
        dnb.shutdown()
        expectOneLine(await Self.dnbRating(dnb), status: 1, prefix: "tradecredit: dnb: D&B unavailable: ")
    }

    /// Expects `status`, nothing on stdout, and one line on stderr that starts with `prefix` and holds no secret.
    private func expectOneLine(_ result: (status: Int32, stdout: String, stderr: String), status: Int32, prefix: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix(prefix), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2,
                "one line: \(result.stderr)", sourceLocation: sourceLocation)
        for secret in [Self.password, Self.secret] {
            #expect(!result.stderr.contains(secret), sourceLocation: sourceLocation)
        }
    }
}
