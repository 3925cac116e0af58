public import Logging

/// An ``HTTPClient`` that sends a request again, after a backoff, when the wrapped client answers with a transient
/// status (`503`, `429`…) or fails with a transient transport error, as a ``RetryPolicy`` says.
///
/// When the attempts or the deadline run out it returns the last response (for a status) or rethrows the last error.
/// A cancellation during a backoff ends the wait at once and throws ``HTTPError`` with code
/// ``HTTPError/Code/cancelled``, as every ``HTTPClient`` reports cancellation. Each retry is logged at `.info` with the
/// redacted URL, the attempt that failed and the delay.
public struct RetryingHTTPClient: HTTPClient {
    /// Makes the random number generator for one ``send(_:)`` (one per call, so nothing random is shared).
    public typealias GeneratorFactory = @Sendable () -> any RandomNumberGenerator

    private let client: any HTTPClient
    private let policy: RetryPolicy
    private let logger: Logger
    private let redactor: Redactor
    private let clock: any RetryClock
    private let makeGenerator: GeneratorFactory

    /// Wraps `client`.
    /// - Parameters:
    ///   - client: Sends each attempt.
    ///   - policy: When to retry and how long to wait.
    ///   - logger: Receives one `.info` line per retry.
    ///   - redactor: Masks the URL in log lines and errors; give it the literal secrets of the requests.
    ///   - clock: Time and waiting; the default sleeps with `Task.sleep`.
    ///   - makeGenerator: The randomness of the jitter; the default is the system generator.
    public init(wrapping client: any HTTPClient, policy: RetryPolicy = .standard,
                logger: Logger = Logger(label: "tradecredit.http.retry"), redactor: Redactor = .standard,
                clock: any RetryClock = SystemRetryClock(),
                makeGenerator: @escaping GeneratorFactory = { SystemRandomNumberGenerator() }) {
        self.client = client
        self.policy = policy
        self.logger = logger
        self.redactor = redactor
        self.clock = clock
        self.makeGenerator = makeGenerator
    }

    /// Sends `request`, retrying it as the policy allows.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let start = clock.uptime()
        var generator = makeGenerator()
        var attempt = 1
        while true {
            if Task.isCancelled { throw cancelled(request, detail: "cancelled before attempt \(attempt)") }
            let outcome: Result<HTTPResponse, any Error>
            do {
                outcome = .success(try await client.send(request))
            } catch {
                outcome = .failure(error)
            }
            guard let delay = delayBeforeRetry(after: outcome, attempt: attempt, of: request, start: start,
                                               generator: &generator) else {
                return try outcome.get()
            }
            logger.info("retrying HTTP request", metadata: [
                "method": "\(request.method)",
                "url": "\(redactor.redact(url: request.url))",
                "attempt": "\(attempt)",
                "outcome": "\(Self.summary(of: outcome))",
                "delay": "\(delay)",
            ])
            do {
                try await clock.sleep(for: delay)
            } catch is CancellationError {
                throw cancelled(request, detail: "cancelled while waiting to retry after attempt \(attempt)")
            }
            attempt += 1
        }
    }

    /// The wait before the next attempt, or `nil` to stop and hand back `outcome`.
    private func delayBeforeRetry(after outcome: Result<HTTPResponse, any Error>, attempt: Int, of request: HTTPRequest,
                                  start: Duration, generator: inout any RandomNumberGenerator) -> Duration? {
        guard attempt < policy.maxAttempts, policy.permitsRetry(of: request), !Task.isCancelled else { return nil }
        let requested: Duration?
        switch outcome {
        case .success(let response):
            guard policy.retries(status: response.status) else { return nil }
            requested = response.retryAfter(now: clock.now()).map { min($0, policy.retryAfterCap) }
        case .failure(let error):
            guard policy.retries(error: error) else { return nil }
            requested = nil
        }
        let delay = requested ?? policy.backoff(afterAttempt: attempt, using: &generator)
        guard clock.uptime() - start + delay <= policy.deadline else { return nil }
        return delay
    }

    private func cancelled(_ request: HTTPRequest, detail: String) -> HTTPError {
        HTTPError(.cancelled, method: request.method, url: request.url, detail: detail, redactor: redactor)
    }

    private static func summary(of outcome: Result<HTTPResponse, any Error>) -> String {
        switch outcome {
        case .success(let response): return "HTTP \(response.status)"
        case .failure(let error as HTTPError): return error.code.rawValue
        case .failure: return "error"
        }
    }
}
