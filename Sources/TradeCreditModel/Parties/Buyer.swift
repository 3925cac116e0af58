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
    ///   implied country differs from `country` for a national registry scheme (SIREN, SIRET, UK company number).
    public init(id: BuyerID, legalName: String, country: CountryCode, identifiers: [BuyerIdentifier] = [],
                category: BuyerCategory = .business, sector: NACECode? = nil, incorporationDate: CalendarDate? = nil,
                isRelatedParty: Bool = false, groupID: BuyerGroupID? = nil) throws {
        let name = legalName.trimmingWhitespace()
        guard !name.isEmpty else {
            throw ModelError(.missingValue, field: "legalName", value: id.rawValue, "a buyer needs a legal name")
        }
        for identifier in identifiers where identifier.scheme.isNationalRegistry {
            if let implied = identifier.country, implied != country {
                throw ModelError(.inconsistent, field: "identifiers", value: identifier.description,
                                 "a \(implied) registry identifier on a buyer in \(country)")
            }
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

extension IdentifierScheme {
    /// Schemes tied to one country's company registry, whose country must match the buyer's.
    var isNationalRegistry: Bool {
        switch self {
        case .siren, .siret, .gbCompanyNumber: return true
        default: return false
        }
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
