public import Foundation

/// A snapshot of euro reference rates over a span of dates, from one source, that converts amounts exactly.
///
/// The engines convert through a rate table passed in as a value; the rate-provider adapters fill it. A conversion
/// from A to B on a date uses the cross rate over the euro, rate_B ÷ rate_A, and rounds the amount **once**, half
/// up, to B's minor units (EU Regulation 1103/97 style). A date with no publication (a weekend, a TARGET holiday)
/// uses the latest earlier publication within ``ConversionPolicy/maxLookbackDays``; past that, before the first
/// publication, after ``validThrough``, or for a currency not published on the day used, the conversion throws —
/// never a zero, never a silently older rate.
public struct RateTable: Hashable, Sendable {
    /// The source of every publication in the table.
    public let source: String
    /// Publications by date, oldest first.
    public let publications: [RatePublication]
    /// The last date the table is known to cover. Defaults to the last publication date; a provider that knows the
    /// source published nothing since (a weekend) may set it later.
    public private(set) var validThrough: CalendarDate?
    /// The publication dates alone, for the search on every conversion (no copy of a publication per step).
    private let dates: [CalendarDate]

    /// - Throws: ``ModelError`` `.inconsistent` when a publication is from another source or a date appears twice,
    ///   `.outOfRange` when `validThrough` is before the last publication.
    public init(source: String, publications: [RatePublication], validThrough: CalendarDate? = nil) throws {
        let sorted = publications.sorted { $0.date < $1.date }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.date == next.date {
            throw ModelError(.inconsistent, field: "publications", value: next.date.description,
                             "two publications for the same date")
        }
        if let stranger = sorted.first(where: { $0.source != source }) {
            throw ModelError(.inconsistent, field: "publications", value: stranger.source,
                             "publication from another source than \(source)")
        }
        if let validThrough, let last = sorted.last, validThrough < last.date {
            throw ModelError(.outOfRange, field: "validThrough", value: validThrough.description,
                             "before the last publication \(last.date)")
        }
        self.source = source
        self.publications = sorted
        self.dates = sorted.map(\.date)
        self.validThrough = validThrough ?? sorted.last?.date
    }

    /// The same table, known to cover the days through `date` (a source that has published nothing newer yet, over a
    /// weekend say). - Throws: `.outOfRange` when `date` is before the last publication.
    public func covering(through date: CalendarDate) throws -> RateTable {
        if let last = publications.last?.date, date < last {
            throw ModelError(.outOfRange, field: "validThrough", value: date.description, "before the last publication \(last)")
        }
        var copy = self
        copy.validThrough = date
        return copy
    }

    /// The first and last publication dates, or `nil` for an empty table.
    public var dateRange: ClosedRange<CalendarDate>? {
        guard let first = publications.first, let last = publications.last else { return nil }
        return first.date...last.date
    }

