import Foundation
import PropertyBased
import Testing
@testable import TradeCreditModel

// Day counts and weekdays below were worked out by hand (and checked against Python's datetime, which uses the same
// proleptic Gregorian calendar): e.g. 2026-11-27 = 56 × 365 + 14 leap days (1972…2024) + 330 days into 2026 = 20784.

@discardableResult
private func expectModelError(
    _ code: ModelError.Code,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> ModelError? {
    let error = #expect(throws: ModelError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, "expected \(code), got \(String(describing: error))", sourceLocation: sourceLocation)
    return error
}

private func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

// MARK: - Independent reference calendar

/// Leap years by the Gregorian rule.
private func referenceIsLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

private func referenceDaysInMonth(_ year: Int, _ month: Int) -> Int {
    let lengths = [31, referenceIsLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return lengths[month - 1]
}

/// Days since 1970-01-01, counted from 0001-01-01: whole years (365 each plus one per leap year before `year`),
/// then whole months, then days. 0001-01-01 is 719,162 days before 1970-01-01.
private func referenceDays(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let previousYears = year - 1
    let leapDays = previousYears / 4 - previousYears / 100 + previousYears / 400
    var dayOfYear = day - 1
    for m in 1..<month { dayOfYear += referenceDaysInMonth(year, m) }
    return previousYears * 365 + leapDays + dayOfYear - 719_162
}

/// ISO weekday (1 = Monday … 7 = Sunday) by Sakamoto's method.
private func referenceWeekday(_ year: Int, _ month: Int, _ day: Int) -> Int {
    let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    let y = month < 3 ? year - 1 : year
    let sundayBased = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7  // 0 = Sunday
    return sundayBased == 0 ? 7 : sundayBased
}

private func referenceNextDay(_ year: Int, _ month: Int, _ day: Int) -> (Int, Int, Int) {
    if day < referenceDaysInMonth(year, month) { return (year, month, day + 1) }
    if month < 12 { return (year, month + 1, 1) }
    return (year + 1, 1, 1)
}

// MARK: - Parsing

@Suite("CalendarDate parsing")
struct CalendarDateParsingTests {
    static let valid: [(String, Int, Int, Int)] = [
        ("2026-11-27", 2026, 11, 27),
        ("2020-02-29", 2020, 2, 29),     // leap year
        ("2000-02-29", 2000, 2, 29),     // divisible by 400: leap
        ("2026-04-30", 2026, 4, 30),
        ("2026-12-31", 2026, 12, 31),
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
        ("1969-12-31", 1969, 12, 31),
    ]

    @Test("valid dates", arguments: valid)
    func validDates(_ text: String, _ year: Int, _ month: Int, _ day: Int) throws {
        let parsed = try CalendarDate(parsing: text)
        #expect(parsed.year == year)
        #expect(parsed.month == month)
        #expect(parsed.day == day)
        #expect(parsed.description == text)
        #expect(parsed == (try CalendarDate(year: year, month: month, day: day)))
    }

    static let invalid = [
        "2020-02-30", "2023-02-29", "1900-02-29" /* century, not leap */, "2026-13-01", "2026-00-10", "2026-11-00",
        "2026-04-31", "2026-11-32", "2026-1-5", "2026-01-5", "20261127", "2026-11-27T00:00:00Z", "2026-11-27T00:00",
        "", " ", "abcd-ef-gh", "0000-01-01", "10000-01-01", "2026/11/27", "27-11-2026", "-2026-11-27", "+2026-11-27",
        "2026-11", "2026-11-27-01", "2026-W48-5", "2026-331", "\u{FF12}\u{FF10}\u{FF12}\u{FF16}-11-27" /* fullwidth */,
        "2026-+1-27", "2026--1-27", "2026-11-2a",
    ]

    @Test("invalid dates are .invalidDate", arguments: invalid)
    func invalidDates(_ text: String) {
        let error = expectModelError(.invalidDate) { _ = try CalendarDate(parsing: text, field: "dueDate") }
        #expect(error?.field == "dueDate")
    }

    static let invalidParts: [(Int, Int, Int)] = [
        (2020, 2, 30), (2023, 2, 29), (2026, 13, 1), (2026, 0, 10), (2026, 6, 31), (2026, 1, 0), (2026, 1, -1),
        (0, 1, 1), (-1, 12, 31), (10_000, 1, 1),
    ]

    @Test("invalid parts are .invalidDate", arguments: invalidParts)
    func invalidComponents(_ year: Int, _ month: Int, _ day: Int) {
        expectModelError(.invalidDate) { _ = try CalendarDate(year: year, month: month, day: day) }
    }
}

// MARK: - Day counts and weekdays

@Suite("CalendarDate day counts")
struct CalendarDateDayCountTests {
    static let known: [(String, Int)] = [
        ("1970-01-01", 0),
        ("1969-12-31", -1),
        ("1970-01-02", 1),
        ("2000-01-01", 10_957),     // 30 × 365 + 7 leap days (1972…1996)
        ("2000-03-01", 11_017),     // + 31 + 29
        ("2024-02-29", 19_782),
        ("2026-11-27", 20_784),     // 56 × 365 + 14 + 330
        ("0001-01-01", -719_162),   // 1969 × 365 + 477 leap days before 1970
        ("9999-12-31", 2_932_896),
    ]

    @Test("days since 1970-01-01", arguments: known)
    func dayCounts(_ text: String, _ days: Int) throws {
        #expect(try date(text).daysSinceEpoch == days)
        #expect(try CalendarDate(daysSinceEpoch: days).description == text)
    }

    @Test func dayCountOutsideTheSupportedYears() {
        expectModelError(.invalidDate) { _ = try CalendarDate(daysSinceEpoch: -719_163) }
        expectModelError(.invalidDate) { _ = try CalendarDate(daysSinceEpoch: 2_932_897) }
        expectModelError(.invalidDate) { _ = try CalendarDate(daysSinceEpoch: .max) }
        expectModelError(.invalidDate) { _ = try CalendarDate(daysSinceEpoch: .min) }
    }

    static let weekdays: [(String, Int)] = [
        ("2026-11-27", 5),   // Friday
        ("2000-01-01", 6),   // Saturday
        ("1970-01-01", 4),   // Thursday
        ("1969-12-31", 3),   // Wednesday
        ("0001-01-01", 1),   // Monday (proleptic Gregorian)
        ("2024-02-29", 4),   // Thursday
        ("2026-11-29", 7),   // Sunday
        ("2026-11-30", 1),   // Monday
        ("9999-12-31", 5),   // Friday
    ]

    @Test("ISO weekdays", arguments: weekdays)
    func weekday(_ text: String, _ weekday: Int) throws {
        let day = try date(text)
        #expect(day.isoWeekday == weekday)
        #expect(day.isWeekend == (weekday >= 6))
    }

    /// (start, days to add, expected)
    static let additions: [(String, Int, String)] = [
        ("2024-02-28", 1, "2024-02-29"),
        ("2024-02-28", 2, "2024-03-01"),
        ("2023-02-28", 1, "2023-03-01"),
        ("2023-12-31", 1, "2024-01-01"),
        ("2024-01-01", 366, "2025-01-01"),
        ("2023-01-01", 365, "2024-01-01"),
        ("2020-03-01", -1, "2020-02-29"),
        ("1900-02-28", 1, "1900-03-01"),
        ("2000-02-28", 1, "2000-02-29"),
        ("2022-05-30", 150, "2022-10-27"),   // invoice date + 150 days credit period
        ("2022-10-27", 30, "2022-11-26"),    // + 30 days
        ("2026-11-27", 0, "2026-11-27"),
        ("2026-11-27", -20_784, "1970-01-01"),
        ("1970-01-01", 146_097, "2370-01-01"), // one 400-year Gregorian cycle
    ]

    @Test("adding days", arguments: additions)
    func addingDays(_ start: String, _ days: Int, _ expected: String) throws {
        let result = try date(start).adding(days: days)
        #expect(result.description == expected)
        #expect(result.days(since: try date(start)) == days)
        #expect(try date(start).days(since: result) == -days)
    }

    @Test func addingDaysPastTheSupportedYears() throws {
        expectModelError(.invalidDate) { _ = try date("9999-12-31").adding(days: 1) }
        expectModelError(.invalidDate) { _ = try date("0001-01-01").adding(days: -1) }
    }

    @Test func creditPeriodExample() throws {
        let invoice = try date("2022-05-30")
        let due = try invoice.adding(days: 150)
        #expect(due == (try date("2022-10-27")))
        let extended = try due.adding(days: 30)
        #expect(extended == (try date("2022-11-26")))
        #expect(extended.days(since: invoice) == 180)
        #expect(due.days(since: invoice) == 150)
        #expect(invoice < due && due < extended)
    }

    /// (start, months, expected)
    static let monthAdditions: [(String, Int, String)] = [
        ("2024-01-31", 1, "2024-02-29"),   // clamped to the leap-year end of February
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-03-31", -1, "2024-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2024-10-31", 1, "2024-11-30"),
        ("2024-12-15", 1, "2025-01-15"),
        ("2025-01-15", -1, "2024-12-15"),
        ("2024-01-31", 0, "2024-01-31"),
        ("2024-05-31", -15, "2023-02-28"),
        ("2026-11-27", 14, "2028-01-27"),
        ("0001-02-28", -1, "0001-01-28"),
        ("9999-11-30", 1, "9999-12-30"),
    ]

    @Test("adding months clamps to the end of the month", arguments: monthAdditions)
    func addingMonths(_ start: String, _ months: Int, _ expected: String) throws {
        #expect(try date(start).adding(months: months).description == expected)
    }

    @Test func addingMonthsPastTheSupportedYears() throws {
        expectModelError(.invalidDate) { _ = try date("9999-12-01").adding(months: 1) }
        expectModelError(.invalidDate) { _ = try date("0001-01-31").adding(months: -1) }
        expectModelError(.invalidDate) { _ = try date("0001-01-31").adding(months: -13) }
        expectModelError(.invalidDate) { _ = try date("2026-01-31").adding(months: 12 * 10_000) }
    }

    @Test func ordering() throws {
        #expect(try date("2026-11-27") < date("2026-11-28"))
        #expect(try date("2025-12-31") < date("2026-01-01"))
        #expect(try !(date("2026-11-27") < date("2026-11-27")))
        #expect(try [date("2026-03-01"), date("2024-02-29"), date("2025-01-01")].sorted().map(\.description)
            == ["2024-02-29", "2025-01-01", "2026-03-01"])
    }
}

// MARK: - JSON

@Suite("CalendarDate JSON")
struct CalendarDateCodingTests {
    @Test func roundTrip() throws {
        let day = try date("2026-11-27")
        let data = try JSONEncoder().encode(day)
        #expect(String(decoding: data, as: UTF8.self) == "\"2026-11-27\"")
        #expect(try JSONDecoder().decode(CalendarDate.self, from: Data("\"2026-11-27\"".utf8)) == day)
        let early = try JSONDecoder().decode(CalendarDate.self, from: Data("\"0001-01-01\"".utf8))
        #expect(early.daysSinceEpoch == -719_162)
    }

    static let badDocuments = ["\"2026-02-30\"", "\"2026-11-27T00:00:00Z\"", "20784", "null", "\"\"", "{}"]

    @Test("decoding errors", arguments: badDocuments)
    func decodeErrors(_ json: String) {
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(CalendarDate.self, from: Data(json.utf8)) }
    }

    @Test func periodRoundTrip() throws {
        let period = try DatePeriod(start: date("2026-01-01"), end: date("2026-12-31"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(period)
        #expect(String(decoding: data, as: UTF8.self) == #"{"end":"2026-12-31","start":"2026-01-01"}"#)
        #expect(try JSONDecoder().decode(DatePeriod.self, from: data) == period)
    }

    @Test func periodDecodingRejectsAnEndBeforeTheStart() {
        let json = Data(#"{"start":"2026-12-31","end":"2026-01-01"}"#.utf8)
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(DatePeriod.self, from: json) }
    }
}

// MARK: - DatePeriod

@Suite("DatePeriod")
struct CalendarDatePeriodTests {
    @Test func containsBothEnds() throws {
        let period = try DatePeriod(start: date("2026-01-01"), end: date("2026-12-31"))
        #expect(period.contains(try date("2026-01-01")))
        #expect(period.contains(try date("2026-12-31")))
        #expect(period.contains(try date("2026-06-15")))
        #expect(!period.contains(try date("2025-12-31")))
        #expect(!period.contains(try date("2027-01-01")))
        #expect(period.dayCount == 365)
    }

    @Test func dayCounts() throws {
        #expect(try DatePeriod(start: date("2024-01-01"), end: date("2024-12-31")).dayCount == 366)
        #expect(try DatePeriod(start: date("2026-11-27"), end: date("2026-11-27")).dayCount == 1)
        #expect(try DatePeriod(start: date("2022-05-30"), end: date("2022-10-27")).dayCount == 151)
        let single = try DatePeriod(start: date("2026-11-27"), end: date("2026-11-27"))
        #expect(single.contains(try date("2026-11-27")))
        #expect(!single.contains(try date("2026-11-28")))
    }

    @Test func endBeforeStartIsOutOfRange() throws {
        let start = try date("2026-11-27"), end = try date("2026-11-26")
        let error = expectModelError(.outOfRange) { _ = try DatePeriod(start: start, end: end) }
        #expect(error?.field == "end")
    }
}

// MARK: - Properties

@Suite("CalendarDate properties")
struct CalendarDatePropertyTests {
    static let dayCounts = Gen.int(in: -719_162...2_932_896)

    /// Valid (year, month, day) triples over years 1…9999; days past the month's end are folded back into it.
    static let civilDates = zip(Gen.int(in: 1...9999), Gen.int(in: 1...12), Gen.int(in: 1...31))
        .map { year, month, day in (year, month, min(day, referenceDaysInMonth(year, month))) }

    @Test func descriptionParsesBack() async {
        await propertyCheck(count: 1000, input: Self.dayCounts) { days in
            let day = try CalendarDate(daysSinceEpoch: days)
            let text = day.description
            #expect(text.count == 10)
            let reparsed = try CalendarDate(parsing: text)
            #expect(reparsed.daysSinceEpoch == days)
            #expect(reparsed == day)
            // JSON as well.
            let decoded = try JSONDecoder().decode(CalendarDate.self, from: JSONEncoder().encode(day))
            #expect(decoded == day)
        }
    }

    @Test func daysToCivilAndBack() async {
        await propertyCheck(count: 1000, input: Self.dayCounts) { days in
            let (y, m, d) = try CalendarDate(daysSinceEpoch: days).components
            #expect((1...9999).contains(y) && (1...12).contains(m) && (1...referenceDaysInMonth(y, m)).contains(d))
            #expect(referenceDays(y, m, d) == days)
            #expect(try CalendarDate(year: y, month: m, day: d).daysSinceEpoch == days)
        }
    }

    @Test func civilToDaysAndBack() async {
        await propertyCheck(count: 1000, input: Self.civilDates) { year, month, day in
            let date = try CalendarDate(year: year, month: month, day: day)
            #expect(date.daysSinceEpoch == referenceDays(year, month, day))
            #expect(date.year == year && date.month == month && date.day == day)
            #expect(date.isoWeekday == referenceWeekday(year, month, day))
            // The next day by the calendar rules.
            if (year, month, day) != (9999, 12, 31) {
                let next = try date.adding(days: 1)
                let (ny, nm, nd) = referenceNextDay(year, month, day)
                #expect(next.year == ny && next.month == nm && next.day == nd)
                #expect(next.isoWeekday == date.isoWeekday % 7 + 1)
            }
            // A day past the end of the month does not exist.
            expectModelError(.invalidDate) {
                _ = try CalendarDate(year: year, month: month, day: referenceDaysInMonth(year, month) + 1)
            }
        }
    }

    @Test func addingMonthsKeepsTheDayOrClampsIt() async {
        await propertyCheck(count: 500, input: Self.civilDates, Gen.int(in: -1200...1200)) { civil, months in
            let (year, month, day) = civil
            let total = (year * 12 + month - 1) + months
            let targetYear = total / 12, targetMonth = total % 12 + 1
            let start = try CalendarDate(year: year, month: month, day: day)
            guard total >= 12, (1...9999).contains(targetYear) else {
                expectModelError(.invalidDate) { _ = try start.adding(months: months) }
                return
            }
            let result = try start.adding(months: months)
            #expect(result.year == targetYear)
            #expect(result.month == targetMonth)
            #expect(result.day == min(day, referenceDaysInMonth(targetYear, targetMonth)))
        }
    }

    @Test func addingDaysThenSubtractingThem() async {
        await propertyCheck(count: 500, input: Self.dayCounts, Gen.int(in: -100_000...100_000)) { days, offset in
            let start = try CalendarDate(daysSinceEpoch: days)
            let target = days + offset
            guard (-719_162...2_932_896).contains(target) else {
                expectModelError(.invalidDate) { _ = try start.adding(days: offset) }
                return
            }
            let moved = try start.adding(days: offset)
            #expect(moved.days(since: start) == offset)
            #expect(try moved.adding(days: -offset) == start)
        }
    }
}

// MARK: - Extreme arguments must throw, never trap

@Suite("CalendarDate extreme arguments")
struct CalendarDateExtremeArgumentTests {
    /// `adding(days:)` and `adding(months:)` document `.invalidDate` past the supported years; an absurd count must
    /// throw that, not overflow `Int` and crash.
    @Test func hugeDayCountsThrow() async {
        await #expect(processExitsWith: .success) {
            let day = try CalendarDate(parsing: "2026-11-27")
            for days in [Int.max, Int.min, Int.max - 1] {
                guard (try? day.adding(days: days)) == nil else { fatalError("adding \(days) days succeeded") }
            }
        }
    }

    @Test func hugeMonthCountsThrow() async {
        await #expect(processExitsWith: .success) {
            let day = try CalendarDate(parsing: "2026-11-27")
            for months in [Int.max, Int.min, Int.max / 2] {
                guard (try? day.adding(months: months)) == nil else { fatalError("adding \(months) months succeeded") }
            }
        }
    }
}
