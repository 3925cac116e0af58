import Foundation
import Logging
import TradeCreditHTTP

/// Sends one authorized GET to Creditsafe and sorts the outcome: a body, "not found", or a ``CreditsafeError``.
struct CreditsafeFetcher: Sendable {
    private let client: any HTTPClient
    private let logger: Logger

    /// `client` already authorizes (an `AuthorizingHTTPClient`).
    init(client: any HTTPClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The body of a `2xx` for `url`, or `nil` for a `404`.
    /// - Throws: ``CreditsafeError`` `.unauthorized` (refused login, `401` after a fresh login, `403`),
    ///   `.rateLimited` (`429`), `.invalidRequest` (another `4xx`), `.invalidResponse` (a login answer without a
    ///   token), `.unavailable` (transport errors, `5xx`, anything else); a cancelled request rethrows the client's
    ///   `HTTPError` `.cancelled` unchanged.
    func body(of url: URL) async throws -> Data? {
        let response: HTTPResponse
        do {
            response = try await client.send(.get(url, headers: ["Accept": "application/json"]))
        } catch let error as HTTPError where error.code != .cancelled {
            throw Self.translate(error)
        }
        logger.debug("creditsafe response", metadata: ["path": "\(url.path)", "status": "\(response.status)"])
        if response.isSuccess { return response.body }
        // The HTTP layer's description of a status quotes the first bytes of the body; the URL holds no secret.
        let detail = HTTPError.status(response).description
        switch response.status {
        case 404:
            return nil
        case 403:
            throw CreditsafeError(.unauthorized, status: 403,
                                  message: "access refused (HTTP 403): the account may not cover this request")
        case 429:
            throw CreditsafeError(.rateLimited, status: 429, message: detail)
        case 400..<500:
            throw CreditsafeError(.invalidRequest, status: response.status, message: detail)
        default:
            throw CreditsafeError(.unavailable, status: response.status, message: detail)
        }
    }

    /// The adapter's error for an error of the HTTP layer (the login's included).
    static func translate(_ error: HTTPError) -> CreditsafeError {
        switch error.code {
        case .unauthorized:
            // Written here rather than copied from the HTTP error, so that no part of a login answer is echoed.
            let status = error.status.map { " (HTTP \($0))" } ?? ""
            return CreditsafeError(.unauthorized, status: error.status,
                                   message: "Creditsafe refused the credentials\(status); the login is not retried "
                                       + "(five bad logins lock the account for five minutes)")
        case .decoding:
            return CreditsafeError(.invalidResponse, field: "token", message: "the login answer holds no token")
        case .status where error.status == 429:
            return CreditsafeError(.rateLimited, status: 429, message: error.description)
        default:
            return CreditsafeError(.unavailable, status: error.status, message: error.description)
        }
    }
}
