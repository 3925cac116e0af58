public import Foundation
import TradeCreditModel

/// The key of a grid cell: policy type × risk class × months × percentage of cover.
public struct GridKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The policy type, as the grid names it (`"singleContract"`).
    public let policyType: String
    /// The risk class, as the grid names it (`"standard"`).
    public let riskClass: String
    /// Months of cover.
    public let months: Int
    /// Insured percentage as a fraction (0.90 for 90%), as in `PolicyTerms`.
    public let insuredPercentage: Decimal

    /// A key; not validated here (a grid validates its cells, a lookup of an invalid key finds no cell).
    public init(policyType: String, riskClass: String, months: Int, insuredPercentage: Decimal) {
        self.policyType = policyType
        self.riskClass = riskClass
        self.months = months
        self.insuredPercentage = insuredPercentage
    }

    /// `singleContract/standard/2 months/0.9`, with the percentage in its shortest exact form, so that 0.9 and 0.90
    /// name the same cell.
    public var description: String {
        "\(policyType)/\(riskClass)/\(months) months/\(GridKey.canonical(insuredPercentage))"
    }

    /// The value without trailing zeros (`0.90` → `0.9`).
    static func canonical(_ value: Decimal) -> String {
        (try? ExactDecimal(value).trimmed().plainText) ?? "\(value)"
    }

    /// Equal for equal values: `0.9` and `0.90` are the same key.
    public static func == (lhs: GridKey, rhs: GridKey) -> Bool { lhs.description == rhs.description }

    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
