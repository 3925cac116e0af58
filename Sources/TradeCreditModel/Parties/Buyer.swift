/// What kind of party a buyer is; it decides whether a trade credit policy can cover it.
public enum BuyerCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// A commercial company: the main case.
    case business
    /// A consumer: never insurable under a trade credit policy.
    case individual
    /// A government or public body: covered only where the policy says so.
    case publicBody
    /// A non-profit, an association or a similar institution.
    case institution
}

/// A customer of the policyholder (or a prospect: a buyer with no invoice yet).
public struct Buyer: Hashable, Sendable, Codable, Identifiable {
    /// The host's key for this buyer.
    public var id: BuyerID
    /// Registered legal name.
    public var legalName: String
    /// Country of registration.
    public var country: CountryCode
    /// Registry, tax and bureau identifiers.
    public var identifiers: [BuyerIdentifier]
    /// Business, individual, public body or institution.
    public var category: BuyerCategory
    /// NACE Rev. 2 activity, when known.
    public var sector: NACECode?
    /// Date of incorporation, when known.
    public var incorporationDate: CalendarDate?
    /// An affiliate of the policyholder: never insurable.
    public var isRelatedParty: Bool
    /// The group the buyer belongs to, for accumulation.
    public var groupID: BuyerGroupID?

    /// - Throws: ``ModelError`` `.missingValue` for an empty legal name, `.inconsistent` when an identifier's
    ///   implied country differs from `country` for a national registry scheme (SIREN, SIRET, UK company number);
    ///   a SIREN or SIRET also fits the French overseas departments and collectivities in the SIRENE register.
    public init(id: BuyerID, legalName: String, country: CountryCode, identifiers: [BuyerIdentifier] = [],
                category: BuyerCategory = .business, sector: NACECode? = nil, incorporationDate: CalendarDate? = nil,
                isRelatedParty: Bool = false, groupID: BuyerGroupID? = nil) throws {
        let name = legalName.trimmingWhitespace()
        guard !name.isEmpty else {
            throw ModelError(.missingValue, field: "legalName", value: id.rawValue, "a buyer needs a legal name")
        }
        for identifier in identifiers where identifier.scheme.isNationalRegistry {
            if let implied = identifier.country, !implied.registryCovers(country) {
                throw ModelError(.inconsistent, field: "identifiers", value: identifier.description,
                                 "a \(implied) registry identifier on a buyer in \(country)")
            }
        }
        // A SIREN, a SIRET and a French VAT number of one buyer must carry one SIREN (DOMAIN.md §1).
        if let mismatch = BuyerIdentifier.mismatches(in: identifiers).first {
            throw ModelError(.inconsistent, field: "identifiers", value: "\(mismatch.first) / \(mismatch.second)",
                             "identifiers of one buyer disagree (\(mismatch.reason.rawValue))")
        }
        self.id = id
        self.legalName = name
        self.country = country
        self.identifiers = identifiers
        self.category = category
        self.sector = sector
        self.incorporationDate = incorporationDate
        self.isRelatedParty = isRelatedParty
        self.groupID = groupID
    }

    /// The first identifier of `scheme`, if any.
    public func identifier(_ scheme: IdentifierScheme) -> BuyerIdentifier? {
        identifiers.first { $0.scheme == scheme }
    }

    /// Age in whole years on `date`, when the incorporation date is known.
    public func ageInYears(on date: CalendarDate) -> Int? {
        guard let incorporationDate, incorporationDate <= date else { return nil }
        let (y0, m0, d0) = incorporationDate.components
        let (y1, m1, d1) = date.components
        return y1 - y0 - ((m1, d1) < (m0, d0) ? 1 : 0)
    }
}

extension Buyer {
    private enum CodingKeys: String, CodingKey {
        case id, legalName, country, identifiers, category, sector, incorporationDate, isRelatedParty, groupID
    }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does; absent
    /// `identifiers`, `category` and `isRelatedParty` take their defaults (none, business, false).
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the buyer is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .legalName) {
            try Buyer(
                id: container.decode(BuyerID.self, forKey: .id),
                legalName: container.decode(String.self, forKey: .legalName),
                country: container.decode(CountryCode.self, forKey: .country),
                identifiers: container.decodeIfPresent([BuyerIdentifier].self, forKey: .identifiers) ?? [],
                category: container.decodeIfPresent(BuyerCategory.self, forKey: .category) ?? .business,
                sector: container.decodeIfPresent(NACECode.self, forKey: .sector),
                incorporationDate: container.decodeIfPresent(CalendarDate.self, forKey: .incorporationDate),
                isRelatedParty: container.decodeIfPresent(Bool.self, forKey: .isRelatedParty) ?? false,
                groupID: container.decodeIfPresent(BuyerGroupID.self, forKey: .groupID))
        }
    }
}

