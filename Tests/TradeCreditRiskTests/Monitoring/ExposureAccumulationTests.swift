import Foundation
import PropertyBased
import Testing
import TradeCreditModel
import TradeCreditRisk

@Suite("Accumulation across policyholders, groups, countries and sectors")
struct ExposureAccumulationTests {
    /// Buyers: B1 FR F41 group G1; B2 DE C25 group G1; B3 GB, no sector, no group; B4 IT F43, no group.
    static func buyers() throws -> [Buyer] {
        [try MonitoringFixture.buyer("B1", "FR", sector: "F41", group: "G1"), try MonitoringFixture.buyer("B2", "DE", sector: "C25", group: "G1"),
         try MonitoringFixture.buyer("B3", "GB"), try MonitoringFixture.buyer("B4", "IT", sector: "F43")]
    }

    /// In force on 2026-06-30 (by hand):
    /// P1/B1 100,000 (its reduction to 60,000 takes effect 2026-07-15: not yet); P2/B1 80,000 (the 50,000 expired
    /// 2026-05-31); P3/B1 discretionary 20,000; P1/B2 150,000; P2/B3 40,000; P3/B4 0 (an insurer withdrawal from
    /// 2026-04-01 replaces the discretionary 10,000); P1/B4 30,000 (effective on the day itself).
    static func limits() throws -> [InsuredLimit] {
        [
            try MonitoringFixture.limit("L1", "P1", "B1", 100_000, from: "2026-01-01"),
            try MonitoringFixture.limit("L1b", "P1", "B1", 60_000, from: "2026-07-15"),
            try MonitoringFixture.limit("L2", "P2", "B1", 50_000, from: "2025-06-01", to: "2026-05-31"),
            try MonitoringFixture.limit("L2b", "P2", "B1", 80_000, from: "2026-06-01"),
            try MonitoringFixture.limit("D3", "P3", "B1", 20_000, from: "2026-02-01", kind: .discretionary),
            try MonitoringFixture.limit("L4", "P1", "B2", 150_000, from: "2026-03-01"),
            try MonitoringFixture.limit("L5", "P2", "B3", 40_000, from: "2026-01-15"),
            try MonitoringFixture.limit("D6", "P3", "B4", 10_000, from: "2026-01-01", kind: .discretionary),
            try MonitoringFixture.limit("L6", "P3", "B4", 0, from: "2026-04-01"),
            try MonitoringFixture.limit("L7", "P1", "B4", 30_000, from: "2026-06-30"),
        ]
    }

    /// P1/B1 120,000 → insured 100,000; P2/B1 30,000 → 30,000; P1/B2 150,000 + 10,000 → 150,000; P3/B4 5,000 on a
    /// zero limit → 0; P9/B9 has no limit → left out.
    static func outstanding() throws -> [OutstandingBalance] {
        try [("P1", "B1", 120_000), ("P2", "B1", 30_000), ("P1", "B2", 150_000), ("P1", "B2", 10_000), ("P3", "B4", 5_000),
             ("P9", "B9", 1_000)].map { try OutstandingBalance(policyholderID: $0.0, buyerID: $0.1, amount: MonitoringFixture.eur($0.2)) }
    }

    static func accumulation() throws -> ExposureAccumulation {
        try ExposureAccumulation(limits: limits(), outstanding: outstanding(), buyers: buyers(),
                                 on: MonitoringFixture.date("2026-06-30"), currency: .EUR)
    }

