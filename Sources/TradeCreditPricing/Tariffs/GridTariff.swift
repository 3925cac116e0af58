public import Foundation
public import TradeCreditModel

/// One cell of a ``GridTariff``: a key and its rate.
public struct GridCell: Hashable, Sendable, Codable {
    /// Policy type × risk class × months × percentage of cover.
    public let key: GridKey
    /// The rate on the contract value (0.0084 for 0.84%), in [0, 1].
    public let rate: Decimal

    /// - Throws: ``TariffError`` `.outOfRange` on a rate or percentage outside [0, 1], or months below 1.
    public init(key: GridKey, rate: Decimal) throws {
        try TariffInput.rate(rate, "rate[\(key)]")
        try TariffInput.rate(key.insuredPercentage, "insuredPercentage[\(key)]")
        guard key.months >= 1 else {
            throw TariffError(.outOfRange, field: "months[\(key)]", value: "\(key.months)", "must be at least 1")
        }
        self.key = key
        self.rate = rate
    }

    private enum CodingKeys: String, CodingKey { case policyType, riskClass, months, insuredPercentage, rate }

    /// Flat JSON: `{"policyType":"singleContract","riskClass":"standard","months":2,"insuredPercentage":"0.90",
    /// "rate":"0.0084"}`; numbers may also be JSON numbers, but strings keep them exact.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let key = GridKey(policyType: try container.decode(String.self, forKey: .policyType),
                          riskClass: try container.decode(String.self, forKey: .riskClass),
                          months: try container.decode(Int.self, forKey: .months),
                          insuredPercentage: try GridCell.decimal(container, .insuredPercentage))
        try self.init(key: key, rate: try GridCell.decimal(container, .rate))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key.policyType, forKey: .policyType)
        try container.encode(key.riskClass, forKey: .riskClass)
        try container.encode(key.months, forKey: .months)
        try container.encode("\(key.insuredPercentage)", forKey: .insuredPercentage)
        try container.encode("\(rate)", forKey: .rate)
    }

    /// A decimal written as a string (exact) or a JSON number.
    private static func decimal(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Decimal {
        if let text = try? container.decode(String.self, forKey: key) {
            do {
                return try ExactDecimal.parse(Substring(text), field: key.stringValue).decimalValue
            } catch {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a decimal: \(text)")
            }
        }
        return try container.decode(Decimal.self, forKey: key)
    }
}

/// A grid tariff: a rate by policy type × risk class × months × percentage of cover, from data (DOMAIN.md §5).
///
/// Cost = rate × contract value, rounded once to the currency's minor units (2 decimals for EUR); the insured amount
/// is the contract value × the insured percentage, rounded the same way. A key without a cell is an error naming
/// the key; the grid never interpolates. Loadable from JSON: `{"cells":[…]}` (see ``GridCell``); a grid with the
/// same key twice is refused, on decoding as on creation.
public struct GridTariff: Hashable, Sendable, Codable {
    /// The cells, in the order given.
    public let cells: [GridCell]
    /// How amounts are rounded to minor units.
    public let rounding: RoundingRule
    private let index: [GridKey: Decimal]

    /// - Throws: ``TariffError`` `.duplicateCell` naming the first key given twice.
    public init(cells: [GridCell], rounding: RoundingRule = .halfUp) throws {
        var index: [GridKey: Decimal] = [:]
        for cell in cells {
            guard index.updateValue(cell.rate, forKey: cell.key) == nil else {
                throw TariffError(.duplicateCell, field: cell.key.description, "the grid has this key twice")
            }
        }
        self.cells = cells
        self.rounding = rounding
        self.index = index
    }

    private enum CodingKeys: String, CodingKey { case cells, rounding }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(cells: try container.decode([GridCell].self, forKey: .cells),
                      rounding: try container.decodeIfPresent(RoundingRule.self, forKey: .rounding) ?? .halfUp)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cells, forKey: .cells)
        try container.encode(rounding, forKey: .rounding)
    }

    /// The grid in JSON `data`. - Throws: ``TariffError`` for invalid or duplicate cells, `DecodingError` otherwise.
    public init(json data: Data) throws {
        self = try JSONDecoder().decode(GridTariff.self, from: data)
    }

    /// The rate of `key`. - Throws: ``TariffError`` `.missingCell` naming the key.
    public func rate(for key: GridKey) throws -> Decimal {
        guard let rate = index[key] else {
            throw TariffError(.missingCell, field: key.description, "the grid has no rate for this key")
        }
        return rate
    }

    /// The cost of covering `contractValue` under `key`.
    /// - Throws: ``TariffError`` `.missingCell`, `.outOfRange` on a negative contract value.
    public func premium(for key: GridKey, contractValue: Money) throws -> GridPremium {
        try TariffInput.nonNegative(contractValue, "contractValue")
        let rate = try rate(for: key)
        let (exact, insured) = try TariffInput.exact("contractValue") {
            (try contractValue.multiplied(by: rate), try contractValue.multiplied(by: key.insuredPercentage))
        }
        return GridPremium(key: key, rate: rate, contractValue: contractValue, exactPremium: exact,
                           premium: exact.rounded(rounding), insuredAmount: insured.rounded(rounding))
    }
}

/// The breakdown of a grid premium.
public struct GridPremium: Hashable, Sendable, Codable {
    /// The cell looked up.
    public let key: GridKey
    /// Its rate.
    public let rate: Decimal
    /// The contract value.
    public let contractValue: Money
    /// rate × contract value, exact.
    public let exactPremium: Money
    /// The exact premium rounded once to minor units.
    public let premium: Money
    /// contract value × insured percentage, rounded once.
    public let insuredAmount: Money
}
