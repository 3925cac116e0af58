public import Foundation

/// The thresholds that decide each profile; all data, Codable, with illustrative defaults (not sourced, except the
/// SME limits of EU recommendation 2003/361/EC). See Documentation/Domain.md.
public struct DiagnosisThresholds: Hashable, Sendable, Codable {
    /// B2B with long terms: the B2B share of sales must be at least this (default 0.5).
    public var minimumB2BShare: Decimal = Decimal(string: "0.5")!
    /// B2B with long terms: amount-weighted average payment terms, in days, at least this (default 60).
    public var longTermsDays: Decimal = 60
    /// Few large buyers: top-5 share of sales at least this (default 0.5) …
    public var top5Share: Decimal = Decimal(string: "0.5")!
    /// … or top-1 share at least this (default 0.2).
    public var top1Share: Decimal = Decimal(string: "0.2")!
    /// Cyclical sector: share of sales to cyclical sectors at least this (default 0.3), or the seller's own sector cyclical.
    public var cyclicalShare: Decimal = Decimal(string: "0.3")!
    /// New firm: younger than this many whole years (default 3).
    public var newFirmAgeYears: Int = 3
    /// SME (EU 2003/361/EC art. 2): fewer than this many employees (250) …
    public var smeEmployeesBelow: Int = 250
    /// … and an annual turnover of at most this many EUR (50,000,000).
    public var smeTurnoverEURAtMost: Decimal = 50_000_000
    /// Exporter: export share of sales at least this (default 0.2) …
    public var exportShare: Decimal = Decimal(string: "0.2")!
    /// … or any export sales to a country of OECD category at least this (default 5) …
    public var riskyCountryCategory: Int = 5
    /// … or a share of sales in currencies other than the reporting currency at least this (default 0.1).
    public var foreignCurrencyShare: Decimal = Decimal(string: "0.1")!

    /// The illustrative defaults.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case minimumB2BShare, longTermsDays, top5Share, top1Share, cyclicalShare, newFirmAgeYears, smeEmployeesBelow,
             smeTurnoverEURAtMost, exportShare, riskyCountryCategory, foreignCurrencyShare
    }

    /// Decodes the thresholds given; each one absent keeps its default, so a file can change only one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            if let given = try container.decodeIfPresent(T.self, forKey: key) { value = given }
        }
        try read(.minimumB2BShare, &minimumB2BShare)
        try read(.longTermsDays, &longTermsDays)
        try read(.top5Share, &top5Share)
        try read(.top1Share, &top1Share)
        try read(.cyclicalShare, &cyclicalShare)
        try read(.newFirmAgeYears, &newFirmAgeYears)
        try read(.smeEmployeesBelow, &smeEmployeesBelow)
        try read(.smeTurnoverEURAtMost, &smeTurnoverEURAtMost)
        try read(.exportShare, &exportShare)
        try read(.riskyCountryCategory, &riskyCountryCategory)
        try read(.foreignCurrencyShare, &foreignCurrencyShare)
    }

    /// Checks that shares are within 0…1, days, years and counts not negative, the category within 0…7.
    /// - Throws: ``DiagnosisError`` `.outOfRange` naming the field.
    public func validate() throws {
        let shares: [(String, Decimal)] = [("minimumB2BShare", minimumB2BShare), ("top5Share", top5Share),
                                           ("top1Share", top1Share), ("cyclicalShare", cyclicalShare),
                                           ("exportShare", exportShare), ("foreignCurrencyShare", foreignCurrencyShare)]
        for (name, share) in shares where share < 0 || share > 1 {
            throw DiagnosisError(.outOfRange, field: "thresholds.\(name)", value: "\(share)", "a share is between 0 and 1")
        }
        if longTermsDays < 0 || newFirmAgeYears < 0 || smeEmployeesBelow < 0 || smeTurnoverEURAtMost < 0 {
            throw DiagnosisError(.outOfRange, field: "thresholds", "days, years, employees and turnover are not negative")
        }
        if !(0...7).contains(riskyCountryCategory) {
            throw DiagnosisError(.outOfRange, field: "thresholds.riskyCountryCategory", value: "\(riskyCountryCategory)",
                                 "OECD country risk categories are 0 to 7")
        }
    }
}
