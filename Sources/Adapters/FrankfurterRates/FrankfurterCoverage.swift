import Foundation
import TradeCreditModel

/// The dates Frankfurter can have rates for: from the ECB's first publication, 1999-01-04, through today in
/// Frankfurt. A date outside them fails before any request is made.
struct FrankfurterCoverage: Sendable {
    /// The first ECB euro reference rates.
    static let firstPublication = try! CalendarDate(year: 1999, month: 1, day: 4)

    private static let frankfurt = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600)!

    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// Today's date in Frankfurt, where the rates are published.
    func today() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.frankfurt
        let parts = calendar.dateComponents([.year, .month, .day], from: now())
        return (try? CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
            ?? Self.firstPublication
    }

    /// - Throws: ``ModelError`` `.dateOutOfRange` for a date after today or before 1999-01-04.
    func check(_ date: CalendarDate, field: String = "date") throws {
        if date < Self.firstPublication {
            throw ModelError(.dateOutOfRange, field: field, value: date.description,
                             "before the first euro reference rates (\(Self.firstPublication))")
        }
        let today = today()
        if date > today {
            throw ModelError(.dateOutOfRange, field: field, value: date.description,
                             "after today (\(today) in Frankfurt): no rates are published for it yet")
        }
    }
}
