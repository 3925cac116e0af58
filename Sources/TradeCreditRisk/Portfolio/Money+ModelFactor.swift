internal import Foundation
internal import TradeCreditModel

extension Money {
    /// Decimals a model factor (a `Double` quantile, a risk weight) keeps when it scales an exact amount.
    static let modelFactorScale = 12

    /// The amount times a factor computed in `Double`, rounded once, half-up, to the currency's minor units.
    ///
    /// The factor is first carried to ``modelFactorScale`` decimals (its `Double` value rounded half to even), then
    /// multiplied exactly: the result is within amount × 5e-13 of the real-number product before the final rounding,
    /// far below a minor unit for any amount under 10^9 units. Deterministic: the same factor always gives the same
    /// amount.
    /// - Throws: `ModelError` `.overflow` for a product beyond 38 digits; ``RiskMeasureError`` `.outOfRange` for a
    ///   factor that is not finite or of 9,000,000 or more.
    func multiplied(byModelFactor factor: Double, field: String) throws -> Money {
        let scaled = (factor * 1e12).rounded(.toNearestOrEven)
        guard scaled.isFinite, let units = Int64(exactly: scaled) else {
            throw RiskMeasureError(.outOfRange, field: field, value: String(factor),
                                   "a model factor must be finite and below 9,000,000")
        }
        let exact = Decimal(sign: units < 0 ? .minus : .plus, exponent: -Money.modelFactorScale,
                            significand: Decimal(units.magnitude))
        return try multiplied(by: exact).rounded(.halfUp)
    }
}
