import Foundation
import Logging
import TradeCreditHTTP

/// How the server misbehaves in one check. Only data requests are touched: requests to the transport's
/// authentication paths are answered from the routes as they are.
struct FaultPlan: Sendable {
    /// The answer to the data request numbered `index` (from 0), given the answer the routes would give.
    let alter: @Sendable (_ index: Int, _ answer: ScriptedResponse) -> ScriptedResponse

    static let none = FaultPlan { _, answer in answer }

    /// The first data request gets `response`; later ones are answered from the routes.
    static func first(_ response: ScriptedResponse) -> FaultPlan {
        FaultPlan { index, answer in index == 0 ? response : answer }
    }

    /// Every data request gets `response`.
    static func every(_ response: ScriptedResponse) -> FaultPlan {
        FaultPlan { _, _ in response }
    }

    /// Every data answer is changed by `change`.
    static func each(_ change: @escaping @Sendable (ScriptedResponse) -> ScriptedResponse) -> FaultPlan {
        FaultPlan { _, answer in change(answer) }
    }
}

/// What happened in one trial.
enum TrialOutcome<Value: Sendable>: Sendable {
    case value(Value)
    case error(any Error)
    /// The operation did not end within the watchdog.
    case hung
}

/// One run of an operation against a fresh server, client and adapter.
struct Trial<Value: Sendable>: Sendable {
    let outcome: TrialOutcome<Value>
    /// Every request the server received.
    let requests: [RecordedRequest]
    /// How many of them were data requests (not authentication).
    let dataRequests: Int
    /// From the start (or from the cancellation, when the trial cancels) to the end.
    let elapsed: Duration
}

/// Runs trials: for each, a loopback server answering a situation's routes with a fault plan, a real curl client
/// with the suite's retry policy, an environment for the author's factory, and a watchdog. It keeps every error
/// text and log line of the suite, for the secrets check.
final class ConformanceHarness: Sendable {
    let transport: ConformanceTransport
    let limits: ConformanceLimits
    let username = "conformance-user"
    let secret = "cs-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let log = LogRecorder()

    init(transport: ConformanceTransport, limits: ConformanceLimits) {
        self.transport = transport
        self.limits = limits
    }

    var isOffline: Bool { transport == .offline }

    var retryPolicy: RetryPolicy {
        RetryPolicy(maxAttempts: limits.retryPolicy.maxAttempts, baseDelay: limits.retryPolicy.baseDelay,
                    maxDelay: .milliseconds(100), deadline: .seconds(10), retryAfterCap: .milliseconds(200))
    }

    private func isData(_ request: RecordedRequest) -> Bool {
        guard case .http(let paths) = transport else { return true }
        return !paths.contains(request.pathWithoutQuery)
    }

    /// Runs `operation` once. With `cancelAfter`, the operation is cancelled after that long and `elapsed` is
    /// measured from the cancellation.
    func trial<Question: Sendable, Value: Sendable>(
        _ situation: ConformanceCase<Question>, faults: FaultPlan = .none, requestTimeout: Duration? = nil,
        cancelAfter: Duration? = nil,
        _ operation: @escaping @Sendable (ConformanceEnvironment, Question) async throws -> Value
    ) async -> Trial<Value> {
        let routes = situation.routes
        let counter = Counter()
        let server: LoopbackHTTPServer
        do {
            server = try LoopbackHTTPServer { [self] request in
                let answer = routes[request.path] ?? routes[request.pathWithoutQuery] ?? .notFound
                return isData(request) ? faults.alter(counter.next(), answer) : answer
            }
        } catch {
            return Trial(outcome: .error(error), requests: [], dataRequests: 0, elapsed: .zero)
        }
        defer { server.shutdown() }
        var configuration = CurlHTTPClient.Configuration()
        configuration.totalTimeout = requestTimeout ?? .seconds(10)
        configuration.connectTimeout = .seconds(2)
        configuration.proxy = .none
        configuration.logger = log.logger(label: "conformance.http")
        let curl: CurlHTTPClient
        do { curl = try CurlHTTPClient(configuration: configuration) } catch {
            return Trial(outcome: .error(error), requests: [], dataRequests: 0, elapsed: .zero)
        }
        defer { curl.shutdown() }
        let policy = retryPolicy
        // Offline adapters read the routes directly, so they see the faults applied once, as a data request would.
        let offlineRoutes = isOffline ? routes.mapValues { faults.alter(0, $0) } : routes
        let environment = ConformanceEnvironment(
            baseURL: server.url("/"), client: RetryingHTTPClient(wrapping: curl, policy: policy,
                                                                 logger: log.logger(label: "conformance.retry")),
            retryPolicy: policy, username: username, secret: secret,
            logger: log.logger(label: "conformance.adapter"), routes: offlineRoutes)

        let question = situation.question
        var start = ContinuousClock.now
        let task = Task { try await operation(environment, question) }
        if let cancelAfter {
            try? await Task.sleep(for: cancelAfter)
            start = ContinuousClock.now
            task.cancel()
        }
        let outcome = await Self.settle(task, within: limits.watchdog)
        let elapsed = ContinuousClock.now - start
        if case .error(let error) = outcome {
            log.append("error: \(String(describing: error)) | \(String(reflecting: error))")
        }
        let requests = server.requests
        return Trial(outcome: outcome, requests: requests, dataRequests: requests.filter(isData).count,
                     elapsed: elapsed)
    }

    /// The task's result, or `.hung` (and the task cancelled) when it takes longer than `limit`. Does not wait for
    /// a task that ignores cancellation.
    private static func settle<Value: Sendable>(_ task: Task<Value, any Error>,
                                                within limit: Duration) async -> TrialOutcome<Value> {
        let once = OnceContinuation<TrialOutcome<Value>>()
        let watcher = Task {
            let outcome: TrialOutcome<Value>
            do { outcome = .value(try await task.value) } catch { outcome = .error(error) }
            once.resume(outcome)
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            if once.resume(.hung) { task.cancel() }
        }
        let outcome = await withCheckedContinuation { once.install($0) }
        timer.cancel()
        _ = watcher
        return outcome
    }

    /// The secret inside an HTTP Basic credential.
    private var basicCredential: String { Data("\(username):\(secret)".utf8).base64EncodedString() }

    /// Whether `text` holds the secret, plainly or inside an HTTP Basic credential.
    func leaksSecret(_ text: String) -> Bool {
        text.contains(secret) || text.contains(basicCredential)
    }

    /// `text` with the secret, in both forms, replaced by `***`.
    func masked(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: "***").replacingOccurrences(of: basicCredential, with: "***")
    }
}

/// A thread-safe counter of data requests.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
}

/// Resumes a continuation once, with the first value given, whether it comes before or after the continuation.
private final class OnceContinuation<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?
    private var value: Value?
    private var resumed = false

    func install(_ continuation: CheckedContinuation<Value, Never>) {
        let ready: Value? = lock.withLock {
            if let value { resumed = true; return value }
            self.continuation = continuation
            return nil
        }
        if let ready { continuation.resume(returning: ready) }
    }

    /// Returns `true` when this call decided the value.
    @discardableResult
    func resume(_ newValue: Value) -> Bool {
        let (decided, waiting): (Bool, CheckedContinuation<Value, Never>?) = lock.withLock {
            guard value == nil, !resumed else { return (false, nil) }
            value = newValue
            defer { continuation = nil }
            if continuation != nil { resumed = true }
            return (true, continuation)
        }
        waiting?.resume(returning: newValue)
        return decided
    }
}
