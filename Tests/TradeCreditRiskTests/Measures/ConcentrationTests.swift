import Foundation
import PropertyBased
import Testing
import TradeCreditModel
import TradeCreditRisk

@Suite("Concentration: HHI, effective number, top-N share")
struct ConcentrationTests {
    private func eur(_ text: String) throws -> Money { try Money(parsing: text, currency: .EUR) }

    @Test func threeBuyersByHand() throws {
        // 500 / 300 / 200 of 1,000: shares 0.5, 0.3, 0.2; HHI 0.25 + 0.09 + 0.04 = 0.38; 1/0.38 = 2.6315789…
        let measure = try Concentration([(key: "B", amount: try eur("300")), (key: "A", amount: try eur("500")),
                                         (key: "C", amount: try eur("200"))])
        #expect(measure.total == (try eur("1000")))
        #expect(measure.ranked.map(\.key) == ["A", "B", "C"])
        #expect(measure.ranked.map(\.share) == [Decimal(string: "0.5")!, Decimal(string: "0.3")!, Decimal(string: "0.2")!])
        #expect(isClose(measure.herfindahlIndex, 0.38, relative: 1e-15))
        #expect(isClose(measure.effectiveNumber, 1 / 0.38, relative: 1e-15))
        #expect(try measure.topShare(1) == Decimal(string: "0.5")!)
        #expect(try measure.topShare(2) == Decimal(string: "0.8")!)
        let defaults = try measure.topShares()
        #expect(defaults.map(\.count) == [1, 5])
        #expect(defaults.map(\.share) == [Decimal(string: "0.5")!, 1])
    }

    @Test func countriesWithCentsByHand() throws {
        // Shares 3/5, 900001/4000000 = 0.22500025, 699999/4000000 = 0.17499975 (exact at 10 decimals);
        // HHI = 3530000200001/8000000000000 = 0.441250025000125 (Python fractions).
        let measure = try Concentration([
            (key: CountryCode.FR, amount: try eur("1200000.00")), (key: CountryCode.DE, amount: try eur("450000.50")),
            (key: try CountryCode("IT"), amount: try eur("349999.50")),
        ])
        #expect(measure.total == (try eur("2000000.00")))
        #expect(measure.ranked.map(\.share) == [Decimal(string: "0.6")!, Decimal(string: "0.22500025")!,
                                                Decimal(string: "0.17499975")!])
        #expect(isClose(measure.herfindahlIndex, 0.441250025000125, relative: 1e-14))
        #expect(isClose(measure.effectiveNumber, 2.2662888234390848, relative: 1e-14))
    }

    @Test func repeatedKeysAreAddedAndTiesKeepFirstAppearance() throws {
        // Y 60 + 40 = 100, X 100, Z 100: thirds, rounded half-up to 10 decimals; ties ranked Y, X, Z.
        let measure = try Concentration([(key: "Y", amount: try eur("60")), (key: "X", amount: try eur("100")),
                                         (key: "Y", amount: try eur("40")), (key: "Z", amount: try eur("100"))])
        #expect(measure.ranked.map(\.key) == ["Y", "X", "Z"])
        #expect(measure.ranked.map(\.amount) == [try eur("100"), try eur("100"), try eur("100")])
        #expect(measure.ranked[0].share == Decimal(string: "0.3333333333")!)
        // The top-2 share divides the exact 200 by 300: 0.6666666667, not 2 × 0.3333333333.
        #expect(try measure.topShare(2) == Decimal(string: "0.6666666667")!)
        #expect(isClose(measure.herfindahlIndex, 1.0 / 3.0, relative: 1e-15))
        #expect(isClose(measure.effectiveNumber, 3, relative: 1e-14))
        #expect(try measure.topShare(10) == 1)
    }

    @Test func aSingleExposureIsFullyConcentrated() throws {
        let measure = try Concentration([(key: 1, amount: try eur("12.34")), (key: 2, amount: try eur("0"))])
        #expect(measure.herfindahlIndex == 1)
        #expect(measure.effectiveNumber == 1)
        #expect(try measure.topShare(1) == 1)
    }

    @Test func mixedCurrenciesNameTheKey() {
        #expect {
            try Concentration([(key: "A", amount: Money(units: 5, .EUR)), (key: "B", amount: Money(units: 5, .USD))])
        } throws: { error in
            let error = error as? RiskMeasureError
            return error?.code == .currencyMismatch && error?.field == "exposures[B]"
        }
    }

    @Test func negativeEmptyAndZeroAreErrors() throws {
        #expect {
            try Concentration([(key: "A", amount: Money(units: -5, .EUR))])
        } throws: { ($0 as? RiskMeasureError).map { $0.code == .outOfRange && $0.field == "exposures[A]" } ?? false }
        #expect {
            try Concentration([(key: String, amount: Money)]())
        } throws: { ($0 as? RiskMeasureError)?.code == .noExposure }
        #expect {
            try Concentration([(key: "A", amount: Money.zero(.EUR))])
        } throws: { ($0 as? RiskMeasureError)?.code == .noExposure }
        let measure = try Concentration([(key: "A", amount: Money(units: 5, .EUR))])
        #expect(throws: RiskMeasureError.self) { try measure.topShare(0) }
    }

    @Test func indexLiesBetweenOneOverNAndOne() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 1...30)) { units in
            let exposures = units.enumerated().map { (key: $0.offset, amount: Money(units: $0.element + 1, .EUR)) }
            let measure = try Concentration(exposures)
            let n = Double(exposures.count)
            #expect(measure.herfindahlIndex >= 1 / n * (1 - 1e-12))
            #expect(measure.herfindahlIndex <= 1 + 1e-12)
            #expect(try measure.topShare(exposures.count) == 1)
            #expect(measure.total == (try Money.sum(exposures.map(\.amount), currency: .EUR)))
        }
    }
}