    @Test func handComputedTable() throws {
        let result = try Self.accumulation()
        #expect(result.limitsInForce.map(\.limit.id) == ["L1", "L4", "L7", "L2b", "L5", "D3", "L6"])
        #expect(result.total.grantedLimits == MonitoringFixture.eur(420_000))
        #expect(result.total.insuredOutstanding == MonitoringFixture.eur(280_000))
        #expect(result.total.limitCount == 6)

        let expected: [(AccumulationKey, Int, Int, Int)] = [
            (.buyer("B1"), 200_000, 130_000, 3), (.buyer("B2"), 150_000, 150_000, 1), (.buyer("B3"), 40_000, 0, 1),
            (.buyer("B4"), 30_000, 0, 1),
            (.buyerGroup("G1"), 350_000, 280_000, 4),
            (.country(.DE), 150_000, 150_000, 1), (.country(.FR), 200_000, 130_000, 3), (.country(.GB), 40_000, 0, 1),
            (.country(try CountryCode("IT")), 30_000, 0, 1),
            (.sector(try NACECode(parsing: "C")), 150_000, 150_000, 1), (.sector(try NACECode(parsing: "F")), 230_000, 130_000, 4),
            (.unclassifiedSector, 40_000, 0, 1),
        ]
        let all = AccumulationDimension.allCases.flatMap { result.entries(in: $0) }
        #expect(all.map(\.key) == expected.map(\.0))
        for (key, granted, used, count) in expected {
            let exposure = result.exposure(for: key)
            #expect(exposure.grantedLimits == MonitoringFixture.eur(granted), "\(key)")
            #expect(exposure.insuredOutstanding == MonitoringFixture.eur(used), "\(key)")
            #expect(exposure.limitCount == count, "\(key)")
        }
        #expect(result.exposure(for: .buyer("B9")).grantedLimits.isZero)
    }

