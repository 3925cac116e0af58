internal import Foundation
public import TradeCreditModel

/// The Basel IRB risk weight of a corporate exposure (Basel II, June 2006, ¶272–273; DOMAIN.md §7).
///
/// With PD floored and M clamped to [1, 5] years:
///
///     w  = (1 − e^(−50·PD)) / (1 − e^(−50))
///     R  = 0.12·w + 0.24·(1 − w)                        (− 0.04·(1 − (S − 5)/45) for an SME, S < 50)
///     b  = (0.11852 − 0.05478·ln PD)²
///     K  = [LGD·N((G(PD) + √R·G(0.999)) / √(1 − R)) − PD·LGD] · (1 + (M − 2.5)·b) / (1 − 1.5·b)
///     RW = 12.5·K
///
/// PD 1%, LGD 45%, M 2.5 → RW 92.32%. RW is a fraction (0.9232 is 92.32%); RWA = RW × EAD and the capital
/// requirement is K × EAD = 8% × RWA. The Basel II 1.06 scaling factor on IRB credit RWA (¶44) is **not** applied
/// (the 2017 Basel III finalisation removed it); multiply by it yourself if your regime keeps it.
///
/// K rises with PD up to a PD of about 27–31% (27% at M = 5, 31% at M = 1), then falls to 0 at PD = 1: above that
/// point expected loss PD·LGD, which provisions cover, takes up more of the 99.9% loss than unexpected loss does.
public struct BaselIRBCorporate: Hashable, Sendable {
    /// The confidence level of the regulatory formula, 99.9%.
    public static let confidence = 0.999
    /// The floor of the PD: 0.03% (Basel II ¶285, CRR Art. 160(1); DOMAIN.md §3 clamps PD to [0.0003, 1] too).
    public static let defaultPDFloor = 0.0003
    /// Effective maturity when none is given (Basel II ¶318, foundation approach): 2.5 years.
    public static let defaultMaturity = 2.5
    /// Effective maturity is clamped to this range (Basel II ¶320), in years.
    public static let maturityRange = 1.0...5.0
    /// SME firm-size adjustment: annual sales (EUR millions) are taken at least at the lower bound, and no
    /// adjustment applies from the upper bound on (Basel II ¶273).
    public static let smeSalesRange = 5.0...50.0

    /// The PD floor in use.
    public let pdFloor: Double

    /// The Basel II rules: PD floor 0.03%.
    public init() {
        pdFloor = BaselIRBCorporate.defaultPDFloor
    }

    /// Rules with another PD floor (0.0005 for the 2017 Basel III finalisation).
    /// - Throws: ``RiskMeasureError`` `.outOfRange` (field `pdFloor`) unless the floor is in (0, 1).
    public init(pdFloor: Double) throws {
        try RiskMeasureError.require(pdFloor, in: .openUnit, field: "pdFloor")
        self.pdFloor = pdFloor
    }

