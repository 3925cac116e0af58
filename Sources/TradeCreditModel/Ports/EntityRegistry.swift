/// A port to a public register of legal entities (GLEIF's LEI index, a national business register, …), used to
/// resolve and match buyers.
///
/// Adapters translate the register's records into ``LegalEntity`` values and throw their own typed error on failure
/// (network, refused request, malformed answer). Like every port, it is called by the composition layer, never by
/// the engines.
public protocol EntityRegistry: Sendable {
    /// The entity with this LEI, or `nil` when the register does not know it.
    /// - Parameter lei: an identifier of scheme `lei`; adapters reject any other scheme.
    func entity(lei: BuyerIdentifier) async throws -> LegalEntity?

    /// Entities whose legal name matches `name` (as the register matches names), optionally only those whose legal
    /// address is in `country`, at most `limit` of them in the register's order.
    func search(name: String, country: CountryCode?, limit: Int) async throws -> [LegalEntity]

    /// Entities registered under the national registration number `registrationNumber` (as published, such as a
    /// SIREN), optionally only those whose legal address is in `country`.
    func search(registrationNumber: String, country: CountryCode?) async throws -> [LegalEntity]
}
