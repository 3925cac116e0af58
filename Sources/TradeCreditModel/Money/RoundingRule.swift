/// How a value is rounded when digits must be dropped. Rounding is always explicit in this SDK.
public enum RoundingRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Half away from zero: 2.345 → 2.35, −2.345 → −2.35 (commercial rounding; EU Regulation 1103/97 for conversions).
    case halfUp
    /// Half to the even neighbour: 2.345 → 2.34, 2.355 → 2.36 (banker's rounding).
    case halfEven
    /// Half toward zero: 2.345 → 2.34.
    case halfDown
    /// Truncation: 2.349 → 2.34, −2.349 → −2.34.
    case towardZero
    /// Away from zero: 2.341 → 2.35.
    case awayFromZero
    /// Toward negative infinity.
    case floor
    /// Toward positive infinity.
    case ceiling
}
