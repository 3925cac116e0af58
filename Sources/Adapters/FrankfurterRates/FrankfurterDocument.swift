import Foundation
import Logging
import TradeCreditModel

/// Reads Frankfurter's JSON bodies — one day, `{"amount":1.0,"base":"EUR","date":…,"rates":{"USD":1.0892,…}}`, or a
/// series, `{…,"start_date":…,"end_date":…,"rates":{"2024-03-15":{…},…}}` — into exact publications.
///
/// Every rate keeps the digits of its JSON literal (no `Double` on the way). A currency code that is well formed but
/// not in the SDK's ISO 4217 table is skipped with one `.warning` per document: Frankfurter may publish a currency
/// before the table knows it, and one new code should not make every other rate unusable. Everything else that is
/// not as documented is ``FrankfurterError/Code/malformed``.
struct FrankfurterDocument: Sendable {
    /// The source recorded in every publication.
    static let source = "Frankfurter"

    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// The publication of a one-day body (`/v1/latest`, `/v1/{date}`).
    func publication(from body: Data) throws -> RatePublication {
        let object = try root(of: body)
        let date = try Self.date(object["date"], field: "date")
        guard let rates = object["rates"]?.objectValue else { throw Self.malformed("rates", "missing or not an object") }
        var skipped: Set<String> = []
        let publication = try Self.publication(date: date, rates: rates, field: "rates", skipped: &skipped)
        warn(skipped: skipped, in: date.description)
        return publication
    }

    /// The publications of a series body (`/v1/{start}..{end}`), in no particular order.
    func publications(from body: Data) throws -> [RatePublication] {
        let object = try root(of: body)
        for field in ["start_date", "end_date"] where object[field] != nil {
            _ = try Self.date(object[field], field: field)
        }
        guard let days = object["rates"]?.objectValue else { throw Self.malformed("rates", "missing or not an object") }
        var skipped: Set<String> = []
        var publications: [RatePublication] = []
        publications.reserveCapacity(days.count)
        for (key, value) in days {
            let date = try Self.date(.string(key), field: "rates")
            guard let rates = value.objectValue else {
                throw Self.malformed("rates.\(key)", "is \(value.kindName), expected an object of rates")
            }
            publications.append(try Self.publication(date: date, rates: rates, field: "rates.\(key)", skipped: &skipped))
        }
        warn(skipped: skipped, in: "a series of \(days.count) days")
        return publications
    }

    // MARK: Parts

    /// The top-level object, checked for `base` EUR and `amount` 1.
    private func root(of body: Data) throws -> [String: RawJSONValue] {
        let value: RawJSONValue
        do {
            value = try RawJSONScanner.parse(body)
        } catch {
            throw FrankfurterError(.malformed, message: "the body is not a JSON document (\(body.count) bytes): \(error)")
        }
        guard let object = value.objectValue else {
            throw FrankfurterError(.malformed, message: "the body is \(value.kindName), not a JSON object")
        }
        guard let base = object["base"]?.stringValue else { throw Self.malformed("base", "missing or not a string") }
        guard base == "EUR" else {
            throw Self.malformed("base", "is \"\(base.prefix(8))\", not EUR: the provider only uses the ECB's euro rates, never rebased (rounded) ones")
        }
        if let amount = object["amount"] {
            guard let text = amount.numberText, let value = try? ExactDecimal(jsonNumber: text, field: "amount"),
                  value == ExactDecimal(significand: 1, scale: 0) else {
                throw Self.malformed("amount", "the rates must be for an amount of 1 EUR")
            }
        }
        return object
    }

    private static func date(_ value: RawJSONValue?, field: String) throws -> CalendarDate {
        guard let text = value?.stringValue else { throw malformed(field, "missing or not a string") }
        do {
            return try CalendarDate(parsing: text)
        } catch {
            throw malformed(field, "\"\(text.prefix(16))\" is not a date as YYYY-MM-DD")
        }
    }

    private static func publication(date: CalendarDate, rates: [String: RawJSONValue], field: String,
                                    skipped: inout Set<String>) throws -> RatePublication {
        var exact: [CurrencyCode: ExactDecimal] = [:]
        for (code, value) in rates {
            let rateField = "\(field).\(code.prefix(8))"
            guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
                throw malformed(rateField, "not a currency code (three capital letters)")
            }
            guard let currency = try? CurrencyCode(code) else {
                skipped.insert(code)
                continue
            }
            guard let text = value.numberText else { throw malformed(rateField, "is \(value.kindName), expected a number") }
            let rate: ExactDecimal
            do {
                rate = try ExactDecimal(jsonNumber: text, field: rateField)
            } catch {
                throw malformed(rateField, "\(error)")
            }
            guard rate.significand > 0 else { throw malformed(rateField, "the rate \(text) is not positive") }
            exact[currency] = rate
        }
        guard !exact.isEmpty else { throw malformed(field, "no rate of a known currency on \(date)") }
        do {
            return try RatePublication(source: source, date: date, exactRates: exact)
        } catch {
            // An EUR entry other than 1.
            throw malformed(field, "\(error)")
        }
    }

    private func warn(skipped: Set<String>, in context: String) {
        guard !skipped.isEmpty else { return }
        logger.warning("frankfurter rates skipped: currency codes not in the ISO 4217 table", metadata: [
            "currencies": "\(skipped.sorted().joined(separator: ","))", "publication": "\(context)",
        ])
    }

    private static func malformed(_ field: String, _ message: String) -> FrankfurterError {
        FrankfurterError(.malformed, field: field, message: message)
    }
}
