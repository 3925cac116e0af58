import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

@Suite("Limit monitoring and review items")
struct LimitMonitorTests {
    typealias Code = ReasonCode.Monitoring

    /// Grades known on 2026-06-30 (by hand):
    /// B1 4 (2025-12-01) then 6 (2026-05-10); its 7 of 2026-07-05 is not known yet. B2 3 rated 2025-06-29: 366 days
    /// old, stale. B3 none. B4 5 and 3 both on 2025-06-30 (the worse, 5, counts): 365 days old, still fresh.
    /// B5 2 (2026-06-01).
    static func grades() throws -> [BuyerGrade] {
        try [("B1", 4, "2025-12-01"), ("B1", 6, "2026-05-10"), ("B1", 7, "2026-07-05"), ("B2", 3, "2025-06-29"),
             ("B4", 5, "2025-06-30"), ("B4", 3, "2025-06-30"), ("B5", 2, "2026-06-01")]
            .map { try BuyerGrade(buyerID: BuyerID($0.0), grade: $0.1, ratedOn: MonitoringFixture.date($0.2)) }
    }

    /// P1 has 30 days' reduction notice, P2 45.
    static func limits() throws -> [MonitoredLimit] {
        [
            try MonitoredLimit(insured: MonitoringFixture.limit("L8", "P1", "B5", 20_000, from: "2026-01-01"),
                               outstanding: MonitoringFixture.eur(5_000), overdue: MonitoringFixture.eur(0), gradeAtGrant: 2, reductionNoticeDays: 30),
            try MonitoredLimit(insured: MonitoringFixture.limit("L7", "P2", "B4", 30_000, from: "2026-01-01"),
                               outstanding: MonitoringFixture.eur(10_000), overdue: MonitoringFixture.eur(500), gradeAtGrant: 6, reductionNoticeDays: 45),
            try MonitoredLimit(insured: MonitoringFixture.limit("L4", "P2", "B2", 150_000, from: "2026-01-01"),
                               outstanding: MonitoringFixture.eur(75_000), overdue: MonitoringFixture.eur(0), gradeAtGrant: 3, reductionNoticeDays: 45),
            try MonitoredLimit(insured: MonitoringFixture.limit("L5", "P1", "B3", 40_000, from: "2026-01-01"), reductionNoticeDays: 30),
            try MonitoredLimit(insured: MonitoringFixture.limit("L1", "P1", "B1", 100_000, from: "2026-01-01"),
                               outstanding: MonitoringFixture.eur(120_000), overdue: MonitoringFixture.eur(12_000), gradeAtGrant: 4,
                               reductionNoticeDays: 30),
        ]
    }

