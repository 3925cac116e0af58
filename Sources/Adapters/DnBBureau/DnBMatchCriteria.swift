import Foundation
import TradeCreditModel

/// What a buyer query gives D&B's identity resolution (`GET /v1/match/cleanseMatch`): a name and/or a registration
/// number, and the country both belong to.
struct DnBMatchCriteria: Hashable {
    /// The legal name, trimmed; `nil` when the query has none.
    let name: String?
    /// The country: the query's, else the one a registration identifier implies (`FR` for a SIREN).
    let country: CountryCode
    /// The SIREN for `FR` (a SIRET gives its first 9 digits), the company number for `GB`, otherwise a registry
    /// identifier of that country (or of none).
    let registrationNumber: String?

    /// The criteria of `query`; `nil` when there is no country, or neither a name nor a registration number.
    init?(_ query: BuyerQuery) {
        let name = query.legalName?.trimmingCharacters(in: .whitespacesAndNewlines)
        let implied = query.identifiers.lazy.filter { Self.isRegistration($0.scheme) }.compactMap(\.country).first
        guard let country = query.country ?? implied else { return nil }
        let registrationNumber = Self.registrationNumber(in: query.identifiers, country: country)
        guard name?.isEmpty == false || registrationNumber != nil else { return nil }
        self.name = name?.isEmpty == false ? name : nil
        self.country = country
        self.registrationNumber = registrationNumber
    }

    /// `name=…&countryISOAlpha2Code=FR&registrationNumber=…`, only the parameters there are, percent-encoded.
    var queryString: String {
        var items: [(String, String)] = []
        if let name { items.append(("name", name)) }
        items.append(("countryISOAlpha2Code", country.code))
        if let registrationNumber { items.append(("registrationNumber", registrationNumber)) }
        return items.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    private static func isRegistration(_ scheme: IdentifierScheme) -> Bool {
        switch scheme {
        case .siren, .siret, .gbCompanyNumber, .registry: true
        default: false
        }
    }

    private static func registrationNumber(in identifiers: [BuyerIdentifier], country: CountryCode) -> String? {
        func first(_ scheme: IdentifierScheme) -> BuyerIdentifier? { identifiers.first { $0.scheme == scheme } }
        switch country {
        case .FR:
            if let siren = first(.siren) ?? first(.siret) { return String(siren.value.prefix(9)) }
        case .GB:
            if let number = first(.gbCompanyNumber) { return number.value }
        default:
            break
        }
        return identifiers.first { identifier in
            guard case .registry = identifier.scheme else { return false }
            return identifier.country == nil || identifier.country == country
        }?.value
    }

    /// Only RFC 3986's unreserved characters stay as they are: a company name may hold `&`, `=`, `+`, `#` or `/`,
    /// which the query would otherwise misread (`+` as a space).
    private static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
