public import TradeCreditModel

/// The TARGET2 calendar: the days the ECB publishes reference rates.
///
/// Closed on Saturdays and Sundays, and on New Year's Day, Good Friday, Easter Monday, 1 May, 25 and 26 December
/// (the TARGET holidays in force since 2002; the few extra closing days of 1999–2001 are not modelled).
public enum TARGETCalendar {
    /// Whether the ECB publishes rates on `date` (a TARGET working day).
    public static func isWorkingDay(_ date: CalendarDate) -> Bool {
        guard !date.isWeekend else { return false }
        let (year, month, day) = date.components
        if (month == 1 && day == 1) || (month == 5 && day == 1) || (month == 12 && (day == 25 || day == 26)) {
            return false
        }
        let easter = easterSunday(year: year)
        return date.days(since: easter) != -2 && date.days(since: easter) != 1
    }

    /// The first TARGET working day after `date`.
    public static func nextWorkingDay(after date: CalendarDate) -> CalendarDate {
        var day = date
        repeat {
            guard let next = try? day.adding(days: 1) else { return day }
            day = next
        } while !isWorkingDay(day)
        return day
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
    public static func easterSunday(year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // The algorithm yields a valid date for every Gregorian year.
        return try! CalendarDate(year: year, month: month, day: day)
    }
}
