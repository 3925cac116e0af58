import Foundation
import PropertyBased
import Testing
import TradeCreditModel
import TradeCreditRisk

@Suite("Limit utilisation")
struct LimitUtilisationTests {
    /// Limit, outstanding, utilisation (6 decimals, half-up; nil for a zero limit), uninsured excess — by hand.
    static let table: [(Int, Int, String?, Int)] = [
        (50_000, 0, "0", 0), (50_000, 25_000, "0.5", 0), (50_000, 50_000, "1", 0), (50_000, 60_000, "1.2", 10_000),
        (30_000, 10_000, "0.333333", 0), (30_000, 20_000, "0.666667", 0), (0, 5_000, nil, 5_000), (0, 0, nil, 0),
    ]

    @Test(arguments: table)
    func handComputed(_ row: (Int, Int, String?, Int)) throws {
        let (limit, outstanding, ratio, excess) = row
        let insured = try MonitoringFixture.limit("L", "P", "B", limit, from: "2026-01-01")
        let utilisation = try LimitUtilisation(limit: insured, outstanding: MonitoringFixture.eur(outstanding))
        #expect(utilisation.utilisation == ratio.map { Decimal(string: $0)! })
        #expect(utilisation.excess == MonitoringFixture.eur(excess))
        #expect(utilisation.isOverLimit == (excess > 0))
        #expect(utilisation.insuredOutstanding == MonitoringFixture.eur(outstanding - excess))
    }

    @Test func outstandingInAnotherCurrencyOrNegativeIsAnError() throws {
        let insured = try MonitoringFixture.limit("L", "P", "B", 1_000, from: "2026-01-01")
        #expect {
            try LimitUtilisation(limit: insured, outstanding: Money(units: 5, .USD))
        } throws: { ($0 as? RiskMeasureError).map { $0.code == .currencyMismatch && $0.field == "outstanding" } ?? false }
        #expect {
            try LimitUtilisation(limit: insured, outstanding: MonitoringFixture.eur(-5))
        } throws: { ($0 as? RiskMeasureError)?.code == .outOfRange }
    }

    @Test func utilisationRisesWithOutstanding() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...10_000_000), Gen.int(in: 0...20_000_000),
                            Gen.int(in: 0...20_000_000)) { limit, a, b in
            let insured = try MonitoringFixture.limit("L", "P", "B", limit, from: "2026-01-01")
            let lower = try LimitUtilisation(limit: insured, outstanding: MonitoringFixture.eur(min(a, b)))
            let higher = try LimitUtilisation(limit: insured, outstanding: MonitoringFixture.eur(max(a, b)))
            #expect(lower.utilisation! <= higher.utilisation!)
            #expect(try lower.excess.compare(to: higher.excess) <= 0)
        }
    }
}

@Suite("Reduction notice")
struct ReductionNoticeTests {
    /// Notice date, days, effective date (by hand: the reduction applies to deliveries on or after notice + days).
    @Test(arguments: [
        ("2026-03-01", 30, "2026-03-31"), ("2026-12-15", 30, "2027-01-14"), ("2028-02-15", 30, "2028-03-16"),
        ("2026-06-30", 45, "2026-08-14"), ("2026-06-30", 0, "2026-06-30"),
    ])
    func effectiveDates(notice: String, days: Int, effective: String) throws {
        let reduction = try ReductionNotice(noticeDate: MonitoringFixture.date(notice), noticePeriodDays: days)
        #expect(reduction.effectiveDate == (try MonitoringFixture.date(effective)))
        #expect(reduction.appliesToDelivery(on: try MonitoringFixture.date(effective)))
        #expect(!reduction.appliesToDelivery(on: try reduction.effectiveDate.adding(days: -1)))
    }

    @Test func noticePeriodComesFromThePolicyTerms() throws {
        var terms = PolicyTerms.typical(currency: .EUR, period: try DatePeriod(start: MonitoringFixture.date("2026-01-01"),
                                                                              end: MonitoringFixture.date("2026-12-31")))
        #expect(try ReductionNotice(noticeDate: MonitoringFixture.date("2026-03-01"), terms: terms).effectiveDate
                == (try MonitoringFixture.date("2026-03-31")))
        terms.limitReductionNoticeDays = 60
        #expect(try ReductionNotice(noticeDate: MonitoringFixture.date("2026-03-01"), terms: terms).effectiveDate
                == (try MonitoringFixture.date("2026-04-30")))
        #expect(throws: RiskMeasureError.self) { try ReductionNotice(noticeDate: MonitoringFixture.date("2026-03-01"), noticePeriodDays: -1) }
    }

    @Test func earlierDeliveriesStayUnderTheOldLimit() throws {
        let current = try MonitoringFixture.limit("L1", "P1", "B1", 100_000, from: "2026-01-01", to: "2026-12-31")
        let notice = try ReductionNotice(noticeDate: MonitoringFixture.date("2026-03-01"), noticePeriodDays: 30)
        let reduced = try notice.reducedLimit(current, to: MonitoringFixture.eur(60_000), id: "L1-R")
        #expect(reduced.policyholderID == "P1")
        #expect(reduced.limit.effectiveDate == (try MonitoringFixture.date("2026-03-31")))
        #expect(reduced.limit.expiryDate == (try MonitoringFixture.date("2026-12-31")))
        let both = [current.limit, reduced.limit]
        #expect(CreditLimit.inForce(on: try MonitoringFixture.date("2026-03-30"), among: both)?.amount == MonitoringFixture.eur(100_000))
        #expect(CreditLimit.inForce(on: try MonitoringFixture.date("2026-03-31"), among: both)?.amount == MonitoringFixture.eur(60_000))
        #expect {
            try notice.reducedLimit(current, to: MonitoringFixture.eur(120_000), id: "L1-X")
        } throws: { ($0 as? RiskMeasureError).map { $0.code == .outOfRange && $0.field == "amount" } ?? false }
        let withdrawal = try notice.reducedLimit(current, to: MonitoringFixture.eur(0), id: "L1-W")
        #expect(withdrawal.limit.amount.isZero)
    }
}
