import ArgumentParser
import Foundation
import TradeCredit

/// The `--format` values shared by every command.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Writes JSON with sorted keys, so that outputs are stable and diffable.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension KeyedEncodingContainer {
    /// Encodes `value`, or JSON `null` when it is `nil`, so that the key is always present.
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    /// Encodes the rates used (`{"source": "ECB", "date": "2026-10-30"}`), or JSON `null` when none was needed.
    mutating func encodeRates(_ rates: (source: String, date: CalendarDate)?, forKey key: Key) throws {
        guard let rates else { return try encodeNil(forKey: key) }
        var used = nestedContainer(keyedBy: RatesKeys.self, forKey: key)
        try used.encode(rates.source, forKey: .source)
        try used.encode(rates.date, forKey: .date)
    }
}

/// The keys of the rates used in a JSON output.
private enum RatesKeys: String, CodingKey { case source, date }
