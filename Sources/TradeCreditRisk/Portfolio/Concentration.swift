public import Foundation
public import TradeCreditModel

/// How concentrated a set of exposures is: the Herfindahl-Hirschman index, the effective number of names and the
/// share of the largest N, over any grouping (buyers, buyer groups, countries, sectors).
///
/// Built from `(key, amount)` pairs in one currency; several pairs with one key are added up first, so the same
/// type measures concentration per buyer from a list of limits or per country from a list of buyers.
///
/// - Totals are exact (`Money`). Shares are `Decimal`, amount ÷ total rounded once, half-up, to ``shareScale``
///   (10) decimals; a top-N share divides the exact sum of the N largest amounts, so it is not a sum of rounded
///   shares.
/// - The HHI Σ sᵢ² is a `Double`, computed as Σ aᵢ² / (Σ aᵢ)² from the amounts converted to `Double` (relative error
///   about 1e-15): it is an index, not an amount. It lies in [1/n, 1] for n keys with positive amounts; the effective
///   number 1/HHI is the number of equal exposures that would be as concentrated.
/// - Keys are ranked by amount, largest first; equal amounts keep the order in which their keys first appeared.
public struct Concentration<Key: Hashable & Sendable>: Sendable {
    /// One key's part of the total.
    public struct Share: Sendable {
        /// The key.
        public let key: Key
        /// The key's total amount.
        public let amount: Money
        /// amount ÷ total, rounded half-up to ``Concentration/shareScale`` decimals.
        public let share: Decimal
    }

    /// Decimals kept in a share.
    public static var shareScale: Int { 10 }
    /// The N of the top-N shares reported by default: the largest exposure and the five largest.
    public static var defaultTopCounts: [Int] { [1, 5] }

    /// The currency of every amount.
    public let currency: CurrencyCode
    /// The exact total.
    public let total: Money
    /// Every key with its amount and share, largest first.
    public let ranked: [Share]
    /// The Herfindahl-Hirschman index Σ share², in (0, 1].
    public let herfindahlIndex: Double

    /// The effective number of exposures, 1 / HHI.
    public var effectiveNumber: Double { 1 / herfindahlIndex }

    /// Measures `exposures`.
    /// - Throws: ``RiskMeasureError`` `.currencyMismatch` naming the key whose amount is not in the first amount's
    ///   currency; `.outOfRange` naming the key of a negative amount; `.noExposure` for an empty list or a zero total.
    public init(_ exposures: some Sequence<(key: Key, amount: Money)>) throws {
        var order: [Key] = []
        var totals: [Key: Money] = [:]
        var currency: CurrencyCode?
        for (key, amount) in exposures {
            let field = "exposures[\(key)]"
            try RiskMeasureError.requireCurrency(amount, currency ?? amount.currency, field: field)
            try RiskMeasureError.requireNotNegative(amount, field: field)
            currency = amount.currency
            if let sum = totals[key] {
                totals[key] = try sum + amount
            } else {
                order.append(key)
                totals[key] = amount
            }
        }
        guard let currency else {
            throw RiskMeasureError(.noExposure, field: "exposures", "nothing to measure: the list is empty")
        }
        let total = try Money.sum(order.map { totals[$0]! }, currency: currency)
        guard total.isPositive else {
            throw RiskMeasureError(.noExposure, field: "exposures", value: total.description,
                                   "nothing to measure: every amount is zero")
        }
        let rankedKeys = order.enumerated().sorted { lhs, rhs in
            let comparison = ExactDecimal.compare(totals[lhs.element]!.value, totals[rhs.element]!.value)
            return comparison != 0 ? comparison > 0 : lhs.offset < rhs.offset
        }.map(\.element)
        self.currency = currency
        self.total = total
        self.ranked = try rankedKeys.map { key in
            Share(key: key, amount: totals[key]!, share: try Self.ratio(totals[key]!, total))
        }
        let totalUnits = Self.double(total)
        herfindahlIndex = ranked.reduce(0.0) { sum, share in
            let part = Self.double(share.amount) / totalUnits
            return sum + part * part
        }
    }

    /// The share of the `count` largest exposures (all of them when there are fewer).
    /// - Throws: ``RiskMeasureError`` `.outOfRange` (field `count`) when `count` is below 1.
    public func topShare(_ count: Int) throws -> Decimal {
        guard count >= 1 else {
            throw RiskMeasureError(.outOfRange, field: "count", value: String(count), "a top-N share needs N ≥ 1")
        }
        return try Self.ratio(Money.sum(ranked.prefix(count).map(\.amount), currency: currency), total)
    }

    /// The top-N shares for each N of `counts` (by default the largest exposure and the five largest), in order.
    /// - Throws: as ``topShare(_:)``.
    public func topShares(_ counts: [Int] = defaultTopCounts) throws -> [(count: Int, share: Decimal)] {
        try counts.map { ($0, try topShare($0)) }
    }

    private static func ratio(_ part: Money, _ whole: Money) throws -> Decimal {
        try part.value.divided(by: whole.value, scale: shareScale, rule: .halfUp).decimalValue
    }

    private static func double(_ amount: Money) -> Double {
        Double(amount.value.significand) / pow(10, Double(amount.value.scale))
    }
}
