import Foundation
import PropertyBased
import Testing
import TradeCreditModel
import TradeCreditRisk

@Suite("Basel IRB corporate risk weight")
struct BaselIRBTests {
    let irb = BaselIRBCorporate()

    @Test func domainExample() throws {
        // DOMAIN.md §7: PD 1%, LGD 45%, M 2.5 → 92.32%.
        let result = try irb.riskWeight(probabilityOfDefault: 0.01, lossGivenDefault: 0.45)
        #expect(abs(result.riskWeight * 100 - 92.32) <= 0.01)
        #expect(result.maturity == 2.5)
        #expect(!result.isDefaulted)
    }

    /// Computed with Python 3.11 (`math`, `statistics.NormalDist`: N = cdf, G = inv_cdf), independently of this code:
    /// ```
    /// w = (1-exp(-50*pd))/(1-exp(-50)); R = 0.12*w + 0.24*(1-w)
    /// if S is not None and S < 50: S = min(max(S, 5), 50); R -= 0.04*(1-(S-5)/45)
    /// b = (0.11852-0.05478*log(pd))**2
    /// K = (lgd*N((G(pd)+sqrt(R)*G(0.999))/sqrt(1-R)) - pd*lgd)*(1+(M-2.5)*b)/(1-1.5*b); RW = 12.5*K
    /// ```
    /// Columns: PD, LGD, M, sales (EUR m, or nil), R, b, K, RW.
    static let handComputed: [(Double, Double, Double, Double?, Double, Double, Double, Double)] = [
        (0.01, 0.45, 2.5, nil, 0.192783679165516, 0.13748613089693737, 0.07385344111364119, 0.9231680139205148),
        (0.0003, 0.45, 2.5, nil, 0.2382134327523675, 0.3168344172072307, 0.011554853832932772, 0.14443567291165965),
        (0.05, 0.45, 1, nil, 0.12985019983486787, 0.0798775768090475, 0.10551951867900085, 1.3189939834875106),
        (0.20, 0.75, 5, nil, 0.12000544799157149, 0.042718692880488865, 0.35156526988583797, 4.394565873572975),
        (0.001, 0.45, 3, nil, 0.23414753094008567, 0.24693627853078248, 0.026652253374684187, 0.33315316718355237),
        (0.10, 0.80, 2.5, nil, 0.12080855363989025, 0.05985636818667657, 0.27461248788841053, 3.4326560986051318),
        (0.01, 0.45, 2.5, 20, 0.16611701249884933, 0.13748613089693737, 0.06312324146687365, 0.7890405183359206),
        (0.01, 0.45, 2.5, 3, 0.152783679165516, 0.13748613089693737, 0.05791578186207682, 0.7239472732759602),
    ]

    @Test(arguments: handComputed)
    func handComputedCases(_ row: (Double, Double, Double, Double?, Double, Double, Double, Double)) throws {
        let (pd, lgd, m, sales, r, b, k, rw) = row
        let result = try irb.riskWeight(probabilityOfDefault: pd, lossGivenDefault: lgd, maturity: m,
                                        annualSalesEURMillions: sales)
        #expect(isClose(result.correlation, r, relative: 1e-13))
        #expect(isClose(result.maturityAdjustment, b, relative: 1e-13))
        #expect(isClose(result.capitalRequirement, k, relative: 1e-11))
        #expect(isClose(result.riskWeight, rw, relative: 1e-11))
    }

    @Test func pdBelowTheFloorIsRaisedToIt() throws {
        let floored = try irb.riskWeight(probabilityOfDefault: 0.0001, lossGivenDefault: 0.45)
        let atFloor = try irb.riskWeight(probabilityOfDefault: 0.0003, lossGivenDefault: 0.45)
        #expect(floored == atFloor)
        #expect(floored.probabilityOfDefault == 0.0003)
        #expect(try irb.riskWeight(probabilityOfDefault: 0, lossGivenDefault: 0.45) == atFloor)
        // Basel III's 0.05% floor.
        let basel3 = try BaselIRBCorporate(pdFloor: 0.0005)
        #expect(try basel3.riskWeight(probabilityOfDefault: 0.0003, lossGivenDefault: 0.45).probabilityOfDefault == 0.0005)
    }

    @Test func maturityIsClampedToOneToFiveYears() throws {
        let short = try irb.riskWeight(probabilityOfDefault: 0.02, lossGivenDefault: 0.45, maturity: 0.25)
        let long = try irb.riskWeight(probabilityOfDefault: 0.02, lossGivenDefault: 0.45, maturity: 7)
        #expect(short == (try irb.riskWeight(probabilityOfDefault: 0.02, lossGivenDefault: 0.45, maturity: 1)))
        #expect(long == (try irb.riskWeight(probabilityOfDefault: 0.02, lossGivenDefault: 0.45, maturity: 5)))
        #expect(short.maturity == 1 && long.maturity == 5)
    }

    @Test func salesOfFiftyMillionOrMoreChangeNothing() throws {
        let plain = try irb.riskWeight(probabilityOfDefault: 0.01, lossGivenDefault: 0.45)
        #expect(try irb.riskWeight(probabilityOfDefault: 0.01, lossGivenDefault: 0.45, annualSalesEURMillions: 50) == plain)
        #expect(try irb.riskWeight(probabilityOfDefault: 0.01, lossGivenDefault: 0.45, annualSalesEURMillions: 900) == plain)
    }

