public import Foundation
public import TradeCreditHTTP
public import TradeCreditModel
public import Logging

/// Euro reference rates fetched from the ECB (or a mirror of its folder) over `HTTPClient`.
///
/// The newest rates come from `eurofxref-daily.xml`, the last 90 days from `eurofxref-hist-90d.xml`, older dates
/// from the full history (`eurofxref-hist.zip`, or `eurofxref-hist.xml`). Every fetch is a conditional request, and
/// the files are cached: a date that a newer publication already follows never changes, so it is answered from the
/// cache; the newest rates stay fresh until the next publication, 16:00 Frankfurt time on the next TARGET working
/// day. Wrap the client in a `RetryingHTTPClient` to retry transient failures.
public final class ECBRateProvider: ExchangeRateProvider {
    /// Which file holds the full history.
    public enum HistoryFile: String, Sendable {
        /// `eurofxref-hist.zip`: the CSV history, zipped (about 0.6 MB).
        case zip = "eurofxref-hist.zip"
        /// `eurofxref-hist.xml` (about 6 MB).
        case xml = "eurofxref-hist.xml"
    }

    /// The ECB's folder of reference-rate files.
    public static let defaultBaseURL = URL(string: "https://www.ecb.europa.eu/stats/eurofxref/")!

    public let source = "ECB"
    private let baseURL: URL
    private let historyFile: HistoryFile
    private let client: any HTTPClient
    private let cache: ECBFileCache
    private let schedule: ECBPublicationSchedule
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - baseURL: the folder that holds the files (a trailing `/` is added when missing).
    ///   - historyFile: which file holds the full history, for dates older than the 90-day file.
    ///   - client: the HTTP client (wrap it in a `RetryingHTTPClient` for retries); conditional requests are added.
    ///   - logger: receives the file cache's debug line for each file fetched.
    ///   - now: the clock, for tests.
    public init(baseURL: URL = ECBRateProvider.defaultBaseURL, historyFile: HistoryFile = .zip, client: any HTTPClient,
                logger: Logger = Logger(label: "tradecredit.ecb"), now: @escaping @Sendable () -> Date = { Date() }) {
        let text = baseURL.absoluteString
        self.baseURL = text.hasSuffix("/") ? baseURL : URL(string: text + "/") ?? baseURL
        self.historyFile = historyFile
        self.client = ConditionalHTTPClient(wrapping: client, cache: ConditionalRequestCache(capacity: 8))
        self.schedule = ECBPublicationSchedule()
        self.now = now
        self.cache = ECBFileCache(logger: logger)
    }

    public func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication {
        guard let date else { return try await table(for: .daily).publication(for: nil, policy: policy) }
        try checkNotInFuture(date)
        // A date that a cached file already follows with a newer publication never changes: no request.
        if let table = await cache.tableSettling(date) {
            return try table.publication(for: date, policy: policy)
        }
        return try await table(for: file(for: date)).publication(for: date, policy: policy)
    }

    public func rateTable(from start: CalendarDate, through end: CalendarDate, policy: ConversionPolicy) async throws -> RateTable {
        guard start <= end else {
            throw ModelError(.outOfRange, field: "end", value: "\(start)..\(end)", "the range ends before it starts")
        }
        try checkNotInFuture(end)
        let full = try await table(for: file(for: start))
        let first = try full.publication(for: start, policy: policy).date
        _ = try full.publication(for: end, policy: policy)
        return try full.slice(from: first, through: end)
    }

    // MARK: Files

    enum File: Hashable, Sendable {
        case daily, ninetyDays, history(HistoryFile)

        var name: String {
            switch self {
            case .daily: return "eurofxref-daily.xml"
            case .ninetyDays: return "eurofxref-hist-90d.xml"
            case .history(let file): return file.rawValue
            }
        }
    }

    /// The smallest file that holds `date`: the 90-day file covers the last 90 calendar days (with a margin).
    private func file(for date: CalendarDate) -> File {
        let today = schedule.frankfurtDate(at: now())
        return today.days(since: date) <= 85 ? .ninetyDays : .history(historyFile)
    }

