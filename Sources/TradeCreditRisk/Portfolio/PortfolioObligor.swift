public import Foundation
internal import TradeCreditModel

/// One obligor of a CreditRisk+ portfolio: its net exposure, mean default rate and default-rate volatility, and how its
/// default rate splits over the sectors (DOMAIN.md §7).
///
/// The exposure is exact (`Decimal`: bands are computed exactly from it); the rates are model figures (`Double`).
/// Construction validates everything, so a value of this type is always usable by ``CreditRiskPlus``.
public struct PortfolioObligor: Sendable, Hashable {
    /// How far the sector weights may miss 1 (rounding of weights written with few decimals).
    public static let weightTolerance = 1e-9

    /// The obligor's id, unique within a portfolio (risk contributions are reported by it).
    public let id: String
    /// The net exposure E_A (after expected recovery), in currency units; zero or more.
    public let exposure: Decimal
    /// The mean default rate p_A over the horizon, in [0, 1] (0.3 is 30 %).
    public let pd: Double
    /// The standard deviation σ_A of the default rate, zero or more.
    public let pdSD: Double
    /// The sector weights θ_Ak: sector name → share of the default rate, each in [0, 1], summing to 1 within
    /// ``weightTolerance``.
    public let sectorWeights: [String: Double]

    /// The exposure as an exact decimal, for exact banding.
    let exactExposure: ExactDecimal
    /// The exposure as a model figure.
    let exposureFigure: Double

    /// Validates and creates an obligor. By default the whole default rate is in the one sector
    /// ``CreditRiskPlus/singleSector``.
    /// - Throws: ``CreditRiskPlusError`` naming the obligor and the field: `.outOfRange` for an empty id, a negative
    ///   or unrepresentable exposure, a PD outside [0, 1] or not finite, a negative or non-finite `pdSD`;
    ///   `.invalidWeights` for no weights, an unnamed sector, a weight outside [0, 1], or weights whose sum misses 1.
    public init(id: String, exposure: Decimal, pd: Double, pdSD: Double,
                sectorWeights: [String: Double] = [CreditRiskPlus.singleSector: 1]) throws {
        func failure(_ code: CreditRiskPlusError.Code, _ field: String, _ message: String) -> CreditRiskPlusError {
            CreditRiskPlusError(code, obligor: id, field: field, message)
        }
        guard !id.isEmpty else { throw failure(.outOfRange, "id", "an obligor needs an id") }
        let exact: ExactDecimal
        do { exact = try PortfolioObligor.exactValue(of: exposure) } catch let error as ModelError {
            throw failure(.outOfRange, "exposure", error.message)
        }
        guard !exact.isNegative else { throw failure(.outOfRange, "exposure", "must be zero or more (\(exposure))") }
        guard pd.isFinite, (0...1).contains(pd) else { throw failure(.outOfRange, "pd", "must be within [0, 1] (\(pd))") }
        guard pdSD.isFinite, pdSD >= 0 else {
            throw failure(.outOfRange, "pdSD", "must be a finite number, zero or more (\(pdSD))")
        }
        try PortfolioObligor.validate(sectorWeights, failure: failure)
        self.id = id
        self.exposure = exposure
        self.pd = pd
        self.pdSD = pdSD
        self.sectorWeights = sectorWeights
        exactExposure = exact
        // Through Int64 when it fits: the same rounding as from Int128, without the generic conversion (a tenth of a
        // 100,000-buyer quote went there).
        let significand = Int64(exactly: exact.significand).map(Double.init) ?? Double(exact.significand)
        exposureFigure = significand / PortfolioObligor.powerOfTen(exact.scale)
    }

    private static func validate(_ weights: [String: Double],
                                 failure: (CreditRiskPlusError.Code, String, String) -> CreditRiskPlusError) throws {
        guard !weights.isEmpty else { throw failure(.invalidWeights, "sectorWeights", "at least one sector is needed") }
        // One sector, weight 1 (the single-sector model, every buyer of a quote): valid without sorting.
        if weights.count == 1, let (name, weight) = weights.first, !name.isEmpty, weight == 1 { return }
        var total = 0.0
        // Sorted so that the first bad weight reported is the same on every run.
        for (name, weight) in weights.sorted(by: { $0.key < $1.key }) {
            guard !name.isEmpty else { throw failure(.invalidWeights, "sectorWeights", "a sector needs a name") }
            guard weight.isFinite, (0...1).contains(weight) else {
                throw failure(.invalidWeights, "sectorWeights[\(name)]", "must be within [0, 1] (\(weight))")
            }
            total += weight
        }
        guard abs(total - 1) <= weightTolerance else {
            throw failure(.invalidWeights, "sectorWeights", "must sum to 1 (they sum to \(total))")
        }
    }

    /// The exact value of a `Decimal`. Foundation's text conversion costs microseconds on Linux (a tenth of a second
    /// per 100,000 obligors): integral significands below 2^53 take a fast exact path, the rest the text.
    static func exactValue(of decimal: Decimal) throws -> ExactDecimal {
        let exponent = decimal.exponent
        if !decimal.isNaN, (-18...18).contains(exponent) {
            let significand = decimal.significand.magnitude
            // Below 2^53 the Double is exact, and the round trip proves it.
            let approximation = NSDecimalNumber(decimal: significand).doubleValue
            if approximation < 0x1p53, let whole = Int64(exactly: approximation), Decimal(whole) == significand {
                var value = Int128(whole) * (decimal.sign == .minus ? -1 : 1)
                if exponent > 0 { value *= try ExactDecimal.powerOfTen(exponent) }
                return ExactDecimal(significand: value, scale: max(-exponent, 0))
            }
        }
        return try ExactDecimal(decimal, field: "exposure")
    }

    /// 10^exponent as a Double (exact up to 10^22, the scales of real exposures).
    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