extension IdentifierScheme {
    /// Schemes tied to one country's company registry, whose country must match the buyer's.
    var isNationalRegistry: Bool {
        switch self {
        case .siren, .siret, .gbCompanyNumber: return true
        default: return false
        }
    }
}

extension CountryCode {
    /// Countries (ISO 3166-1 codes of their own) whose companies are in France's SIRENE register, and so carry a
    /// SIREN or SIRET: the overseas departments and Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin.
    /// New Caledonia, French Polynesia and Wallis and Futuna keep registers of their own.
    static let inFrenchRegistry: Set<String> = ["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF"]

    /// Whether a company located in `country` may carry an identifier of this country's national registry.
    func registryCovers(_ country: CountryCode) -> Bool {
        self == country || (self == .FR && CountryCode.inFrenchRegistry.contains(country.code))
    }
}

/// The insured seller.
public struct Policyholder: Hashable, Sendable, Codable, Identifiable {
    /// The host's key for the policyholder.
    public var id: PolicyholderID
    /// Registered legal name.
    public var legalName: String
    /// Country of registration (decides the insurance premium tax).
    public var country: CountryCode
    /// Registry and tax identifiers.
    public var identifiers: [BuyerIdentifier]
    /// The currency of the policy: limits, premium and indemnities are expressed in it.
    public var policyCurrency: CurrencyCode
    /// NACE Rev. 2 activity, when known.
    public var sector: NACECode?
    /// Date of incorporation, when known.
    public var incorporationDate: CalendarDate?
    /// Annual turnover, when known (firm size).
    public var annualTurnover: Money?
    /// Headcount, when known (firm size).
    public var employees: Int?

    /// - Throws: `.missingValue` for an empty legal name, `.outOfRange` for a negative turnover or headcount.
    public init(id: PolicyholderID, legalName: String, country: CountryCode, identifiers: [BuyerIdentifier] = [],
                policyCurrency: CurrencyCode, sector: NACECode? = nil, incorporationDate: CalendarDate? = nil,
                annualTurnover: Money? = nil, employees: Int? = nil) throws {
        let name = legalName.trimmingWhitespace()
        guard !name.isEmpty else {
            throw ModelError(.missingValue, field: "legalName", value: id.rawValue, "a policyholder needs a legal name")
        }
        if let annualTurnover, annualTurnover.isNegative {
            throw ModelError(.outOfRange, field: "annualTurnover", value: annualTurnover.description, "cannot be negative")
        }
        if let employees, employees < 0 {
            throw ModelError(.outOfRange, field: "employees", value: String(employees), "cannot be negative")
        }
        self.id = id
        self.legalName = name
        self.country = country
        self.identifiers = identifiers
        self.policyCurrency = policyCurrency
        self.sector = sector
        self.incorporationDate = incorporationDate
        self.annualTurnover = annualTurnover
        self.employees = employees
    }
}

extension Policyholder {
    private enum CodingKeys: String, CodingKey {
        case id, legalName, country, identifiers, policyCurrency, sector, incorporationDate, annualTurnover, employees
    }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does; absent
    /// `identifiers` means none.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the policyholder is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .legalName) {
            try Policyholder(
                id: container.decode(PolicyholderID.self, forKey: .id),
                legalName: container.decode(String.self, forKey: .legalName),
                country: container.decode(CountryCode.self, forKey: .country),
                identifiers: container.decodeIfPresent([BuyerIdentifier].self, forKey: .identifiers) ?? [],
                policyCurrency: container.decode(CurrencyCode.self, forKey: .policyCurrency),
                sector: container.decodeIfPresent(NACECode.self, forKey: .sector),
                incorporationDate: container.decodeIfPresent(CalendarDate.self, forKey: .incorporationDate),
                annualTurnover: container.decodeIfPresent(Money.self, forKey: .annualTurnover),
                employees: container.decodeIfPresent(Int.self, forKey: .employees))
        }
    }
}
