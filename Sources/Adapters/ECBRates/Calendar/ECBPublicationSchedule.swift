public import Foundation
public import TradeCreditModel

/// When the ECB publishes: around 16:00 Frankfurt time (CET or CEST) on each TARGET working day.
public struct ECBPublicationSchedule: Sendable {
    /// The hour of publication, Frankfurt time (16).
    public var hour: Int = 16
    /// Frankfurt's time zone.
    public let timeZone: TimeZone

    public init(hour: Int = 16) {
        self.hour = hour
        self.timeZone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600)!
    }

    /// The calendar date in Frankfurt at `instant`.
    public func frankfurtDate(at instant: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return (try? CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
            ?? (try! CalendarDate(daysSinceEpoch: 0))
    }

    /// The instant of the publication of `date`'s rates (16:00 Frankfurt time that day).
    public func publicationInstant(of date: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (year, month, day) = date.components
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour)) ?? Date.distantFuture
    }

    /// The instant the publication after `latest` is expected: 16:00 on the next TARGET working day. A copy of the
    /// rates whose newest day is `latest` stays current until then.
    public func nextPublication(after latest: CalendarDate) -> Date {
        publicationInstant(of: TARGETCalendar.nextWorkingDay(after: latest))
    }

    /// The last day a table whose newest publication is `latest`, fetched at `instant`, covers: the day before the
    /// next expected publication when that is still in the future (so that a weekend or a holiday converts at the
    /// last rates), else `latest` itself.
    public func coverage(latest: CalendarDate, fetchedAt instant: Date) -> CalendarDate {
        let next = TARGETCalendar.nextWorkingDay(after: latest)
        guard instant < publicationInstant(of: next) else { return latest }
        let today = frankfurtDate(at: instant)
        let dayBeforeNext = (try? next.adding(days: -1)) ?? latest
        return max(latest, min(today, dayBeforeNext))
    }
}