    /// The publication to use for `date` under `policy`: that day's, or the latest earlier one within the
    /// look-back limit; the latest publication when `date` is `nil`.
    /// - Throws: `.dateOutOfRange` before the first publication, after ``validThrough`` or past the look-back limit;
    ///   `.rateUnavailable` for an empty table.
    public func publication(for date: CalendarDate?, policy: ConversionPolicy = .init()) throws -> RatePublication {
        guard let first = publications.first, let last = publications.last else {
            throw ModelError(.rateUnavailable, field: "rates", "the rate table from \(source) is empty")
        }
        guard let date else { return last }
        if date < first.date {
            throw ModelError(.dateOutOfRange, field: "date", value: date.description,
                             "before the first publication of \(source) (\(first.date))")
        }
        if let validThrough, date > validThrough {
            throw ModelError(.dateOutOfRange, field: "date", value: date.description,
                             "after the last date covered by \(source) (\(validThrough))")
        }
        // Binary search for the last publication on or before `date`.
        var low = 0, high = dates.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if dates[middle] <= date { low = middle } else { high = middle - 1 }
        }
        let found = publications[low]
        let gap = date.days(since: found.date)
        guard gap <= policy.maxLookbackDays else {
            throw ModelError(.dateOutOfRange, field: "date", value: date.description,
                             "no publication of \(source) within \(policy.maxLookbackDays) days before it (latest: \(found.date))")
        }
        return found
    }

    /// Converts `money` to `target` at the rates for `date` (the latest publication when `nil`).
    ///
    /// Same-currency conversion is the identity and looks nothing up.
    /// - Throws: `.rateUnavailable` when either currency is not published on the day used, the date errors of
    ///   ``publication(for:policy:)``, `.overflow` for amounts beyond the exact core.
    public func convert(_ money: Money, to target: CurrencyCode, on date: CalendarDate? = nil,
                        policy: ConversionPolicy = .init()) throws -> CurrencyConversion {
        if money.currency == target {
            return CurrencyConversion(original: money, converted: money, requestedDate: date, publicationDate: nil,
                                      source: source, fromRate: nil, toRate: nil)
        }
        let publication = try publication(for: date, policy: policy)
        let day = date ?? publication.date
        try requireCirculating(money.currency, on: day, using: publication)
        try requireCirculating(target, on: day, using: publication)
        let fromRate = try rate(money.currency, in: publication)
        let toRate = try rate(target, in: publication)
        let converted = try RateTable.cross(money.value, from: fromRate, to: toRate, scale: target.minorUnits ?? money.scale)
        return CurrencyConversion(
            original: money, converted: Money(exact: converted, currency: target), requestedDate: date,
            publicationDate: publication.date, source: source, fromRate: fromRate, toRate: toRate)
    }

    /// A withdrawn currency has no rate from the first day of its ISO withdrawal month on (BGN from 2026-01-01,
    /// HRK from 2023-01-01) when the look-back would reach back to its last publication. A later publication that
    /// still quotes it proves it was still quoted then (ISO dates LTL's withdrawal 2014-12, yet the ECB quoted it to
    /// 2014-12-31).
    private func requireCirculating(_ currency: CurrencyCode, on day: CalendarDate, using publication: RatePublication) throws {
        guard day > publication.date, currency.isWithdrawn, let withdrawn = currency.info.withdrawn,
              let first = try? CalendarDate(year: withdrawn.year, month: withdrawn.month, day: 1), day >= first else { return }
        if let next = publications.first(where: { $0.date > publication.date }), next.exactRate(currency) != nil { return }
        throw ModelError(.rateUnavailable, field: "currency", value: currency.code,
                         "\(currency) was withdrawn from ISO 4217 in \(withdrawn); no rate on \(day)")
    }

    private func rate(_ currency: CurrencyCode, in publication: RatePublication) throws -> ExactDecimal {
        guard let rate = publication.exactRate(currency) else {
            throw ModelError(.rateUnavailable, field: "currency", value: currency.code,
                             "\(source) published no \(currency) rate on \(publication.date)")
        }
        return rate
    }

    /// amount × toRate ÷ fromRate, rounded once, half up, to `scale` decimals.
    package static func cross(_ amount: ExactDecimal, from fromRate: ExactDecimal, to toRate: ExactDecimal,
                              scale: Int) throws -> ExactDecimal {
        let numerator = try amount.multiplied(by: toRate, keepScale: amount.scale + toRate.scale)
        return try numerator.divided(by: fromRate, scale: scale, rule: .halfUp)
    }
}

extension RateTable: Codable {
    private enum CodingKeys: String, CodingKey { case source, publications, validThrough }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(source: try container.decode(String.self, forKey: .source),
                          publications: try container.decode([RatePublication].self, forKey: .publications),
                          validThrough: try container.decodeIfPresent(CalendarDate.self, forKey: .validThrough))
        } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(forKey: .publications, in: container, debugDescription: error.description)
        }
    }
}

/// How a conversion treats a date without a publication.
public struct ConversionPolicy: Hashable, Sendable, Codable {
    private var lookback: Int

