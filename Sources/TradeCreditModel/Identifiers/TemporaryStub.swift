// Temporary: replaced by the real identifier types.
public enum IdentifierScheme: Hashable, Sendable, Codable { case siren, siret, lei, duns, vat, gbCompanyNumber, registry(authority: String), provider(name: String) }
public struct BuyerIdentifier: Hashable, Sendable, Codable, CustomStringConvertible { public let scheme: IdentifierScheme; public let value: String; public let country: CountryCode?
  public var description: String { value } }