    /// The risk weight of one exposure, with every intermediate value.
    ///
    /// - Parameters:
    ///   - probabilityOfDefault: the one-year PD in [0, 1]; raised to ``pdFloor``; 1 means in default.
    ///   - lossGivenDefault: LGD in [0, 1] (0.45 for senior unsecured claims under the foundation approach).
    ///   - maturity: effective maturity in years, above 0; clamped to ``maturityRange``.
    ///   - annualSalesEURMillions: the borrower group's annual sales in millions of euros, for the SME firm-size
    ///     adjustment; `nil` (the default) for none. Convert to euros before calling; at 50 or more nothing changes.
    ///   - expectedLossBestEstimate: for a defaulted exposure (PD = 1) only, the bank's best estimate of expected
    ///     loss, in [0, 1]: K = max(0, LGD − EL_BE) (¶272). `nil` takes EL_BE = LGD, so K = 0, which is also what the
    ///     formula gives at PD = 1.
    /// - Throws: ``RiskMeasureError`` `.outOfRange` naming the parameter that is outside its range or NaN.
    public func riskWeight(probabilityOfDefault: Double, lossGivenDefault: Double,
                           maturity: Double = BaselIRBCorporate.defaultMaturity,
                           annualSalesEURMillions: Double? = nil,
                           expectedLossBestEstimate: Double? = nil) throws -> IRBRiskWeight {
        try RiskMeasureError.require(probabilityOfDefault, in: .closedUnit, field: "probabilityOfDefault")
        try RiskMeasureError.require(lossGivenDefault, in: .closedUnit, field: "lossGivenDefault")
        try RiskMeasureError.require(maturity, in: .positive, field: "maturity")
        if let annualSalesEURMillions {
            try RiskMeasureError.require(annualSalesEURMillions, in: .nonNegative, field: "annualSalesEURMillions")
        }
        if let expectedLossBestEstimate {
            try RiskMeasureError.require(expectedLossBestEstimate, in: .closedUnit, field: "expectedLossBestEstimate")
        }
        let range = BaselIRBCorporate.maturityRange
        let m = min(max(maturity, range.lowerBound), range.upperBound)
        let pd = max(probabilityOfDefault, pdFloor)
        let w = -expm1(-50 * pd) / -expm1(-50)
        var r = 0.12 * w + 0.24 * (1 - w)
        if let sales = annualSalesEURMillions, sales < BaselIRBCorporate.smeSalesRange.upperBound {
            let s = max(sales, BaselIRBCorporate.smeSalesRange.lowerBound)
            r -= 0.04 * (1 - (s - 5) / 45)
        }
        let b = pow(0.11852 - 0.05478 * log(pd), 2)
        let k: Double
        if pd >= 1 {
            k = max(0, lossGivenDefault - (expectedLossBestEstimate ?? lossGivenDefault))
        } else {
            let stressed = Vasicek.conditionalRate(pd, r, BaselIRBCorporate.confidence)
            let unexpected = lossGivenDefault * stressed - pd * lossGivenDefault
            k = max(0, unexpected * (1 + (m - 2.5) * b) / (1 - 1.5 * b))
        }
        return IRBRiskWeight(probabilityOfDefault: pd, lossGivenDefault: lossGivenDefault, maturity: m,
                             correlation: r, maturityAdjustment: b, capitalRequirement: k)
    }
}

/// The result of ``BaselIRBCorporate/riskWeight(probabilityOfDefault:lossGivenDefault:maturity:annualSalesEURMillions:expectedLossBestEstimate:)``:
/// the inputs as used and every step of the formula.
public struct IRBRiskWeight: Hashable, Sendable {
    /// The PD used, after the floor.
    public let probabilityOfDefault: Double
    /// The LGD used.
    public let lossGivenDefault: Double
    /// The effective maturity used, in years, after clamping to [1, 5].
    public let maturity: Double
    /// The asset correlation R (after the SME adjustment, when one applies).
    public let correlation: Double
    /// The maturity adjustment b.
    public let maturityAdjustment: Double
    /// The capital requirement K per unit of EAD (never below 0).
    public let capitalRequirement: Double

    /// The risk weight RW = 12.5·K, as a fraction (0.9232 is 92.32%).
    public var riskWeight: Double { 12.5 * capitalRequirement }

    /// Whether the exposure is in default (PD = 1), where K = max(0, LGD − EL_BE).
    public var isDefaulted: Bool { probabilityOfDefault >= 1 }

    /// Risk-weighted assets RW × EAD, rounded once, half-up, to the currency's minor units (no 1.06 factor).
    /// - Throws: ``RiskMeasureError`` `.outOfRange` for a negative EAD (field `exposureAtDefault`); `ModelError`
    ///   `.overflow` beyond 38 digits.
    public func riskWeightedAssets(exposureAtDefault: Money) throws -> Money {
        try RiskMeasureError.requireNotNegative(exposureAtDefault, field: "exposureAtDefault")
        return try exposureAtDefault.multiplied(byModelFactor: riskWeight, field: "riskWeight")
    }

    /// The capital requirement K × EAD (8% of the RWA), rounded once, half-up, to the currency's minor units.
    /// - Throws: as ``riskWeightedAssets(exposureAtDefault:)``.
    public func capital(exposureAtDefault: Money) throws -> Money {
        try RiskMeasureError.requireNotNegative(exposureAtDefault, field: "exposureAtDefault")
        return try exposureAtDefault.multiplied(byModelFactor: capitalRequirement, field: "capitalRequirement")
    }
}
