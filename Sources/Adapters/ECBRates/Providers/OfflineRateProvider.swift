public import Foundation
public import TradeCreditModel

/// Rates from a file or from the history shipped with the SDK: no network, the same answers every time.
///
/// It serves any ECB format the parser reads (CSV, XML, zip). The embedded history (``embedded()``) covers
/// 1999-01-04 to 2026-10-30; a date after the last publication is an error, never a silently old rate.
public struct OfflineRateProvider: ExchangeRateProvider {
    /// The table behind the provider.
    public let table: RateTable

    public var source: String { table.source }

    /// A provider over `table`.
    public init(table: RateTable) {
        self.table = table
    }

    /// The ECB history shipped with the SDK, parsed once per process.
    public static func embedded() throws -> OfflineRateProvider {
        try EmbeddedTable.shared.get()
    }

    /// Reads an ECB file (CSV, XML or zip). - Throws: ``ECBRatesError``.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ECBRatesError(.notFound, file: url.lastPathComponent, message: "cannot be read")
        }
        let publications = try ECBRatesFile.publications(from: data, file: url.lastPathComponent)
        try self.init(table: RateTable(source: "ECB", publications: publications))
    }

    public func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication {
        try table.publication(for: date, policy: policy)
    }

    public func rateTable(from start: CalendarDate, through end: CalendarDate, policy: ConversionPolicy) async throws -> RateTable {
        guard start <= end else {
            throw ModelError(.outOfRange, field: "end", value: "\(start)..\(end)", "the range ends before it starts")
        }
        // The publication that `start` itself would use, then every one up to `end`.
        let first = try table.publication(for: start, policy: policy).date
        _ = try table.publication(for: end, policy: policy)
        return try table.slice(from: first, through: end)
    }
}

/// Parses the embedded history once, on first use.
private final class EmbeddedTable: Sendable {
    static let shared = EmbeddedTable()

    private let result: Result<OfflineRateProvider, ECBRatesError>

    private init() {
        do {
            let publications = try ECBRatesFile.parseCSV(ECBEmbeddedHistory.text, file: "embedded eurofxref-hist.csv")
            result = .success(OfflineRateProvider(table: try RateTable(source: "ECB", publications: publications)))
        } catch let error as ECBRatesError {
            result = .failure(error)
        } catch {
            result = .failure(ECBRatesError(.malformed, file: "embedded eurofxref-hist.csv", message: "\(error)"))
        }
    }

    func get() throws -> OfflineRateProvider { try result.get() }
}
