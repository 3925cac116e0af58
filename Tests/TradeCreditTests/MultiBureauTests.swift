import Foundation
import Synchronization
import Testing
@testable import TradeCredit

/// A bureau for tests: answers after `delay` with one rating, or throws. A class, so that the test can read its
/// counters while the composer holds it.
private final class ScriptedBureau: RatingBureau {
    let name: String
    let scale: RatingScale
    let delay: Duration
    let failure: ModelError?
    let knows: Bool
    let calls: Mutex<Int> = Mutex(0)
    let inFlight: Mutex<(now: Int, peak: Int)> = Mutex((0, 0))

    init(_ name: String, delay: Duration = .zero, failure: ModelError? = nil, knows: Bool = true) throws {
        self.name = name
        self.delay = delay
        self.failure = failure
        self.knows = knows
        self.scale = try RatingScale(
            id: "\(name)-grades", name: name, kind: .grades(["A", "B"]),
            pdMap: PDMap(version: "1", date: CalendarDate(parsing: "2026-11-01"), isIllustrative: true, source: "test",
                         entries: [.init(.grade("A"), 0.001), .init(.grade("B"), 0.01)]))
    }

    func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        calls.withLock { $0 += 1 }
        inFlight.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
        defer { inFlight.withLock { $0.now -= 1 } }
        if delay > .zero { try await Task.sleep(for: delay) }
        if let failure { throw failure }
        guard knows, let identifier = query.identifiers.first else { return [] }
        return [BureauRating(source: name, scaleID: scale.id, buyerIdentifier: identifier,
                             ratedOn: try CalendarDate(parsing: "2026-10-01"), value: .grade("A"))]
    }
}

private func query(_ n: Int) throws -> BuyerQuery {
    BuyerQuery(buyerID: try BuyerID("B\(n)"), identifiers: [try BuyerIdentifier(scheme: .duns, value: String(format: "%09d", n))])
}

private final class TestClock: Sendable {
    let instant = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    func advance(_ seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var now: Date { instant.withLock { $0 } }
}

@Suite("MultiBureau")
struct MultiBureauTests {
    @Test func slowFailingAndPartialSourcesAreReportedEachWithItsOutcome() async throws {
        let fast = try ScriptedBureau("fast")
        let slow = try ScriptedBureau("slow", delay: .seconds(30))
        let broken = try ScriptedBureau("broken", failure: ModelError(.invalidFormat, field: "score", "malformed answer"))
        let stranger = try ScriptedBureau("stranger", knows: false)
        let multi = MultiBureau(bureaus: [fast, slow, broken, stranger],
                                policy: BureauLookupPolicy(timeoutPerBureau: .milliseconds(200)))
        let started = ContinuousClock.now
        let result = await multi.lookUp(try query(1))
        #expect(ContinuousClock.now - started < .seconds(20))  // the 30 s bureau was cut off
        #expect(result.answers.map(\.bureau) == ["fast", "slow", "broken", "stranger"])
        #expect(result.answers[0].ratings.count == 1)
        #expect(result.answers[1].outcome == .timedOut)
        #expect(result.answers[2].outcome == .failed(code: "invalid_format", message: "score: malformed answer"))
        #expect(result.answers[3].outcome == .rated(ratings: []))
        #expect(result.ratings.map(\.source) == ["fast"])
        #expect(result.failures.map(\.bureau) == ["slow", "broken"])
        #expect(result.answers.allSatisfy { $0.answeredAt != nil && !$0.fromCache })
    }

    @Test func fallbackStopsAtTheFirstBureauWithRatings() async throws {
        let first = try ScriptedBureau("first", knows: false)
        let second = try ScriptedBureau("second")
        let third = try ScriptedBureau("third")
        let multi = MultiBureau(bureaus: [third, second, first],
                                policy: BureauLookupPolicy(mode: .fallback(["first", "second"])))
        let result = await multi.lookUp(try query(2))
        // Reported in the configured order; asked first → second; third skipped.
        #expect(result.answers.map(\.bureau) == ["third", "second", "first"])
        #expect(result.answers[0].outcome == .skipped)
        #expect(result.answers[1].ratings.count == 1)
        #expect(result.answers[2].outcome == .rated(ratings: []))
        #expect(third.calls.withLock { $0 } == 0)
    }

    @Test func answersAreCachedPerBureauUntilTheirTimeToLive() async throws {
        let clock = TestClock()
        let daily = try ScriptedBureau("daily")
        let hourly = try ScriptedBureau("hourly")
        let broken = try ScriptedBureau("broken", failure: ModelError(.invalidFormat, "bad"))
        let cache = BureauCache()
        let multi = MultiBureau(bureaus: [daily, hourly, broken],
                                policy: BureauLookupPolicy(cacheTTL: ["hourly": .seconds(3_600)]),
                                cache: cache, now: { clock.now })
        _ = await multi.lookUp(try query(3))
        clock.advance(1_800)
        let second = await multi.lookUp(try query(3))
        #expect(second.answers.map(\.fromCache) == [true, true, false])  // failures are never cached
        clock.advance(3_600)
        let third = await multi.lookUp(try query(3))
        #expect(third.answers.map(\.fromCache) == [true, false, false])
        #expect(daily.calls.withLock { $0 } == 1)
        #expect(hourly.calls.withLock { $0 } == 2)
        #expect(broken.calls.withLock { $0 } == 3)
    }

    @Test func aThousandBuyersThroughTheCapAndTheCache() async throws {
        let bureau = try ScriptedBureau("bulk", delay: .milliseconds(1))
        let cache = BureauCache()
        let multi = MultiBureau(bureaus: [bureau], policy: BureauLookupPolicy(maximumConcurrentLookups: 16), cache: cache)
        let queries = try (0..<1_000).map(query)
        let done = Mutex(0)
        let first = await multi.lookUp(queries) { count in done.withLock { $0 = max($0, count) } }
        #expect(first.count == 1_000)
        #expect(first.map(\.query) == queries)  // input order kept
        #expect(first.allSatisfy { $0.ratings.count == 1 })
        #expect(done.withLock { $0 } == 1_000)
        let peak = bureau.inFlight.withLock { $0.peak }
        #expect(peak <= 16 && peak >= 2, "peak \(peak)")
        let second = await multi.lookUp(queries)
        #expect(second.allSatisfy { $0.answers[0].fromCache })
        #expect(bureau.calls.withLock { $0 } == 1_000)
        #expect(await cache.hitCount == 1_000)
    }

    @Test func cancellingABatchMarksTheRest() async throws {
        let bureau = try ScriptedBureau("slowish", delay: .milliseconds(20))
        let multi = MultiBureau(bureaus: [bureau], policy: BureauLookupPolicy(maximumConcurrentLookups: 2))
        let queries = try (0..<200).map(query)
        let task = Task { await multi.lookUp(queries) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let results = await task.value
        #expect(results.count == 200)
        let cancelled = results.filter { $0.answers[0].outcome == .failed(code: "cancelled", message: "lookup cancelled") }
        #expect(cancelled.count > 100)
    }

    @Test func answersEncodeAsJSON() throws {
        let answer = BureauAnswer(bureau: "x", outcome: .failed(code: "c", message: "m"),
                                  answeredAt: Date(timeIntervalSince1970: 0), fromCache: false)
        let data = try JSONEncoder().encode(answer)
        #expect(try JSONDecoder().decode(BureauAnswer.self, from: data) == answer)
    }
}
