import Foundation
import Logging
import Synchronization
import Testing
import TradeCreditDnB
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

    /// `status` with the fixture as a JSON body.
    static func response(_ name: String, status: Int) throws -> ScriptedResponse {
        ScriptedResponse(status: status, headers: ["Content-Type": "application/json"], body: Data(try text(name).utf8))
    }
}

let clientKey = "fictional-consumer-key"
let clientSecret = "s3cr3t-Fictional-Secret-42"

/// A token response with `token`, valid `seconds`.
func tokenResponse(_ token: String, expiresIn seconds: Int = 86_400) -> ScriptedResponse {
    .ok(json: #"{"access_token":"\#(token)","expiresIn":\#(seconds)}"#)
}

func dataPath(_ duns: String) -> String { "/v1/data/duns/\(duns)" }

/// D&B's identity resolution; the server matches it without the query.
let matchPath = "/v1/match/cleanseMatch"

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_795_000_000))

    var now: @Sendable () -> Date { { self.time.withLock { $0 } } }

    func advance(seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A retry clock that records the waits instead of sleeping.
final class RecordingRetryClock: RetryClock {
    private let waits = Mutex<[Duration]>([])

    var recorded: [Duration] { waits.withLock { $0 } }

    func now() -> Date { Date() }
    func uptime() -> Duration { waits.withLock { $0.reduce(.zero, +) } }
    func sleep(for duration: Duration) async throws { waits.withLock { $0.append(duration) } }
}

/// A `DnBBureau` talking to a `LoopbackHTTPServer` through a real libcurl client. Call ``close()`` in a `defer`.
final class LoopbackDnB: Sendable {
    let server: LoopbackHTTPServer
    let curl: CurlHTTPClient
    let bureau: DnBBureau

    /// - Parameters:
    ///   - token: the token endpoint's answers, in order (the last repeating).
    ///   - data: each data path's answers, in order (the last repeating).
    ///   - minimumConfidence: the bureau's match threshold.
    ///   - wrap: builds the client the bureau gets from the libcurl client.
    init(token: [ScriptedResponse] = [tokenResponse("token-one")], data: [String: [ScriptedResponse]],
         minimumConfidence: Int = DnBBureau.defaultMinimumConfidence, logger: Logger = Logger(label: "test.dnb"),
         now: @escaping @Sendable () -> Date = { Date() },
         wrap: (CurlHTTPClient) -> any HTTPClient = { $0 }) throws {
        var sequences = data
        sequences["/v2/token"] = token
        let server = try LoopbackHTTPServer(sequences: sequences)
        var configuration = CurlHTTPClient.Configuration()
        configuration.proxy = .none
        configuration.totalTimeout = .seconds(10)
        let curl = try CurlHTTPClient(configuration: configuration)
        self.server = server
        self.curl = curl
        self.bureau = DnBBureau(baseURL: server.url("/"), clientKey: clientKey, clientSecret: clientSecret,
                                client: wrap(curl), minimumConfidence: minimumConfidence, logger: logger, now: now)
    }

    var tokenRequests: [RecordedRequest] { server.requests(path: "/v2/token") }

    func dataRequests(_ duns: String) -> [RecordedRequest] { server.requests(path: dataPath(duns)) }

    var matchRequests: [RecordedRequest] { server.requests(path: matchPath) }

    /// The requests for any data block, whatever the DUNS.
    var allDataRequests: [RecordedRequest] { server.requests.filter { $0.path.hasPrefix("/v1/data/") } }

    func close() {
        curl.shutdown()
        server.shutdown()
    }
}

func dunsQuery(_ duns: String) throws -> BuyerQuery {
    BuyerQuery(identifiers: [try BuyerIdentifier(scheme: .duns, value: duns)])
}

func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

/// Runs `body`, which must throw a `DnBError` with `code`, and returns the error.
@discardableResult
func expectDnBError(_ code: DnBError.Code, sourceLocation: SourceLocation = #_sourceLocation,
                    _ body: () async throws -> some Any) async throws -> DnBError {
    let error = try await #require(throws: DnBError.self, sourceLocation: sourceLocation) { try await body() }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    return error
}
