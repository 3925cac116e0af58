public import Foundation
public import Logging
public import TradeCreditHTTP

/// What a conformance suite hands the adapter author's factory for each check: where the loopback server listens,
/// the client to send requests with, the credentials to use, and a logger the suite reads.
///
/// Build the adapter from it and nothing else: `AcmeBureau(baseURL: env.url("/v1/"), apiKey: env.secret,
/// client: env.client, logger: env.logger)`.
public struct ConformanceEnvironment: Sendable {
    /// The loopback server's root, `http://127.0.0.1:PORT/`.
    public let baseURL: URL
    /// A real `CurlHTTPClient` wrapped in a `RetryingHTTPClient` with the suite's short retry policy.
    public let client: any HTTPClient
    /// The policy of ``client``.
    public let retryPolicy: RetryPolicy
    /// A user name or client key for adapters that need one.
    public let username: String
    /// A password, client secret or API key. It is random per suite run, and the suite fails if it appears in any
    /// error description or log line.
    public let secret: String
    /// A logger at `.trace` whose lines the suite reads (for secrets). Give it to the adapter.
    public let logger: Logger

    private let routes: [String: ScriptedResponse]

    init(baseURL: URL, client: any HTTPClient, retryPolicy: RetryPolicy, username: String, secret: String,
         logger: Logger, routes: [String: ScriptedResponse]) {
        self.baseURL = baseURL
        self.client = client
        self.retryPolicy = retryPolicy
        self.username = username
        self.secret = secret
        self.logger = logger
        self.routes = routes
    }

    /// `path` under the server's root: `env.url("/v1/")`.
    public func url(_ path: String) -> URL {
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return URL(string: trimmed, relativeTo: baseURL)?.absoluteURL ?? baseURL
    }

    /// The body the server would send for `path` in this check (faults included), for offline adapters that read
    /// their payload from the suite's fixtures instead of over HTTP; `nil` when no route has it.
    public func body(at path: String) -> Data? {
        routes[path]?.body
    }
}
