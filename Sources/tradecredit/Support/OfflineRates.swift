import Foundation
import TradeCredit

/// The rates of `--rates` for the commands that read them offline (`assess`, `quote`, `claim`, `demo`): `embedded` or
/// an ECB file, as an `ExchangeRateProvider` for the SDK's `Underwriter` (and for ``PolicyCurrencyConverter``).
///
/// An ECB file is opened and read when this is made, so that a bad one is reported even when no amount needs
/// converting; the embedded history is read on the first request, so that a portfolio all in the policy currency
/// needs none. It remembers the first rate table it served: ``used`` is the source and the date of the rates the
/// outputs show (the as-of date, or the source's last publication when the as-of date is after it).
final class OfflineRates: ExchangeRateProvider, @unchecked Sendable {
    /// `embedded` or the ECB file.
    let rateSource: RateSource

    private let lock = NSLock()
    private var connection: RateConnection?
    private var firstTable: (source: String, date: CalendarDate)?

    /// The rates of `--rates TEXT`, an ECB file opened at once unless `opensFileAtOnce` is `false` (then on the first
    /// request, like the embedded history).
    /// - Throws: ``InputError`` naming `--rates` for a remote source (`command` reads rates offline only); naming the
    ///   file for an unreadable or malformed one.
    init(_ text: String, command: String, opensFileAtOnce: Bool = true) throws {
        let source = RateSource(parsing: text)
        if source.isRemote {
            throw InputError(file: "--rates", "\(command) reads embedded rates or an ECB file (CSV, XML or zip), "
                             + "not a remote source (\"\(source)\")")
        }
        rateSource = source
        if opensFileAtOnce, case .file = source { _ = try provider() }
    }

    /// The source and the date of the first rate table served; `nil` while none was.
    var used: (source: String, date: CalendarDate)? { lock.withLock { firstTable } }

    /// The open provider, opened on the first call.
    /// - Throws: ``InputError`` naming the file for an unreadable or malformed one.
    func provider() throws -> any ExchangeRateProvider {
        try lock.withLock {
            if let connection { return connection.provider }
            let source = rateSource
            let opened = try RateSourceErrors.mapping(source) { try RateConnection(source) }
            connection = opened
            return opened.provider
        }
    }

    /// Closes the source.
    func close() { lock.withLock { connection?.close() } }

    var source: String { (try? provider().source) ?? "ECB" }

    func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication {
        let provider = try provider()
        return try await RateSourceErrors.mapping(rateSource) { try await provider.publication(for: date, policy: policy) }
    }

    func rateTable(from start: CalendarDate, through end: CalendarDate, policy: ConversionPolicy) async throws -> RateTable {
        let provider = try provider()
        let table = try await RateSourceErrors.mapping(rateSource) {
            try await provider.rateTable(from: start, through: end, policy: policy)
        }
        lock.withLock {
            if firstTable == nil { firstTable = (table.source, start) }
        }
        return table
    }
}
