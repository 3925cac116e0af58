import Foundation
import TradeCredit

/// The output of `fx convert`: the JSON document of Documentation/CLI.md, and its readable form.
struct ConversionOutput: Encodable {
    let conversion: CurrencyConversion

    init(_ conversion: CurrencyConversion) { self.conversion = conversion }

    private enum CodingKeys: String, CodingKey {
        case amount, currency, from, rate, rateFrom, rateTo, requestedDate, rateDate, source
    }

    /// Every key is always present; `requestedDate` is null when no date was asked, amounts and rates are strings.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conversion.converted.amountText, forKey: .amount)
        try container.encode(conversion.converted.currency.code, forKey: .currency)
        try container.encode(conversion.original, forKey: .from)
        try container.encode(conversion.crossRate.map { "\($0)" } ?? "1", forKey: .rate)
        try container.encode(conversion.fromRatePerEUR.map { "\($0)" } ?? "1", forKey: .rateFrom)
        try container.encode(conversion.toRatePerEUR.map { "\($0)" } ?? "1", forKey: .rateTo)
        try container.encodeOrNull(conversion.requestedDate, forKey: .requestedDate)
        try container.encodeOrNull(conversion.publicationDate ?? conversion.requestedDate, forKey: .rateDate)
        try container.encode(conversion.source, forKey: .source)
    }

    var text: String {
        let from = conversion.original.currency.code, to = conversion.converted.currency.code
        var lines = ["\(MoneyText.grouped(conversion.original)) = \(MoneyText.grouped(conversion.converted))"]
        if let rate = conversion.crossRate, let rateFrom = conversion.fromRatePerEUR, let rateTo = conversion.toRatePerEUR {
            lines.append("rate \(rate) \(to) per \(from) (\(from) \(rateFrom), \(to) \(rateTo) per EUR)")
        } else {
            lines.append("same currency: no conversion")
        }
        let requested = conversion.requestedDate.map { "\($0)" } ?? "latest"
        let used = conversion.publicationDate.map { "\($0)" } ?? "-"
        lines.append("requested \(requested), rates of \(used), source \(conversion.source)")
        return lines.joined(separator: "\n")
    }
}

/// The output of `fx rates`.
struct RatesOutput: Encodable {
    let source: String
    let date: CalendarDate
    let requestedDate: CalendarDate?
    let rates: [String: String]

    init(publication: RatePublication, requestedDate: CalendarDate?) {
        source = publication.source
        date = publication.date
        self.requestedDate = requestedDate
        rates = Dictionary(uniqueKeysWithValues: publication.ratesPerEUR.map { ($0.key.code, "\($0.value)") })
    }

    private enum CodingKeys: String, CodingKey { case source, date, requestedDate, rates }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(date, forKey: .date)
        try container.encodeOrNull(requestedDate, forKey: .requestedDate)
        try container.encode(rates, forKey: .rates)
    }

    private var sortedRates: [(String, String)] { rates.sorted { $0.key < $1.key } }

    var text: String {
        var table = TextTable([("Currency", .left), ("Units per EUR", .right)])
        for (code, rate) in sortedRates { table.append([code, rate]) }
        return "\(source) reference rates of \(date)\n" + table.render()
    }

    var csv: String {
        CSVText.document([["currency", "rate_per_eur"]] + sortedRates.map { [$0.0, $0.1] })
    }
}
