import Foundation
import Testing
import TradeCreditFrankfurter
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
    static func ok(_ name: String, headers: HTTPHeaders = [:]) throws -> ScriptedResponse {
        .ok(json: try text(name), headers: headers)
    }
}

/// A `FrankfurterRateProvider` talking to a `LoopbackHTTPServer` through a real libcurl client. Call ``close()``
/// in a `defer`.
final class LoopbackFrankfurter: Sendable {
    /// The server; its `requests` show what the provider sent.
    let server: LoopbackHTTPServer
    /// The libcurl client under the provider.
    let curl: CurlHTTPClient
    /// The provider under test.
    let provider: FrankfurterRateProvider

    /// 2026-11-27 12:00 UTC: after every fixture date.
    static let defaultNow = Date(timeIntervalSince1970: 1_795_780_800)

    /// - Parameters:
    ///   - wrap: builds the client the provider gets from the libcurl client (a `RetryingHTTPClient`, say).
    init(server: LoopbackHTTPServer, cache: ConditionalRequestCache = .init(), now: Date = defaultNow,
         wrap: (CurlHTTPClient) -> any HTTPClient = { $0 }) throws {
        var configuration = CurlHTTPClient.Configuration()
        configuration.proxy = .none
        configuration.totalTimeout = .seconds(10)
        let curl = try CurlHTTPClient(configuration: configuration)
        self.server = server
        self.curl = curl
        self.provider = FrankfurterRateProvider(baseURL: server.baseURL, client: wrap(curl), cache: cache, now: { now })
    }

    /// A server answering `routes` (see `LoopbackHTTPServer(routes:)`).
    convenience init(routes: [String: ScriptedResponse], now: Date = defaultNow) throws {
        try self.init(server: try LoopbackHTTPServer(routes: routes), now: now)
    }

    /// Shuts the client and the server down.
    func close() {
        curl.shutdown()
        server.shutdown()
    }

    /// The targets of the requests the server received, with their queries.
    var paths: [String] { server.requests.map(\.path) }
}

func day(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

func money(_ text: String, _ code: String) throws -> Money {
    try Money(parsing: text, currency: try CurrencyCode(code), strict: false)
}

/// Runs `body`, which must throw a `FrankfurterError` with `code`, and returns the error.
@discardableResult
func expectFrankfurterError(_ code: FrankfurterError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                            _ body: () async throws -> some Any) async throws -> FrankfurterError {
    let error = try await #require(throws: FrankfurterError.self, sourceLocation: sourceLocation) { try await body() }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    return error
}

/// Runs `body`, which must throw a `ModelError` with `code`, and returns the error.
@discardableResult
func expectModelError(_ code: ModelError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                      _ body: () async throws -> some Any) async throws -> ModelError {
    let error = try await #require(throws: ModelError.self, sourceLocation: sourceLocation) { try await body() }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    return error
}
