import Foundation
import TradeCreditHTTP
import TradeCreditModel

/// The checks every network adapter must pass whatever it fetches: retries of `429` and `5xx` within the policy,
/// failures that end in typed errors, timeouts and cancellation honoured, refused credentials neither retried nor
/// echoed; and, for every adapter, payloads cut short or not in the expected format refused as invalid responses.
struct TransportChecks<Question: Sendable, Value: Sendable> {
    let harness: ConformanceHarness
    let found: ConformanceCase<Question>
    let unauthorized: ConformanceCase<Question>?
    let operation: @Sendable (ConformanceEnvironment, Question) async throws -> Value
    /// `nil` when a value answers the found situation correctly; otherwise what is wrong with it.
    let judge: @Sendable (Value) -> String?

    /// Runs the checks; `baseline` is the found situation run without faults.
    func run(baseline: Trial<Value>) async -> [ConformanceCheck] {
        var checks = await payloadChecks()
        guard !harness.isOffline else {
            let reason = "offline adapter: no transport"
            return checks + ["429 then success is retried", "503 then success is retried",
                             "persistent 503 ends in unavailable within the policy",
                             "persistent 429 ends in rate limited", "a body cut short ends in unavailable",
                             "a connection closed without answer ends in unavailable",
                             "a stalled server times out", "cancellation is honoured",
                             "refused credentials give unauthorized"].map {
                ConformanceCheck(name: $0, verdict: .skipped, detail: reason)
            }
        }
        checks += await retryChecks(baseline: baseline)
        checks += await failureChecks(baseline: baseline)
        checks.append(await timeoutCheck())
        checks.append(await cancellationCheck())
        checks.append(await credentialsCheck(baseline: baseline))
        return checks
    }

    private func payloadChecks() async -> [ConformanceCheck] {
        let truncated = await harness.trial(found, faults: .each { answer in
            var cut = answer
            cut.body = answer.body.prefix(answer.body.count / 2)
            return cut
        }, operation)
        let garbage = await harness.trial(found, faults: .each { _ in
            ScriptedResponse(status: 200, headers: ["Content-Type": "text/html"],
                             body: Data("<html><body>Service temporarily unavailable</body></html>".utf8))
        }, operation)
        return [
            check("a payload cut in half is an invalid response",
                  truncated.outcome.problem(unlessFailure: [.invalidResponse])),
            check("an HTML page instead of the payload is an invalid response",
                  garbage.outcome.problem(unlessFailure: [.invalidResponse])),
        ]
    }

    private func retryChecks(baseline: Trial<Value>) async -> [ConformanceCheck] {
        var checks: [ConformanceCheck] = []
        let answers: [(String, ScriptedResponse)] = [
            ("429 then success is retried", .tooManyRequests(retryAfter: "0")),
            ("503 then success is retried", .serviceUnavailable()),
        ]
        for (name, answer) in answers {
            let trial = await harness.trial(found, faults: .first(answer), operation)
            checks.append(check(name, succeeded(trial) ?? sameRequests(trial, as: baseline, plus: 1)))
        }
        return checks
    }

    private func failureChecks(baseline: Trial<Value>) async -> [ConformanceCheck] {
        let attempts = harness.retryPolicy.maxAttempts
        let bound = attempts * max(baseline.dataRequests, 1)
        let down = await harness.trial(found, faults: .every(.serviceUnavailable()), operation)
        var downProblem = down.outcome.problem(unlessFailure: [.unavailable])
        if downProblem == nil, down.dataRequests > bound {
            downProblem = "\(down.dataRequests) data requests; the policy allows \(attempts) sends per request"
        }
        let limited = await harness.trial(found, faults: .every(.tooManyRequests(retryAfter: "0")), operation)
        let cut = await harness.trial(found, faults: .each { answer in
            answer.with(.truncateAfterBodyBytes(answer.body.count / 2))
        }, operation)
        let closed = await harness.trial(found, faults: .every(ScriptedResponse().with(.closeWithoutResponse)), operation)
        return [
            check("persistent 503 ends in unavailable within the policy", downProblem,
                  passed: "\(down.dataRequests) data requests (bound \(bound))"),
            check("persistent 429 ends in rate limited", limited.outcome.problem(unlessFailure: [.rateLimited, .unavailable])),
            check("a body cut short ends in unavailable", cut.outcome.problem(unlessFailure: [.unavailable])),
            check("a connection closed without answer ends in unavailable",
                  closed.outcome.problem(unlessFailure: [.unavailable])),
        ]
    }

