import Foundation
import Synchronization
import TradeCreditHTTP

/// Obtains D&B Direct+ access tokens (`POST /v2/token`, client credentials in HTTP Basic) and adds them to requests
/// as `Authorization: Bearer`.
///
/// Written here rather than using `OAuth2ClientCredentials` because D&B names the lifetime `expiresIn` (seconds),
/// where RFC 6749 says `expires_in`; both are read. The token is reused until `expiresIn − refreshMargin` (the
/// margin is at most half the lifetime); a token without a readable lifetime is used until D&B answers `401`.
/// Concurrent callers share one in-flight token request. A refused credential (`400`, `401`, `403`) is remembered
/// and never sent again.
final class DnBTokenAuthorizer: RequestAuthorizer {
    private let store: Store
    private let redactorValue: Redactor

    init(tokenURL: URL, clientKey: String, clientSecret: String, client: any HTTPClient, refreshMargin: Duration,
         now: @escaping @Sendable () -> Date) {
        let basic = Data("\(clientKey):\(clientSecret)".utf8).base64EncodedString()
        let redactor = Redactor(secrets: [clientSecret, basic])
        self.redactorValue = redactor
        let exchange = Exchange(tokenURL: tokenURL, basic: basic, client: client, refreshMargin: refreshMargin,
                                now: now, redactor: redactor)
        self.store = Store(now: now) { try await exchange.fetch() }
    }

    /// A valid token, fetched when missing or due.
    func token() async throws -> String { try await store.token() }

    func authorize(_ request: HTTPRequest) async throws -> HTTPRequest {
        var request = request
        request.headers.set("Authorization", "Bearer \(try await store.token())")
        return request
    }

    func credentialRejected(for request: HTTPRequest) async {
        guard let value = request.headers["Authorization"], value.hasPrefix("Bearer ") else { return }
        await store.invalidate(String(value.dropFirst("Bearer ".count)))
    }

    /// The secret, the Basic credential and the recent tokens.
    var secrets: [String] { redactorValue.secrets + store.recentTokenValues }
}

extension DnBTokenAuthorizer {
    /// A token and the time after which it is replaced (`nil`: until a `401`).
    struct Issued: Sendable {
        let value: String
        let refreshAfter: Date?
    }

    /// One token request and the reading of its answer.
    struct Exchange: Sendable {
        let tokenURL: URL
        let basic: String
        let client: any HTTPClient
        let refreshMargin: Duration
        let now: @Sendable () -> Date
        let redactor: Redactor

        /// D&B's documented request: Basic credentials and `{"grant_type":"client_credentials"}` as JSON. Asking for
        /// a token has no side effect, so a retry policy may repeat it (it never repeats a 400, 401 or 403).
        var request: HTTPRequest {
            HTTPRequest(method: .post, url: tokenURL,
                        headers: ["Authorization": "Basic \(basic)", "Content-Type": "application/json",
                                  "Accept": "application/json"],
                        body: Data(#"{"grant_type":"client_credentials"}"#.utf8), isRetryable: true)
        }

        func fetch() async throws -> Issued {
            let issuedAt = now()
            let response: HTTPResponse
            do {
                response = try await client.send(request)
            } catch let error as HTTPError where error.code != .cancelled {
                throw DnBError(.unavailable, message: "token request failed: \(redactor.redact(text: error.description))")
            }
            guard response.isSuccess else {
                throw DnBResponseErrors.tokenFailure(response, redactor: redactor)
            }
            guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
                throw DnBError(.invalidResponse, status: response.status, field: "access_token",
                               message: "the token response is not a JSON object")
            }
            guard let token = object["access_token"] as? String, !token.isEmpty else {
                throw DnBError(.invalidResponse, status: response.status, field: "access_token",
                               message: "the token response has no string access_token")
            }
            let lifetime = Self.seconds(object["expiresIn"]) ?? Self.seconds(object["expires_in"])
            let refreshAfter = lifetime.map { seconds -> Date in
                let margin = min(max(refreshMargin.seconds, 0), seconds / 2)
                return issuedAt.addingTimeInterval(seconds - margin)
            }
            return Issued(value: token, refreshAfter: refreshAfter)
        }

        /// A positive number of seconds, given as a number or a numeric string.
        static func seconds(_ value: Any?) -> Double? {
            let seconds: Double?
            if let text = value as? String { seconds = Double(text) } else { seconds = (value as? NSNumber)?.doubleValue }
            guard let seconds, seconds.isFinite, seconds > 0 else { return nil }
            return seconds
        }
    }

    /// Holds the token: reuses it until due, shares one in-flight request, remembers a refusal.
    actor Store {
        typealias Fetch = @Sendable () async throws -> Issued

        private let fetch: Fetch
        private let now: @Sendable () -> Date
        private var current: Issued?
        private var inFlight: Task<Issued, any Error>?
        private var refusal: DnBError?
        private nonisolated let recent = Mutex<[String]>([])

        init(now: @escaping @Sendable () -> Date, fetch: @escaping Fetch) {
            self.now = now
            self.fetch = fetch
        }

        /// The current and the previous token, for redaction.
        nonisolated var recentTokenValues: [String] { recent.withLock { $0 } }

        func token() async throws -> String {
            if let refusal { throw refusal }
            if let current, current.refreshAfter.map({ now() < $0 }) ?? true { return current.value }
            let task: Task<Issued, any Error>
            if let inFlight {
                task = inFlight
            } else {
                let fetch = self.fetch
                task = Task { try await fetch() }
                inFlight = task
            }
            do {
                let issued = try await task.value
                if inFlight == task {
                    inFlight = nil
                    current = issued
                    recent.withLock { $0 = [issued.value] + $0.prefix(1) }
                }
                return issued.value
            } catch {
                if inFlight == task {
                    inFlight = nil
                    if let error = error as? DnBError, error.code == .unauthorized { refusal = error }
                }
                throw error
            }
        }

        func invalidate(_ token: String) {
            if current?.value == token { current = nil }
        }
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
