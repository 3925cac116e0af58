import Foundation
import PropertyBased
import Testing
import TradeCreditModel
import TradeCreditPricing

@Suite("Risk-based quote: invariants")
struct QuotePropertyTests {
    static let limits = Gen.int(in: 0...2_000_000)
    static let pds = Gen.double(in: 0.0003...0.3)
    static let portfolios = zip(limits, pds).array(of: 1...6)

    static func buyers(_ pairs: [(Int, Double)]) -> [QuoteBuyer] {
        pairs.enumerated().map { index, pair in buyer("B\(index)", pair.0, pd: pair.1) }
    }

    @Test func neverBelowTheMinimumBeforeTax() async {
        await propertyCheck(count: 100, input: Self.portfolios) { pairs in
            let premium = try QuoteEngine.quote(request(Self.buyers(pairs), sensitivity: [])).premium
            #expect(try premium.preTax.compare(to: premium.minimumPremium) >= 0)
            #expect(try premium.final.compare(to: premium.preTax) >= 0)
        }
    }

    @Test func taxAppliedExactlyOnce() async {
        await propertyCheck(count: 100, input: Self.portfolios, Gen.int(in: 0...3_000)) { pairs, basisPoints in
            let rate = Decimal(basisPoints) / 10_000
            let premium = try QuoteEngine.quote(request(Self.buyers(pairs), taxRate: rate, sensitivity: [])).premium
            #expect(premium.final == (try premium.preTax.multiplied(by: 1 + rate).rounded()))
            #expect(premium.tax == (try premium.final - premium.preTax))
            #expect(premium.final.isRoundedToMinorUnits)
        }
    }

    /// Every PD multiplied by a factor of at least 1.5 never lowers the premium (every step is monotone).
    @Test func monotoneInPD() async {
        await propertyCheck(count: 60, input: Self.portfolios, Gen.double(in: 1.5...3)) { pairs, factor in
            let higher = pairs.map { ($0.0, min(1, $0.1 * factor)) }
            let low = try QuoteEngine.quote(request(Self.buyers(pairs), sensitivity: [])).premium
            let high = try QuoteEngine.quote(request(Self.buyers(higher), sensitivity: [])).premium
            #expect(try low.technical.compare(to: high.technical) <= 0)
            #expect(try low.final.compare(to: high.final) <= 0)
        }
    }

    /// A single buyer's larger limit (by 10% and 1,000 at least) never lowers its premium. (On several buyers the
    /// loss unit follows the largest exposure, and re-banding makes the quantile only approximately monotone.)
    @Test func monotoneInLimit() async {
        await propertyCheck(count: 60, input: Self.limits, Self.pds, Gen.int(in: 1_000...1_000_000)) { limit, pd, step in
            let larger = limit + max(step, limit / 10)
            let low = try QuoteEngine.quote(request([buyer("B", limit, pd: pd)], sensitivity: [])).premium
            let high = try QuoteEngine.quote(request([buyer("B", larger, pd: pd)], sensitivity: [])).premium
            #expect(try low.technical.compare(to: high.technical) <= 0)
            #expect(try low.final.compare(to: high.final) <= 0)
        }
    }
}
