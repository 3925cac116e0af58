import TradeCreditModel

/// The rate tables one call (or one batch) of an ``Underwriter`` converts with, fetched from the provider and kept
/// for the call, one per date (buyers that ask at the same moment may each fetch it once): the only I/O besides the
/// bureaus.
///
/// The rates of a date are that day's publication (or the latest earlier one within the look-back); a date after the
/// source's last publication uses that last publication instead, as the CLI does.
actor PolicyRates {
    /// The rates of one date.
    struct Rates: Sendable {
        /// A table covering `date`.
        let table: RateTable
        /// The date the rates are read at (the one asked, or the source's last publication when that is earlier).
        let date: CalendarDate
    }

    private let provider: any ExchangeRateProvider
    private let currency: CurrencyCode
    private let policy: ConversionPolicy
    private var latest: CalendarDate?
    private var tables: [CalendarDate: Rates] = [:]

    init(provider: any ExchangeRateProvider, currency: CurrencyCode, policy: ConversionPolicy) {
        self.provider = provider
        self.currency = currency
        self.policy = policy
    }

    /// The rates of `date`.
    func rates(on date: CalendarDate) async throws -> Rates {
        if let cached = tables[date] { return cached }
        let latest = try await latestPublication()
        let day = min(date, latest)
        let table = try await provider.rateTable(from: day, through: day, policy: policy)
        let rates = Rates(table: table, date: day)
        tables[date] = rates
        return rates
    }

    /// `money` in the policy currency at the rates of `date`; `nil` when it is in it already (nothing fetched).
    func convert(_ money: Money, on date: CalendarDate) async throws -> CurrencyConversion? {
        guard money.currency != currency else { return nil }
        let rates = try await rates(on: date)
        return try rates.table.convert(money, to: currency, on: rates.date, policy: policy)
    }

    private func latestPublication() async throws -> CalendarDate {
        if let latest { return latest }
        let date = try await provider.publication(for: nil, policy: policy).date
        latest = date
        return date
    }
}
