internal import Foundation
public import TradeCreditModel

/// An Altman score computed from a buyer's statements: its ratios, value and zone (DOMAIN.md §3 step 3).
public struct AltmanScore: Hashable, Sendable, Codable {
    /// Z'' or Z.
    public let model: AltmanModel
    /// The statements' date.
    public let date: CalendarDate
    /// Working capital / total assets.
    public let x1: Double
    /// Retained earnings / total assets.
    public let x2: Double
    /// EBIT / total assets.
    public let x3: Double
    /// Book equity (Z'') or market equity (Z) / total liabilities.
    public let x4: Double
    /// Sales / total assets (Z only).
    public let x5: Double?
    /// The score.
    public let value: Double
    /// The zone of the score.
    public let zone: AltmanZone

    /// Computes the score the statements' model names. The ratios are exact decimal quotients turned into `Double`
    /// (a ratio is not money).
    public init(_ statements: FinancialStatements) throws {
        func ratio(_ numerator: Money, _ denominator: Money) -> Double {
            Self.double(numerator.amount / denominator.amount)
        }
        model = statements.model
        date = statements.date
        x1 = ratio(statements.workingCapital, statements.totalAssets)
        x2 = ratio(statements.retainedEarnings, statements.totalAssets)
        x3 = ratio(statements.ebit, statements.totalAssets)
        switch statements.model {
        case .zDoublePrime:
            x4 = ratio(statements.bookEquity, statements.totalLiabilities)
            x5 = nil
            value = 6.56 * x1 + 3.26 * x2 + 6.72 * x3 + 1.05 * x4
        case .zOriginal:
            // The initialiser of the statements guarantees both for this model.
            guard let marketEquity = statements.marketEquity, let sales = statements.sales else {
                throw UnderwritingError(.missingValue, field: "marketEquity", "the original Z reads market equity and sales")
            }
            x4 = ratio(marketEquity, statements.totalLiabilities)
            x5 = ratio(sales, statements.totalAssets)
            value = 1.2 * x1 + 1.4 * x2 + 3.3 * x3 + 0.6 * x4 + 1.0 * (x5 ?? 0)
        }
        zone = statements.model.zone(for: value)
    }

    /// The nearest `Double` of a decimal, through its text (the same on every platform).
    private static func double(_ decimal: Decimal) -> Double { Double(decimal.description) ?? .nan }
}
