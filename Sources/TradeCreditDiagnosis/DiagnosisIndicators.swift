public import Foundation
public import TradeCreditModel

/// The size class of EU recommendation 2003/361/EC (art. 2), judged on headcount and turnover only.
public enum SizeClass: String, Hashable, Sendable, Codable {
    /// An SME: fewer than 250 employees and turnover at most 50 M EUR (both known).
    case sme
    /// Not an SME: 250 employees or more, or turnover above 50 M EUR.
    case large
    /// Not enough data: a size not known and the other within the SME limits.
    case unknown
}

/// Where an export goes, by OECD country risk category: `0`…`7`, or `nil` for a country without a category.
public struct CountryRiskBucket: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The category, `nil` when unknown.
    public let category: Int?
    /// Creates a bucket.
    public init(category: Int?) { self.category = category }
    /// `"0"`…`"7"` or `"unknown"`.
    public var description: String { category.map(String.init) ?? "unknown" }
    /// Categories in order, unknown last.
    public static func < (lhs: CountryRiskBucket, rhs: CountryRiskBucket) -> Bool {
        (lhs.category ?? 8) < (rhs.category ?? 8)
    }
}

/// The indicators behind the five profiles, all amounts in the seller's reporting currency.
///
/// Shares are `Decimal` fractions of total sales (0…1), computed with Foundation's decimal division (38 significant
/// digits, exact whenever the quotient terminates). The HHI is a `Double`: a sum of squared shares, only compared
/// and shown.
public struct DiagnosisIndicators: Hashable, Sendable, Encodable {
    /// Σ invoice amounts, converted to the reporting currency at each invoice date.
    public let totalSales: Money
    /// Share of sales to buyers that are not individuals (business, public body, institution).
    public let b2bShare: Decimal
    /// Σ amountᵢ × termsᵢ / Σ amountᵢ, terms = due date − invoice date, in days.
    public let weightedTermsDays: Decimal
    /// Σ amountᵢ × dbtᵢ / Σ amountᵢ over measurable invoices (paid, or unpaid and overdue on the evaluation date);
    /// `nil` when none is measurable.
    public let weightedDaysBeyondTerms: Decimal?
    /// How many invoices entered ``weightedDaysBeyondTerms``.
    public let measuredInvoiceCount: Int
    /// Payments without an invoice allocation, which no days-beyond-terms figure uses.
    public let unallocatedPaymentCount: Int
    /// Share of sales of the largest buyer.
    public let top1Share: Decimal
    /// Share of sales of the five largest buyers together.
    public let top5Share: Decimal
    /// Herfindahl–Hirschman index of sales by buyer, Σ sᵢ², in 0…1.
    public let herfindahl: Double
    /// Share of sales to buyers in cyclical sectors.
    public let cyclicalShare: Decimal
    /// Share of sales to buyers without a known sector.
    public let unknownSectorShare: Decimal
    /// Whether the seller's own sector is cyclical.
    public let sellerSectorCyclical: Bool
    /// Whole years since incorporation on the evaluation date.
    public let ageYears: Int
    /// SME or not.
    public let sizeClass: SizeClass
    /// The annual turnover in EUR used for the size class, when given.
    public let turnoverEUR: Money?
    /// Share of sales to buyers outside the seller's country.
    public let exportShare: Decimal
    /// Share of total sales exported to each OECD country risk category (domestic sales excluded).
    public let exportShareByCategory: [CountryRiskBucket: Decimal]
    /// Share of total sales invoiced in each currency.
    public let shareByCurrency: [CurrencyCode: Decimal]
    /// Share of total sales invoiced in currencies other than the reporting currency.
    public let foreignCurrencyShare: Decimal
    /// Every conversion made (invoice amounts and turnover), with its rates' source and publication date.
    public let conversions: [CurrencyConversion]
}

extension DiagnosisIndicators {
    private enum CodingKeys: String, CodingKey {
        case totalSales, b2bShare, weightedTermsDays, weightedDaysBeyondTerms, measuredInvoiceCount,
             unallocatedPaymentCount, top1Share, top5Share, herfindahl, cyclicalShare, unknownSectorShare,
             sellerSectorCyclical, ageYears, sizeClass, turnoverEUR, exportShare, exportShareByCategory,
             shareByCurrency, foreignCurrencyShare, conversions
    }

    /// Encodes every indicator; the maps are keyed by text (`"0"`…`"7"`, `"unknown"`; currency codes), absent values
    /// are `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(totalSales, forKey: .totalSales)
        try container.encode(b2bShare, forKey: .b2bShare)
        try container.encode(weightedTermsDays, forKey: .weightedTermsDays)
        try container.encode(weightedDaysBeyondTerms, forKey: .weightedDaysBeyondTerms)
        try container.encode(measuredInvoiceCount, forKey: .measuredInvoiceCount)
        try container.encode(unallocatedPaymentCount, forKey: .unallocatedPaymentCount)
        try container.encode(top1Share, forKey: .top1Share)
        try container.encode(top5Share, forKey: .top5Share)
        try container.encode(herfindahl, forKey: .herfindahl)
        try container.encode(cyclicalShare, forKey: .cyclicalShare)
        try container.encode(unknownSectorShare, forKey: .unknownSectorShare)
        try container.encode(sellerSectorCyclical, forKey: .sellerSectorCyclical)
        try container.encode(ageYears, forKey: .ageYears)
        try container.encode(sizeClass, forKey: .sizeClass)
        try container.encode(turnoverEUR, forKey: .turnoverEUR)
        try container.encode(exportShare, forKey: .exportShare)
        try container.encode(Dictionary(uniqueKeysWithValues: exportShareByCategory.map { ($0.key.description, $0.value) }),
                             forKey: .exportShareByCategory)
        try container.encode(Dictionary(uniqueKeysWithValues: shareByCurrency.map { ($0.key.code, $0.value) }),
                             forKey: .shareByCurrency)
        try container.encode(foreignCurrencyShare, forKey: .foreignCurrencyShare)
        try container.encode(conversions, forKey: .conversions)
    }
}
