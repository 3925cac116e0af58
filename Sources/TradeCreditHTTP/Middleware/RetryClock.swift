public import Foundation

/// The time source and the waiting of ``RetryingHTTPClient``; tests inject one that records the waits instead of
/// sleeping.
public protocol RetryClock: Sendable {
    /// The wall-clock time, to read a `Retry-After` given as an HTTP date.
    func now() -> Date
    /// Monotonic time since an arbitrary fixed point, to measure the retry deadline.
    func uptime() -> Duration
    /// Waits for `duration`; throws `CancellationError` as soon as the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `Date()`, `ContinuousClock`, and `Task.sleep`, which ends at once when the task is cancelled.
public struct SystemRetryClock: RetryClock {
    private let origin = ContinuousClock.now

    /// The system clock.
    public init() {}

    /// `Date()`.
    public func now() -> Date { Date() }

    /// The `ContinuousClock` time since this clock was made.
    public func uptime() -> Duration { origin.duration(to: .now) }

    /// `Task.sleep(for:)`.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
