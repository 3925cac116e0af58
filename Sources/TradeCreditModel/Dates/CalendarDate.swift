/// A calendar date with no time and no time zone, as business dates are (`2026-11-27`).
///
/// Stored as a day count, so adding days and counting the days between two dates are exact integer operations.
/// Years 1…9999 of the proleptic Gregorian calendar. JSON and text form: ISO 8601 `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int

    /// The earliest and latest dates accepted.
    public static let supportedYears = 1...9999

    /// Creates a date from its parts. - Throws: ``ModelError`` `.invalidDate` for a day that does not exist
    /// (2020-02-30, 2023-02-29, month 13) or a year outside 1…9999.
    public init(year: Int, month: Int, day: Int) throws {
        guard CalendarDate.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else {
            throw ModelError(.invalidDate, value: CalendarDate.format(year, month, day), "no such calendar date")
        }
        self.daysSinceEpoch = CalendarDate.days(year: year, month: month, day: day)
    }

    /// A date from a day count since 1970-01-01. - Throws: `.invalidDate` outside years 1…9999.
    public init(daysSinceEpoch: Int) throws {
        guard daysSinceEpoch >= CalendarDate.minDays, daysSinceEpoch <= CalendarDate.maxDays else {
            throw ModelError(.invalidDate, value: String(daysSinceEpoch), "day count outside years 1...9999")
        }
        self.daysSinceEpoch = daysSinceEpoch
    }

    private init(unchecked days: Int) { self.daysSinceEpoch = days }

    /// Parses ISO 8601 `YYYY-MM-DD` exactly (no time, no offset, no week or ordinal forms).
    /// - Throws: `.invalidDate`, naming `field` when given.
    public init(parsing text: String, field: String? = nil) throws {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw ModelError(.invalidDate, field: field, value: text, "expected a date as YYYY-MM-DD")
        }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw ModelError(.invalidDate, field: field, value: text, "no such calendar date")
        }
    }

    /// Year, month (1…12) and day (1…31).
    public var components: (year: Int, month: Int, day: Int) { CalendarDate.civil(fromDays: daysSinceEpoch) }
    /// The year.
    public var year: Int { components.year }
    /// The month, 1…12.
    public var month: Int { components.month }
    /// The day of the month, 1…31.
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1
    }

    /// Whether the date falls on a Saturday or a Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return CalendarDate.format(y, m, d)
    }

    /// The date `days` later (earlier when negative). - Throws: `.invalidDate` past the supported years.
    public func adding(days: Int) throws -> CalendarDate {
        let (target, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        guard !overflow else {
            throw ModelError(.invalidDate, value: description, "adding \(days) days leaves years 1...9999")
        }
        return try CalendarDate(daysSinceEpoch: target)
    }

    /// The date `months` later, on the same day or the month's last day when it is shorter (Jan 31 + 1 month is
    /// Feb 28 or 29). - Throws: `.invalidDate` past the supported years.
    public func adding(months: Int) throws -> CalendarDate {
        let (y, m, d) = components
        let (total, overflow) = (y * 12 + (m - 1)).addingReportingOverflow(months)
        let year = total / 12, month = total % 12 + 1
        guard !overflow, total >= 0, CalendarDate.supportedYears.contains(year) else {
            throw ModelError(.invalidDate, value: description, "adding \(months) months leaves years 1...9999")
        }
        return try CalendarDate(year: year, month: month, day: min(d, CalendarDate.daysInMonth(year: year, month: month)))
    }

    /// Whole days from `other` to this date: positive when this date is later.
    public func days(since other: CalendarDate) -> Int { daysSinceEpoch - other.daysSinceEpoch }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    // MARK: Calendar arithmetic (days from civil and back, proleptic Gregorian, 400-year eras)

    static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static let minDays = days(year: 1, month: 1, day: 1)
    private static let maxDays = days(year: 9999, month: 12, day: 31)

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value.magnitude)
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A closed range of calendar dates, such as a policy period.
public struct DatePeriod: Hashable, Sendable, Codable {
    /// First day included.
    public let start: CalendarDate
    /// Last day included.
    public let end: CalendarDate

    /// - Throws: `.outOfRange` when `end` is before `start`.
    public init(start: CalendarDate, end: CalendarDate) throws {
        guard start <= end else {
            throw ModelError(.outOfRange, field: "end", value: "\(start)..\(end)", "a period cannot end before it starts")
        }
        self.start = start
        self.end = end
    }

    /// Whether `date` lies in the interval, both ends included.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// Days in the interval, both ends counted.
    public var dayCount: Int { end.days(since: start) + 1 }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(CalendarDate.self, forKey: .start)
        let end = try container.decode(CalendarDate.self, forKey: .end)
        do { try self.init(start: start, end: end) } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: error.description)
        }
    }
}
