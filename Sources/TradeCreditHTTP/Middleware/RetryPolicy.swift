/// When and how long ``RetryingHTTPClient`` waits before it sends a request again.
///
/// Attempt 1 is the first send. After attempt *n* fails with a retryable status or error, the client waits a random
/// delay in `0 … min(maxDelay, baseDelay × 2^(n−1))` (exponential backoff with full jitter), or the server's
/// `Retry-After` when the response carries one (clamped to ``retryAfterCap``), then sends attempt *n + 1*. It stops
/// after ``maxAttempts`` sends, or when the next wait would end after ``deadline`` (measured from the first send).
///
/// What is never retried, whatever the configuration:
/// - a request that is not ``HTTPRequest/isRetryable`` (a POST by default), unless ``retryNonIdempotent`` is set;
/// - `401` and `403`: a refused credential is handled once by ``AuthorizingHTTPClient``, and repeating a bad login
///   can lock an account;
/// - ``HTTPError/Code/cancelled``, and anything thrown after the task was cancelled.
///
/// `.dns` is not retryable by default: a name that does not resolve is nearly always a configuration mistake or a
/// resolver outage, neither of which clears within the few seconds a retry budget spans. Add it to
/// ``retryableErrorCodes`` if your network says otherwise.
public struct RetryPolicy: Sendable, Hashable {
    /// The most sends of one request, the first included (`1` disables retries).
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry; it doubles after every attempt.
    public var baseDelay: Duration
    /// The largest computed backoff.
    public var maxDelay: Duration
    /// The time from the first send after which no retry starts.
    public var deadline: Duration
    /// The longest `Retry-After` honoured: a longer one is clamped to it (and the request gives up if even the clamped
    /// wait would pass ``deadline``).
    public var retryAfterCap: Duration
    /// Response statuses worth another attempt (`401` and `403` are ignored here).
    public var retryableStatuses: Set<Int>
    /// Transport errors worth another attempt.
    public var retryableErrorCodes: Set<HTTPError.Code>
    /// Whether to retry requests that are not marked ``HTTPRequest/isRetryable`` (non-idempotent ones).
    public var retryNonIdempotent: Bool

    /// A policy; the defaults suit an interactive call to a bureau or rate source.
    public init(maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10),
                deadline: Duration = .seconds(30), retryAfterCap: Duration = .seconds(60),
                retryableStatuses: Set<Int> = [429, 502, 503, 504],
                retryableErrorCodes: Set<HTTPError.Code> = [.connect, .timeout, .network],
                retryNonIdempotent: Bool = false) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.deadline = deadline
        self.retryAfterCap = retryAfterCap
        self.retryableStatuses = retryableStatuses
        self.retryableErrorCodes = retryableErrorCodes
        self.retryNonIdempotent = retryNonIdempotent
    }

    /// The default policy.
    public static let standard = RetryPolicy()

    /// A policy that never retries.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// Whether `request` may be sent more than once.
    public func permitsRetry(of request: HTTPRequest) -> Bool {
        request.isRetryable || retryNonIdempotent
    }

    /// Whether a response with `status` is worth another attempt.
    public func retries(status: Int) -> Bool {
        status != 401 && status != 403 && retryableStatuses.contains(status)
    }

    /// Whether a thrown error is worth another attempt: only an ``HTTPError`` with a retryable code.
    public func retries(error: any Error) -> Bool {
        guard let error = error as? HTTPError, error.code != .cancelled else { return false }
        return retryableErrorCodes.contains(error.code)
    }

    /// The upper bound of the backoff after attempt `attempt` (1-based): `min(maxDelay, baseDelay × 2^(attempt−1))`.
    public func backoffCap(afterAttempt attempt: Int) -> Duration {
        var cap = max(baseDelay, .zero)
        var doublings = max(attempt, 1) - 1
        while doublings > 0 && cap < maxDelay {
            cap = cap * 2
            doublings -= 1
        }
        return min(cap, max(maxDelay, .zero))
    }

    /// A backoff after attempt `attempt` with full jitter: uniform in `0 … backoffCap(afterAttempt:)`, to the
    /// nanosecond.
    public func backoff(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let cap = backoffCap(afterAttempt: attempt)
        let capNanoseconds = cap.components.seconds * 1_000_000_000 + cap.components.attoseconds / 1_000_000_000
        guard capNanoseconds > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...capNanoseconds, using: &generator))
    }
}
