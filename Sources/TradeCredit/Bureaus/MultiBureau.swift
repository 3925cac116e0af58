public import Foundation

/// Several rating bureaus behind one call: asked concurrently (or as a fallback chain), each within a timeout, with
/// a cache per bureau and a cap on concurrent lookups for batches of thousands of buyers. The result says which
/// bureau answered when, from the cache or not, and which failed and why; partial results are kept.
///
/// A timed-out lookup is cancelled; an adapter that ignores cancellation (the shipped ones honour it) delays the
/// answer until it returns, though the answer still says timed out.
public struct MultiBureau: Sendable {
    private let bureaus: [any RatingBureau]
    private let policy: BureauLookupPolicy
    private let cache: BureauCache
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - bureaus: the bureaus, in the order answers are reported (and, for `.fallback`, asked by default).
    ///   - policy: all at once or a fallback chain, the timeout per bureau, the cache lifetimes and the batch
    ///     concurrency.
    ///   - cache: where successful answers are kept; pass one cache to several instances to share it.
    ///   - now: the clock, for the cache (tests).
    public init(bureaus: [any RatingBureau], policy: BureauLookupPolicy = BureauLookupPolicy(),
                cache: BureauCache = BureauCache(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.bureaus = bureaus
        self.policy = policy
        self.cache = cache
        self.now = now
    }

    /// Looks one buyer up in every bureau (or along the fallback chain).
    public func lookUp(_ query: BuyerQuery) async -> CompositeLookup {
        switch policy.mode {
        case .all:
            let answers = await withTaskGroup(of: (Int, BureauAnswer).self) { group in
                for (index, bureau) in bureaus.enumerated() {
                    group.addTask { (index, await self.answer(bureau, query)) }
                }
                var answers: [(Int, BureauAnswer)] = []
                for await answer in group { answers.append(answer) }
                return answers.sorted { $0.0 < $1.0 }.map(\.1)
            }
            return CompositeLookup(query: query, answers: answers)
        case .fallback(let order):
            var answers: [String: BureauAnswer] = [:]
            var found = false
            for bureau in ordered(by: order) {
                if found {
                    answers[bureau.name] = BureauAnswer(bureau: bureau.name, outcome: .skipped, answeredAt: nil, fromCache: false)
                    continue
                }
                let answer = await self.answer(bureau, query)
                answers[bureau.name] = answer
                found = !answer.ratings.isEmpty
            }
            return CompositeLookup(query: query, answers: bureaus.compactMap { answers[$0.name] })
        }
    }

    /// Looks many buyers up, at most ``BureauLookupPolicy/maximumConcurrentLookups`` at a time, in the input order.
    /// `progress` is called with the number done after each buyer. Cancellation stops new lookups; the buyers not
    /// looked up get `.failed(code: "cancelled")` answers.
    public func lookUp(_ queries: [BuyerQuery], progress: (@Sendable (Int) -> Void)? = nil) async -> [CompositeLookup] {
        var results = [CompositeLookup?](repeating: nil, count: queries.count)
        await withTaskGroup(of: (Int, CompositeLookup).self) { group in
            var next = 0
            var done = 0
            func addNext() {
                guard next < queries.count, !Task.isCancelled else { return }
                let index = next
                next += 1
                group.addTask { (index, await self.lookUp(queries[index])) }
            }
            for _ in 0..<policy.maximumConcurrentLookups { addNext() }
            for await (index, result) in group {
                results[index] = result
                done += 1
                progress?(done)
                addNext()
            }
        }
        return results.enumerated().map { index, result in
            result ?? CompositeLookup(query: queries[index], answers: bureaus.map {
                BureauAnswer(bureau: $0.name, outcome: .failed(code: "cancelled", message: "lookup cancelled"),
                             answeredAt: nil, fromCache: false)
            })
        }
    }

    private func ordered(by names: [String]) -> [any RatingBureau] {
        let named = names.compactMap { name in bureaus.first { $0.name == name } }
        return named + bureaus.filter { bureau in !names.contains(bureau.name) }
    }

    /// One bureau's answer: from the cache, or asked within the timeout.
    private func answer(_ bureau: any RatingBureau, _ query: BuyerQuery) async -> BureauAnswer {
        if let cached = await cache.answer(bureau: bureau.name, query: query, now: now()) { return cached }
        let timeout = policy.timeoutPerBureau
        let outcome: BureauAnswer.Outcome = await withTaskGroup(of: BureauAnswer.Outcome?.self) { group in
            group.addTask {
                do {
                    return .rated(ratings: try await bureau.ratings(for: query))
                } catch let error as any AdapterError {
                    return .failed(code: error.failure.rawValue, message: error.description)
                } catch let error as ModelError {
                    return .failed(code: error.code.rawValue, message: error.description)
                } catch is CancellationError {
                    return nil
                } catch {
                    return .failed(code: "lookup_failed", message: String(describing: error))
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : .timedOut
            }
            // The first to finish decides; the other is cancelled.
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failed(code: "cancelled", message: "lookup cancelled")
        }
        let answeredAt = now()
        if case .rated(let ratings) = outcome {
            await cache.store(bureau: bureau.name, query: query, ratings: ratings, answeredAt: answeredAt,
                              ttl: policy.ttl(for: bureau.name))
        }
        return BureauAnswer(bureau: bureau.name, outcome: outcome, answeredAt: answeredAt, fromCache: false)
    }
}
