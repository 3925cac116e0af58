public import TradeCreditModel

/// Log-odds adjustments by NACE Rev. 2 section (A…U); a section the table does not list adds nothing.
public struct SectorTable: Hashable, Sendable, Codable {
    /// One section's adjustment.
    public struct Entry: Hashable, Sendable, Codable {
        /// The section letter, `A`…`U`.
        public let section: String
        /// Log-odds added for a buyer of that section.
        public let logOdds: Double

        /// The adjustment of `section` (a letter A…U).
        public init(section: String, logOdds: Double) {
            self.section = section
            self.logOdds = logOdds
        }
    }

    /// The entries, in section order.
    public let entries: [Entry]

    /// - Throws: ``UnderwritingError`` `.outOfRange` for a section other than A…U or a value that is not finite;
    ///   `.inconsistent` for a section listed twice.
    public init(entries: [Entry]) throws {
        var seen: Set<String> = []
        for (index, entry) in entries.enumerated() {
            guard entry.section.count == 1, let letter = entry.section.first, (try? NACECode(section: letter)) != nil,
                  entry.section == entry.section.uppercased() else {
                throw UnderwritingError(.outOfRange, field: "entries[\(index)].section", value: entry.section,
                                        "NACE sections are the letters A to U")
            }
            guard entry.logOdds.isFinite else {
                throw UnderwritingError(.outOfRange, field: "entries[\(index)].logOdds", value: String(entry.logOdds),
                                        "an adjustment is a finite number")
            }
            guard seen.insert(entry.section).inserted else {
                throw UnderwritingError(.inconsistent, field: "entries[\(index)].section", value: entry.section,
                                        "section listed twice")
            }
        }
        self.entries = entries
    }

    /// The adjustment for `sector`'s section (its division is not read).
    public func logOdds(for sector: NACECode) -> Double {
        entries.first { $0.section == String(sector.section) }?.logOdds ?? 0
    }

    private enum CodingKeys: String, CodingKey { case entries }

    /// Decodes and validates like ``init(entries:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validating(orKey: .entries) { try SectorTable(entries: container.decode([Entry].self, forKey: .entries)) }
    }
}
