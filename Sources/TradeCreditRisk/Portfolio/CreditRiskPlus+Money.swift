public import TradeCreditModel

extension CreditRiskPlus {
    /// A model figure (a `Double` amount in currency units: EL, σ, a VaR, a contribution) as `Money`, rounded once by
    /// `rule` to the minor units of `currency` (whole units for currencies without minor units).
    ///
    /// The figure is binary: one that lies within a few ulps of a half minor unit may round either way.
    /// - Throws: `ModelError` `.outOfRange` for a figure that is not finite or beyond 10^30 minor units.
    public static func money(_ figure: Double, _ currency: CurrencyCode, rule: RoundingRule = .halfUp) throws -> Money {
        let minorUnits = currency.minorUnits ?? 0
        var scaled = figure
        for _ in 0..<minorUnits { scaled *= 10 }
        guard scaled.isFinite, abs(scaled) < 1e30 else {
            throw ModelError(.outOfRange, field: "figure", value: "\(figure)", "not a finite amount that money can hold")
        }
        let rounded = scaled.rounded(rule.floatingPointRule(for: scaled))
        return Money(exact: ExactDecimal(significand: Int128(rounded), scale: minorUnits), currency: currency)
    }
}

extension RoundingRule {
    /// The `FloatingPointRoundingRule` that rounds `value` as this rule does (half down is half up but on exact ties).
    func floatingPointRule(for value: Double) -> FloatingPointRoundingRule {
        switch self {
        case .halfUp: return .toNearestOrAwayFromZero
        case .halfEven: return .toNearestOrEven
        case .halfDown:
            return abs(value - value.rounded(.towardZero)) == 0.5 ? .towardZero : .toNearestOrAwayFromZero
        case .towardZero: return .towardZero
        case .awayFromZero: return .awayFromZero
        case .floor: return .down
        case .ceiling: return .up
        }
    }
}
