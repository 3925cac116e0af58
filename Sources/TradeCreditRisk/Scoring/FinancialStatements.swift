public import TradeCreditModel

/// Which Altman score a buyer's statements are read with (DOMAIN.md §3 step 3).
public enum AltmanModel: String, Hashable, Sendable, Codable, CaseIterable {
    /// Z'' for non-manufacturers and private firms: 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4, X4 = book equity / total
    /// liabilities. Zones: below 1.1 distress, 1.1–2.6 grey, above 2.6 safe.
    case zDoublePrime
    /// The original Z for public manufacturers: 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5, X4 = market equity /
    /// total liabilities, X5 = sales / total assets. Zones: below 1.81 distress, 1.81–2.99 grey, above 2.99 safe.
    case zOriginal

    /// The zone of a score: the bounds themselves are grey.
    public func zone(for value: Double) -> AltmanZone {
        let (distress, safe) = self == .zDoublePrime ? (1.1, 2.6) : (1.81, 2.99)
        if value < distress { return .distress }
        return value > safe ? .safe : .grey
    }
}

/// Altman's zones of discrimination.
public enum AltmanZone: String, Hashable, Sendable, Codable {
    /// Likely to fail.
    case distress
    /// Neither.
    case grey
    /// Unlikely to fail.
    case safe
}

/// A buyer's financial statements, as much of them as an Altman score reads, in one currency.
public struct FinancialStatements: Hashable, Sendable, Codable {
    /// The score to read them with.
    public let model: AltmanModel
    /// The balance-sheet date: the source's date for consolidation.
    public let date: CalendarDate
    /// Total assets (positive).
    public let totalAssets: Money
    /// Total liabilities (positive).
    public let totalLiabilities: Money
    /// Working capital: current assets − current liabilities.
    public let workingCapital: Money
    /// Retained earnings.
    public let retainedEarnings: Money
    /// Earnings before interest and taxes.
    public let ebit: Money
    /// Book value of equity (also the base of the equity-share capacity of a limit).
    public let bookEquity: Money
    /// Market value of equity (the original Z only).
    public let marketEquity: Money?
    /// Sales (the original Z only).
    public let sales: Money?

    /// - Throws: ``UnderwritingError`` `.currencyMismatch` for an amount in another currency than total assets;
    ///   `.outOfRange` for total assets or liabilities that are not positive, or negative sales; `.missingValue` for
    ///   the original Z without market equity or sales.
    public init(model: AltmanModel, date: CalendarDate, totalAssets: Money, totalLiabilities: Money, workingCapital: Money,
                retainedEarnings: Money, ebit: Money, bookEquity: Money, marketEquity: Money? = nil, sales: Money? = nil) throws {
        let amounts: [(String, Money?)] = [("totalLiabilities", totalLiabilities), ("workingCapital", workingCapital),
                                           ("retainedEarnings", retainedEarnings), ("ebit", ebit), ("bookEquity", bookEquity),
                                           ("marketEquity", marketEquity), ("sales", sales)]
        for case let (field, amount?) in amounts where amount.currency != totalAssets.currency {
            throw UnderwritingError(.currencyMismatch, field: field, value: amount.description,
                                    "statements are in one currency (\(totalAssets.currency))")
        }
        for (field, amount) in [("totalAssets", totalAssets), ("totalLiabilities", totalLiabilities)] where !amount.isPositive {
            throw UnderwritingError(.outOfRange, field: field, value: amount.description, "must be positive (it divides)")
        }
        if let sales, sales.isNegative {
            throw UnderwritingError(.outOfRange, field: "sales", value: sales.description, "cannot be negative")
        }
        if model == .zOriginal {
            if marketEquity == nil { throw UnderwritingError(.missingValue, field: "marketEquity", "the original Z reads market equity") }
            if sales == nil { throw UnderwritingError(.missingValue, field: "sales", "the original Z reads sales") }
        }
        self.model = model
        self.date = date
        self.totalAssets = totalAssets
        self.totalLiabilities = totalLiabilities
        self.workingCapital = workingCapital
        self.retainedEarnings = retainedEarnings
        self.ebit = ebit
        self.bookEquity = bookEquity
        self.marketEquity = marketEquity
        self.sales = sales
    }

    private enum CodingKeys: String, CodingKey {
        case model, date, totalAssets, totalLiabilities, workingCapital, retainedEarnings, ebit, bookEquity, marketEquity, sales
    }

    /// Decodes and validates like the initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validating(orKey: .totalAssets) {
            try FinancialStatements(
                model: container.decode(AltmanModel.self, forKey: .model), date: container.decode(CalendarDate.self, forKey: .date),
                totalAssets: container.decode(Money.self, forKey: .totalAssets),
                totalLiabilities: container.decode(Money.self, forKey: .totalLiabilities),
                workingCapital: container.decode(Money.self, forKey: .workingCapital),
                retainedEarnings: container.decode(Money.self, forKey: .retainedEarnings),
                ebit: container.decode(Money.self, forKey: .ebit), bookEquity: container.decode(Money.self, forKey: .bookEquity),
                marketEquity: container.decodeIfPresent(Money.self, forKey: .marketEquity),
                sales: container.decodeIfPresent(Money.self, forKey: .sales))
        }
    }
}
