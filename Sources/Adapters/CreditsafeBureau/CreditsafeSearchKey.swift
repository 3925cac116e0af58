import TradeCreditModel

/// What the bureau asks Creditsafe's company search: a country and a registration or VAT number.
struct CreditsafeSearchKey: Hashable, Sendable {
    /// `regNo` or `vatNo`.
    let parameter: String
    /// The number, as the identifier holds it (normalised).
    let value: String
    /// The ISO 3166-1 alpha-2 code of `countries`.
    let country: String

    /// The connectId of a `provider:creditsafe:<connectId>` identifier, which skips the search.
    static func connectID(in query: BuyerQuery) -> String? {
        query.identifiers.first { $0.scheme == .provider(name: CreditsafeBureau.sourceName) }?.value
    }

    /// The first usable identifier, in this order of preference: a SIREN (or the SIREN of a SIRET) for `FR`, a UK
    /// company number for `GB`, a `registry:` identifier whose country is known (its own, else the query's), then a
    /// VAT number (`vatNo`, in the country of its prefix). LEIs, DUNS numbers and other providers' numbers are not
    /// searchable here. `nil` when none fits.
    static func best(in query: BuyerQuery) -> CreditsafeSearchKey? {
        let ids = query.identifiers
        if let siren = ids.first(where: { $0.scheme == .siren }) {
            return CreditsafeSearchKey(parameter: "regNo", value: siren.value, country: "FR")
        }
        if let siret = ids.first(where: { $0.scheme == .siret }) {
            return CreditsafeSearchKey(parameter: "regNo", value: String(siret.value.prefix(9)), country: "FR")
        }
        if let crn = ids.first(where: { $0.scheme == .gbCompanyNumber }) {
            return CreditsafeSearchKey(parameter: "regNo", value: crn.value, country: "GB")
        }
        for id in ids {
            guard case .registry = id.scheme, let country = id.country ?? query.country else { continue }
            return CreditsafeSearchKey(parameter: "regNo", value: id.value, country: country.code)
        }
        if let vat = ids.first(where: { $0.scheme == .vat }), let country = vat.country ?? query.country {
            return CreditsafeSearchKey(parameter: "vatNo", value: vat.value, country: country.code)
        }
        return nil
    }
}
