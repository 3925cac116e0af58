public import Foundation

/// A legal entity as a public entity register (such as GLEIF's LEI index) describes it: its LEI, legal name, the
/// country of its legal address, and the national registration number it is registered under.
///
/// It is used to match buyers: ``identifiers`` turns the record into ``BuyerIdentifier`` values that can be compared
/// with a buyer's own (`lei:…`, `registry:<authority>:<number>`, and `siren:…` for French companies).
///
/// JSON form: the stored properties (``identifiers`` is derived, not encoded); `lastUpdate` is an ISO 8601 timestamp.
public struct LegalEntity: Hashable, Sendable, Codable {
    /// Whether the entity is still active, as the register says.
    public enum Status: String, Hashable, Sendable, Codable {
        /// The entity is active (GLEIF `ACTIVE`).
        case active
        /// The entity has ceased to exist, been merged, dissolved, … (GLEIF `INACTIVE`).
        case inactive
        /// The register gives no status or one the SDK does not know.
        case other
    }

    /// The GLEIF registration-authority code of France's SIRENE register (INSEE), under which French entities are
    /// registered with their SIREN.
    ///
    /// Assumption: `RA000189` is the code GLEIF publishes for France's INSEE SIRENE register (seen on French LEI records
    /// with a 9-digit SIREN as `registeredAs`); it is recalled, not verified against GLEIF's current RA list from
    /// here. No other French authority code (RCS registries by court) is mapped to `siren:`.
    public static let frenchSIRENAuthorities: Set<String> = ["RA000189"]

    /// GLEIF's placeholder authority codes: `RA888888` (an authority not in GLEIF's list) and `RA999999` (none).
    /// They name no register, so no `registry:` identifier is derived from them.
    public static let placeholderAuthorities: Set<String> = ["RA888888", "RA999999"]

    /// The entity's LEI (scheme `lei`).
    public let lei: BuyerIdentifier
    /// The legal name, as registered.
    public let legalName: String
    /// The country of the legal address.
    public let country: CountryCode
    /// The register's authority code, such as GLEIF's `RA000189`; `nil` when the record gives none.
    public let registrationAuthority: String?
    /// The number in that register, as published (`552100554`, `HRB 12345`); `nil` when the record gives none.
    public let registrationNumber: String?
    /// Active, inactive or other.
    public let status: Status
    /// When the register last updated the record, if it says.
    public let lastUpdate: Date?

    /// A record.
    /// - Throws: ``ModelError`` `.invalidFormat`: field `lei` when `lei` is not an LEI, field `legalName` when the name
    ///   is empty.
    public init(lei: BuyerIdentifier, legalName: String, country: CountryCode, registrationAuthority: String? = nil,
                registrationNumber: String? = nil, status: Status, lastUpdate: Date? = nil) throws {
        guard lei.scheme == .lei else {
            throw ModelError(.invalidFormat, field: "lei", value: lei.description, "a legal entity is keyed by an LEI")
        }
        let name = legalName.trimmingWhitespace()
        guard !name.isEmpty else {
            throw ModelError(.invalidFormat, field: "legalName", value: legalName, "the legal name is empty")
        }
        self.lei = lei
        self.legalName = name
        self.country = country
        self.registrationAuthority = registrationAuthority.map { $0.trimmingWhitespace().uppercased() }
            .flatMap { $0.isEmpty ? nil : $0 }
        self.registrationNumber = registrationNumber.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        self.status = status
        self.lastUpdate = lastUpdate
    }

    /// The identifiers the record vouches for, in this order: the LEI; `registry:<authority>:<number>` when both
    /// are given, the authority is not a placeholder (``placeholderAuthorities``) and the number is acceptable to
    /// the `registry` scheme; and `siren:<number>` when the authority is in ``frenchSIRENAuthorities`` and the
    /// number's digits (spaces, dots and other text dropped) form a valid SIREN.
    public var identifiers: [BuyerIdentifier] {
        var found = [lei]
        guard let authority = registrationAuthority, let number = registrationNumber,
              !Self.placeholderAuthorities.contains(authority) else { return found }
        if let registry = try? BuyerIdentifier(scheme: .registry(authority: authority), value: number) {
            found.append(registry)
        }
        if Self.frenchSIRENAuthorities.contains(authority) {
            let digits = number.filter { $0.isASCII && $0.isNumber }
            if digits.count == 9, let siren = try? BuyerIdentifier(scheme: .siren, value: digits) {
                found.append(siren)
            }
        }
        return found
    }

    private enum CodingKeys: String, CodingKey {
        case lei, legalName, country, registrationAuthority, registrationNumber, status, lastUpdate
    }

    /// Decodes and validates as ``init(lei:legalName:country:registrationAuthority:registrationNumber:status:lastUpdate:)``;
    /// a ``ModelError`` becomes `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lastUpdate = try container.decodeIfPresent(String.self, forKey: .lastUpdate)
        var date: Date?
        if let lastUpdate {
            guard let parsed = ISO8601DateFormatter().date(from: lastUpdate) else {
                throw DecodingError.dataCorruptedError(forKey: .lastUpdate, in: container,
                                                       debugDescription: "not an ISO 8601 timestamp")
            }
            date = parsed
        }
        do {
            try self.init(
                lei: try container.decode(BuyerIdentifier.self, forKey: .lei),
                legalName: try container.decode(String.self, forKey: .legalName),
                country: try container.decode(CountryCode.self, forKey: .country),
                registrationAuthority: try container.decodeIfPresent(String.self, forKey: .registrationAuthority),
                registrationNumber: try container.decodeIfPresent(String.self, forKey: .registrationNumber),
                status: try container.decode(Status.self, forKey: .status),
                lastUpdate: date
            )
        } catch let error as ModelError {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description,
                                      underlyingError: error)
            )
        }
    }

    /// Encodes the stored properties; `lastUpdate` as an ISO 8601 timestamp in UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lei, forKey: .lei)
        try container.encode(legalName, forKey: .legalName)
        try container.encode(country, forKey: .country)
        try container.encodeIfPresent(registrationAuthority, forKey: .registrationAuthority)
        try container.encodeIfPresent(registrationNumber, forKey: .registrationNumber)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(lastUpdate.map { ISO8601DateFormatter().string(from: $0) }, forKey: .lastUpdate)
    }
}
