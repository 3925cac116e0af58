import Foundation
import Logging
import TradeCreditHTTP

/// Sends one GET to Frankfurter and turns every outcome other than `200` into a ``FrankfurterError``.
struct FrankfurterFetcher: Sendable {
    private let client: any HTTPClient
    private let logger: Logger

    /// Fetches through `client` (already wrapped for conditional requests by the provider).
    init(client: any HTTPClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The body of a `200` for `url` (possibly served from the conditional-request cache after a `304`).
    /// - Throws: ``FrankfurterError`` `.notFound` (404), `.invalidRequest` (400, 422), `.unavailable` (a transport
    ///   error, any other status); a cancelled request rethrows the client's `HTTPError` `.cancelled` unchanged.
    func body(of url: URL) async throws -> Data {
        let response: HTTPResponse
        do {
            response = try await client.send(.get(url, headers: ["Accept": "application/json"]))
        } catch let error as HTTPError where error.code != .cancelled {
            throw FrankfurterError(.unavailable, message: error.description)
        }
        logger.debug("frankfurter response", metadata: [
            "path": "\(url.path)", "status": "\(response.status)", "from_cache": "\(response.isFromCache)",
        ])
        // The HTTP layer's description of a status is redacted and quotes the first bytes of the body.
        let detail = HTTPError.status(response).description
        switch response.status {
        case 200:
            return response.body
        case 404:
            throw FrankfurterError(.notFound, status: 404, message: detail)
        case 400, 422:
            throw FrankfurterError(.invalidRequest, status: response.status, message: detail)
        default:
            throw FrankfurterError(.unavailable, status: response.status, message: detail)
        }
    }
}
