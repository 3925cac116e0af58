import Foundation
import Testing
@testable import TradeCreditHTTP
import TradeCreditTesting

/// CurlHTTPClient against a real server on loopback: every behaviour the client promises, and every fault the
/// server can inject.
@Suite("CurlHTTPClient")
struct CurlHTTPClientTests {
    static func client(_ adjust: (inout CurlHTTPClient.Configuration) -> Void = { _ in }) throws -> CurlHTTPClient {
        var configuration = CurlHTTPClient.Configuration()
        configuration.proxy = .none
        // Generous: under a loaded two-core machine the test process's cooperative pool can be busy for seconds with
        // other suites' CPU work, and a redirect hop waits for it. Tests about timeouts set their own.
        configuration.totalTimeout = .seconds(60)
        adjust(&configuration)
        return try CurlHTTPClient(configuration: configuration)
    }

    /// Runs `body` and returns the HTTPError it threw (a test failure when it threw nothing or something else).
    static func httpError(_ body: () async throws -> Void) async -> HTTPError? {
        do {
            try await body()
            Issue.record("expected an HTTPError, got success")
        } catch let error as HTTPError {
            return error
        } catch {
            Issue.record("expected an HTTPError, got \(error)")
        }
        return nil
    }

    @Test func getReturnsStatusHeadersAndBody() async throws {
        let server = try LoopbackHTTPServer(routes: ["/rates": .ok(json: #"{"USD":"1.1172"}"#).with(header: "ETag", "\"v1\"")])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        let response = try await client.send(.get(server.url("/rates"), headers: ["Accept": "application/json"]))
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"USD":"1.1172"}"#)
        #expect(response.headers["etag"] == "\"v1\"")
        #expect(response.httpVersion == "HTTP/1.1")
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == .get)
        #expect(recorded.headers["Accept"] == "application/json")
        #expect(recorded.headers["User-Agent"]?.hasPrefix("TradeCredit/") == true)
        #expect(recorded.headers["Accept-Encoding"]?.contains("gzip") == true)
    }

    @Test func postPutDeleteAndHead() async throws {
        let server = try LoopbackHTTPServer { request in .text("\(request.method) \(request.bodyText)") }
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        let post = try await client.send(.postJSON(server.url("/search"), body: Data(#"{"q":"acme"}"#.utf8)))
        #expect(String(decoding: post.body, as: UTF8.self) == #"POST {"q":"acme"}"#)
        #expect(server.requests.last?.headers["Content-Type"] == "application/json")
        let put = try await client.send(HTTPRequest(method: .put, url: server.url("/x"), body: Data("v".utf8)))
        #expect(String(decoding: put.body, as: UTF8.self) == "PUT v")
        let delete = try await client.send(HTTPRequest(method: .delete, url: server.url("/x")))
        #expect(String(decoding: delete.body, as: UTF8.self) == "DELETE ")
        let emptyPost = try await client.send(HTTPRequest(method: .post, url: server.url("/x")))
        #expect(String(decoding: emptyPost.body, as: UTF8.self) == "POST ")
        let head = try await client.send(HTTPRequest(method: .head, url: server.url("/x")))
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(server.requests.last?.method == .head)
    }

    @Test func errorStatusesAreResponsesUntilRequired() async throws {
        let server = try LoopbackHTTPServer(routes: ["/missing": .text(#"{"error":"no such buyer","token":"abc123"}"#, status: 404)])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        let response = try await client.send(.get(server.url("/missing")))
        #expect(response.status == 404)
        let error = await Self.httpError { try response.requireSuccess() }
        #expect(error?.code == .status)
        #expect(error?.status == 404)
        #expect(error?.bodyPrefix?.contains("no such buyer") == true)
        #expect(error?.bodyPrefix?.contains("abc123") == false)
    }

    @Test func connectionsAreReused() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .ok(json: "{}")])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        for _ in 0..<5 { _ = try await client.send(.get(server.url("/a"))) }
        #expect(server.requests.count == 5)
        #expect(server.acceptedConnections == 1)
    }

    @Test func compressedAndChunkedBodiesAreDecoded() async throws {
        let text = String(repeating: "trade credit ", count: 500)
        let server = try LoopbackHTTPServer(routes: [
            "/gzip": ScriptedResponse.text(text).with(.gzipBody),
            "/chunked": ScriptedResponse.text(text).with(.chunkedEncoding),
            "/both": ScriptedResponse.text(text).with(.gzipBody, .chunkedEncoding),
        ])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        for path in ["/gzip", "/chunked", "/both"] {
            let response = try await client.send(.get(server.url(path)))
            #expect(String(decoding: response.body, as: UTF8.self) == text, "\(path)")
        }
        #expect(server.requests.first?.headers["Accept-Encoding"]?.contains("gzip") == true)
    }

    @Test func totalTimeoutFires() async throws {
        // The server would answer after 60 s; the 300 ms timeout must end the request long before that (the bound is
        // loose because the whole suite runs in parallel on two cores, where a task may wait seconds to resume).
        let server = try LoopbackHTTPServer(routes: ["/slow": ScriptedResponse.ok(json: "{}").with(.delayBeforeHeaders(.seconds(60)))])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        let started = ContinuousClock.now
        let error = await Self.httpError {
            _ = try await client.send(HTTPRequest(url: server.url("/slow"), timeout: .milliseconds(300)))
        }
        #expect(error?.code == .timeout)
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func lowSpeedAborts() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/trickle": ScriptedResponse.text(String(repeating: "x", count: 200)).with(.slowBody(chunkSize: 1, interval: .milliseconds(400))),
        ])
        defer { server.shutdown() }
        let client = try Self.client {
            $0.lowSpeedLimit = 100
            $0.lowSpeedTime = .seconds(1)
        }
        defer { client.shutdown() }
        let error = await Self.httpError { _ = try await client.send(.get(server.url("/trickle"))) }
        #expect(error?.code == .timeout)
    }

    @Test(arguments: [false, true])
    func oversizedBodiesAreRefused(chunked: Bool) async throws {
        var response = ScriptedResponse.ok(json: "{}").with(.oversizedBody(bytes: 3 * 1024 * 1024))
        if chunked { response = response.with(.chunkedEncoding) }
        let server = try LoopbackHTTPServer(routes: ["/big": response])
        defer { server.shutdown() }
        let client = try Self.client { $0.maximumResponseSize = 1024 * 1024 }
        defer { client.shutdown() }
        let error = await Self.httpError { _ = try await client.send(.get(server.url("/big"))) }
        #expect(error?.code == .tooLarge)
        #expect(error?.detail.contains("1048576") == true)
    }

    @Test func brokenResponsesAreTypedErrors() async throws {
        let body = String(repeating: "y", count: 10_000)
        let server = try LoopbackHTTPServer(routes: [
            "/truncated": ScriptedResponse.text(body).with(.truncateAfterBodyBytes(100)),
            "/reset": ScriptedResponse.text(body).with(.resetAfterBodyBytes(100)),
            "/silent": ScriptedResponse.text(body).with(.closeWithoutResponse),
            "/garbled": ScriptedResponse.text(body).with(.malformedStatusLine),
        ])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        for (path, codes) in [("/truncated", [HTTPError.Code.network]), ("/reset", [.network]), ("/silent", [.network]),
                              ("/garbled", [.protocolError, .network])] {
            let error = await Self.httpError { _ = try await client.send(.get(server.url(path))) }
            #expect(error.map { codes.contains($0.code) } == true, "\(path): \(String(describing: error))")
        }
    }

    @Test func refusedConnectionAndBadURLs() async throws {
        let server = try LoopbackHTTPServer(routes: [:])
        let closedURL = server.url("/gone")
        server.shutdown()
        let client = try Self.client { $0.connectTimeout = .seconds(2) }
        defer { client.shutdown() }
        let refused = await Self.httpError { _ = try await client.send(.get(closedURL)) }
        #expect(refused?.code == .connect)
        for text in ["ftp://example.com/file", "file:///etc/passwd", "mailto:a@b.c", "/relative/path"] {
            let url = try #require(URL(string: text))
            let error = await Self.httpError { _ = try await client.send(.get(url)) }
            #expect(error?.code == .invalidURL, "\(text)")
        }
    }

    @Test func redirectsKeepCredentialsOnlyWithinTheOrigin() async throws {
        let target = try LoopbackHTTPServer(routes: ["/final": .ok(json: #"{"ok":true}"#)])
        defer { target.shutdown() }
        // Same server reached as "localhost" is another origin than "127.0.0.1".
        let server = try LoopbackHTTPServer(routes: [
            "/same": .redirect(to: "/final-here"),
            "/final-here": .ok(json: "{}"),
            "/cross": .redirect(to: target.url("/final", host: "localhost")),
        ])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        let headers: HTTPHeaders = ["Authorization": "Bearer s3cr3t-token", "Cookie": "session=abc", "X-Trace": "1"]

        let same = try await client.send(.get(server.url("/same"), headers: headers))
        #expect(same.status == 200)
        #expect(same.url.path == "/final-here")
        #expect(server.requests(path: "/final-here").first?.headers["Authorization"] == "Bearer s3cr3t-token")

        let cross = try await client.send(.get(server.url("/cross"), headers: headers))
        #expect(cross.status == 200)
        let crossed = try #require(target.requests(path: "/final").first)
        #expect(crossed.headers["Authorization"] == nil)
        #expect(crossed.headers["Cookie"] == nil)
        #expect(crossed.headers["X-Trace"] == "1")
    }

    @Test func redirectLimitsAndSchemes() async throws {
        let server = try LoopbackHTTPServer { request in
            let path = request.pathWithoutQuery
            if path.hasPrefix("/hop") {
                let n = Int(path.dropFirst(4)) ?? 0
                return .redirect(to: "/hop\(n + 1)")
            }
            if path == "/ftp" { return .redirect(to: "ftp://127.0.0.1/file") }
            if path == "/file" { return .redirect(to: "file:///etc/passwd") }
            return .notFound
        }
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        let tooMany = await Self.httpError { _ = try await client.send(.get(server.url("/hop0"))) }
        #expect(tooMany?.code == .redirect)
        #expect(server.requests.count == 6)  // the first request and five redirects
        for path in ["/ftp", "/file"] {
            let error = await Self.httpError { _ = try await client.send(.get(server.url(path))) }
            #expect(error?.code == .redirect, "\(path)")
        }
    }

    @Test func redirectMethodRules() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/see-other": .redirect(to: "/echo", status: 303),
            "/temporary": .redirect(to: "/echo", status: 307),
            "/echo": .ok(json: "{}"),
        ])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        _ = try await client.send(.postJSON(server.url("/see-other"), body: Data("{\"a\":1}".utf8)))
        let afterSeeOther = try #require(server.requests(path: "/echo").last)
        #expect(afterSeeOther.method == .get)
        #expect(afterSeeOther.body.isEmpty)
        _ = try await client.send(.postJSON(server.url("/temporary"), body: Data("{\"a\":1}".utf8)))
        let afterTemporary = try #require(server.requests(path: "/echo").last)
        #expect(afterTemporary.method == .post)
        #expect(afterTemporary.bodyText == "{\"a\":1}")
    }

    @Test func cancellationIsPrompt() async throws {
        let server = try LoopbackHTTPServer(routes: ["/slow": ScriptedResponse.ok(json: "{}").with(.delayBeforeHeaders(.seconds(60)))])
        defer { server.shutdown() }
        let client = try Self.client { $0.totalTimeout = .seconds(90) }
        defer { client.shutdown() }
        let task = Task { try await client.send(.get(server.url("/slow"))) }
        try await Task.sleep(for: .milliseconds(200))
        let cancelled = ContinuousClock.now
        task.cancel()
        let result = await task.result
        let elapsed = ContinuousClock.now - cancelled
        guard case .failure(let error as HTTPError) = result else {
            Issue.record("expected a cancelled HTTPError, got \(result)")
            return
        }
        #expect(error.code == .cancelled)
        // Typically a few milliseconds alone; the bound leaves room for a loaded machine (the task must wait for a
        // thread of the cooperative pool to resume), and is still far below the server's 60 s.
        #expect(elapsed < .seconds(20))
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .ok(json: "{}")])
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(.get(server.url("/a")))
        }
        let result = await task.result
        guard case .failure(let error as HTTPError) = result else {
            Issue.record("expected a cancelled HTTPError, got \(result)")
            return
        }
        #expect(error.code == .cancelled)
    }

    @Test func hundredConcurrentRequests() async throws {
        let server = try LoopbackHTTPServer { request in .ok(json: #"{"path":"\#(request.pathWithoutQuery)"}"#) }
        defer { server.shutdown() }
        let client = try Self.client()
        defer { client.shutdown() }
        let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<100 {
                group.addTask {
                    let response = try await client.send(.get(server.url("/item/\(index)")))
                    return (index, String(decoding: response.body, as: UTF8.self))
                }
            }
            return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        #expect(bodies.count == 100)
        #expect(bodies[42] == #"{"path":"/item/42"}"#)
        // The default per-host cap is 8 connections at a time; on a loaded machine curl may retire one and open another,
        // so the total accepted is bounded a little more loosely (100 requests over a handful of connections).
        #expect(server.acceptedConnections <= 12)
    }

    @Test func perHostConnectionCap() async throws {
        let server = try LoopbackHTTPServer(routes: ["/slow": ScriptedResponse.ok(json: "{}").with(.delayBeforeHeaders(.milliseconds(200)))])
        defer { server.shutdown() }
        let client = try Self.client { $0.maximumConnectionsPerHost = 2 }
        defer { client.shutdown() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 { group.addTask { _ = try await client.send(.get(server.url("/slow"))) } }
            try await group.waitForAll()
        }
        #expect(server.requests.count == 6)
        #expect(server.acceptedConnections <= 2)
    }

    @Test func shutdownFailsInFlightAndLaterRequestsAndEndsTheThread() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/slow": ScriptedResponse.ok(json: "{}").with(.delayBeforeHeaders(.seconds(10))),
            "/a": .ok(json: "{}"),
        ])
        defer { server.shutdown() }
        let client = try Self.client { $0.totalTimeout = .seconds(30) }
        _ = try await client.send(.get(server.url("/a")))
        let inFlight = Task { try await client.send(.get(server.url("/slow"))) }
        try await Task.sleep(for: .milliseconds(200))
        client.shutdown()
        let result = await inFlight.result
        guard case .failure(let error as HTTPError) = result else {
            Issue.record("expected a shutdown HTTPError, got \(result)")
            return
        }
        #expect(error.code == .shutdown)
        let later = await Self.httpError { _ = try await client.send(.get(server.url("/a"))) }
        #expect(later?.code == .shutdown)
        #expect(client.hasReleasedResources)
        client.shutdown()  // idempotent
    }

    @Test func explicitProxyCarriesTheRequest() async throws {
        // The loopback server plays the proxy: it receives the absolute-form request for the real target.
        let proxy = try LoopbackHTTPServer { request in .text("proxied \(request.path)") }
        defer { proxy.shutdown() }
        let client = try Self.client { $0.proxy = .url(proxy.baseURL.absoluteString) }
        defer { client.shutdown() }
        let response = try await client.send(.get(URL(string: "http://rates.example.invalid/v1/latest")!))
        #expect(String(decoding: response.body, as: UTF8.self) == "proxied http://rates.example.invalid/v1/latest")
    }

    @Test func secretsStayOutOfErrors() async throws {
        let server = try LoopbackHTTPServer(routes: [:])
        let url = server.url("/v1/data?api_key=SUPERSECRET42&duns=150483782")
        server.shutdown()
        let client = try Self.client { $0.connectTimeout = .seconds(2) }
        defer { client.shutdown() }
        let error = await Self.httpError { _ = try await client.send(.get(url)) }
        let text = String(describing: error)
        #expect(!text.contains("SUPERSECRET42"))
        #expect(text.contains("duns=150483782"))
        #expect(text.contains("api_key=REDACTED"))
    }
}
