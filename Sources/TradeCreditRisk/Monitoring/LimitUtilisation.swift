public import Foundation
public import TradeCreditModel

/// How much of a limit a seller uses: outstanding ÷ limit (DOMAIN.md §8).
///
/// The utilisation is a `Decimal` rounded once, half-up, to ``scale`` (6) decimals; it is above 1 when the seller's
/// outstanding exceeds the limit, and the part above the limit (``excess``) is not insured.
public struct LimitUtilisation: Hashable, Sendable {
    /// Decimals kept in ``utilisation``.
    public static var scale: Int { 6 }

    /// The limit.
    public let limit: InsuredLimit
    /// What the buyer owes the policyholder.
    public let outstanding: Money
    /// outstanding ÷ limit amount; `nil` for a zero limit (a withdrawal), where it is undefined.
    public let utilisation: Decimal?
    /// The outstanding above the limit (zero when within it): the uninsured part.
    public let excess: Money

    /// - Throws: ``RiskMeasureError`` `.currencyMismatch` (field `outstanding`) when the outstanding is not in the
    ///   limit's currency; `.outOfRange` for a negative outstanding.
    public init(limit: InsuredLimit, outstanding: Money) throws {
        let amount = limit.limit.amount
        try RiskMeasureError.requireCurrency(outstanding, amount.currency, field: "outstanding")
        try RiskMeasureError.requireNotNegative(outstanding, field: "outstanding")
        self.limit = limit
        self.outstanding = outstanding
        self.utilisation = amount.isZero ? nil
            : try outstanding.value.divided(by: amount.value, scale: Self.scale, rule: .halfUp).decimalValue
        self.excess = try Money.max(try outstanding - amount, .zero(amount.currency))
    }

    /// Whether the outstanding is above the limit.
    public var isOverLimit: Bool { excess.isPositive }

    /// min(outstanding, limit): the insured part of the outstanding.
    public var insuredOutstanding: Money { (try? outstanding - excess) ?? outstanding }
}
