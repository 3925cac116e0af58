import Logging
public import TradeCreditModel

/// The batch flows, for thousands of buyers.
///
/// **Progress is a `@Sendable` callback**, not an `AsyncStream`: the batch's own result is the return value, so a
/// stream would need a second consumer task and a buffering policy for thousands of events, and a slow consumer would
/// either hold memory or lose events. The callback is called synchronously, one call at a time, from the task that
/// collects the results, after each buyer: counts are monotone and the last call has `completed == total`. Keep it
/// quick (hop to your own actor or `AsyncStream.Continuation.yield` from it to feed a UI). It matches
/// ``MultiBureau``'s batch lookup.
///
/// **A buyer's failure is the buyer's**: it is its entry's ``BatchEntry/failure`` and the batch goes on. Only
/// cancellation ends a batch: no buyer is started after it, those in flight are cancelled (their bureau calls too),
/// and the call throws `CancellationError`.
extension Underwriter {
    /// Assesses every profile on `asOf`, at most ``UnderwriterSettings/maximumConcurrentBuyers`` at a time, as
    /// ``assess(_:asOf:)`` does one; the rates are fetched once for the batch.
    /// - Returns: one entry per profile, in input order.
    /// - Throws: `CancellationError` only.
    public func assessAll(_ profiles: [BuyerProfile], asOf: CalendarDate,
                          progress: (@Sendable (BatchProgress) -> Void)? = nil) async throws -> [BatchEntry<BuyerAssessmentReport>] {
        let rates = policyRates()
        return try await runBatch("assess", profiles.map(\.buyer.id), progress: progress) { index in
            try await self.assess(profiles[index], asOf: asOf, rates: rates)
        }
    }

    /// Decides every application, at most ``UnderwriterSettings/maximumConcurrentBuyers`` at a time, as
    /// ``decide(_:on:)`` does one; the rates are fetched once per date for the batch.
    /// - Parameters:
    ///   - applications: the applications to decide.
    ///   - date: the decision date of every application; `nil`: each request's date.
    ///   - progress: called after each buyer with the counts so far (see the extension's documentation).
    /// - Returns: one entry per application, in input order.
    /// - Throws: `CancellationError` only.
    public func decideAll(_ applications: [LimitApplication], on date: CalendarDate? = nil,
                          progress: (@Sendable (BatchProgress) -> Void)? = nil) async throws -> [BatchEntry<LimitOutcome>] {
        let rates = policyRates()
        return try await runBatch("decide", applications.map(\.profile.buyer.id), progress: progress) { index in
            try await self.decide(applications[index], on: date, rates: rates)
        }
    }

    private func runBatch<Value: Sendable>(_ flow: String, _ buyerIDs: [BuyerID], progress: (@Sendable (BatchProgress) -> Void)?,
                                           work: @escaping @Sendable (Int) async throws -> Value) async throws -> [BatchEntry<Value>] {
        logger.info("batch started", metadata: ["flow": "\(flow)", "buyers": "\(buyerIDs.count)",
                                                "concurrency": "\(settings.maximumConcurrentBuyers)"])
        let entries: [BatchEntry<Value>]
        do {
            entries = try await BoundedBatch(limit: settings.maximumConcurrentBuyers).run(buyerIDs, progress: progress, work: work)
        } catch {
            logger.info("batch cancelled", metadata: ["flow": "\(flow)"])
            throw error
        }
        let failures = entries.compactMap { entry in entry.failure.map { (entry.buyerID, $0) } }
        for (buyerID, failure) in failures {
            logger.warning("buyer failed", metadata: ["flow": "\(flow)", "buyer": "\(buyerID)", "code": "\(failure.code)"])
        }
        logger.info("batch finished", metadata: ["flow": "\(flow)", "buyers": "\(entries.count)", "failed": "\(failures.count)"])
        return entries
    }
}
