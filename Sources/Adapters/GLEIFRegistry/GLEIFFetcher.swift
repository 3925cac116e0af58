import Foundation
import Logging
import TradeCreditHTTP

/// Sends one GET to GLEIF and sorts the outcome: a body, "not found", or a ``GLEIFError``.
struct GLEIFFetcher: Sendable {
    private let client: any HTTPClient
    private let logger: Logger

    init(client: any HTTPClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The body of a `2xx` for `url`, or `nil` for a `404`.
    /// - Throws: ``GLEIFError`` `.invalidRequest` (any other `4xx`), `.unavailable` (a transport error, `5xx`, `429`,
    ///   any other status); a cancelled request rethrows the client's `HTTPError` `.cancelled` unchanged.
    func body(of url: URL) async throws -> Data? {
        let response: HTTPResponse
        do {
            response = try await client.send(.get(url, headers: ["Accept": "application/vnd.api+json"]))
        } catch let error as HTTPError where error.code != .cancelled {
            throw GLEIFError(.unavailable, message: error.description)
        }
        logger.debug("gleif response", metadata: ["path": "\(url.path)", "status": "\(response.status)"])
        if response.isSuccess { return response.body }
        // The HTTP layer's description of a status is redacted and quotes the first bytes of the body.
        let detail = HTTPError.status(response).description
        switch response.status {
        case 404:
            return nil
        case 429:
            throw GLEIFError(.unavailable, status: 429, message: detail)
        case 400..<500:
            throw GLEIFError(.invalidRequest, status: response.status, message: detail)
        default:
            throw GLEIFError(.unavailable, status: response.status, message: detail)
        }
    }
}