    @Test func handComputedReview() throws {
        let report = try LimitMonitor().review(Self.limits(), grades: Self.grades(), on: MonitoringFixture.date("2026-06-30"))
        // Utilisation: L1 120k/100k = 1.2, L8 5k/20k = 0.25, L4 75k/150k = 0.5, L7 10k/30k = 0.333333; L5 unknown.
        #expect(report.utilisations.map(\.limit.limit.id) == ["L1", "L8", "L4", "L7"])
        #expect(report.utilisations.map(\.utilisation) == ["1.2", "0.25", "0.5", "0.333333"].map { Decimal(string: $0) })

        // B5 (L8) is clean: no item. Notice on the review date: P1 + 30 = 2026-07-30, P2 + 45 = 2026-08-14.
        let items = report.reviewItems
        #expect(items.map(\.limit.limit.id) == ["L1", "L5", "L4", "L7"])
        #expect(items.map { $0.reasons.map(\.code) } == [
            [Code.ratingDowngraded, Code.overdueAgainstLimit, Code.outstandingAboveLimit],
            [Code.ratingMissing],
            [Code.ratingStale],
            [Code.ratingUpgraded, Code.overdueAgainstLimit],
        ])
        #expect(items.map(\.notice.effectiveDate) == (try ["2026-07-30", "2026-07-30", "2026-08-14", "2026-08-14"].map(MonitoringFixture.date)))
        #expect(items[0].reasons[0].detail == "grade 4 at grant, 6 rated 2026-05-10")
        #expect(items[0].reasons[1].detail == "overdue 12000.00 EUR against the limit 100000.00 EUR, a share of 0.12")
        #expect(items[0].reasons[2].detail
                == "outstanding 120000.00 EUR above the limit 100000.00 EUR by 20000.00 EUR, which is not insured")
        #expect(items[2].reasons[0].detail == "rated 2025-06-29, 366 days before 2026-06-30 (maximum 365)")
        #expect(items[3].reasons[0].detail == "grade 6 at grant, 5 rated 2025-06-30")
    }

    @Test func rulesChangeTheTriggers() throws {
        // Overdues reviewed above 5% of the limit: B4's 500 of 30,000 (1.7%) no longer is; B1's 12% still is.
        // Ratings stale after 30 days: B4 (365 days) and B1 (51 days) become stale too. Over-limit not reviewed.
        let rules = try MonitoringRules(ratingMaxAgeDays: 30, overdueShareThreshold: Decimal(string: "0.05")!,
                                        reviewsOutstandingAboveLimit: false)
        let report = try LimitMonitor(rules: rules).review(Self.limits(), grades: Self.grades(), on: MonitoringFixture.date("2026-06-30"),
                                                           noticeDate: MonitoringFixture.date("2026-07-01"))
        #expect(report.reviewItems.map { $0.reasons.map(\.code) } == [
            [Code.ratingDowngraded, Code.ratingStale, Code.overdueAgainstLimit],
            [Code.ratingMissing],
            [Code.ratingStale],
            [Code.ratingUpgraded, Code.ratingStale],
        ])
        #expect(report.reviewItems[0].notice.noticeDate == (try MonitoringFixture.date("2026-07-01")))
        #expect(report.reviewItems[0].notice.effectiveDate == (try MonitoringFixture.date("2026-07-31")))
    }

    @Test func aNoticeBeforeTheReviewIsAnError() throws {
        #expect {
            try LimitMonitor().review(Self.limits(), grades: Self.grades(), on: MonitoringFixture.date("2026-06-30"),
                                      noticeDate: MonitoringFixture.date("2026-06-29"))
        } throws: { ($0 as? RiskMeasureError)?.field == "noticeDate" }
    }

    @Test func monitoredLimitsAreValidated() throws {
        let insured = try MonitoringFixture.limit("L", "P", "B", 1_000, from: "2026-01-01")
        #expect {
            try MonitoredLimit(insured: insured, outstanding: MonitoringFixture.eur(100), overdue: MonitoringFixture.eur(200), reductionNoticeDays: 30)
        } throws: { ($0 as? RiskMeasureError).map { $0.code == .inconsistent && $0.field == "overdue" } ?? false }
        #expect {
            try MonitoredLimit(insured: insured, overdue: Money(units: 1, .USD), reductionNoticeDays: 30)
        } throws: { ($0 as? RiskMeasureError).map { $0.code == .currencyMismatch && $0.field == "overdue" } ?? false }
        #expect {
            try MonitoredLimit(insured: insured, gradeAtGrant: 0, reductionNoticeDays: 30)
        } throws: { ($0 as? RiskMeasureError)?.field == "gradeAtGrant" }
        #expect {
            try MonitoredLimit(insured: insured, reductionNoticeDays: -1)
        } throws: { ($0 as? RiskMeasureError)?.field == "reductionNoticeDays" }
        #expect(throws: RiskMeasureError.self) { try BuyerGrade(buyerID: "B", grade: 0, ratedOn: MonitoringFixture.date("2026-01-01")) }
        #expect(throws: RiskMeasureError.self) { try MonitoringRules(ratingMaxAgeDays: -1) }
        #expect(throws: RiskMeasureError.self) { try MonitoringRules(overdueShareThreshold: -0.1) }
        let terms = PolicyTerms.typical(currency: .EUR, period: try DatePeriod(start: MonitoringFixture.date("2026-01-01"),
                                                                              end: MonitoringFixture.date("2026-12-31")))
        #expect(try MonitoredLimit(insured: insured, terms: terms).reductionNoticeDays == 30)
    }

    @Test func reasonCodesAreStable() {
        #expect(Code.all == ["rating_downgraded", "rating_upgraded", "rating_missing", "rating_stale", "overdue_against_limit",
                             "outstanding_above_limit"])
    }
}
