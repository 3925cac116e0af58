import Foundation
import Testing
import TradeCredit
import TradeCreditTesting

/// The Underwriter's batches: thousands of buyers, progress, the concurrency cap, cancellation, failures per buyer.
@Suite("Underwriter batches")
struct UnderwriterTestsBatches {
    @Test func aThousandBuyersAreAssessedWithMonotoneProgressEndingAtTheTotal() async throws {
        let underwriter = try UnderwriterFixtures.sampleUnderwriter()
        let buyers = try UnderwriterFixtures.manyBuyers(1_200)
        let progress = UnderwriterProgressLog()
        let entries = try await underwriter.assessAll(buyers.map { BuyerProfile($0) }, asOf: UnderwriterFixtures.asOf,
                                                      progress: progress.callback)

        #expect(entries.count == 1_200)
        #expect(entries.map(\.index) == Array(0..<1_200))
        #expect(entries.map(\.buyerID) == buyers.map(\.id))
        #expect(entries.allSatisfy { $0.failure == nil })
        let reports = progress.all
        #expect(reports.map(\.completed) == Array(1...1_200))
        #expect(reports.allSatisfy { $0.total == 1_200 && $0.succeeded + $0.failed == $0.completed })
        #expect(reports.last?.fraction == 1)
        #expect(Set(reports.map(\.buyerID)) == Set(buyers.map(\.id)))

        // Each entry is what one call gives for that buyer.
        for index in [0, 2, 4, 33, 1_199] {
            let single = try await underwriter.assess(BuyerProfile(buyers[index]), asOf: UnderwriterFixtures.asOf)
            #expect(entries[index].value?.assessment == single.assessment)
        }
    }

    @Test func theConcurrencyCapIsRespected() async throws {
        let bureau = try UnderwriterCountingBureau(delay: .milliseconds(5))
        let underwriter = try UnderwriterFixtures.underwriter([bureau], concurrency: 4)
        let buyers = try UnderwriterFixtures.dunsBuyers(200)
        let entries = try await underwriter.assessAll(buyers.map { BuyerProfile($0) }, asOf: UnderwriterFixtures.asOf)

        #expect(entries.count == 200)
        #expect(bureau.callCount == 200)
        #expect(bureau.peak <= 4)
        #expect(bureau.peak >= 2)  // the buyers did overlap
    }

    @Test func aCancelledBatchThrowsAndStopsPromptly() async throws {
        let bureau = try UnderwriterCountingBureau(delay: .milliseconds(100))
        let underwriter = try UnderwriterFixtures.underwriter([bureau], concurrency: 4)
        let buyers = try UnderwriterFixtures.dunsBuyers(1_000)  // 25 s uncancelled
        let progress = UnderwriterProgressLog()
        let started = ContinuousClock.now
        let task = Task {
            try await underwriter.assessAll(buyers.map { BuyerProfile($0) }, asOf: UnderwriterFixtures.asOf,
                                            progress: progress.callback)
        }
        try await Task.sleep(for: .milliseconds(600))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        // Well under the 25 s the batch takes uncancelled; generous because a loaded two-core machine can keep a
        // cancelled task waiting for a pool thread for seconds (seen: 12.3 s while two builds ran).
        #expect(ContinuousClock.now - started < .seconds(20))
        let callsAtEnd = bureau.callCount
        #expect(callsAtEnd < 1_000)
        #expect((progress.all.last?.completed ?? 0) < 1_000)
        try await Task.sleep(for: .milliseconds(300))
        #expect(bureau.callCount == callsAtEnd)  // nothing started after the call returned
    }

    @Test func aBuyersFailureIsItsOwnAndTheBatchGoesOn() async throws {
        var buyers = try UnderwriterFixtures.dunsBuyers(50)
        buyers[7].incorporationDate = try CalendarDate(parsing: "2030-01-01")  // after the as-of date: the scorer refuses
        let bureau = try UnderwriterCountingBureau(failingBuyers: [buyers[20].id])  // a bureau failure is an answer
        let log = LogRecorder()
        let underwriter = try UnderwriterFixtures.underwriter([bureau], concurrency: 8, log: log)
        let progress = UnderwriterProgressLog()
        let entries = try await underwriter.assessAll(buyers.map { BuyerProfile($0) }, asOf: UnderwriterFixtures.asOf,
                                                      progress: progress.callback)

        #expect(entries.count == 50)
        let failed = entries.filter { $0.failure != nil }
        #expect(failed.map(\.index) == [7])
        #expect(failed.first?.failure?.code == "out_of_range")
        #expect(failed.first?.failure?.field == "buyer.incorporationDate")
        #expect(entries[20].value?.lookup.failures.map(\.bureau) == ["counting"])
        #expect(progress.all.last?.failed == 1)
        #expect(progress.all.last?.succeeded == 49)
        #expect(log.recorded.contains { $0.contains("buyer failed") && $0.contains(buyers[7].id.rawValue) })
        #expect(log.recorded.contains { $0.contains("bureau did not answer") && $0.contains(buyers[20].id.rawValue) })
    }

    @Test func decidingManyReportsARequestTheRatesCannotConvertOnItsBuyerOnly() async throws {
        let underwriter = try UnderwriterFixtures.sampleUnderwriter()
        let records = try Array(UnderwriterFixtures.sampleRecords().prefix(6))
        let applications = try records.enumerated().map { index, record in
            // Argentine pesos: the ECB publishes no rate for them.
            let amount = index == 2 ? try Money(parsing: "1000000", currency: CurrencyCode("ARS"))
                : try Money(parsing: "50000", currency: .EUR)
            let request = try LimitRequest(id: LimitID("R\(index)"), buyerID: record.buyer.id, kind: .newLimit,
                                           requestedAmount: amount, requestDate: UnderwriterFixtures.asOf)
            return LimitApplication(BuyerProfile(record.buyer), request: request)
        }
        let progress = UnderwriterProgressLog()
        let entries = try await underwriter.decideAll(applications, progress: progress.callback)

        #expect(entries.map { $0.failure?.code } == [nil, nil, "rate_unavailable", nil, nil, nil])
        #expect(progress.all.map(\.completed) == Array(1...6))
        let terms = try UnderwriterFixtures.terms()
        for entry in entries {
            guard let outcome = entry.value else { continue }
            let expected = try LimitUnderwriter(policy: terms).decide(
                outcome.request, for: outcome.report.buyer, assessment: outcome.report.assessment,
                decisionID: outcome.request.id, on: UnderwriterFixtures.asOf)
            #expect(outcome.decision == expected)
        }
    }
}
