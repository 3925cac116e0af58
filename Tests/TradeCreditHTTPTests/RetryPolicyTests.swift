import Foundation
import Logging
import Synchronization
import Testing
import TradeCreditHTTP
import TradeCreditTesting

/// A clock that records each requested wait and advances by it instead of sleeping.
final class ManualRetryClock: RetryClock {
    private let state: Mutex<(date: Date, uptime: Duration, sleeps: [Duration])>

    init(date: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Mutex((date, .zero, []))
    }

    func now() -> Date { state.withLock { $0.date } }
    func uptime() -> Duration { state.withLock { $0.uptime } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock { $0.sleeps.append(duration) }
        advance(by: duration)
    }

    /// Moves both clocks forward, as a slow response would.
    func advance(by duration: Duration) {
        state.withLock {
            $0.uptime += duration
            $0.date = $0.date.addingTimeInterval(Double(duration.components.seconds)
                                                 + Double(duration.components.attoseconds) / 1e18)
        }
    }

    var sleeps: [Duration] { state.withLock { $0.sleeps } }
}

/// SplitMix64: a small seeded generator, so jitter is the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let apiURL = URL(string: "https://api.example.com/v1/companies?countries=FR&regNo=552100554")!

private func silentLogger() -> Logger {
    Logger(label: "test.retry") { _ in SwiftLogNoOpLogHandler() }
}

private func retrying(_ mock: MockHTTPClient, policy: RetryPolicy = .standard, clock: ManualRetryClock,
                      logger: Logger = silentLogger()) -> RetryingHTTPClient {
    RetryingHTTPClient(wrapping: mock, policy: policy, logger: logger, clock: clock,
                       makeGenerator: { SeededGenerator(seed: 42) })
}

