/// One situation a conformance suite puts an adapter in: what the adapter is asked, and what the loopback server
/// answers, path by path.
///
/// Routes are matched like ``LoopbackHTTPServer/init(routes:maxRequestBytes:)``: on the whole target (path and query)
/// first, then on the path alone; anything else is answered `404`. An offline adapter (a file bureau) reads its
/// payload from the same routes with ``ConformanceEnvironment/body(at:)``.
public struct ConformanceCase<Question: Sendable>: Sendable {
    /// What the adapter is asked (a `BuyerQuery`, a date).
    public var question: Question
    /// The server's answers by path.
    public var routes: [String: ScriptedResponse]

    public init(_ question: Question, routes: [String: ScriptedResponse]) {
        self.question = question
        self.routes = routes
    }
}

/// A payload the adapter must refuse with `AdapterFailure.invalidResponse` naming `field`.
public struct MalformedCase<Question: Sendable>: Sendable {
    /// A short name for the report (`"score is text"`).
    public var name: String
    /// The question and the malformed answers.
    public var situation: ConformanceCase<Question>
    /// The field the error must name (compared with `AdapterError.field`, or found in the error's
    /// description when the adapter keeps the field there); `nil` accepts any field.
    public var field: String?

    public init(_ name: String, _ situation: ConformanceCase<Question>, field: String?) {
        self.name = name
        self.situation = situation
        self.field = field
    }
}

/// How the adapter reaches its source.
public enum ConformanceTransport: Sendable, Hashable {
    /// Over HTTP, through the environment's client. Requests to `authenticationPaths` (a login or token endpoint,
    /// matched on the path without query) are never faulted, so the transport checks hit data requests.
    case http(authenticationPaths: Set<String> = [])
    /// No network: the adapter reads its payload from ``ConformanceEnvironment/body(at:)``. The transport checks
    /// (retries, timeouts, cancellation, credentials) are skipped.
    case offline
}

/// The time limits of a suite. The defaults keep a whole suite to a few seconds, and leave room for a loaded
/// two-core machine, where a cancelled task may wait a second or two for a thread to resume on: a cancellation is
/// typically honoured in milliseconds, and must be within `cancellationBound`, well before the stall would end.
public struct ConformanceLimits: Sendable, Hashable {
    /// The client's total timeout per request in the timeout check (the server stalls far longer).
    public var requestTimeout: Duration
    /// How long the server stalls in the timeout and cancellation checks.
    public var stall: Duration
    /// The longest a cancelled lookup may take to end.
    public var cancellationBound: Duration
    /// The longest any single check may take before it is failed as hanging.
    public var watchdog: Duration
    /// The retry policy of the environment's client: few attempts, short waits.
    public var retryPolicy: RetryPolicyLimits

    public init(requestTimeout: Duration = .milliseconds(400), stall: Duration = .seconds(20),
                cancellationBound: Duration = .seconds(8), watchdog: Duration = .seconds(60),
                retryPolicy: RetryPolicyLimits = RetryPolicyLimits()) {
        self.requestTimeout = requestTimeout
        self.stall = stall
        self.cancellationBound = cancellationBound
        self.watchdog = watchdog
        self.retryPolicy = retryPolicy
    }
}

/// The retry policy the suite's client follows (turned into a `RetryPolicy` of the HTTP layer).
public struct RetryPolicyLimits: Sendable, Hashable {
    /// The most sends of one request.
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry.
    public var baseDelay: Duration

    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(10)) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
    }
}
