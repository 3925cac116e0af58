import Foundation
internal import TradeCreditModel

/// A portfolio in loss units: each obligor's band and adjusted frequency, each sector's sums (DOMAIN.md §7).
///
/// - Loss unit L: given, or ⌈max E_A / 100⌉ (1 when every exposure is 0), exact.
/// - Band ν_A = max(⌈E_A / L⌉, 1) (or E_A / L rounded half up), exact from the decimal exposure.
/// - Adjusted frequency μ_A = p_A·(E_A/L)/ν_A and σ_A scaled by the same factor, so that μ_A·ν_A·L = p_A·E_A.
/// - Sector k: μ_k = Σ θ_Ak μ_A, σ_k = Σ θ_Ak σ_A (0 for the specific sector), ε_k = Σ θ_Ak μ_A ν_A (its expected loss
///   in units of L), and its band intensities λ_kj = Σ_{ν_A = j} θ_Ak μ_A.
///
/// One pass over the obligors and their weights: O(N × sectors per obligor).
struct BandedPortfolio {
    /// One sector's sums.
    struct Sector {
        let name: String
        var isSpecific = false
        var expectedDefaults = 0.0
        var defaultStandardDeviation = 0.0
        var expectedLossUnits = 0.0
        var intensities: [Int: Double] = [:]
        init(name: String) { self.name = name }
    }

    /// The loss unit, exact.
    let lossUnit: ExactDecimal
    /// The loss unit as a model figure.
    let unit: Double
    /// ν_A, in the obligors' order.
    let bands: [Int]
    /// p_A·E_A, in the obligors' order.
    let expectedLosses: [Double]
    /// μ_A, in the obligors' order.
    let adjustedFrequencies: [Double]
    /// The sectors that carry a weight, sorted by name.
    let sectors: [Sector]
    /// The position of each sector in ``sectors``.
    let sectorIndex: [String: Int]

    init(_ obligors: [PortfolioObligor], options: CreditRiskPlusOptions) throws {
        let lossUnit = try BandedPortfolio.lossUnit(obligors, given: options.lossUnit)
        let unit = Double(lossUnit.significand) / PortfolioObligor.powerOfTen(lossUnit.scale)
        let rule: RoundingRule = options.banding == .up ? .ceiling : .halfUp
        var bands: [Int] = [], expectedLosses: [Double] = [], frequencies: [Double] = []
        bands.reserveCapacity(obligors.count)
        expectedLosses.reserveCapacity(obligors.count)
        frequencies.reserveCapacity(obligors.count)
        var sectors: [Sector] = []
        var index: [String: Int] = [:]
        for obligor in obligors {
            let band = try BandedPortfolio.band(obligor, lossUnit: lossUnit, rule: rule,
                                                limit: options.maximumGridPoints)
            let scale = obligor.exposureFigure / unit / Double(band)
            let frequency = obligor.pd * scale
            let deviation = obligor.pdSD * scale
            bands.append(band)
            expectedLosses.append(obligor.pd * obligor.exposureFigure)
            frequencies.append(frequency)
            for (name, weight) in obligor.sectorWeights where weight > 0 {
                let position: Int
                if let known = index[name] {
                    position = known
                } else {
                    position = sectors.count
                    index[name] = position
                    sectors.append(Sector(name: name))
                }
                sectors[position].expectedDefaults += weight * frequency
                sectors[position].defaultStandardDeviation += weight * deviation
                sectors[position].expectedLossUnits += weight * frequency * Double(band)
                sectors[position].intensities[band, default: 0] += weight * frequency
            }
        }
        for position in sectors.indices where sectors[position].name == options.specificSector {
            sectors[position].isSpecific = true
            sectors[position].defaultStandardDeviation = 0
        }
        // Sorted by name: results and the order of summation do not depend on the order of first appearance.
        sectors.sort { $0.name < $1.name }
        self.lossUnit = lossUnit
        self.unit = unit
        self.bands = bands
        self.expectedLosses = expectedLosses
        adjustedFrequencies = frequencies
        self.sectors = sectors
        sectorIndex = Dictionary(uniqueKeysWithValues: sectors.enumerated().map { ($0.element.name, $0.offset) })
    }

    /// The given loss unit, or ⌈max E_A / 100⌉ (1 when every exposure is 0: there is nothing to lose anyway).
    private static func lossUnit(_ obligors: [PortfolioObligor], given: Decimal?) throws -> ExactDecimal {
        if let given {
            do { return try ExactDecimal(given, field: "lossUnit") } catch let error as ModelError {
                throw CreditRiskPlusError(.invalidOption, field: "lossUnit", error.message)
            }
        }
        var largest = ExactDecimal.zero
        for obligor in obligors where ExactDecimal.compare(obligor.exactExposure, largest) > 0 {
            largest = obligor.exactExposure
        }
        let unit = try largest.divided(by: ExactDecimal(significand: 100, scale: 0), scale: 0, rule: .ceiling)
        return unit.isZero ? ExactDecimal(significand: 1, scale: 0) : unit
    }

    /// ν_A = max(E_A / L rounded by `rule`, 1), exactly.
    private static func band(_ obligor: PortfolioObligor, lossUnit: ExactDecimal, rule: RoundingRule,
                             limit: Int) throws -> Int {
        let quotient: ExactDecimal
        do { quotient = try obligor.exactExposure.divided(by: lossUnit, scale: 0, rule: rule) } catch {
            throw CreditRiskPlusError(.gridTooLarge, obligor: obligor.id, field: "exposure",
                                      "too many loss units in one exposure: choose a larger loss unit")
        }
        guard quotient.significand < Int128(limit) else {
            throw CreditRiskPlusError(.gridTooLarge, obligor: obligor.id, field: "exposure",
                                      "\(quotient) loss units exceed the grid's \(limit) points: choose a larger loss unit")
        }
        return max(Int(quotient.significand), 1)
    }
}
