import Synchronization

/// Sends `requests` requests with `concurrency` workers (tasks) that each take the next request number until none
/// is left, and times every request.
enum ConcurrentLoad {
    static func run(requests: Int, concurrency: Int,
                    _ send: @escaping @Sendable () async throws -> Void) async -> LoadRun {
        let next = RequestCounter()
        let clock = ContinuousClock()
        let cpuBefore = cpuSeconds()
        let started = clock.now
        let parts = await withTaskGroup(of: Worker.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var worker = Worker()
                    worker.latencies.reserveCapacity(requests / concurrency + 1)
                    while next.take() < requests {
                        let before = clock.now
                        do {
                            try await send()
                        } catch {
                            worker.errors += 1
                            if worker.firstError == nil { worker.firstError = "\(error)" }
                        }
                        worker.latencies.append((clock.now - before).seconds)
                    }
                    return worker
                }
            }
            return await group.reduce(into: [Worker]()) { $0.append($1) }
        }
        let wall = clock.now - started
        let cpu = cpuSeconds() - cpuBefore
        return LoadRun(requests: requests, errors: parts.reduce(0) { $0 + $1.errors },
                       firstError: parts.compactMap(\.firstError).first, wall: wall,
                       latencies: parts.flatMap(\.latencies), clientCPU: cpu)
    }

    private struct Worker: Sendable {
        var latencies: [Double] = []
        var errors = 0
        var firstError: String?
    }
}

/// Hands out request numbers to the workers.
private final class RequestCounter: Sendable {
    private let value = Atomic<Int>(0)
    /// The next number, starting at 0.
    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
