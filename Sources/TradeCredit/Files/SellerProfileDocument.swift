public import Foundation
public import TradeCreditDiagnosis
import TradeCreditModel

/// The seller profile file of `tradecredit diagnose` (Documentation/CLI.md): the `SellerProfile` keys, the seller's
/// name, and optionally the OECD country risk categories and the thresholds of the profiles.
public struct SellerProfileDocument: Sendable, Decodable {
    /// The keys a profile file may have; any other is an error (a misspelt optional key would otherwise be ignored).
    public static let keys: Set<String> = ["name", "sector", "country", "incorporationDate", "employees",
                                           "annualTurnover", "reportingCurrency", "countryCategories", "thresholds"]

    /// The seller's name, for the report's title.
    public let name: String?
    /// The profile.
    public let profile: SellerProfile
    /// The OECD categories of the buyers' countries (none: every export is of unknown category).
    public let countryCategories: CountryRiskCategories
    /// The thresholds (absent: the defaults).
    public let thresholds: DiagnosisThresholds

    private enum CodingKeys: String, CodingKey { case name, countryCategories, thresholds }

    /// Decodes the document; the profile is read from the same object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        profile = try SellerProfile(from: decoder)
        countryCategories = try container.decodeIfPresent(CountryRiskCategories.self, forKey: .countryCategories) ?? .none
        thresholds = try container.decodeIfPresent(DiagnosisThresholds.self, forKey: .thresholds) ?? DiagnosisThresholds()
    }

    /// The keys of the JSON object in `data` that a profile does not have, sorted; `[]` when the top level is not an
    /// object (the decoder then reports it).
    public static func unknownKeys(in data: Data) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return object.keys.filter { !keys.contains($0) }.sorted()
    }
}
