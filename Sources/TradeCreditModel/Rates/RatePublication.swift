public import Foundation

/// One day's euro reference rates from one source: units of each currency per 1 EUR.
///
/// JSON form: `{"source":"ECB","date":"2026-10-30","ratesPerEUR":{"USD":"1.1172",…}}`; rates are strings so that
/// their digits are kept exactly as published.
public struct RatePublication: Hashable, Sendable {
    /// The source of the rates, recorded in every conversion (`"ECB"`, `"Frankfurter"`, a file name).
    public let source: String
    /// The publication date of the rates.
    public let date: CalendarDate
    /// The exact published rates, by currency. EUR itself is implied (1) and never stored.
    package let exactRates: [CurrencyCode: ExactDecimal]

    /// - Throws: ``ModelError`` `.outOfRange` for a rate that is not positive, naming the currency.
    public init(source: String, date: CalendarDate, ratesPerEUR: [CurrencyCode: Decimal]) throws {
        var exact: [CurrencyCode: ExactDecimal] = [:]
        for (currency, rate) in ratesPerEUR {
            exact[currency] = try ExactDecimal(rate, field: "rates.\(currency)")
        }
        try self.init(source: source, date: date, exactRates: exact)
    }

    package init(source: String, date: CalendarDate, exactRates: [CurrencyCode: ExactDecimal]) throws {
        // Rates are per euro: an EUR entry, if given at all, must be 1.
        if let euro = exactRates[.EUR], euro != ExactDecimal(significand: 1, scale: 0) {
            throw ModelError(.inconsistent, field: "rates.EUR", value: euro.plainText,
                             "rates are units per 1 EUR, so EUR itself is 1 (\(source), \(date))")
        }
        for (currency, rate) in exactRates where rate.significand <= 0 {
            throw ModelError(.outOfRange, field: "rates.\(currency)", value: rate.plainText,
                             "an exchange rate must be positive (\(source), \(date))")
        }
        self.source = source
        self.date = date
        self.exactRates = exactRates.filter { $0.key != .EUR }
    }

    /// The published rates as `Decimal`, by currency (EUR not included).
    public var ratesPerEUR: [CurrencyCode: Decimal] { exactRates.mapValues(\.decimalValue) }

    /// Units of `currency` per 1 EUR: 1 for EUR, `nil` when the currency was not published that day.
    public func ratePerEUR(_ currency: CurrencyCode) -> Decimal? {
        currency == .EUR ? 1 : exactRates[currency]?.decimalValue
    }

    package func exactRate(_ currency: CurrencyCode) -> ExactDecimal? {
        currency == .EUR ? ExactDecimal(significand: 1, scale: 0) : exactRates[currency]
    }

    /// The currencies quoted that day, EUR included.
    public var currencies: Set<CurrencyCode> { Set(exactRates.keys).union([.EUR]) }
}

extension RatePublication: Codable {
    private enum CodingKeys: String, CodingKey { case source, date, ratesPerEUR }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let texts = try container.decode([String: String].self, forKey: .ratesPerEUR)
        var rates: [CurrencyCode: ExactDecimal] = [:]
        do {
            for (code, text) in texts {
                rates[try CurrencyCode(code)] = try ExactDecimal.parse(Substring(text), field: "ratesPerEUR.\(code)")
            }
            try self.init(source: try container.decode(String.self, forKey: .source),
                          date: try container.decode(CalendarDate.self, forKey: .date), exactRates: rates)
        } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(forKey: .ratesPerEUR, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(date, forKey: .date)
        let texts = Dictionary(uniqueKeysWithValues: exactRates.map { ($0.key.code, $0.value.plainText) })
        try container.encode(texts, forKey: .ratesPerEUR)
    }
}
