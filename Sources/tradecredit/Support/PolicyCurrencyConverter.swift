import Foundation
import TradeCredit

/// The rate table of an evaluation date, for `claim`'s conversions into the policy currency.
///
/// The rates used are those of the as-of date (that day's publication, or the previous one within the look-back of
/// 7 days); when the as-of date is after the last publication of the source (the embedded history ends on
/// 2026-10-30), the source's last publication is used instead. The source is read on the first call of ``table()``:
/// amounts already in the policy currency need none.
struct PolicyCurrencyConverter {
    /// The rates (`embedded` or an ECB file).
    let rates: OfflineRates
    /// The policy currency.
    let currency: CurrencyCode
    /// The evaluation date.
    let asOf: CalendarDate

    private var loaded: (table: RateTable, date: CalendarDate)?

    /// A converter for `--rates SOURCE` (`embedded` or an ECB file), the file opened at once so that a bad one is
    /// reported even when no amount needs converting.
    /// - Throws: ``InputError`` naming `--rates` for a remote source, naming the file for a bad one.
    static func opening(_ rates: String, currency: CurrencyCode, asOf: CalendarDate,
                        command: String) throws -> PolicyCurrencyConverter {
        PolicyCurrencyConverter(rates: try OfflineRates(rates, command: command), currency: currency, asOf: asOf)
    }

    init(rates: OfflineRates, currency: CurrencyCode, asOf: CalendarDate) {
        self.rates = rates
        self.currency = currency
        self.asOf = asOf
    }

    /// Closes the source.
    func close() { rates.close() }

    /// The rate table of the as-of date (or of the source's last publication, when the as-of date is after it), and
    /// that date. - Throws: ``InputError`` for a bad rates file; `ModelError` for a date the source cannot serve.
    mutating func table() async throws -> (table: RateTable, date: CalendarDate) {
        if let loaded { return loaded }
        let latest = try await rates.publication(for: nil, policy: ConversionPolicy())
        let date = min(asOf, latest.date)
        let result = (try await rates.rateTable(from: date, through: date, policy: ConversionPolicy()), date)
        loaded = result
        return result
    }
}