@Suite("Retry policy and RetryingHTTPClient")
struct RetryPolicyTests {
    @Test("the backoff cap doubles from the base delay up to the maximum")
    func backoffCaps() {
        let policy = RetryPolicy()
        let caps = (1...8).map { policy.backoffCap(afterAttempt: $0) }
        #expect(caps == [.milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
                         .milliseconds(3200), .milliseconds(6400), .seconds(10), .seconds(10)])
    }

    @Test("full jitter: every delay lies in [0, cap] and spreads over the range", arguments: 1...8)
    func backoffWithinBounds(attempt: Int) {
        let policy = RetryPolicy()
        let cap = policy.backoffCap(afterAttempt: attempt)
        var generator = SeededGenerator(seed: UInt64(attempt))
        let delays = (0..<500).map { _ in policy.backoff(afterAttempt: attempt, using: &generator) }
        #expect(delays.allSatisfy { $0 >= .zero && $0 <= cap })
        #expect(delays.contains { $0 < cap / 4 })
        #expect(delays.contains { $0 > cap * 3 / 4 })
    }

    @Test("503 then 200: two attempts, one backoff within the first cap")
    func retriesServiceUnavailable() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 503)
        mock.enqueue(status: 200, body: "ok")
        let clock = ManualRetryClock()
        let response = try await retrying(mock, clock: clock).send(.get(apiURL))
        #expect(response.status == 200)
        #expect(mock.requests.count == 2)
        #expect(clock.sleeps.count == 1)
        #expect(clock.sleeps.allSatisfy { $0 >= .zero && $0 <= .milliseconds(200) })
    }

    @Test("attempts exhausted: the last 503 comes back, each delay within its attempt's cap")
    func returnsLastResponseWhenExhausted() async throws {
        let mock = MockHTTPClient { request in HTTPResponse(status: 503, body: Data("busy".utf8), url: request.url) }
        let clock = ManualRetryClock()
        let policy = RetryPolicy()
        let response = try await retrying(mock, policy: policy, clock: clock).send(.get(apiURL))
        #expect(response.status == 503)
        #expect(String(decoding: response.body, as: UTF8.self) == "busy")
        #expect(mock.requests.count == 4)
        let sleeps = clock.sleeps
        #expect(sleeps.count == 3)
        for (index, delay) in sleeps.enumerated() {
            #expect(delay >= .zero && delay <= policy.backoffCap(afterAttempt: index + 1))
        }
    }

    @Test("429 with Retry-After: 3 waits exactly 3 s")
    func honoursRetryAfterSeconds() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 429, headers: ["Retry-After": "3"])
        mock.enqueue(status: 200)
        let clock = ManualRetryClock()
        let response = try await retrying(mock, clock: clock).send(.get(apiURL))
        #expect(response.status == 200)
        #expect(clock.sleeps == [.seconds(3)])
    }

    @Test("Retry-After as an HTTP date waits until that date")
    func honoursRetryAfterDate() async throws {
        let clock = ManualRetryClock()
        let mock = MockHTTPClient()
        mock.enqueue(status: 503, headers: ["Retry-After": HTTPDate.format(clock.now().addingTimeInterval(7))])
        mock.enqueue(status: 200)
        _ = try await retrying(mock, clock: clock).send(.get(apiURL))
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test("Retry-After 3600 is clamped to the 60 s cap, which passes the 30 s deadline: give up at once")
    func longRetryAfterGivesUpAtDeadline() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 429, headers: ["Retry-After": "3600"])
        mock.enqueue(status: 200)
        let clock = ManualRetryClock()
        let response = try await retrying(mock, clock: clock).send(.get(apiURL))
        #expect(response.status == 429)
        #expect(mock.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("Retry-After 3600 with a long deadline waits the 60 s cap")
    func longRetryAfterClampedToCap() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 429, headers: ["Retry-After": "3600"])
        mock.enqueue(status: 200)
        let clock = ManualRetryClock()
        let policy = RetryPolicy(deadline: .seconds(600))
        let response = try await retrying(mock, policy: policy, clock: clock).send(.get(apiURL))
        #expect(response.status == 200)
        #expect(clock.sleeps == [.seconds(60)])
    }

    @Test("the deadline counts the time spent in attempts too")
    func deadlineStopsSlowAttempts() async throws {
        let clock = ManualRetryClock()
        let mock = MockHTTPClient { request in
            clock.advance(by: .seconds(12))
            return HTTPResponse(status: 503, url: request.url)
        }
        let response = try await retrying(mock, clock: clock).send(.get(apiURL))
        #expect(response.status == 503)
        // 12 s, 24 s: retried; after the third attempt (36 s) the deadline of 30 s has passed.
        #expect(mock.requests.count == 3)
        #expect(clock.sleeps.count == 2)
    }

    @Test("other statuses are never retried", arguments: [400, 401, 403, 404, 409, 422, 500, 501])
    func neverRetriesOtherStatuses(status: Int) async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: status, headers: ["Retry-After": "1"])
        mock.enqueue(status: 200)
        let clock = ManualRetryClock()
        let response = try await retrying(mock, clock: clock).send(.get(apiURL))
        #expect(response.status == status)
        #expect(mock.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("401 and 403 are not retried even when listed as retryable", arguments: [401, 403])
    func credentialStatusesNeverRetried(status: Int) async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: status)
        mock.enqueue(status: 200)
        let policy = RetryPolicy(retryableStatuses: [401, 403, 503])
        let response = try await retrying(mock, policy: policy, clock: ManualRetryClock()).send(.get(apiURL))
        #expect(response.status == status)
        #expect(mock.requests.count == 1)
    }

    @Test("a POST is not retried by default")
    func postNotRetriedByDefault() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 503)
        mock.enqueue(status: 200)
        let request = HTTPRequest.postJSON(apiURL, body: Data("{}".utf8))
        let response = try await retrying(mock, clock: ManualRetryClock()).send(request)
        #expect(response.status == 503)
        #expect(mock.requests.count == 1)
    }

    @Test("a POST marked retryable is retried")
    func retryablePostRetried() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 503)
        mock.enqueue(status: 200)
        let request = HTTPRequest(method: .post, url: apiURL, body: Data("{}".utf8), isRetryable: true)
        let response = try await retrying(mock, clock: ManualRetryClock()).send(request)
        #expect(response.status == 200)
        #expect(mock.requests.count == 2)
    }

    @Test("retryNonIdempotent retries any POST")
    func retryNonIdempotentRetriesPost() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 502)
        mock.enqueue(status: 200)
        let policy = RetryPolicy(retryNonIdempotent: true)
        let request = HTTPRequest.postJSON(apiURL, body: Data("{}".utf8))
        let response = try await retrying(mock, policy: policy, clock: ManualRetryClock()).send(request)
        #expect(response.status == 200)
        #expect(mock.requests.count == 2)
    }

    @Test("transient transport errors are retried", arguments: [HTTPError.Code.connect, .timeout, .network])
    func transientErrorsRetried(code: HTTPError.Code) async throws {
        let mock = MockHTTPClient()
        mock.enqueue([.failure(HTTPError(code, url: apiURL, detail: "simulated"))])
        mock.enqueue(status: 200)
        let response = try await retrying(mock, clock: ManualRetryClock()).send(.get(apiURL))
        #expect(response.status == 200)
        #expect(mock.requests.count == 2)
    }

    @Test("other transport errors are rethrown at once",
          arguments: [HTTPError.Code.tls, .invalidURL, .tooLarge, .cancelled, .dns, .protocolError, .redirect])
    func permanentErrorsNotRetried(code: HTTPError.Code) async throws {
        let mock = MockHTTPClient()
        mock.enqueue([.failure(HTTPError(code, url: apiURL, detail: "simulated"))])
        mock.enqueue(status: 200)
        let error = await #expect(throws: HTTPError.self) {
            try await retrying(mock, clock: ManualRetryClock()).send(.get(apiURL))
        }
        #expect(error?.code == code)
        #expect(mock.requests.count == 1)
    }

    @Test("errors until attempts run out: the last error is rethrown")
    func rethrowsLastError() async throws {
        let mock = MockHTTPClient()
        mock.enqueue([.failure(HTTPError(.connect, url: apiURL, detail: "refused 1")),
                      .failure(HTTPError(.timeout, url: apiURL, detail: "timed out 2")),
                      .failure(HTTPError(.network, url: apiURL, detail: "reset 3")),
                      .failure(HTTPError(.connect, url: apiURL, detail: "refused 4"))])
        let clock = ManualRetryClock()
        let error = await #expect(throws: HTTPError.self) {
            try await retrying(mock, clock: clock).send(.get(apiURL))
        }
        #expect(error?.detail == "refused 4")
        #expect(mock.requests.count == 4)
        #expect(clock.sleeps.count == 3)
    }

    @Test("maxAttempts 1 never retries")
    func singleAttempt() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 503)
        let response = try await retrying(mock, policy: .never, clock: ManualRetryClock()).send(.get(apiURL))
        #expect(response.status == 503)
        #expect(mock.requests.count == 1)
    }

    @Test("cancellation during the backoff ends the wait at once with HTTPError .cancelled")
    func cancellationDuringBackoff() async throws {
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let mock = MockHTTPClient { request in
            startedContinuation.yield()
            return HTTPResponse(status: 503, headers: ["Retry-After": "120"], url: request.url)
        }
        // The real clock: Task.sleep must stop as soon as the task is cancelled. The wait would be 120 s; the bound
        // below is loose because the whole suite shares two cores.
        let policy = RetryPolicy(deadline: .seconds(300), retryAfterCap: .seconds(300))
        let client = RetryingHTTPClient(wrapping: mock, policy: policy, logger: silentLogger())
        let begin = ContinuousClock.now
        let task = Task { try await client.send(.get(apiURL)) }
        for await _ in started { break }
        try await Task.sleep(for: .milliseconds(20))
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - begin < .seconds(30))
        #expect(throws: HTTPError.self) { try result.get() }
        if case .failure(let error as HTTPError) = result { #expect(error.code == .cancelled) }
        #expect(mock.requests.count == 1)
    }

    @Test("each retry is logged at info with the redacted URL, the attempt and the delay")
    func logsRetries() async throws {
        let log = LogRecorder()
        let logger = log.logger(label: "test.retry")
        let mock = MockHTTPClient()
        mock.enqueue(status: 503, headers: ["Retry-After": "2"])
        mock.enqueue(status: 200)
        let url = URL(string: "https://api.example.com/v1/rates?api_key=SUPERSECRETKEY1")!
        _ = try await retrying(mock, clock: ManualRetryClock(), logger: logger).send(.get(url))
        let events = log.recorded
        #expect(events.count == 1)
        let line = try #require(events.first)
        #expect(line.hasPrefix("info "))
        #expect(line.contains("attempt=1"))
        #expect(line.contains("delay=2.0 seconds"))
        #expect(line.contains("api.example.com/v1/rates"))
        #expect(!line.contains("SUPERSECRETKEY1"))
    }
}
