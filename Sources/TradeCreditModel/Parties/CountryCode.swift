/// An ISO 3166-1 alpha-2 country code such as `FR`, validated against the table shipped with the SDK.
///
/// The table holds every officially assigned alpha-2 code, and `XK` (Kosovo), a user-assigned code that the European
/// Commission and most bureaus use; it is flagged ``CountryInfo/isUserAssigned``. Source and date: `ISO3166Table.swift`.
/// JSON form: the two-letter code as a string, `"FR"`.
public struct CountryCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The two-letter code, upper case.
    public let code: String

    /// Validates `text` (surrounding spaces ignored, any letter case) against the ISO 3166-1 table.
    /// - Throws: ``ModelError`` `.unknownCountry` for a code not in the table, `.invalidFormat` for anything but two
    ///   letters.
    public init(_ text: String) throws {
        let normalized = text.trimmingWhitespace().uppercased()
        guard normalized.count == 2, normalized.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw ModelError(.invalidFormat, field: "country", value: text, "a country code is two letters (ISO 3166-1 alpha-2)")
        }
        guard CountryTable.shared.info[normalized] != nil else {
            throw ModelError(.unknownCountry, field: "country", value: text, "unknown ISO 3166-1 alpha-2 country code")
        }
        self.code = normalized
    }

    private init(known code: String) { self.code = code }

    /// What the ISO 3166-1 table says about this country.
    public var info: CountryInfo { CountryTable.shared.info[code]! }

    public var description: String { code }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.code < rhs.code }

    /// Every country in the table, sorted by code.
    public static var all: [CountryInfo] { CountryTable.shared.sorted }

    /// France.
    public static let FR = CountryCode(known: "FR")
    /// Germany.
    public static let DE = CountryCode(known: "DE")
    /// United Kingdom.
    public static let GB = CountryCode(known: "GB")
    /// United States.
    public static let US = CountryCode(known: "US")
    /// Greece (its VAT numbers use the VIES prefix `EL`).
    public static let GR = CountryCode(known: "GR")
}

extension CountryCode: Codable {
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

/// One row of the ISO 3166-1 table.
public struct CountryInfo: Hashable, Sendable, Codable {
    /// Alpha-2 code.
    public let alpha2: String
    /// Alpha-3 code.
    public let alpha3: String
    /// Three-digit numeric code.
    public let numericCode: Int
    /// English short name.
    public let name: String
    /// `true` for a user-assigned code in common use (only `XK`), not an official ISO 3166-1 assignment.
    public let isUserAssigned: Bool
}

/// The parsed ISO 3166-1 table, built once from `iso3166TableCSV`.
struct CountryTable: Sendable {
    static let shared = CountryTable(csv: iso3166TableCSV)

    let info: [String: CountryInfo]
    let sorted: [CountryInfo]

    /// Columns: `alpha2,alpha3,numeric,user_assigned,name` (`user_assigned` is `1` or empty). The tests check it.
    init(csv: String) {
        var rows: [String: CountryInfo] = [:]
        for line in csv.split(separator: "\n").dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            precondition(fields.count == 5, "ISO 3166-1 table: malformed row \(line)")
            let info = CountryInfo(
                alpha2: fields[0], alpha3: fields[1], numericCode: Int(fields[2])!,
                name: fields[4], isUserAssigned: fields[3] == "1"
            )
            rows[info.alpha2] = info
        }
        self.info = rows
        self.sorted = rows.values.sorted { $0.alpha2 < $1.alpha2 }
    }
}
