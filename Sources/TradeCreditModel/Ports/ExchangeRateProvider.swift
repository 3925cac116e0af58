/// A port to a source of euro reference rates (the ECB, Frankfurter, a file).
///
/// The composition layer asks it for a ``RateTable`` covering the dates a computation needs and passes the table
/// to the engines, which convert through it.
public protocol ExchangeRateProvider: Sendable {
    /// The name recorded in every conversion (`"ECB"`).
    var source: String { get }
    /// The publication for `date` — that day's, or the latest earlier one within `policy`'s look-back — or the
    /// latest publication when `date` is `nil`. The returned publication's date says which day was used.
    func publication(for date: CalendarDate?, policy: ConversionPolicy) async throws -> RatePublication
    /// The currencies the source publishes on `date` (the latest publication when `nil`), EUR included.
    func supportedCurrencies(on date: CalendarDate?) async throws -> Set<CurrencyCode>
    /// Every publication from `start` through `end`, as a table (publications on or before `start` within the
    /// look-back are included so that `start` itself converts).
    func rateTable(from start: CalendarDate, through end: CalendarDate, policy: ConversionPolicy) async throws -> RateTable
}

extension ExchangeRateProvider {
    public func supportedCurrencies(on date: CalendarDate?) async throws -> Set<CurrencyCode> {
        try await publication(for: date, policy: ConversionPolicy()).currencies
    }

    /// Default: one ``publication(for:policy:)`` per day of the range, duplicates removed. Sources with a range
    /// endpoint override it.
    public func rateTable(from start: CalendarDate, through end: CalendarDate, policy: ConversionPolicy) async throws -> RateTable {
        guard start <= end else {
            throw ModelError(.outOfRange, field: "end", value: "\(start)..\(end)", "the range ends before it starts")
        }
        var byDate: [CalendarDate: RatePublication] = [:]
        var day = start
        while true {
            try Task.checkCancellation()
            let publication = try await publication(for: day, policy: policy)
            byDate[publication.date] = publication
            guard day < end else { break }
            day = try day.adding(days: 1)
        }
        return try RateTable(source: source, publications: Array(byDate.values), validThrough: end)
    }
}
