public import TradeCreditModel

/// Vasicek's one-factor model of portfolio default rates (the asymptotic single risk factor model behind Basel IRB).
///
/// Each obligor defaults when a normal asset value, driven by one systematic factor with weight √ρ, falls below
/// G(p). Conditional on the factor at its α-quantile, the default rate of a large homogeneous portfolio is
///
///     q_α = N((G(p) + √ρ·G(α)) / √(1 − ρ))
///
/// (DOMAIN.md §7: p 1%, ρ 0.12, α 99.9% → 0.090326). ρ = 0 gives q_α = p: no correlation, no tail.
public enum Vasicek {
    /// The default rate q_α of a large homogeneous portfolio at confidence `confidence` (the conditional PD).
    ///
    /// - Parameters:
    ///   - probabilityOfDefault: the one-year PD p, in (0, 1).
    ///   - correlation: the asset correlation ρ, in [0, 1).
    ///   - confidence: the level α, in (0, 1) (0.999 for Basel).
    /// - Throws: ``RiskMeasureError`` `.outOfRange` naming `probabilityOfDefault`, `correlation` or `confidence`
    ///   when it is outside its interval or NaN.
    public static func conditionalDefaultRate(probabilityOfDefault: Double, correlation: Double,
                                              confidence: Double) throws -> Double {
        try RiskMeasureError.require(probabilityOfDefault, in: .openUnit, field: "probabilityOfDefault")
        try RiskMeasureError.require(correlation, in: .rightOpenUnit, field: "correlation")
        try RiskMeasureError.require(confidence, in: .openUnit, field: "confidence")
        return conditionalRate(probabilityOfDefault, correlation, confidence)
    }

    /// The formula without checks, for callers that validated their inputs.
    static func conditionalRate(_ p: Double, _ rho: Double, _ alpha: Double) -> Double {
        StandardNormal.cdf((StandardNormal.quantile(p) + rho.squareRoot() * StandardNormal.quantile(alpha))
            / (1 - rho).squareRoot())
    }

    /// The loss of a large homogeneous portfolio at confidence `confidence`: exposure × LGD × q_α, rounded once,
    /// half-up, to the currency's minor units.
    ///
    /// A convenience for a quick tail estimate of a granular book (many small, similar buyers); for a real
    /// portfolio with name concentration use CreditRisk+.
    /// - Parameters:
    ///   - exposure: the total exposure at default, not negative.
    ///   - lossGivenDefault: LGD in [0, 1].
    ///   - probabilityOfDefault: the one-year PD p, in (0, 1).
    ///   - correlation: the asset correlation ρ, in [0, 1).
    ///   - confidence: the level α, in (0, 1) (0.999 for Basel).
    /// - Throws: ``RiskMeasureError`` `.outOfRange` for a negative exposure (`exposure`), an LGD outside [0, 1]
    ///   (`lossGivenDefault`), or a model parameter as ``conditionalDefaultRate(probabilityOfDefault:correlation:confidence:)``.
    public static func largePortfolioLoss(exposure: Money, lossGivenDefault: Double, probabilityOfDefault: Double,
                                          correlation: Double, confidence: Double) throws -> Money {
        try RiskMeasureError.requireNotNegative(exposure, field: "exposure")
        try RiskMeasureError.require(lossGivenDefault, in: .closedUnit, field: "lossGivenDefault")
        let rate = try conditionalDefaultRate(probabilityOfDefault: probabilityOfDefault, correlation: correlation,
                                              confidence: confidence)
        return try exposure.multiplied(byModelFactor: lossGivenDefault * rate, field: "lossGivenDefault")
    }
}