    @Test func defaultedExposure() throws {
        let defaulted = try irb.riskWeight(probabilityOfDefault: 1, lossGivenDefault: 0.45)
        #expect(defaulted.isDefaulted)
        #expect(defaulted.capitalRequirement == 0 && defaulted.riskWeight == 0)
        // K = max(0, LGD − EL_BE) = 0.45 − 0.35 = 0.10 → RW 125%.
        let withEstimate = try irb.riskWeight(probabilityOfDefault: 1, lossGivenDefault: 0.45, expectedLossBestEstimate: 0.35)
        #expect(isClose(withEstimate.capitalRequirement, 0.10, relative: 1e-15))
        #expect(isClose(withEstimate.riskWeight, 1.25, relative: 1e-15))
        let above = try irb.riskWeight(probabilityOfDefault: 1, lossGivenDefault: 0.45, expectedLossBestEstimate: 0.6)
        #expect(above.capitalRequirement == 0)
    }

    @Test func amountsAreRiskWeightAndCapitalTimesEAD() throws {
        let result = try irb.riskWeight(probabilityOfDefault: 0.01, lossGivenDefault: 0.45)
        let ead = Money(units: 1_000_000, .EUR)
        // 1,000,000.00 × 0.9231680139205148 = 923,168.0139… → 923,168.01; × 0.07385344111364119 = 73,853.4411… → 73,853.44.
        #expect(try result.riskWeightedAssets(exposureAtDefault: ead) == (try Money(parsing: "923168.01", currency: .EUR)))
        #expect(try result.capital(exposureAtDefault: ead) == (try Money(parsing: "73853.44", currency: .EUR)))
        #expect(throws: RiskMeasureError.self) { try result.capital(exposureAtDefault: Money(units: -5, .EUR)) }
    }

    @Test(arguments: [
        ("probabilityOfDefault", 1.5, 0.45, 2.5), ("probabilityOfDefault", -0.1, 0.45, 2.5),
        ("lossGivenDefault", 0.01, 1.1, 2.5), ("lossGivenDefault", 0.01, Double.nan, 2.5), ("maturity", 0.01, 0.45, 0),
        ("maturity", 0.01, 0.45, Double.infinity),
    ])
    func rejectsInputsOutOfRange(field: String, pd: Double, lgd: Double, maturity: Double) {
        #expect {
            try irb.riskWeight(probabilityOfDefault: pd, lossGivenDefault: lgd, maturity: maturity)
        } throws: { error in
            (error as? RiskMeasureError)?.code == .outOfRange && (error as? RiskMeasureError)?.field == field
        }
    }

    @Test func rejectsABadFloorSalesOrEstimate() {
        #expect(throws: RiskMeasureError.self) { try BaselIRBCorporate(pdFloor: 0) }
        #expect(throws: RiskMeasureError.self) {
            try irb.riskWeight(probabilityOfDefault: 0.01, lossGivenDefault: 0.45, annualSalesEURMillions: -1)
        }
        #expect(throws: RiskMeasureError.self) {
            try irb.riskWeight(probabilityOfDefault: 1, lossGivenDefault: 0.45, expectedLossBestEstimate: 2)
        }
    }

    /// K rises with PD from the floor up to where it peaks, about 27% at M = 5 (31% at M = 1); 25% is below both.
    @Test func riskWeightRisesWithPD() async {
        await propertyCheck(count: 500, input: Gen.double(in: 0.0003...0.25), Gen.double(in: 0.0003...0.25),
                            Gen.double(in: 0.01...1), Gen.double(in: 1...5)) { a, b, lgd, m in
            let (low, high) = (min(a, b), max(a, b))
            let lower = try irb.riskWeight(probabilityOfDefault: low, lossGivenDefault: lgd, maturity: m)
            let higher = try irb.riskWeight(probabilityOfDefault: high, lossGivenDefault: lgd, maturity: m)
            #expect(lower.riskWeight <= higher.riskWeight, "PD \(low) → \(lower.riskWeight), PD \(high) → \(higher.riskWeight)")
        }
    }

    @Test func riskWeightFallsBackToZeroAtDefault() throws {
        let peak = try irb.riskWeight(probabilityOfDefault: 0.29, lossGivenDefault: 0.45)
        let high = try irb.riskWeight(probabilityOfDefault: 0.9, lossGivenDefault: 0.45)
        #expect(high.riskWeight < peak.riskWeight)
        #expect(try irb.riskWeight(probabilityOfDefault: 1, lossGivenDefault: 0.45).riskWeight == 0)
    }

    @Test func riskWeightRisesWithMaturityAndLGD() async {
        await propertyCheck(count: 300, input: Gen.double(in: 0.0003...0.99), Gen.double(in: 1...4.9),
                            Gen.double(in: 0.01...0.9)) { pd, m, lgd in
            let base = try irb.riskWeight(probabilityOfDefault: pd, lossGivenDefault: lgd, maturity: m)
            let longer = try irb.riskWeight(probabilityOfDefault: pd, lossGivenDefault: lgd, maturity: m + 0.1)
            let deeper = try irb.riskWeight(probabilityOfDefault: pd, lossGivenDefault: lgd + 0.1, maturity: m)
            #expect(base.riskWeight <= longer.riskWeight)
            #expect(base.riskWeight <= deeper.riskWeight)
        }
    }
}
