public import Foundation
public import TradeCreditModel

/// Per invoice, in basis points per day of cover (DOMAIN.md §5).
///
/// Premium = invoice amount × basis points per day × cover days / 10,000, rounded once to the currency's minor units.
/// The cover days are given, or counted from the delivery date to the due date (due − delivery, in days).
public struct PerInvoiceTariff: Hashable, Sendable, Codable {
    /// Basis points per day of cover (1 bp = 0.01%), in [0, 10,000] (a daily rate in [0, 1]).
    public let basisPointsPerDay: Decimal
    /// How the premium is rounded to minor units.
    public let rounding: RoundingRule

    /// - Throws: ``TariffError`` `.outOfRange` on a daily rate outside [0, 10,000] bp.
    public init(basisPointsPerDay: Decimal, rounding: RoundingRule = .halfUp) throws {
        guard !basisPointsPerDay.isNaN, basisPointsPerDay >= 0, basisPointsPerDay <= 10_000 else {
            throw TariffError(.outOfRange, field: "basisPointsPerDay", value: "\(basisPointsPerDay)",
                              "a daily rate must lie in [0, 10,000] basis points")
        }
        self.basisPointsPerDay = basisPointsPerDay
        self.rounding = rounding
    }

    /// The tariff of `terms` (its `basisPointsPerDay`). - Throws: ``TariffError`` `.missingRate`, `.outOfRange`.
    public init(terms: PremiumTerms, rounding: RoundingRule = .halfUp) throws {
        guard let rate = terms.basisPointsPerDay else {
            throw TariffError(.missingRate, field: "basisPointsPerDay", "the per-invoice basis needs a daily rate")
        }
        try self.init(basisPointsPerDay: rate, rounding: rounding)
    }

    /// The premium on `invoiceAmount` for `coverDays` days.
    /// - Throws: ``TariffError`` `.outOfRange` on a negative amount or days.
    public func premium(invoiceAmount: Money, coverDays: Int) throws -> PerInvoicePremium {
        try TariffInput.nonNegative(invoiceAmount, "invoiceAmount")
        try TariffInput.nonNegative(coverDays, "coverDays")
        let (exact, premium) = try TariffInput.exact("invoiceAmount") {
            let exact = try invoiceAmount.multiplied(by: basisPointsPerDay * Decimal(coverDays))
                .multiplied(by: Decimal(sign: .plus, exponent: -4, significand: 1))
            return (exact, exact.rounded(rounding))
        }
        return PerInvoicePremium(invoiceAmount: invoiceAmount, basisPointsPerDay: basisPointsPerDay,
                                 coverDays: coverDays, exactPremium: exact, premium: premium)
    }

    /// The premium on `invoiceAmount` covered from `deliveryDate` to `dueDate`.
    /// - Throws: ``TariffError`` `.invalidPeriod` on a due date before the delivery.
    public func premium(invoiceAmount: Money, deliveryDate: CalendarDate, dueDate: CalendarDate) throws -> PerInvoicePremium {
        guard dueDate >= deliveryDate else {
            throw TariffError(.invalidPeriod, field: "dueDate", value: "\(deliveryDate)…\(dueDate)",
                              "the due date is before the delivery")
        }
        return try premium(invoiceAmount: invoiceAmount, coverDays: dueDate.days(since: deliveryDate))
    }
}

/// The breakdown of a per-invoice premium.
public struct PerInvoicePremium: Hashable, Sendable, Codable {
    /// The invoice amount covered.
    public let invoiceAmount: Money
    /// The daily rate, in basis points.
    public let basisPointsPerDay: Decimal
    /// Days of cover.
    public let coverDays: Int
    /// amount × bp × days / 10,000, exact.
    public let exactPremium: Money
    /// The exact premium rounded once.
    public let premium: Money
}
