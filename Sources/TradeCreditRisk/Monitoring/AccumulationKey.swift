public import TradeCreditModel

/// A way of adding up exposure (DOMAIN.md §8): per buyer, per buyer group, per country, per sector.
public enum AccumulationDimension: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// One buyer, across every policyholder.
    case buyer
    /// The buyers of one group (`Buyer.groupID`).
    case buyerGroup
    /// The buyers of one country.
    case country
    /// The buyers of one NACE section.
    case sector

    public static func < (lhs: AccumulationDimension, rhs: AccumulationDimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One bucket of accumulated exposure: a buyer, a buyer group, a country, a NACE section, or the buyers whose sector
/// is unknown.
///
/// Text form: `buyer:B-1`, `group:G-1`, `country:FR`, `sector:F`, `sector:unclassified`. Keys sort by dimension,
/// then by that text.
public enum AccumulationKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A buyer.
    case buyer(BuyerID)
    /// A buyer group. Buyers without a group belong to none: they are their own risk, measured per buyer.
    case buyerGroup(BuyerGroupID)
    /// A country.
    case country(CountryCode)
    /// A NACE section (the division is dropped).
    case sector(NACECode)
    /// The buyers whose sector is unknown, kept as a bucket of the sector dimension so that its totals add up.
    case unclassifiedSector

    /// The dimension the key belongs to.
    public var dimension: AccumulationDimension {
        switch self {
        case .buyer: return .buyer
        case .buyerGroup: return .buyerGroup
        case .country: return .country
        case .sector, .unclassifiedSector: return .sector
        }
    }

    public var description: String {
        switch self {
        case .buyer(let id): return "buyer:\(id)"
        case .buyerGroup(let id): return "group:\(id)"
        case .country(let code): return "country:\(code)"
        case .sector(let code): return "sector:\(code)"
        case .unclassifiedSector: return "sector:unclassified"
        }
    }

    public static func < (lhs: AccumulationKey, rhs: AccumulationKey) -> Bool {
        (lhs.dimension, lhs.description) < (rhs.dimension, rhs.description)
    }

    /// The keys a buyer's exposure adds to, one per dimension (none for the group when it has none).
    static func keys(of buyer: Buyer) -> [AccumulationKey] {
        var keys: [AccumulationKey] = [.buyer(buyer.id)]
        if let group = buyer.groupID { keys.append(.buyerGroup(group)) }
        keys.append(.country(buyer.country))
        keys.append(buyer.sector.map { .sector($0.sectionOnly) } ?? .unclassifiedSector)
        return keys
    }
}
