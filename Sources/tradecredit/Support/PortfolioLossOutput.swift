import Foundation
import TradeCredit

/// The output of `portfolio-loss`: the JSON document of Documentation/CLI.md and its readable table.
///
/// Amounts are the engine's model figures rounded half up to whole currency units, as JSON numbers; the probability of
/// no loss is rounded to 6 decimals; the loss unit is exact. Quantiles, shortfalls and contributions are keyed by the
/// level (its shortest decimal form, `"0.99"`) and the obligor id.
struct PortfolioLossOutput: Encodable {
    let result: CreditRiskPlusResult

    private enum CodingKeys: String, CodingKey {
        case expectedLoss, standardDeviation, lossUnit, probabilityOfNoLoss, quantiles, expectedShortfall,
             contributionLevel, riskContributions
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.units(result.expectedLoss), forKey: .expectedLoss)
        try container.encode(Self.units(result.standardDeviation), forKey: .standardDeviation)
        try container.encode(result.lossUnit, forKey: .lossUnit)
        try container.encode((result.probabilityOfNoLoss * 1e6).rounded() / 1e6, forKey: .probabilityOfNoLoss)
        try container.encode(Dictionary(uniqueKeysWithValues: result.quantiles.map { ("\($0.level)", Self.units($0.valueAtRisk)) }),
                             forKey: .quantiles)
        try container.encode(Dictionary(uniqueKeysWithValues: result.quantiles.map {
            ("\($0.level)", Self.units($0.expectedShortfall))
        }), forKey: .expectedShortfall)
        try container.encode(result.contributionLevel, forKey: .contributionLevel)
        try container.encode(Dictionary(uniqueKeysWithValues: result.riskContributions.map {
            ($0.obligor, Self.units($0.contribution))
        }), forKey: .riskContributions)
    }

    /// A model figure rounded half up to whole units.
    static func units(_ figure: Double) -> Int64 { Int64(figure.rounded(.toNearestOrAwayFromZero)) }

    /// `14,221,863`: whole units grouped by thousands.
    static func grouped(_ figure: Double) -> String {
        let value = units(figure)
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(Substring(digits), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// The figures, then a table of quantiles and one of risk contributions.
    var text: String {
        let sectors = result.sectors.count
        var summary = TextTable([("CreditRisk+ portfolio loss", .left), ("", .right)])
        summary.append(["Obligors", "\(result.riskContributions.count)"])
        summary.append(["Sectors", "\(sectors)" + (result.sectors.contains { $0.isSpecific } ? " (1 specific)" : "")])
        // A whole loss unit is grouped like the amounts; a fractional one (given by the user) is shown as given.
        let unit = NSDecimalNumber(decimal: result.lossUnit)
        summary.append(["Loss unit", unit == NSDecimalNumber(value: unit.int64Value) ? Self.grouped(unit.doubleValue)
                                                                                    : "\(result.lossUnit)"])
        summary.append(["Expected loss", Self.grouped(result.expectedLoss)])
        summary.append(["Standard deviation", Self.grouped(result.standardDeviation)])
        summary.append(["P(loss = 0)", String(format: "%.6f", result.probabilityOfNoLoss)])
        var quantiles = TextTable([("Level", .left), ("Value at risk", .right), ("Expected shortfall", .right)])
        for figure in result.quantiles {
            quantiles.append(["\(figure.level)", Self.grouped(figure.valueAtRisk), Self.grouped(figure.expectedShortfall)])
        }
        var contributions = TextTable([("Obligor", .left), ("Band", .right), ("Expected loss", .right),
                                       ("Risk contribution \(result.contributionLevel)", .right)])
        for contribution in result.riskContributions {
            contributions.append([contribution.obligor, "\(contribution.band)", Self.grouped(contribution.expectedLoss),
                                  Self.grouped(contribution.contribution)])
        }
        return [summary.render(), quantiles.render(), contributions.render()].joined(separator: "\n\n")
    }
}
