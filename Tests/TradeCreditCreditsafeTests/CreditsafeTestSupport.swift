import Foundation
import Testing
import TradeCreditCreditsafe
import TradeCreditHTTP
import TradeCreditModel
import TradeCreditTesting

/// The JSON bodies in `Fixtures/` (excluded from the build, read from the source tree).
enum Fixture {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The text of `name`.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// `200` with the fixture as a JSON body.
    static func ok(_ name: String) throws -> ScriptedResponse { .ok(json: try text(name)) }
}

/// The fictional account the tests log in with.
enum TestAccount {
    static let username = "buyer-desk@example.test"
    static let password = "Sup3r-s3cret-PW!"

    /// Successful logins handing out `token-1`, `token-2`, … (opaque tokens: the authorizer keeps them an hour).
    static func tokens(_ count: Int = 5) -> [ScriptedResponse] {
        (1...count).map { .ok(json: #"{"token":"token-\#($0)"}"#) }
    }
}

/// A `CreditsafeBureau` talking to a `LoopbackHTTPServer` through a real libcurl client, with the API under `/v1/`.
/// `POST /v1/authenticate` answers from `logins` in order; other requests from `handler`. Call ``close()`` in a
/// `defer`.
final class LoopbackCreditsafe: Sendable {
    static let loginPath = "/v1/authenticate"

    let server: LoopbackHTTPServer
    let curl: CurlHTTPClient
    let bureau: CreditsafeBureau
    let logins: ScriptedSequence

    /// - Parameters:
    ///   - logins: the login answers, in order (the last repeats).
    ///   - wrap: builds the bureau's client from the libcurl client (a `RetryingHTTPClient`, say).
    ///   - handler: answers every other request.
    init(logins: [ScriptedResponse] = TestAccount.tokens(), password: String = TestAccount.password,
         wrap: (CurlHTTPClient) -> any HTTPClient = { $0 },
         handler: @escaping LoopbackHTTPServer.Handler) throws {
        let sequence = ScriptedSequence(logins)
        let server = try LoopbackHTTPServer { request in
            request.pathWithoutQuery == LoopbackCreditsafe.loginPath ? sequence.next() : handler(request)
        }
        var configuration = CurlHTTPClient.Configuration()
        configuration.proxy = .none
        configuration.totalTimeout = .seconds(10)
        let curl = try CurlHTTPClient(configuration: configuration)
        self.server = server
        self.curl = curl
        self.logins = sequence
        self.bureau = CreditsafeBureau(baseURL: server.url("/v1/"), username: TestAccount.username,
                                       password: password, client: wrap(curl),
                                       now: { Date(timeIntervalSince1970: 1_795_000_000) })
    }

    /// A server answering each target from `routes` (whole target first, then without the query), 404 otherwise.
    convenience init(logins: [ScriptedResponse] = TestAccount.tokens(), routes: [String: ScriptedResponse]) throws {
        try self.init(logins: logins) { request in
            routes[request.path] ?? routes[request.pathWithoutQuery] ?? .notFound
        }
    }

    /// Shuts the client and the server down.
    func close() {
        curl.shutdown()
        server.shutdown()
    }

    /// The requests other than logins.
    var apiRequests: [RecordedRequest] { server.requests.filter { $0.pathWithoutQuery != Self.loginPath } }
}

/// Runs `body`, which must throw a `CreditsafeError` with `code`, and returns the error.
@discardableResult
func expectCreditsafeError(_ code: CreditsafeError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                           _ body: () async throws -> some Any) async throws -> CreditsafeError {
    let error = try await #require(throws: CreditsafeError.self, sourceLocation: sourceLocation) { try await body() }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    return error
}

/// A query for a buyer known by `identifiers` (text forms such as `siren:732829320`).
func query(_ identifiers: String...) throws -> BuyerQuery {
    BuyerQuery(identifiers: try identifiers.map { try BuyerIdentifier(parsing: $0) })
}

let acmeSearch = "/v1/companies?countries=FR&regNo=732829320"
let acmeReport = "/v1/companies/FR-X-732829320"
