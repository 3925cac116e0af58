import Foundation
import Synchronization

/// A bearer token from a token or login endpoint, and when to stop using it.
struct IssuedToken: Sendable {
    /// The token.
    let value: String
    /// After this time the token is refreshed before use; `nil`: it is used until the server rejects it.
    let refreshAfter: Date?

    /// A token issued at `issuedAt` that lives `lifetime` (unknown when `nil`), refreshed `margin` before it expires.
    /// The margin shrinks to half the lifetime for short-lived tokens, so that a token is always used at least once.
    init(value: String, issuedAt: Date, lifetime: Duration?, margin: Duration) {
        self.value = value
        self.refreshAfter = lifetime.map { lifetime in
            let margin = min(max(margin, .zero), lifetime / 2)
            return issuedAt.addingTimeInterval((lifetime - margin).timeInterval)
        }
    }
}

/// Holds one token for an authorizer: reuses it until it is due, shares ONE in-flight refresh among concurrent
/// callers, and remembers a refused credential so that it is never sent again (bureaus lock an account after a few
/// bad logins).
actor TokenStore {
    typealias Fetch = @Sendable () async throws -> IssuedToken

    private let fetch: Fetch
    private let now: @Sendable () -> Date
    private var current: IssuedToken?
    private var refresh: Task<IssuedToken, any Error>?
    private var refusal: HTTPError?
    /// The current and the previous token, readable without awaiting so that redactors can mask them.
    private nonisolated let recentTokens = Mutex<[String]>([])

    /// The current and the previous token.
    nonisolated var recentTokenValues: [String] { recentTokens.withLock { $0 } }

    init(now: @escaping @Sendable () -> Date, fetch: @escaping Fetch) {
        self.now = now
        self.fetch = fetch
    }

    /// A usable token: the cached one, or the result of the refresh in flight, or of a new refresh.
    /// - Throws: the refusal of the credential (now or earlier), or the transport error of the refresh.
    func token() async throws -> String {
        if let refusal { throw refusal }
        if let current, current.refreshAfter.map({ now() < $0 }) ?? true { return current.value }
        let task: Task<IssuedToken, any Error>
        if let refresh {
            task = refresh
        } else {
            let fetch = self.fetch
            task = Task { try await fetch() }
            refresh = task
        }
        do {
            let token = try await task.value
            if refresh == task {
                refresh = nil
                current = token
                recentTokens.withLock { $0 = [token.value] + $0.prefix(1) }
            }
            return token.value
        } catch {
            if refresh == task {
                refresh = nil
                if let error = error as? HTTPError, error.code == .unauthorized { refusal = error }
            }
            throw error
        }
    }

    /// Drops `token` if it is still the cached one, so that the next ``token()`` refreshes.
    func invalidate(_ token: String) {
        if current?.value == token { current = nil }
    }
}

/// The `Authorization: Bearer` header.
enum BearerAuthorization {
    /// `request` carrying `token`.
    static func apply(_ token: String, to request: HTTPRequest) -> HTTPRequest {
        var request = request
        request.headers.set("Authorization", "Bearer \(token)")
        return request
    }

    /// The bearer token `request` carries, if any.
    static func token(in request: HTTPRequest) -> String? {
        guard let value = request.headers["Authorization"], value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
    }
}

extension Duration {
    /// The duration in seconds, as Foundation counts time.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
