public import Foundation
public import TradeCreditModel

/// A rate on limits per month with a minimum duration: top-up cover (DOMAIN.md §5).
///
/// Premium = limit × annual rate × charged months / 12, rounded once to the currency's minor units, where the
/// charged months are the cover's months, raised to the minimum duration (a shorter cover is charged the minimum).
/// The annual rate is that of refused buyers when the insurer refused the buyer (6% a year) and the ordinary one
/// otherwise (2% a year of the extra limit).
public struct LimitsTariff: Hashable, Sendable, Codable {
    /// Annual rate on the limit (0.02), in [0, 1].
    public let ratePerYear: Decimal
    /// Annual rate on limits of buyers the insurer refused (0.06), in [0, 1].
    public let refusedBuyerRatePerYear: Decimal
    /// The shortest duration charged, in months (3).
    public let minimumMonths: Int
    /// How the premium is rounded to minor units.
    public let rounding: RoundingRule

    /// - Throws: ``TariffError`` `.outOfRange` on a rate outside [0, 1] or negative `minimumMonths`.
    public init(ratePerYear: Decimal, refusedBuyerRatePerYear: Decimal, minimumMonths: Int = 3,
                rounding: RoundingRule = .halfUp) throws {
        try TariffInput.rate(ratePerYear, "ratePerYear")
        try TariffInput.rate(refusedBuyerRatePerYear, "refusedBuyerRatePerYear")
        try TariffInput.nonNegative(minimumMonths, "minimumMonths")
        self.ratePerYear = ratePerYear
        self.refusedBuyerRatePerYear = refusedBuyerRatePerYear
        self.minimumMonths = minimumMonths
        self.rounding = rounding
    }

    /// Top-up cover as DOMAIN.md §5 gives it: 2% a year, 6% for refused buyers, minimum 3 months.
    public static let topUp = try! LimitsTariff(ratePerYear: Decimal(string: "0.02")!,
                                                refusedBuyerRatePerYear: Decimal(string: "0.06")!, minimumMonths: 3)

    /// The tariff of `terms`: `limitRatePerYear` (required), `refusedBuyerLimitRatePerYear` (default: the same
    /// rate), `minimumMonths` (default 3). - Throws: ``TariffError`` `.missingRate`, `.outOfRange`.
    public init(terms: PremiumTerms, rounding: RoundingRule = .halfUp) throws {
        guard let rate = terms.limitRatePerYear else {
            throw TariffError(.missingRate, field: "limitRatePerYear", "the limits basis needs an annual rate on limits")
        }
        try self.init(ratePerYear: rate, refusedBuyerRatePerYear: terms.refusedBuyerLimitRatePerYear ?? rate,
                      minimumMonths: terms.minimumMonths ?? 3, rounding: rounding)
    }

    /// The premium on `limit` for `months` of cover.
    /// - Throws: ``TariffError`` `.outOfRange` on a negative limit or months.
    public func premium(limit: Money, months: Int, refusedBuyer: Bool = false) throws -> LimitsPremium {
        try TariffInput.nonNegative(limit, "limit")
        try TariffInput.nonNegative(months, "months")
        let charged = max(months, minimumMonths)
        let rate = refusedBuyer ? refusedBuyerRatePerYear : ratePerYear
        let (annual, premium) = try TariffInput.exact("limit") {
            let annual = try limit.multiplied(by: rate)
            return (annual, try annual.multiplied(by: Decimal(charged)).divided(by: 12, rule: rounding))
        }
        return LimitsPremium(limit: limit, refusedBuyer: refusedBuyer, ratePerYear: rate, coverMonths: months,
                             chargedMonths: charged, annualPremium: annual, premium: premium)
    }

    /// The premium on `limit` for the cover from `start` to `end`, both included, counted in started months
    /// (``LimitsTariff/startedMonths(from:to:)``).
    /// - Throws: ``TariffError`` `.invalidPeriod` on `end` before `start`, `.outOfRange` on a negative limit.
    public func premium(limit: Money, from start: CalendarDate, to end: CalendarDate,
                        refusedBuyer: Bool = false) throws -> LimitsPremium {
        try premium(limit: limit, months: try LimitsTariff.startedMonths(from: start, to: end), refusedBuyer: refusedBuyer)
    }

    /// Months of cover from `start` to `end` (both included), every started month counting whole.
    ///
    /// Month k runs from `start` + (k − 1) months to the day before `start` + k months (`CalendarDate.adding(months:)`,
    /// which clamps to the month's last day): 15 Jan–14 Feb is 1 month, 15 Jan–15 Feb is 2, a single day is 1.
    /// - Throws: ``TariffError`` `.invalidPeriod` on `end` before `start`.
    public static func startedMonths(from start: CalendarDate, to end: CalendarDate) throws -> Int {
        guard end >= start else {
            throw TariffError(.invalidPeriod, field: "end", value: "\(start)…\(end)", "the cover ends before it starts")
        }
        // A first guess from the calendar months, then corrected by comparing with the clamped month boundaries.
        var months = max((end.year - start.year) * 12 + (end.month - start.month), 0)
        while months > 0, (try? start.adding(months: months)).map({ $0 > end }) ?? true { months -= 1 }
        while (try? start.adding(months: months)).map({ $0 <= end }) ?? false { months += 1 }
        return months
    }
}

/// The breakdown of a premium on limits.
public struct LimitsPremium: Hashable, Sendable, Codable {
    /// The limit (extra limit for top-up cover) the premium is based on.
    public let limit: Money
    /// Whether the refused-buyer rate applied.
    public let refusedBuyer: Bool
    /// The annual rate applied.
    public let ratePerYear: Decimal
    /// Months of cover asked for.
    public let coverMonths: Int
    /// Months charged: the cover's months, or the minimum when that is larger.
    public let chargedMonths: Int
    /// limit × annual rate, exact.
    public let annualPremium: Money
    /// annual premium × charged months / 12, rounded once.
    public let premium: Money

    /// Whether the minimum duration is what is charged.
    public var isMinimumBinding: Bool { chargedMonths > coverMonths }
}
