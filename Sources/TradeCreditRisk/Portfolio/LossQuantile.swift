/// The value at risk and expected shortfall of a loss distribution at one level (model figures, currency units).
public struct LossQuantile: Sendable, Hashable, Codable {
    /// The level q, e.g. 0.99.
    public let level: Double
    /// VaR_q: the loss not exceeded with probability q (see ``LossDistribution`` for the interpolation).
    public let valueAtRisk: Double
    /// ES_q: the mean loss beyond VaR_q, (1/(1 − q))·∫_q^1 VaR_u du (see ``LossDistribution``).
    public let expectedShortfall: Double

    /// A quantile's figures.
    public init(level: Double, valueAtRisk: Double, expectedShortfall: Double) {
        self.level = level
        self.valueAtRisk = valueAtRisk
        self.expectedShortfall = expectedShortfall
    }
}
