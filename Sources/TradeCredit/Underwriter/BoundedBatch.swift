import TradeCreditModel

/// Runs one piece of work per buyer, at most `limit` at a time, reporting progress after each and recording each
/// buyer's failure in its entry. Cancellation stops new work and throws `CancellationError`.
struct BoundedBatch: Sendable {
    /// How many buyers are worked on at once (at least 1).
    let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The entries in input order.
    /// - Throws: `CancellationError` when the task is cancelled before every buyer is done.
    func run<Value: Sendable>(_ buyerIDs: [BuyerID], progress: (@Sendable (BatchProgress) -> Void)?,
                              work: @escaping @Sendable (Int) async throws -> Value) async throws -> [BatchEntry<Value>] {
        let total = buyerIDs.count
        var entries = [BatchEntry<Value>?](repeating: nil, count: total)
        try await withThrowingTaskGroup(of: BatchEntry<Value>.self) { group in
            var next = 0
            func startNext() {
                guard next < total, !Task.isCancelled else { return }
                let index = next
                next += 1
                group.addTask {
                    do {
                        return BatchEntry(index: index, buyerID: buyerIDs[index], result: .success(try await work(index)))
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        // Work that failed because the batch was cancelled is not a failure of the buyer.
                        try Task.checkCancellation()
                        return BatchEntry(index: index, buyerID: buyerIDs[index], result: .failure(UnderwriterFailure(error)))
                    }
                }
            }
            for _ in 0..<limit { startNext() }
            var (succeeded, failed) = (0, 0)
            while let entry = try await group.next() {
                entries[entry.index] = entry
                if entry.failure == nil { succeeded += 1 } else { failed += 1 }
                progress?(BatchProgress(completed: succeeded + failed, total: total, succeeded: succeeded, failed: failed,
                                        buyerID: entry.buyerID))
                startNext()
            }
        }
        try Task.checkCancellation()
        return entries.map { $0! }
    }
}