    /// How many days back from the requested date a publication may be (0: only that day's). Default 7.
    /// Negative values are stored as 0.
    public var maxLookbackDays: Int {
        get { lookback }
        set { lookback = max(0, newValue) }
    }

    /// - Parameter maxLookbackDays: negative values are treated as 0.
    public init(maxLookbackDays: Int = 7) {
        self.lookback = max(0, maxLookbackDays)
    }

    private enum CodingKeys: String, CodingKey { case maxLookbackDays }

    /// JSON: `{"maxLookbackDays":7}`; a negative value reads as 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(maxLookbackDays: try container.decode(Int.self, forKey: .maxLookbackDays))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lookback, forKey: .maxLookbackDays)
    }
}

/// The record of one conversion: what was converted, the result, and the rates and dates used, so that anyone can
/// re-check it.
public struct CurrencyConversion: Hashable, Sendable {
    /// The amount before conversion.
    public let original: Money
    /// The amount after conversion, rounded once, half up, to the target currency's minor units — except for a
    /// same-currency conversion, which is the identity and returns the amount unchanged.
    public let converted: Money
    /// The date asked for (`nil`: the latest publication).
    public let requestedDate: CalendarDate?
    /// The publication date actually used; `nil` for a same-currency identity.
    public let publicationDate: CalendarDate?
    /// The rates' source.
    public let source: String
    /// The two legs exactly as published; `Decimal` is built only when asked for (it is slow on Linux).
    private let fromRate: ExactDecimal?
    private let toRate: ExactDecimal?

    package init(original: Money, converted: Money, requestedDate: CalendarDate?, publicationDate: CalendarDate?,
                 source: String, fromRate: ExactDecimal?, toRate: ExactDecimal?) {
        self.original = original
        self.converted = converted
        self.requestedDate = requestedDate
        self.publicationDate = publicationDate
        self.source = source
        self.fromRate = fromRate
        self.toRate = toRate
    }

    /// Units of the original currency per 1 EUR on the publication date (`nil` for the identity).
    public var fromRatePerEUR: Decimal? { fromRate?.decimalValue }
    /// Units of the target currency per 1 EUR on the publication date (`nil` for the identity).
    public var toRatePerEUR: Decimal? { toRate?.decimalValue }

    /// The cross rate, target units per source unit, rounded half up to 10 decimal places for display; the
    /// conversion itself used the exact quotient.
    public var crossRate: Decimal? {
        guard let fromRate, let toRate, let rate = try? toRate.divided(by: fromRate, scale: 10, rule: .halfUp) else {
            return nil
        }
        return rate.trimmed().decimalValue
    }
}

extension CurrencyConversion: Codable {
    private enum CodingKeys: String, CodingKey {
        case original, converted, requestedDate, publicationDate, source, fromRatePerEUR, toRatePerEUR
    }

    /// JSON: the two amounts, the dates, the source, and the two legs as JSON numbers (units per EUR).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func exact(_ key: CodingKeys) throws -> ExactDecimal? {
            guard let value = try container.decodeIfPresent(Decimal.self, forKey: key) else { return nil }
            do { return try ExactDecimal(value, field: key.stringValue) } catch let error as ModelError {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: error.description)
            }
        }
        self.init(original: try container.decode(Money.self, forKey: .original),
                  converted: try container.decode(Money.self, forKey: .converted),
                  requestedDate: try container.decodeIfPresent(CalendarDate.self, forKey: .requestedDate),
                  publicationDate: try container.decodeIfPresent(CalendarDate.self, forKey: .publicationDate),
                  source: try container.decode(String.self, forKey: .source),
                  fromRate: try exact(.fromRatePerEUR), toRate: try exact(.toRatePerEUR))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(original, forKey: .original)
        try container.encode(converted, forKey: .converted)
        try container.encodeIfPresent(requestedDate, forKey: .requestedDate)
        try container.encodeIfPresent(publicationDate, forKey: .publicationDate)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(fromRatePerEUR, forKey: .fromRatePerEUR)
        try container.encodeIfPresent(toRatePerEUR, forKey: .toRatePerEUR)
    }
}