    @Test func capacityBreachesWithTheirExcess() throws {
        let result = try Self.accumulation()
        let capacity = AccumulationCapacity(
            limits: [.buyer("B1"): MonitoringFixture.eur(195_000), .buyerGroup("G1"): MonitoringFixture.eur(300_000),
                     .country(.DE): MonitoringFixture.eur(100_000), .sector(try NACECode(parsing: "F")): MonitoringFixture.eur(230_000)],
            defaults: [.buyer: MonitoringFixture.eur(140_000), .country: MonitoringFixture.eur(250_000), .sector: MonitoringFixture.eur(100_000)])
        let breaches = try capacity.breaches(in: result)
        // B2 150,000 − 140,000 (default) = 10,000 before B1 200,000 − 195,000 = 5,000; G1 350,000 − 300,000;
        // DE 150,000 − 100,000 (named beats the default 250,000); C 150,000 − 100,000. Sector F equals its
        // capacity (no breach); the unclassified 40,000 gets no default.
        #expect(breaches.map(\.key) == [.buyer("B2"), .buyer("B1"), .buyerGroup("G1"), .country(.DE),
                                        .sector(try NACECode(parsing: "C"))])
        #expect(breaches.map(\.excess) == [10_000, 5_000, 50_000, 50_000, 50_000].map(MonitoringFixture.eur))
        #expect(breaches[0].exposure == MonitoringFixture.eur(150_000) && breaches[0].capacity == MonitoringFixture.eur(140_000))
        #expect(capacity.capacity(for: .unclassifiedSector) == nil)
        #expect(capacity.capacity(for: .buyer("B3")) == MonitoringFixture.eur(140_000))
    }

    @Test func capacityInAnotherCurrencyOrNegativeIsAnError() throws {
        let result = try Self.accumulation()
        #expect {
            try AccumulationCapacity(limits: [.country(.FR): Money(units: 5, .USD)]).breaches(in: result)
        } throws: { error in
            (error as? RiskMeasureError).map { $0.code == .currencyMismatch && $0.field == "capacity[country:FR]" } ?? false
        }
        #expect {
            try AccumulationCapacity(defaults: [.country: MonitoringFixture.eur(-1)]).breaches(in: result)
        } throws: { error in
            (error as? RiskMeasureError).map { $0.code == .outOfRange && $0.field == "capacity[default country]" } ?? false
        }
    }

    @Test func concentrationPerCountry() throws {
        // FR 200k, DE 150k, GB 40k, IT 30k of 420k: HHI = 65,000 / 176,400 = 0.368480725623583; top 1 = 0.4761904762.
        let measure = try Self.accumulation().concentration(in: .country)
        #expect(isClose(measure.herfindahlIndex, 65_000.0 / 176_400.0, relative: 1e-15))
        #expect(try measure.topShare(1) == Decimal(string: "0.4761904762")!)
        #expect(measure.ranked.first?.key == .country(.FR))
    }

    @Test func mixedCurrenciesNameTheLimitOrBalance() throws {
        var limits = try Self.limits()
        limits.append(try MonitoringFixture.limit("LX", "P2", "B2", 1_000, from: "2026-01-01", currency: .USD))
        #expect {
            try ExposureAccumulation(limits: limits, buyers: Self.buyers(), on: MonitoringFixture.date("2026-06-30"), currency: .EUR)
        } throws: { error in
            (error as? RiskMeasureError).map { $0.code == .currencyMismatch && $0.field == "limits[LX].amount" } ?? false
        }
        let balance = try OutstandingBalance(policyholderID: "P1", buyerID: "B1", amount: Money(units: 1, .USD))
        #expect {
            try ExposureAccumulation(limits: Self.limits(), outstanding: [balance], buyers: Self.buyers(),
                                     on: MonitoringFixture.date("2026-06-30"), currency: .EUR)
        } throws: { error in
            (error as? RiskMeasureError).map { $0.code == .currencyMismatch && $0.field == "outstanding[P1/B1].amount" } ?? false
        }
    }

    @Test func missingOrContradictoryBuyerRecords() throws {
        #expect {
            try ExposureAccumulation(limits: Self.limits(), buyers: Array(Self.buyers().dropLast()),
                                     on: MonitoringFixture.date("2026-06-30"), currency: .EUR)
        } throws: { error in
            (error as? RiskMeasureError).map { $0.code == .missingValue && $0.value == "B4" } ?? false
        }
        let twin = try MonitoringFixture.buyer("B1", "BE")
        #expect {
            try ExposureAccumulation(limits: Self.limits(), buyers: Self.buyers() + [twin], on: MonitoringFixture.date("2026-06-30"),
                                     currency: .EUR)
        } throws: { ($0 as? RiskMeasureError)?.code == .inconsistent }
        #expect(throws: RiskMeasureError.self) {
            try OutstandingBalance(policyholderID: "P1", buyerID: "B1", amount: MonitoringFixture.eur(-1))
        }
    }

    /// Random books of limits all in force: every dimension but the group one adds up to the total, which is the
    /// sum of the inputs; the groups add up to the grouped buyers; the insured outstanding never exceeds the limits.
    @Test func totalsEqualTheSumOfInputs() async {
        let countries = ["FR", "DE", "IT"], sectors: [String?] = ["F", "C", nil], groups: [BuyerGroupID?] = ["G1", nil]
        let book = zip(Gen.int(in: 0...3), Gen.int(in: 0...5), Gen.int(in: 0...500_000), Gen.int(in: 0...600_000))
            .array(of: 1...25)
        await propertyCheck(count: 200, input: book) { rows in
            var seen = Set<String>()
            var limits: [InsuredLimit] = []
            var balances: [OutstandingBalance] = []
            for (index, row) in rows.enumerated() where seen.insert("\(row.0)/\(row.1)").inserted {
                limits.append(try MonitoringFixture.limit(LimitID("L\(index)"), PolicyholderID("P\(row.0)"), BuyerID("B\(row.1)"),
                                                row.2, from: "2026-01-01"))
                balances.append(try OutstandingBalance(policyholderID: PolicyholderID("P\(row.0)"),
                                                       buyerID: BuyerID("B\(row.1)"), amount: MonitoringFixture.eur(row.3)))
            }
            let buyers = try (0...5).map {
                try MonitoringFixture.buyer(BuyerID("B\($0)"), countries[$0 % 3], sector: sectors[$0 % 3], group: groups[$0 % 2])
            }
            let result = try ExposureAccumulation(limits: limits, outstanding: balances, buyers: buyers,
                                                  on: MonitoringFixture.date("2026-06-30"), currency: .EUR)
            let inputs = try Money.sum(limits.map(\.limit.amount), currency: .EUR)
            #expect(result.total.grantedLimits == inputs)
            for dimension in [AccumulationDimension.buyer, .country, .sector] {
                let entries = result.entries(in: dimension)
                #expect(try Money.sum(entries.map(\.exposure.grantedLimits), currency: .EUR) == inputs)
                #expect(try Money.sum(entries.map(\.exposure.insuredOutstanding), currency: .EUR)
                        == result.total.insuredOutstanding)
            }
            let grouped = try Money.sum(limits.filter { Int($0.buyerID.rawValue.dropFirst())! % 2 == 0 }.map(\.limit.amount),
                                        currency: .EUR)
            #expect(try Money.sum(result.entries(in: .buyerGroup).map(\.exposure.grantedLimits), currency: .EUR) == grouped)
            #expect(try result.total.insuredOutstanding.compare(to: result.total.grantedLimits) <= 0)
        }
    }
}
