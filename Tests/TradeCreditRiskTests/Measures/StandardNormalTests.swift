import Foundation
import PropertyBased
import Testing
import TradeCreditRisk

/// `|actual − expected| ≤ tolerance × max(|expected|, floor)`.
func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double, floor: Double = 0) -> Bool {
    abs(actual - expected) <= tolerance * max(abs(expected), floor)
}

@Suite("Standard normal N and G")
struct StandardNormalTests {
    @Test func knownValuesOfTheDistributionFunction() {
        #expect(StandardNormal.cdf(0) == 0.5)
        #expect(isClose(StandardNormal.cdf(1.959963984540054), 0.975, relative: 1e-15))
        // References computed with mpmath 1.3.0 at 50 digits: mp.ncdf(x).
        let references: [(x: Double, n: Double)] = [
            (-1, 0.15865525393145705), (-5, 2.8665157187919391e-7), (-10, 7.6198530241605261e-24),
            (-37, 5.7255712225245768e-300), (-30, 4.9067139271481871e-198), (-20, 2.7536241186062337e-89),
            (-8.5, 9.4795348222033184e-18), (2.5, 0.99379033467422386),
        ]
        for (x, n) in references {
            #expect(isClose(StandardNormal.cdf(x), n, relative: 1e-15), "N(\(x))")
        }
        #expect(StandardNormal.cdf(-.infinity) == 0)
        #expect(StandardNormal.cdf(.infinity) == 1)
        #expect(StandardNormal.cdf(.nan).isNaN)
    }

    @Test func knownValuesOfTheQuantile() {
        #expect(StandardNormal.quantile(0.5) == 0)
        #expect(isClose(StandardNormal.quantile(0.999), 3.090232306167813, relative: 1e-15))
        #expect(isClose(StandardNormal.quantile(0.01), -2.326347874040841, relative: 1e-15))
        #expect(isClose(StandardNormal.quantile(0.975), 1.959963984540054, relative: 1e-15))
        // References computed with mpmath 1.3.0 at 50 digits: findroot of mp.ncdf(x) − mp.mpf(p), p the double itself.
        let references: [(p: Double, g: Double)] = [
            (1e-12, -7.0344838253011319), (0.3, -0.52440051270804082), (0.999999, 4.7534243088170878),
            (0.025, -1.9599639845400542),
        ]
        for (p, g) in references {
            #expect(isClose(StandardNormal.quantile(p), g, relative: 1e-15), "G(\(p))")
        }
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(-0.1).isNaN)
        #expect(StandardNormal.quantile(1.1).isNaN)
        #expect(StandardNormal.quantile(.nan).isNaN)
    }

    @Test func densityAtZeroAndOne() {
        #expect(isClose(StandardNormal.density(0), 1 / (2 * Double.pi).squareRoot(), relative: 1e-15))
        #expect(isClose(StandardNormal.density(1), exp(-0.5) / (2 * Double.pi).squareRoot(), relative: 1e-15))
    }

    @Test(arguments: [-8.0, -3.5, -1.2, -0.3, 0.7, 2.1, 6.0])
    func distributionFunctionIsSymmetric(x: Double) {
        #expect(isClose(StandardNormal.cdf(-x), 1 - StandardNormal.cdf(x), relative: 1e-15, floor: 1))
    }

    /// p spread on a log scale over (1e-12, ½), and its mirror 1 − p.
    static let tailProbabilities = Gen.double(in: -12.0...(-0.302)).map { pow(10, $0) }

    @Test func quantileIsAntisymmetric() async {
        await propertyCheck(count: 500, input: Self.tailProbabilities) { p in
            // u = 1 − p rounds, but 1 − u is exact (Sterbenz), so G(u) = −G(1 − u) must hold to the last bits.
            let u = 1 - p
            #expect(isClose(StandardNormal.quantile(u), -StandardNormal.quantile(1 - u), relative: 1e-15), "p = \(p)")
        }
    }

    @Test func roundTripsToFullPrecisionAcrossTheRange() async {
        await propertyCheck(count: 2000, input: Self.tailProbabilities) { p in
            // Lower half: relative to p. Upper half (1 − p): relative to the tail 1 − (1 − p), by symmetry of N.
            #expect(isClose(StandardNormal.cdf(StandardNormal.quantile(p)), p, relative: 1e-12), "p = \(p)")
            let upper = 1 - p
            #expect(isClose(StandardNormal.cdf(-StandardNormal.quantile(upper)), 1 - upper, relative: 1e-12),
                    "p = \(upper)")
            #expect(abs(StandardNormal.cdf(StandardNormal.quantile(upper)) - upper) <= 1e-12, "p = \(upper)")
        }
    }

    @Test func roundTripsAtTheEndsOfTheRange() {
        for p in [1e-12, 1e-9, 1e-6, 1e-3, 0.075, 0.425, 0.5, 0.575, 0.925, 0.999, 1 - 1e-6, 1 - 1e-9, 1 - 1e-12] {
            // Relative to p: in the lower tail that is relative to the tail probability itself.
            #expect(isClose(StandardNormal.cdf(StandardNormal.quantile(p)), p, relative: 1e-12), "p = \(p)")
        }
    }

    @Test func quantileIsIncreasing() async {
        await propertyCheck(count: 500, input: Gen.double(in: 1e-12...(1 - 1e-12)), Gen.double(in: 1e-12...(1 - 1e-12))) {
            a, b in
            let (low, high) = (min(a, b), max(a, b))
            #expect(StandardNormal.quantile(low) <= StandardNormal.quantile(high))
        }
    }
}
