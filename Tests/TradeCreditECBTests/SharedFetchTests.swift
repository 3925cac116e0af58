import Foundation
import Testing
@testable import TradeCreditECB

/// The fetch the ECB cache shares between callers: cancelled only when every caller waiting on it is.
@Suite("ECB: shared fetch")
struct SharedFetchTests {
    @Test func aLoneCallersCancellationEndsTheFetch() async throws {
        let shared = SharedFetch<Int> {
            try await Task.sleep(for: .seconds(30))
            return 1
        }
        let caller = Task { try await shared.value() }
        try await Task.sleep(for: .milliseconds(50))
        let start = ContinuousClock.now
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
        // Far below the fetch's 30 s; loose because on a loaded two-core machine the test may wait seconds to resume.
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func oneOfTwoCallersCancelledLeavesTheOtherItsAnswer() async throws {
        let shared = SharedFetch<Int> {
            // Not cancellable by a lone waiter's leaving: it finishes on its own.
            try? await Task.sleep(for: .milliseconds(300))
            return Task.isCancelled ? -1 : 7
        }
        let first = Task { try await shared.value() }
        let second = Task { try await shared.value() }
        try await Task.sleep(for: .milliseconds(50))
        first.cancel()
        #expect(try await second.value == 7)
    }
}
