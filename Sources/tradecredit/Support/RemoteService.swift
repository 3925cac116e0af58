import Foundation
import TradeCredit

/// What the commands that call a remote service share (`resolve`, `fx`, `rating --bureau creditsafe|dnb`): the
/// `--base-url` flag, a libcurl client behind the standard retry policy, and one mapping of adapter errors to the
/// CLI's exit statuses.
enum RemoteService {
    /// The value of `--base-url` as an `http` or `https` URL; `nil` when the flag is not given.
    /// - Throws: `InputError` naming `--base-url` (status 2).
    static func baseURL(_ text: String?) throws -> URL? {
        guard let text else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            throw InputError(file: "--base-url", "expected an http or https URL (\"\(text)\")")
        }
        return url
    }

    /// Runs `body` with a libcurl client behind `RetryingHTTPClient` (the standard retry policy), and shuts libcurl
    /// down when `body` returns or throws.
    /// - Throws: `CommandFailure` when libcurl cannot start (status 1); what `body` throws, unchanged.
    static func withClient<T>(_ body: (any HTTPClient) async throws -> T) async throws -> T {
        let curl: CurlHTTPClient
        do { curl = try CurlHTTPClient() } catch let error as HTTPError { throw CommandFailure(description: error.description) }
        defer { curl.shutdown() }
        return try await body(RetryingHTTPClient(wrapping: curl))
    }

    /// Runs `body`, which asks `source` over the network, and turns its failures into the CLI's errors, each one
    /// line prefixed with the source's name:
    /// - an ``AdapterError`` whose kind is `unauthorized` (refused credentials), or `invalid_request` when no request
    ///   was sent (the user's input cannot be asked for), is bad input: `InputError`, status 2; `hint` (where the
    ///   credentials come from) is appended to a refusal;
    /// - any other adapter error (`unavailable`, `rate_limited`, `invalid_response`, a refused request, `not_found`)
    ///   and an `HTTPError` are failures: `CommandFailure`, status 1.
    ///
    /// Adapter errors describe themselves without secrets; nothing else is added to them.
    static func mappingErrors<T>(source: String, hint: String? = nil, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as any AdapterError {
            switch error.failure {
            case .unauthorized:
                throw InputError(file: error.adapter, error.description + (hint.map { "; \($0)" } ?? ""))
            case .invalidRequest where error.status == nil:
                throw InputError(file: error.adapter, error.description)
            default:
                throw CommandFailure(description: "\(error.adapter): \(error.description)")
            }
        } catch let error as HTTPError {
            throw CommandFailure(description: "\(source): \(error.description)")
        }
    }
}
