public import Foundation

/// The choices of a CreditRisk+ run; the defaults are the conventions of the CSFB example spreadsheet (DOMAIN.md §7).
public struct CreditRiskPlusOptions: Sendable, Hashable {
    /// How an exposure is rounded to a whole number of loss units (its band ν_A, never below 1).
    public enum Banding: String, Sendable, Hashable, Codable, CaseIterable {
        /// ν = ⌈E/L⌉: the spreadsheet's rule, and the default.
        case up
        /// ν = E/L rounded half up to the nearest integer.
        case nearest
    }

    /// How a quantile is read from the discrete loss grid.
    public enum QuantileMethod: String, Sendable, Hashable, Codable, CaseIterable {
        /// Linear between grid points: with n the first index where F(n) ≥ q,
        /// VaR = (n − 1)·L + (q − F(n − 1))/(F(n) − F(n − 1))·L, and 0 when F(0) ≥ q. The default.
        case interpolated
        /// The grid point itself: VaR = n·L.
        case discrete
    }

    /// The levels the spreadsheet prints.
    public static let defaultQuantileLevels = [0.5, 0.75, 0.95, 0.975, 0.99, 0.995, 0.9975, 0.999]
    /// Levels are accepted up to this one: the grid is cut where less than ``tailTolerance`` of the mass remains, and
    /// levels beyond 1 − 1e-9 would depend on that cut.
    public static let highestLevel = 1 - 1e-9
    /// The loss grid ends at the first point where the mass left beyond it is below this (see ``CreditRiskPlus``).
    public static let tailTolerance = 1e-12

    /// The loss unit L in currency units; `nil` for the default ⌈max E_A / 100⌉ (at least 1).
    public var lossUnit: Decimal?
    /// How exposures are banded; `.up` by default.
    public var banding: Banding
    /// How quantiles (and so expected shortfalls and risk contributions) are read; `.interpolated` by default.
    public var quantileMethod: QuantileMethod
    /// The levels q of the quantiles and expected shortfalls to report, each in (0, ``highestLevel``].
    public var quantileLevels: [Double]
    /// The level whose quantile the risk contributions add up to; 0.99 by default.
    public var contributionLevel: Double
    /// The name of the specific (idiosyncratic) sector: its default count is Poisson (σ_k = 0) whatever the σ_A
    /// of its obligors. `nil`: no sector is forced to be specific (one whose σ_k is 0 is Poisson anyway).
    public var specificSector: String?
    /// The most grid points the loss distribution may take (a hard cap on time and memory: 8 bytes a point for the
    /// result, 12 while computing). A portfolio that needs more is refused with `.gridTooLarge`: choose a larger
    /// loss unit.
    public var maximumGridPoints: Int

    /// Options with the spreadsheet's defaults, changed where given.
    public init(lossUnit: Decimal? = nil, banding: Banding = .up, quantileMethod: QuantileMethod = .interpolated,
                quantileLevels: [Double] = CreditRiskPlusOptions.defaultQuantileLevels, contributionLevel: Double = 0.99,
                specificSector: String? = nil, maximumGridPoints: Int = 10_000_000) {
        self.lossUnit = lossUnit
        self.banding = banding
        self.quantileMethod = quantileMethod
        self.quantileLevels = quantileLevels
        self.contributionLevel = contributionLevel
        self.specificSector = specificSector
        self.maximumGridPoints = maximumGridPoints
    }

    /// Throws `.invalidOption` naming the option that cannot be used.
    func validate() throws {
        func failure(_ field: String, _ message: String) -> CreditRiskPlusError {
            CreditRiskPlusError(.invalidOption, field: field, message)
        }
        if let lossUnit, lossUnit.isNaN || lossUnit <= 0 {
            throw failure("lossUnit", "must be a positive amount (\(lossUnit))")
        }
        for level in quantileLevels where !Self.isLevel(level) {
            throw failure("quantileLevels", "each level must be within (0, \(Self.highestLevel)] (\(level))")
        }
        guard Self.isLevel(contributionLevel) else {
            throw failure("contributionLevel", "must be within (0, \(Self.highestLevel)] (\(contributionLevel))")
        }
        guard maximumGridPoints >= 2 else { throw failure("maximumGridPoints", "must be at least 2 (\(maximumGridPoints))") }
    }

    private static func isLevel(_ level: Double) -> Bool { level > 0 && level <= highestLevel }
}
