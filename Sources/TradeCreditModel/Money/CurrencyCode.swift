/// An ISO 4217 currency code such as `EUR`, validated against the table shipped with the SDK.
///
/// The table holds every current code (with its numeric code and minor units) and the withdrawn codes that real data
/// still carries, flagged with the month of their withdrawal. Its source and date are in `ISO4217Table.swift`.
/// JSON form: the three-letter code as a string, `"EUR"`.
public struct CurrencyCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The position of the code in the sorted table: comparing, hashing and looking up a currency is integer work,
    /// which keeps conversions fast (a million in well under a second).
    private let index: UInt16

    /// The three-letter code, upper case.
    public var code: String { info.code }

    /// Validates `text` (surrounding spaces ignored, any letter case) against the ISO 4217 table.
    /// - Throws: ``ModelError`` `.unknownCurrency` when the code is not in the table, `.invalidFormat` when it is not
    ///   three letters.
    public init(_ text: String) throws {
        let normalized = text.trimmingWhitespace().uppercased()
        guard normalized.count == 3, normalized.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw ModelError(.invalidFormat, field: "currency", value: text, "a currency code is three letters")
        }
        guard let index = CurrencyTable.shared.index[normalized] else {
            throw ModelError(.unknownCurrency, field: "currency", value: text, "unknown ISO 4217 currency code")
        }
        self.index = index
    }

    /// Used only for the constants below, which are known to be in the table.
    private init(known code: String) { self.index = CurrencyTable.shared.index[code]! }

    /// What the ISO 4217 table says about this currency.
    public var info: CurrencyInfo { CurrencyTable.shared.sorted[Int(index)] }

    /// The number of decimals of the currency's minor unit (0, 2, 3 or 4), or `nil` where ISO 4217 gives none
    /// (precious metals, funds and special codes such as `XAU` or `XDR`).
    public var minorUnits: Int? {
        let units = CurrencyTable.shared.minorUnits[Int(index)]
        return units < 0 ? nil : Int(units)
    }

    /// Whether ISO 4217 lists the code as withdrawn (list three).
    public var isWithdrawn: Bool { CurrencyTable.shared.withdrawnFlags[Int(index)] }

    public var description: String { code }

    /// Alphabetical order of the codes (the table is sorted, so the indices are in that order).
    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.index < rhs.index }

    /// Every currency in the table, current and withdrawn, sorted by code.
    public static var all: [CurrencyInfo] { CurrencyTable.shared.sorted }

    /// Euro.
    public static let EUR = CurrencyCode(known: "EUR")
    /// US dollar.
    public static let USD = CurrencyCode(known: "USD")
    /// Pound sterling.
    public static let GBP = CurrencyCode(known: "GBP")
    /// Swiss franc.
    public static let CHF = CurrencyCode(known: "CHF")
    /// Yen (no minor unit).
    public static let JPY = CurrencyCode(known: "JPY")
}

extension CurrencyCode: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch let error as ModelError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// The kind of an ISO 4217 entry.
public enum CurrencyKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A currency in circulation somewhere.
    case national
    /// A fund code (for example `CLF`, `USN`, `BOV`), marked "FUND" in ISO 4217.
    case fund
    /// A precious metal (`XAU`, `XAG`, `XPT`, `XPD`).
    case preciousMetal
    /// A supranational or special unit (`XDR`, `XSU`, `XUA`, the bond-market units `XBA`…`XBD`).
    case special
    /// `XTS`, reserved for testing, and `XXX`, "no currency".
    case reserved
}

/// A calendar month, used for the withdrawal date of a currency (ISO 4217 list three gives year and month).
public struct YearMonth: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Creates a year-month; `month` is 1…12.
    public init(year: Int, month: Int) throws {
        guard (1...12).contains(month), (1...9999).contains(year) else {
            throw ModelError(.invalidDate, value: "\(year)-\(month)", "not a valid year and month")
        }
        self.year = year
        self.month = month
    }

    /// `YYYY-MM`.
    public var description: String {
        let y = String(year), m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count == 1 ? "0" + m : m)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = YearMonth.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected YYYY-MM, got \"\(text)\"")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses `YYYY-MM`, returning `nil` when the text is not one.
    public static func parse(_ text: String) -> YearMonth? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        return try? YearMonth(year: year, month: month)
    }
}

/// One row of the ISO 4217 table.
public struct CurrencyInfo: Hashable, Sendable, Codable {
    /// Three-letter code.
    public let code: String
    /// Three-digit numeric code (e.g. 978 for EUR).
    public let numericCode: Int
    /// English name as published by ISO 4217.
    public let name: String
    /// Decimals of the minor unit, or `nil` where ISO 4217 says "N.A.".
    public let minorUnits: Int?
    /// National currency, fund, precious metal, special unit or reserved code.
    public let kind: CurrencyKind
    /// The month the code was withdrawn from ISO 4217 (list three), or `nil` for a current code.
    public let withdrawn: YearMonth?

    /// Whether the code is withdrawn.
    public var isWithdrawn: Bool { withdrawn != nil }
}

/// The parsed ISO 4217 table, built once from `iso4217TableCSV`.
struct CurrencyTable: Sendable {
    static let shared = CurrencyTable(csv: iso4217TableCSV)

    let index: [String: UInt16]
    let sorted: [CurrencyInfo]
    /// Minor units by index (−1 for none) and withdrawal flags: read on every conversion, so kept flat.
    let minorUnits: [Int8]
    let withdrawnFlags: [Bool]

    /// Columns: `code,numeric,minor_units,kind,withdrawn,name`; `minor_units` is empty for N.A., `withdrawn` is
    /// `YYYY-MM` or empty. The table is checked by the tests; a malformed row here is a programming error.
    init(csv: String) {
        var rows: [String: CurrencyInfo] = [:]
        for line in csv.split(separator: "\n").dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            precondition(fields.count == 6, "ISO 4217 table: malformed row \(line)")
            let info = CurrencyInfo(
                code: fields[0],
                numericCode: Int(fields[1])!,
                name: fields[5],
                minorUnits: fields[2].isEmpty ? nil : Int(fields[2])!,
                kind: CurrencyKind(rawValue: fields[3])!,
                withdrawn: fields[4].isEmpty ? nil : YearMonth.parse(fields[4])!
            )
            rows[info.code] = info
        }
        self.sorted = rows.values.sorted { $0.code < $1.code }
        self.index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.code, UInt16($0)) })
        self.minorUnits = sorted.map { Int8($0.minorUnits ?? -1) }
        self.withdrawnFlags = sorted.map(\.isWithdrawn)
    }
}