    private func timeoutCheck() async -> ConformanceCheck {
        let stall = harness.limits.stall
        let trial = await harness.trial(found, faults: .each { $0.with(.delayBeforeHeaders(stall)) },
                                        requestTimeout: harness.limits.requestTimeout, operation)
        return check("a stalled server times out", trial.outcome.problem(unlessFailure: [.unavailable]),
                     passed: "ended in \(trial.elapsed.milliseconds) ms with a \(harness.limits.requestTimeout) timeout")
    }

    private func cancellationCheck() async -> ConformanceCheck {
        let stall = harness.limits.stall
        let trial = await harness.trial(found, faults: .each { $0.with(.delayBeforeHeaders(stall)) },
                                        cancelAfter: .milliseconds(150), operation)
        let bound = harness.limits.cancellationBound
        var problem: String?
        if !trial.outcome.isCancellation {
            problem = "expected CancellationError or HTTPError cancelled; \(trial.outcome.summary)"
        } else if trial.elapsed > bound {
            problem = "ended \(trial.elapsed.milliseconds) ms after the cancellation (bound \(bound))"
        }
        return check("cancellation is honoured", problem,
                     passed: "ended \(trial.elapsed.milliseconds) ms after the cancellation")
    }

    private func credentialsCheck(baseline: Trial<Value>) async -> ConformanceCheck {
        let name = "refused credentials give unauthorized"
        guard let unauthorized else {
            return ConformanceCheck(name: name, verdict: .skipped, detail: "no unauthorized fixture given")
        }
        let trial = await harness.trial(unauthorized, operation)
        var problem = trial.outcome.problem(unlessFailure: [.unauthorized])
        if problem == nil, trial.requests.count > baseline.requests.count {
            problem = "\(trial.requests.count) requests, more than the \(baseline.requests.count) of a found lookup: "
                + "a refused credential must not be retried"
        }
        if problem == nil, case .http(let paths) = harness.transport, !paths.isEmpty {
            let logins = trial.requests.filter { paths.contains($0.pathWithoutQuery) }.count
            if logins > 1 { problem = "the refused credentials were sent \(logins) times" }
        }
        if problem == nil, let error = trial.outcome.adapterError,
           harness.leaksSecret(String(describing: error) + String(reflecting: error)) {
            problem = "the error quotes the secret"
        }
        return check(name, problem)
    }

    // MARK: Helpers

    private func succeeded(_ trial: Trial<Value>) -> String? {
        guard case .value(let value) = trial.outcome else { return "expected success; \(trial.outcome.summary)" }
        return judge(value)
    }

    private func sameRequests(_ trial: Trial<Value>, as baseline: Trial<Value>, plus extra: Int) -> String? {
        let expected = baseline.dataRequests + extra
        return trial.dataRequests == expected ? nil
            : "\(trial.dataRequests) data requests, expected \(expected) (the found lookup's \(baseline.dataRequests) + \(extra) retry)"
    }
}

/// A check named `name` that passed when `problem` is `nil`.
func check(_ name: String, _ problem: String?, passed detail: String = "") -> ConformanceCheck {
    if let problem { return ConformanceCheck(name: name, verdict: .failed, detail: problem) }
    return ConformanceCheck(name: name, verdict: .passed, detail: detail)
}
