import Foundation
import TradeCredit

/// Converts amounts into the policy currency at the rates of an evaluation date, for `assess`, `quote` and `claim`.
///
/// The rates used are those of the as-of date (that day's publication, or the previous one within the look-back of
/// 7 days); when the as-of date is after the last publication of the source (the embedded history ends on
/// 2026-10-30), the source's last publication is used instead, and ``rateDate`` says which day that was. The source
/// is opened and read on the first amount that needs it: an amount already in the policy currency needs none.
struct PolicyCurrencyConverter {
    /// The rates' source (`embedded` or an ECB file).
    let source: RateSource
    /// The policy currency.
    let currency: CurrencyCode
    /// The evaluation date.
    let asOf: CalendarDate

    private var connection: RateConnection?
    private var loaded: (table: RateTable, date: CalendarDate)?

    /// - Throws: ``InputError`` naming `--rates` for a remote source (`assess`, `quote` and `claim` read rates offline only).
    init(source: RateSource, currency: CurrencyCode, asOf: CalendarDate, command: String = "assess") throws {
        if source.isRemote {
            throw InputError(file: "--rates", "\(command) reads embedded rates or an ECB file (CSV, XML or zip), "
                             + "not a remote source (\"\(source)\")")
        }
        self.source = source
        self.currency = currency
        self.asOf = asOf
    }

    /// A converter for `--rates SOURCE` (`embedded` or an ECB file), the file opened at once so that a bad one is
    /// reported even when no amount needs converting.
    static func opening(_ rates: String, currency: CurrencyCode, asOf: CalendarDate,
                        command: String = "assess") throws -> PolicyCurrencyConverter {
        var converter = try PolicyCurrencyConverter(source: RateSource(parsing: rates), currency: currency, asOf: asOf,
                                                    command: command)
        if case .file = converter.source { try converter.open() }
        return converter
    }

    /// The source's name (`ECB`) and the date of the rates used, once an amount was converted; `nil` before.
    var used: (source: String, date: CalendarDate)? { loaded.map { ($0.table.source, $0.date) } }

    /// Opens the source now, so that a bad rates file is reported even when no amount needs converting.
    /// - Throws: ``InputError`` naming the file for an unreadable or malformed one.
    mutating func open() throws {
        if connection == nil {
            let source = source
            connection = try RateSourceErrors.mapping(source) { try RateConnection(source) }
        }
    }

    /// `money` in the policy currency: `nil` when it is in it already (no rate needed).
    /// - Throws: `ModelError` when the source has no rate for its currency at the date (the caller names the input);
    ///   ``InputError`` for a bad rates file.
    mutating func convert(_ money: Money) async throws -> CurrencyConversion? {
        guard money.currency != currency else { return nil }
        let rates = try await table()
        return try rates.table.convert(money, to: currency, on: rates.date)
    }

    /// Closes the source.
    func close() { connection?.close() }

    /// The rate table of the as-of date (or of the source's last publication, when the as-of date is after it), and
    /// that date. - Throws: ``InputError`` for a bad rates file.
    mutating func table() async throws -> (table: RateTable, date: CalendarDate) {
        if let loaded { return loaded }
        try open()
        guard let provider = connection?.provider else { preconditionFailure("opened above") }
        let (asOf, source) = (asOf, source)
        let result = try await RateSourceErrors.mapping(source) {
            let latest = try await provider.publication(for: nil, policy: ConversionPolicy())
            let date = min(asOf, latest.date)
            return (try await provider.rateTable(from: date, through: date, policy: ConversionPolicy()), date)
        }
        loaded = result
        return result
    }
}
