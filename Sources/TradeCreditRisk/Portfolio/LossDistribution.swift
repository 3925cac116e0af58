/// A loss distribution on the grid 0, L, 2L, …: `probabilities[n]` is P(loss = n·L). Model figures (`Double`).
///
/// The grid ends where less than ``CreditRiskPlusOptions/tailTolerance`` of the mass lies beyond it: the probabilities
/// sum to 1 less that tail, which the risk measures below neglect.
///
/// Risk measures read from it, with F(n) = P(0) + … + P(n):
/// - Value at risk VaR_q: n is the first index with F(n) ≥ q; interpolated: (n − 1)·L + (q − F(n − 1))/(F(n) −
///   F(n − 1))·L, and 0 when F(0) ≥ q; discrete: n·L.
/// - Expected shortfall ES_q = (1/(1 − q))·∫_q^1 VaR_u du, the mean of the quantile function above q, computed on the
///   grid. With the interpolated quantile, VaR_u runs linearly from (n − 1)·L to n·L while u runs from F(n − 1) to
///   F(n), so that ES_q = [(F(n) − q)·(VaR_q + n·L)/2 + Σ_{m>n} P(m)·(m − ½)·L] / (1 − q). With the discrete quantile,
///   VaR_u is constant n·L there: ES_q = [(F(n) − q)·n·L + Σ_{m>n} P(m)·m·L] / (1 − q) (Acerbi–Tasche). Either way
///   ES_q ≥ VaR_q.
public struct LossDistribution: Sendable, Hashable, Codable {
    /// The loss unit L, in currency units.
    public let lossUnit: Double
    /// P(loss = n·L), n = 0, 1, …
    public let probabilities: [Double]

    /// A distribution from its loss unit and probabilities (which should sum to 1).
    public init(lossUnit: Double, probabilities: [Double]) {
        self.lossUnit = lossUnit
        self.probabilities = probabilities
    }

    /// The value at risk at `level` (a loss, in currency units).
    public func valueAtRisk(at level: Double, method: CreditRiskPlusOptions.QuantileMethod) -> Double {
        riskMeasures(at: level, method: method).valueAtRisk
    }

    /// The expected shortfall at `level` (a loss, in currency units).
    public func expectedShortfall(at level: Double, method: CreditRiskPlusOptions.QuantileMethod) -> Double {
        riskMeasures(at: level, method: method).expectedShortfall
    }

    /// VaR and ES at `level` in one pass over the grid.
    func riskMeasures(at level: Double, method: CreditRiskPlusOptions.QuantileMethod)
        -> (valueAtRisk: Double, expectedShortfall: Double) {
        guard !probabilities.isEmpty else { return (0, 0) }
        // n: the first index with F(n) ≥ q (the last one if rounding leaves F below q).
        var cumulative = CompensatedSum()
        var previous = 0.0
        var index = probabilities.count - 1
        for (n, probability) in probabilities.enumerated() {
            cumulative.add(probability)
            if cumulative.value >= level {
                index = n
                break
            }
            previous = cumulative.value
        }
        // The mass and the loss beyond n, summed from the far end (small terms first).
        var tailMass = CompensatedSum(), tailLoss = CompensatedSum()
        let offset = method == .interpolated ? 0.5 : 0
        for m in stride(from: probabilities.count - 1, to: index, by: -1) {
            tailMass.add(probabilities[m])
            tailLoss.add(probabilities[m] * (Double(m) - offset))
        }
        let n = Double(index)
        let valueAtRisk: Double
        switch method {
        case .discrete:
            valueAtRisk = n * lossUnit
        case .interpolated:
            valueAtRisk = index == 0 ? 0 : (n - 1 + (level - previous) / (cumulative.value - previous)) * lossUnit
        }
        // F(n) − q, taken as (1 − q) − P(loss > n·L) so that it keeps its digits when q is close to 1.
        let within = max((1 - level) - tailMass.value, 0)
        let head = method == .interpolated ? within * (valueAtRisk + n * lossUnit) / 2 : within * valueAtRisk
        let shortfall = (head + tailLoss.value * lossUnit) / (1 - level)
        return (valueAtRisk, max(shortfall, valueAtRisk))
    }
}
