public import TradeCreditModel

/// The NACE activities counted as cyclical: whole sections, and single divisions of other sections.
///
/// Default (illustrative, after the brief's "construction, manufacturing, durable consumer goods"): sections C
/// (manufacturing) and F (construction), and division 45 (trade and repair of motor vehicles), the only durable-goods
/// trade that NACE separates at division level (durable wholesale is at group level, 46.4–46.6, which `NACECode`
/// does not carry).
public struct CyclicalSectors: Hashable, Sendable, Codable {
    /// Sections cyclical as a whole, as letters.
    public var sections: Set<String>
    /// Divisions cyclical on their own (two-digit numbers).
    public var divisions: Set<Int>

    /// Creates a set of cyclical activities.
    public init(sections: Set<String>, divisions: Set<Int>) {
        self.sections = sections
        self.divisions = divisions
    }

    /// C, F and division 45.
    public static let `default` = CyclicalSectors(sections: ["C", "F"], divisions: [45])

    /// Whether `code` is cyclical; an unknown sector (`nil`) never is.
    public func contains(_ code: NACECode?) -> Bool {
        guard let code else { return false }
        if sections.contains(String(code.section)) { return true }
        if let division = code.division { return divisions.contains(division) }
        return false
    }
}

/// The OECD country risk category (0 = lowest … 7 = highest) of each country, given by the caller.
///
/// No table ships with the SDK: the OECD publishes the classification (Arrangement on Officially Supported Export
/// Credits) and revises it several times a year; the caller supplies the current one. A country absent from the map
/// is reported as "unknown".
public struct CountryRiskCategories: Hashable, Sendable, Codable {
    /// Category by country.
    public let categories: [CountryCode: Int]

    /// - Throws: ``DiagnosisError`` `.outOfRange` for a category outside 0…7.
    public init(_ categories: [CountryCode: Int]) throws {
        for (country, category) in categories where !(0...7).contains(category) {
            throw DiagnosisError(.outOfRange, field: "countryCategories.\(country)", value: "\(category)",
                                 "OECD country risk categories are 0 to 7")
        }
        self.categories = categories
    }

    /// Decodes `{"FR": 0, "TR": 5}` and validates it as the throwing initialiser does; a key that is not a country
    /// code is an error naming it.
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: Int].self)
        var categories: [CountryCode: Int] = [:]
        for (key, category) in raw {
            do { categories[try CountryCode(key)] = category } catch let error as ModelError {
                throw DiagnosisError(.outOfRange, field: "countryCategories.\(key)", value: key, error.message)
            }
        }
        try self.init(categories)
    }

    /// Encodes the map alone, keyed by country code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: categories.map { ($0.key.code, $0.value) }))
    }

    /// No categories known: every export is "unknown".
    public static let none = try! CountryRiskCategories([:])

    /// The category of `country`, `nil` when unknown.
    public func category(of country: CountryCode) -> Int? { categories[country] }
}
