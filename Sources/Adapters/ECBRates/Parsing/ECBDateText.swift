import TradeCreditModel

/// Reads a publication date as the ECB writes it, from UTF-8 bytes: `2026-10-30` (history CSV, XML) or
/// `30 October 2026` (daily CSV, English month names).
enum ECBDateText {
    /// What a message says a date should look like.
    static let expectedShapes = "expected YYYY-MM-DD or a date such as \"30 October 2026\""

    private static let months = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// The date written in `bytes` in either form, or `nil` when it is neither or names no real day.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> CalendarDate? {
        isISOShaped(bytes) ? parseISO(bytes) : parseEnglish(bytes)
    }

    /// The date written in `text` in either form, or `nil`.
    static func parse(_ text: String) -> CalendarDate? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// Whether the bytes look like `YYYY-MM-DD` (ten bytes, dashes at 4 and 7).
    private static func isISOShaped(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
    }

    private static func parseISO(_ bytes: UnsafeRawBufferPointer) -> CalendarDate? {
        guard let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10) else {
            return nil
        }
        return try? CalendarDate(year: year, month: month, day: day)
    }

    /// `D Month YYYY` or `DD Month YYYY`, one space between the parts, month name in any letter case.
    private static func parseEnglish(_ bytes: UnsafeRawBufferPointer) -> CalendarDate? {
        let parts = bytes.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), parts[2].count == 4,
              let day = number(bytes, parts[0].startIndex..<parts[0].endIndex),
              let year = number(bytes, parts[2].startIndex..<parts[2].endIndex),
              let monthIndex = months.firstIndex(of: String(decoding: parts[1], as: UTF8.self).lowercased()) else {
            return nil
        }
        return try? CalendarDate(year: year, month: monthIndex + 1, day: day)
    }

    /// The decimal integer in `bytes[range]`, all digits, or `nil`.
    private static func number(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return range.isEmpty ? nil : value
    }
}
