import Foundation

/// The errors of a token or login endpoint, built with a redactor that knows the credential.
enum TokenEndpointError {
    /// Statuses that mean the credential (or the grant) was refused: retrying would only repeat the refusal.
    static let refusedStatuses: Set<Int> = [400, 401, 403]

    /// The error for a non-2xx answer: `.unauthorized` for a refusal, `.status` otherwise.
    static func forStatus(_ response: HTTPResponse, url: URL, redactor: Redactor) -> HTTPError {
        let refused = refusedStatuses.contains(response.status)
        return HTTPError(refused ? .unauthorized : .status, method: .post, url: url, status: response.status,
                         bodyPrefix: response.body,
                         detail: refused ? "credential refused by the token endpoint (HTTP \(response.status)); not retried"
                                         : "token endpoint answered HTTP \(response.status)",
                         redactor: redactor)
    }

    /// The error for a 2xx answer that holds no usable token. The body is left out: it may hold a token.
    static func malformed(url: URL, detail: String, redactor: Redactor) -> HTTPError {
        HTTPError(.decoding, method: .post, url: url, detail: detail, redactor: redactor)
    }
}
