import Foundation
public import TradeCreditModel
public import TradeCreditRisk

/// The illustrative prior PD of a buyer no bureau rates, by OECD country risk category × NACE section (DOMAIN.md §8).
///
/// A prior is a starting point for a seller's diagnosis, never a rating: every output that uses one flags it, and no
/// limit decision reads it. The cell for category c and section s is
/// `logistic(logit(basePD) + country(c) + sector(s))`, the log-odds shifts being the risk engine's illustrative
/// adjustment tables (`AdjustmentTables.illustrative` of TradeCreditRisk), so that a prior moves with country and sector exactly as a
/// rated buyer's PD does. Defaults (illustrative, not calibrated on any published default study):
/// - base PD 1.5 % (category 0, a sector without a shift): the order of magnitude of yearly business failure rates
///   of small firms in western Europe;
/// - a country without a known category gets the shift of category 4 (the middle of the scale);
/// - a buyer without a sector gets no sector shift.
public struct PriorPDTable: Hashable, Sendable, Codable {
    /// The version recorded in every output that uses the table.
    public var version: String
    /// The PD of a buyer in a category-0 country and a sector without a shift, in (0, 1).
    public var basePD: Double
    /// Log-odds added by OECD category 0…7.
    public var countryCategory: BandTable
    /// Log-odds added when the buyer's country has no known category.
    public var unknownCategoryLogOdds: Double
    /// Log-odds added by NACE section.
    public var sector: SectorTable

    /// Creates a table.
    /// - Throws: ``DiagnosisError`` `.outOfRange` for a base PD outside (0, 1) or a non-finite shift.
    public init(version: String, basePD: Double, countryCategory: BandTable, unknownCategoryLogOdds: Double,
                sector: SectorTable) throws {
        guard basePD.isFinite, basePD > 0, basePD < 1 else {
            throw DiagnosisError(.outOfRange, field: "priorPD.basePD", value: "\(basePD)", "a base PD is within (0, 1)")
        }
        guard unknownCategoryLogOdds.isFinite else {
            throw DiagnosisError(.outOfRange, field: "priorPD.unknownCategoryLogOdds", "must be a finite number")
        }
        self.version = version
        self.basePD = basePD
        self.countryCategory = countryCategory
        self.unknownCategoryLogOdds = unknownCategoryLogOdds
        self.sector = sector
    }

    /// Decodes a table and validates it as the throwing initialiser does.
    public init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case version, basePD, countryCategory, unknownCategoryLogOdds, sector }
        let container = try decoder.container(keyedBy: Keys.self)
        try self.init(version: container.decode(String.self, forKey: .version),
                      basePD: container.decode(Double.self, forKey: .basePD),
                      countryCategory: container.decode(BandTable.self, forKey: .countryCategory),
                      unknownCategoryLogOdds: container.decode(Double.self, forKey: .unknownCategoryLogOdds),
                      sector: container.decode(SectorTable.self, forKey: .sector))
    }

    /// The illustrative table described above.
    public static let illustrative = try! PriorPDTable(
        version: "prior-illustrative-1", basePD: 0.015,
        countryCategory: AdjustmentTables.illustrative.countryCategory,
        unknownCategoryLogOdds: AdjustmentTables.illustrative.countryCategory.value(at: 4),
        sector: AdjustmentTables.illustrative.sector)

    /// The prior PD of a buyer in a country of `category` (`nil`: unknown) and of `sector` (`nil`: unknown).
    public func pd(category: Int?, sector code: NACECode?) -> Double {
        let country = category.map { countryCategory.value(at: Double($0)) } ?? unknownCategoryLogOdds
        let sectorShift = code.map { sector.logOdds(for: $0) } ?? 0
        let logOdds = log(basePD / (1 - basePD)) + country + sectorShift
        return 1 / (1 + exp(-logOdds))
    }
}
