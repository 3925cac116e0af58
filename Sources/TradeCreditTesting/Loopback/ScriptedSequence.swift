import Foundation

/// Responses given in order, one per call, for scripts such as "first 503 with `Retry-After: 1`, then 200".
///
/// Once the list is exhausted the last response repeats. Thread-safe: the server calls it from its connection
/// threads.
///
/// ```swift
/// let rates = ScriptedSequence(.serviceUnavailable(retryAfter: "1"), .ok(json: #"{"rate": 1.08}"#))
/// let server = try LoopbackHTTPServer { request in
///     request.pathWithoutQuery == "/rates" ? rates.next() : .notFound
/// }
/// ```
public final class ScriptedSequence: @unchecked Sendable {
    private let lock = NSLock()
    private let responses: [ScriptedResponse]
    private var calls = 0

    /// A sequence of `responses`; it must not be empty.
    public init(_ responses: [ScriptedResponse]) {
        precondition(!responses.isEmpty, "a ScriptedSequence needs at least one response")
        self.responses = responses
    }

    /// A sequence of `first` followed by `rest`.
    public convenience init(_ first: ScriptedResponse, _ rest: ScriptedResponse...) {
        self.init([first] + rest)
    }

    /// The response for the next call: the n-th response on the n-th call, the last one after that.
    public func next() -> ScriptedResponse {
        lock.withLock {
            let response = responses[min(calls, responses.count - 1)]
            calls += 1
            return response
        }
    }

    /// How many times ``next()`` has been called.
    public var callCount: Int { lock.withLock { calls } }

    /// A server handler that answers every request with ``next()``.
    public var handler: LoopbackHTTPServer.Handler {
        { _ in self.next() }
    }
}
