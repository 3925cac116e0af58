public import Foundation

/// An HTTP/1.1 server on 127.0.0.1 for tests: it answers with scripted responses, injects faults, and records every
/// request it receives.
///
/// It runs on plain POSIX sockets and its own threads — one that accepts, one per connection — never on Swift's
/// cooperative pool, so it keeps answering while a client under test blocks a thread or drives libcurl from its own.
/// Connections are kept alive (several requests each) unless the client sends `Connection: close` or the response
/// carries it. A request larger than `maxRequestBytes` (head and body) is answered `413` and its connection closed;
/// one that is not HTTP/1.x is answered `400`.
///
/// ```swift
/// let server = try LoopbackHTTPServer(routes: [
///     "/rates": .ok(json: #"{"EUR": 1}"#),
///     "/slow": .ok(json: "{}").with(.delayBeforeHeaders(.seconds(5))),
/// ])
/// defer { server.shutdown() }
/// let response = try await client.send(.get(server.url("/rates")))
/// #expect(server.requests.count == 1)
/// ```
///
/// A request is recorded before the handler runs, so once a client has its response, ``requests`` includes it.
/// Call ``shutdown()`` when done (the `deinit` does it too).
public final class LoopbackHTTPServer: Sendable {
    /// Builds the response to a request. Called on the connection's thread, possibly on several at once.
    public typealias Handler = @Sendable (RecordedRequest) -> ScriptedResponse

    /// The default cap on the size of a request, head and body: 1 MiB.
    public static let defaultMaxRequestBytes = 1 << 20

    /// The port the server listens on (chosen by the system).
    public let port: Int

    private let core: LoopbackServerCore

    /// Binds an ephemeral port on 127.0.0.1 and starts serving with `handler`.
    /// - Parameters:
    ///   - maxRequestBytes: the largest request (head and body) accepted; larger ones get `413`.
    ///   - handler: builds the response to each request (see ``Handler``).
    /// - Throws: ``LoopbackServerError`` when the socket cannot be set up.
    public init(maxRequestBytes: Int = LoopbackHTTPServer.defaultMaxRequestBytes,
                handler: @escaping Handler) throws {
        let listener = try LoopbackSocket.makeListener()
        port = listener.port
        core = LoopbackServerCore(listener: listener.descriptor, maxRequestBytes: maxRequestBytes, handler: handler)
        core.start()
    }

    /// A server answering each path from `routes` — matched on the whole target first, then without the query —
    /// and ``ScriptedResponse/notFound`` (404) otherwise.
    public convenience init(routes: [String: ScriptedResponse],
                            maxRequestBytes: Int = LoopbackHTTPServer.defaultMaxRequestBytes) throws {
        try self.init(maxRequestBytes: maxRequestBytes) { request in
            routes[request.path] ?? routes[request.pathWithoutQuery] ?? .notFound
        }
    }

    /// A server answering each path with its responses in order (the last one repeating, see ``ScriptedSequence``)
    /// and 404 for other paths: `["/rates": [.serviceUnavailable(retryAfter: "1"), .ok(json: "{}")]]`.
    public convenience init(sequences: [String: [ScriptedResponse]],
                            maxRequestBytes: Int = LoopbackHTTPServer.defaultMaxRequestBytes) throws {
        let scripts = sequences.filter { !$0.value.isEmpty }.mapValues { ScriptedSequence($0) }
        try self.init(maxRequestBytes: maxRequestBytes) { request in
            (scripts[request.path] ?? scripts[request.pathWithoutQuery])?.next() ?? .notFound
        }
    }

    deinit { core.shutdown() }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The URL of `path` (with or without a leading `/`, query allowed) on this server. `host` may be `localhost`
    /// to make a URL of another origin for the same server (cross-host redirects); the server listens on IPv4 only.
    public func url(_ path: String, host: String = "127.0.0.1") -> URL {
        let target = path.hasPrefix("/") ? path : "/" + path
        let base = "http://\(host):\(port)"
        if let url = URL(string: base + target) { return url }
        var allowed = CharacterSet.urlPathAllowed
        allowed.insert(charactersIn: "?&=")
        let escaped = target.addingPercentEncoding(withAllowedCharacters: allowed) ?? target
        return URL(string: base + escaped)!
    }

    /// Every request received so far, in order of arrival.
    public var requests: [RecordedRequest] { core.requests }

    /// The requests received for `path`, compared without the query.
    public func requests(path: String) -> [RecordedRequest] {
        core.requests.filter { $0.pathWithoutQuery == path }
    }

    /// Forgets the recorded requests (the connection counters stay).
    public func removeAllRequests() { core.removeAllRequests() }

    /// How many connections the server has accepted: with a client that reuses connections, fewer than requests.
    public var acceptedConnections: Int { core.acceptedConnections }

    /// How many connections are open now. The server notices a client's close asynchronously, shortly after it.
    public var openConnections: Int { core.openConnections }

    /// How many of the server's threads are running (the accept thread and one per open connection); 0 after
    /// ``shutdown()``.
    public var activeThreadCount: Int { core.activeThreads }

    /// Closes the listener (new connections are refused) and every connection, interrupts delays and slow bodies,
    /// and waits — at most 10 seconds — for every thread to end. Idempotent; the `deinit` calls it too.
    public func shutdown() { core.shutdown() }
}
