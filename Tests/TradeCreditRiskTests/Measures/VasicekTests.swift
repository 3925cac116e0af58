import Foundation
import Testing
import TradeCreditModel
import TradeCreditRisk

@Suite("Vasicek one-factor quantile")
struct VasicekTests {
    @Test func domainExample() throws {
        // DOMAIN.md §7: p 1%, ρ 0.12, α 99.9% → 0.090326.
        let q = try Vasicek.conditionalDefaultRate(probabilityOfDefault: 0.01, correlation: 0.12, confidence: 0.999)
        #expect(abs(q - 0.090326) <= 1e-6)
    }

    /// Computed with Python 3.11 `statistics.NormalDist` (N = cdf, G = inv_cdf):
    /// `N((G(p) + sqrt(r)*G(a)) / sqrt(1 - r))`.
    @Test(arguments: [
        (0.01, 0.12, 0.999, 0.09032583132606531),
        (0.02, 0.15, 0.995, 0.12599303377719762),
        (0.001, 0.24, 0.999, 0.03528932900156895),
    ])
    func handComputedCases(p: Double, rho: Double, alpha: Double, expected: Double) throws {
        let q = try Vasicek.conditionalDefaultRate(probabilityOfDefault: p, correlation: rho, confidence: alpha)
        #expect(isClose(q, expected, relative: 1e-12))
    }

    @Test func noCorrelationGivesThePD() throws {
        let q = try Vasicek.conditionalDefaultRate(probabilityOfDefault: 0.05, correlation: 0, confidence: 0.999)
        #expect(isClose(q, 0.05, relative: 1e-14))
    }

    @Test func largePortfolioLossIsExposureTimesLGDTimesQuantile() throws {
        // 10,000,000.00 × 0.45 × 0.09032583132606531 = 406,466.240967… → 406,466.24 (half-up to cents).
        let loss = try Vasicek.largePortfolioLoss(exposure: Money(units: 10_000_000, .EUR), lossGivenDefault: 0.45,
                                                  probabilityOfDefault: 0.01, correlation: 0.12, confidence: 0.999)
        #expect(loss == (try Money(parsing: "406466.24", currency: .EUR)))
        #expect(loss.scale == 2)
    }

    @Test(arguments: [
        ("probabilityOfDefault", 0.0, 0.12, 0.999), ("probabilityOfDefault", 1.0, 0.12, 0.999),
        ("probabilityOfDefault", Double.nan, 0.12, 0.999), ("correlation", 0.01, 1.0, 0.999),
        ("correlation", 0.01, -0.1, 0.999), ("confidence", 0.01, 0.12, 1.0), ("confidence", 0.01, 0.12, 0.0),
    ])
    func rejectsParametersOutsideTheirIntervals(field: String, p: Double, rho: Double, alpha: Double) {
        #expect {
            try Vasicek.conditionalDefaultRate(probabilityOfDefault: p, correlation: rho, confidence: alpha)
        } throws: { error in
            (error as? RiskMeasureError)?.code == .outOfRange && (error as? RiskMeasureError)?.field == field
        }
    }

    @Test func rejectsANegativeExposureAndAnLGDAboveOne() {
        #expect(throws: RiskMeasureError.self) {
            try Vasicek.largePortfolioLoss(exposure: Money(units: -1, .EUR), lossGivenDefault: 0.45,
                                           probabilityOfDefault: 0.01, correlation: 0.12, confidence: 0.999)
        }
        #expect {
            try Vasicek.largePortfolioLoss(exposure: Money(units: 1, .EUR), lossGivenDefault: 1.2,
                                           probabilityOfDefault: 0.01, correlation: 0.12, confidence: 0.999)
        } throws: { ($0 as? RiskMeasureError)?.field == "lossGivenDefault" }
    }
}
