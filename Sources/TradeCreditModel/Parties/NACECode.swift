/// An economic activity in NACE Rev. 2: a section letter A…U, optionally with a two-digit division.
///
/// Text and JSON form: `"F"` (section) or `"F41"` (section and division). A division alone (`"41"`) is accepted on
/// parsing and its section derived. A division that does not belong to the section (`"C41"`) is an error.
public struct NACECode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The section letter, `A`…`U`.
    public let section: Character
    /// The division, 01…99, when known.
    public let division: Int?

    /// Division ranges of each section (NACE Rev. 2, Eurostat 2008).
    static let divisionsBySection: [Character: ClosedRange<Int>] = [
        "A": 1...3, "B": 5...9, "C": 10...33, "D": 35...35, "E": 36...39, "F": 41...43, "G": 45...47, "H": 49...53,
        "I": 55...56, "J": 58...63, "K": 64...66, "L": 68...68, "M": 69...75, "N": 77...82, "O": 84...84,
        "P": 85...85, "Q": 86...88, "R": 90...93, "S": 94...96, "T": 97...98, "U": 99...99,
    ]

    /// - Throws: ``ModelError`` `.invalidFormat` for an unknown section, `.inconsistent` for a division outside it.
    public init(section: Character, division: Int? = nil) throws {
        let uppercased = section.uppercased()
        guard uppercased.count == 1, let divisions = NACECode.divisionsBySection[Character(uppercased)] else {
            throw ModelError(.invalidFormat, field: "sector", value: String(section), "NACE sections are A to U")
        }
        let upper = Character(uppercased)
        if let division, !divisions.contains(division) {
            throw ModelError(.inconsistent, field: "sector", value: "\(upper)\(division)",
                             "division \(division) is not in NACE section \(upper)")
        }
        self.section = upper
        self.division = division
    }

    /// Parses `F`, `F41`, `F.41` or `41`. - Throws: `.invalidFormat`, `.inconsistent`.
    public init(parsing text: String) throws {
        let cleaned = text.trimmingWhitespace().uppercased().filter { $0 != "." && $0 != " " }
        if let first = cleaned.first, first.isLetter {
            let rest = cleaned.dropFirst()
            guard rest.isEmpty || (rest.count == 2 && rest.allSatisfy { $0.isASCII && $0.isNumber }) else {
                throw ModelError(.invalidFormat, field: "sector", value: text, "expected a NACE code such as F or F41")
            }
            try self.init(section: first, division: rest.isEmpty ? nil : Int(rest))
        } else if cleaned.count == 2, cleaned.allSatisfy({ $0.isASCII && $0.isNumber }), let division = Int(cleaned),
                  let section = NACECode.divisionsBySection.first(where: { $0.value.contains(division) })?.key {
            try self.init(section: section, division: division)
        } else {
            throw ModelError(.invalidFormat, field: "sector", value: text, "expected a NACE code such as F or F41")
        }
    }

    /// `F` or `F41`.
    public var description: String {
        guard let division else { return String(section) }
        return String(section) + (division < 10 ? "0" : "") + String(division)
    }

    /// The code without its division.
    public var sectionOnly: NACECode { (try? NACECode(section: section)) ?? self }

    public static func < (lhs: NACECode, rhs: NACECode) -> Bool { lhs.description < rhs.description }
}

extension NACECode: Codable {
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
