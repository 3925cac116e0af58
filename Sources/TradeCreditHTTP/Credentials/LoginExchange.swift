import Foundation

/// One username-and-password login (Creditsafe `POST /v1/authenticate`) and the reading of its token.
struct LoginExchange: Sendable {
    let loginURL: URL
    let username: String
    let password: String
    let usernameField: String
    let passwordField: String
    let tokenField: String
    let client: any HTTPClient
    let validity: Duration
    let refreshMargin: Duration
    let now: @Sendable () -> Date
    let redactor: Redactor

    /// The login request: a JSON object with the two fields. It is not retryable: a retry policy must never repeat a
    /// login, since bad ones lock the account.
    var request: HTTPRequest {
        let object = [usernameField: username, passwordField: password]
        let body = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        var request = HTTPRequest.postJSON(loginURL, body: body, headers: ["Accept": "application/json"])
        request.isRetryable = false
        return request
    }

    /// Logs in.
    func fetch() async throws -> IssuedToken {
        let issuedAt = now()
        let response = try await client.send(request)
        guard response.isSuccess else {
            throw TokenEndpointError.forStatus(response, url: loginURL, redactor: redactor)
        }
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let token = object[tokenField] as? String, !token.isEmpty else {
            throw TokenEndpointError.malformed(url: loginURL, detail: "login response has no string field \(tokenField)",
                                               redactor: redactor)
        }
        return IssuedToken(value: token, issuedAt: issuedAt, lifetime: lifetime(of: token, issuedAt: issuedAt),
                           margin: refreshMargin)
    }

    /// The time to the JWT's `exp`, or `validity` when the token has no readable `exp` or one already past (a clock
    /// skew that would otherwise make every request log in again).
    private func lifetime(of token: String, issuedAt: Date) -> Duration {
        guard let expiry = JSONWebToken.expiry(of: token) else { return validity }
        let seconds = expiry.timeIntervalSince(issuedAt)
        return seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : validity
    }
}