    private func checkNotInFuture(_ date: CalendarDate) throws {
        let today = schedule.frankfurtDate(at: now())
        guard date <= today else {
            throw ModelError(.dateOutOfRange, field: "date", value: date.description,
                             "after today (\(today) in Frankfurt): the ECB has not published it")
        }
    }

    /// The file's table, covering the days up to now that no newer publication can have reached yet: computed at
    /// each call, so that a file fetched on Friday evening still covers the weekend when asked on Sunday.
    private func table(for file: File) async throws -> RateTable {
        let table = try await fetchedTable(for: file)
        guard let latest = table.publications.last?.date else { return table }
        let coverage = schedule.coverage(latest: latest, fetchedAt: now())
        return try table.covering(through: Swift.max(coverage, table.validThrough ?? latest))
    }

    private func fetchedTable(for file: File) async throws -> RateTable {
        try await cache.table(for: file, now: now()) { [client, baseURL, schedule, now] in
            let url = baseURL.appendingPathComponent(file.name)
            let response: HTTPResponse
            do {
                response = try await client.send(HTTPRequest.get(url))
            } catch let error as HTTPError where error.code != .cancelled {
                throw ECBRatesError(.unavailable, file: file.name, message: error.description)
            }
            guard response.status == 200 else {
                throw ECBRatesError(response.status == 404 ? .notFound : .unavailable, file: file.name,
                                    message: "HTTP \(response.status) from \(baseURL.host ?? "the server")")
            }
            let publications = try ECBRatesFile.publications(from: response.body, file: file.name)
            guard let latest = publications.last?.date else {
                throw ECBRatesError(.empty, file: file.name, message: "no publication in the file")
            }
            let fetchedAt = now()
            let table = try RateTable(source: "ECB", publications: publications,
                                      validThrough: schedule.coverage(latest: latest, fetchedAt: fetchedAt))
            let next = schedule.nextPublication(after: latest)
            // When the next publication is late, look again in ten minutes (a 304 costs little).
            let freshUntil = next > fetchedAt ? next : fetchedAt.addingTimeInterval(600)
            return ECBFileCache.Entry(table: table, freshUntil: freshUntil)
        }
    }
}

/// The parsed files, each fresh until a date, with one fetch in flight per file.
actor ECBFileCache {
    struct Entry: Sendable {
        let table: RateTable
        let freshUntil: Date
    }

    private var entries: [ECBRateProvider.File: Entry] = [:]
    private var inFlight: [ECBRateProvider.File: SharedFetch<Entry>] = [:]
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// A cached table in which `date` is followed by a newer publication (so its answer is final).
    func tableSettling(_ date: CalendarDate) -> RateTable? {
        entries.values.map(\.table).first { table in
            guard let range = table.dateRange else { return false }
            return range.lowerBound <= date && date < range.upperBound
        }
    }

    func table(for file: ECBRateProvider.File, now: Date,
               fetch: @escaping @Sendable () async throws -> Entry) async throws -> RateTable {
        if let entry = entries[file], now < entry.freshUntil { return entry.table }
        if let shared = inFlight[file] { return try await shared.value().table }
        let shared = SharedFetch(fetch)
        inFlight[file] = shared
        defer { inFlight[file] = nil }
        let entry = try await shared.value()
        entries[file] = entry
        logger.debug("ecb rates fetched", metadata: ["file": "\(file.name)", "fresh_until": "\(entry.freshUntil)"])
        return entry.table
    }
}

/// One fetch shared by every caller that needs its result meanwhile.
///
/// The fetch runs in a task of its own, so a caller's cancellation does not reach it by itself: it is cancelled
/// when every caller waiting on it has been cancelled (a lone caller's cancellation ends the fetch at once; one of
/// several waits, bounded by the request's timeouts, for the others' answer).
final class SharedFetch<Value: Sendable>: @unchecked Sendable {
    private let task: Task<Value, any Error>
    private let lock = NSLock()
    private var waiting = 0
    private var cancelled = 0

    init(_ work: @escaping @Sendable () async throws -> Value) {
        task = Task { try await work() }
    }

    /// The fetch's result, for one more caller.
    func value() async throws -> Value {
        lock.withLock { waiting += 1 }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            let everyone = lock.withLock {
                cancelled += 1
                return cancelled == waiting
            }
            if everyone { task.cancel() }
        }
    }
}
