import Foundation
import Testing
import TradeCreditGLEIF
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

/// A `GLEIFRegistry` talking to a `LoopbackHTTPServer` through a real libcurl client, with the API under `/api/v1/`.
/// Call ``close()`` in a `defer`.
final class LoopbackGLEIF: Sendable {
    /// The server; its `requests` show what the registry sent.
    let server: LoopbackHTTPServer
    /// The libcurl client under the registry.
    let curl: CurlHTTPClient
    /// The registry under test.
    let registry: GLEIFRegistry

    /// - Parameters:
    ///   - wrap: builds the client the registry gets from the libcurl client (a `RetryingHTTPClient`, say).
    init(server: LoopbackHTTPServer, pageSize: Int = GLEIFRegistry.maximumPageSize,
         wrap: (CurlHTTPClient) -> any HTTPClient = { $0 }) throws {
        var configuration = CurlHTTPClient.Configuration()
        configuration.proxy = .none
        configuration.totalTimeout = .seconds(10)
        let curl = try CurlHTTPClient(configuration: configuration)
        self.server = server
        self.curl = curl
        self.registry = GLEIFRegistry(baseURL: server.url("/api/v1/"), client: wrap(curl), pageSize: pageSize)
    }

    /// A server answering `routes` (see `LoopbackHTTPServer(routes:)`).
    convenience init(routes: [String: ScriptedResponse], pageSize: Int = GLEIFRegistry.maximumPageSize) throws {
        try self.init(server: try LoopbackHTTPServer(routes: routes), pageSize: pageSize)
    }

    /// Shuts the client and the server down.
    func close() {
        curl.shutdown()
        server.shutdown()
    }

    /// The queries of the requests received, percent-decoded (`filter[entity.legalName]=…&page[size]=2…`).
    var decodedQueries: [String] { server.requests.map { ($0.query ?? "").removingPercentEncoding ?? "" } }
}

/// The query parameters of a percent-decoded query, by name.
func parameters(_ decodedQuery: String) -> [String: String] {
    var found: [String: String] = [:]
    for pair in decodedQuery.split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1)
        found[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
    return found
}

/// Runs `body`, which must throw a `GLEIFError` with `code`, and returns the error.
@discardableResult
func expectGLEIFError(_ code: GLEIFError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                      _ body: () async throws -> some Any) async throws -> GLEIFError {
    let error = try await #require(throws: GLEIFError.self, sourceLocation: sourceLocation) { try await body() }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    return error
}

func lei(_ text: String) throws -> BuyerIdentifier { try BuyerIdentifier(scheme: .lei, value: text) }
