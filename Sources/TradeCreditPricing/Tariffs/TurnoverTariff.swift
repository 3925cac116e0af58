public import Foundation
public import TradeCreditModel

/// A rate on insured turnover: an advance premium on the forecast turnover, adjusted once the insured turnover of
/// the period is declared (DOMAIN.md §5).
///
/// - Premium for a turnover `T`: `max(rate × T, minimum premium)`, rounded once to the currency's minor units.
/// - Advance premium: that premium on the forecast turnover.
/// - Adjustment at the declaration: premium on the declared turnover − advance premium already charged. It is
///   negative (a refund) when less was declared than forecast; because both premiums are floored at the minimum,
///   a refund never takes the total paid for the period below the minimum premium.
public struct TurnoverTariff: Hashable, Sendable, Codable {
    /// Rate on insured turnover (0.0015 for 0.15%), in [0, 1].
    public let rate: Decimal
    /// The premium of a period is never below this; `nil`: no minimum.
    public let minimumPremium: Money?
    /// How the premium is rounded to minor units.
    public let rounding: RoundingRule

    /// - Throws: ``TariffError`` `.outOfRange` on `rate` outside [0, 1] or a negative `minimumPremium`.
    public init(rate: Decimal, minimumPremium: Money? = nil, rounding: RoundingRule = .halfUp) throws {
        try TariffInput.rate(rate, "rate")
        if let minimumPremium { try TariffInput.nonNegative(minimumPremium, "minimumPremium") }
        self.rate = rate
        self.minimumPremium = minimumPremium
        self.rounding = rounding
    }

    /// The tariff of `terms` (its `turnoverRate`). - Throws: ``TariffError`` `.missingRate` when it is not given.
    public init(terms: PremiumTerms, minimumPremium: Money? = nil, rounding: RoundingRule = .halfUp) throws {
        guard let rate = terms.turnoverRate else {
            throw TariffError(.missingRate, field: "turnoverRate", "the turnover basis needs a rate on turnover")
        }
        try self.init(rate: rate, minimumPremium: minimumPremium, rounding: rounding)
    }

    /// The premium on an insured turnover (forecast or declared).
    /// - Throws: ``TariffError`` `.outOfRange` on a negative turnover, `.currencyMismatch` against the minimum.
    public func premium(turnover: Money, field: String = "turnover") throws -> TurnoverPremium {
        try TariffInput.nonNegative(turnover, field)
        if let minimumPremium { try TariffInput.sameCurrency(turnover, minimumPremium, "minimumPremium") }
        let exact = try TariffInput.exact(field) { try turnover.multiplied(by: rate) }
        let rated = exact.rounded(rounding)
        let premium = try minimumPremium.map { try Money.max(rated, $0) } ?? rated
        return TurnoverPremium(turnover: turnover, rate: rate, exactPremium: exact, ratedPremium: rated,
                               minimumPremium: minimumPremium, premium: premium)
    }

    /// The advance premium on the forecast turnover of the period.
    public func advancePremium(forecastTurnover: Money) throws -> TurnoverPremium {
        try premium(turnover: forecastTurnover, field: "forecastTurnover")
    }

    /// The adjustment at the declaration: final premium on `declaredTurnover` − `advancePremium` already charged.
    /// - Throws: ``TariffError`` `.outOfRange` on a negative turnover or advance, `.currencyMismatch`.
    public func adjustment(declaredTurnover: Money, advancePremium: Money) throws -> TurnoverAdjustment {
        try TariffInput.nonNegative(advancePremium, "advancePremium")
        try TariffInput.sameCurrency(declaredTurnover, advancePremium, "advancePremium")
        let final = try premium(turnover: declaredTurnover, field: "declaredTurnover")
        let adjustment = try TariffInput.exact("advancePremium") { try final.premium - advancePremium }
        return TurnoverAdjustment(final: final, advancePremium: advancePremium, adjustment: adjustment)
    }
}

/// The breakdown of a premium on turnover.
public struct TurnoverPremium: Hashable, Sendable, Codable {
    /// The insured turnover the premium is based on.
    public let turnover: Money
    /// The rate applied.
    public let rate: Decimal
    /// rate × turnover, exact.
    public let exactPremium: Money
    /// rate × turnover, rounded once to minor units.
    public let ratedPremium: Money
    /// The minimum premium applied, if any.
    public let minimumPremium: Money?
    /// The premium: the rounded rated premium, or the minimum when that is larger.
    public let premium: Money

    /// Whether the minimum premium is what is charged.
    public var isMinimumBinding: Bool { premium != ratedPremium }
}

/// The breakdown of the adjustment at the declaration of turnover.
public struct TurnoverAdjustment: Hashable, Sendable, Codable {
    /// The premium on the declared turnover.
    public let final: TurnoverPremium
    /// The advance premium already charged.
    public let advancePremium: Money
    /// final − advance: positive is due from the policyholder, negative is refunded.
    public let adjustment: Money

    /// Whether the adjustment is a refund.
    public var isRefund: Bool { adjustment.isNegative }
}
