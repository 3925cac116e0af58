import TradeCreditModel
import TradeCreditRisk

/// Small builders for the monitoring and accumulation tables.
enum MonitoringFixture {
    static func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

    static func eur(_ units: Int) -> Money { Money(units: units, .EUR) }

    static func limit(_ id: LimitID, _ policyholder: PolicyholderID, _ buyer: BuyerID, _ units: Int, from start: String,
                      to end: String? = nil, kind: CreditLimitKind = .insurer, currency: CurrencyCode = .EUR) throws
        -> InsuredLimit {
        InsuredLimit(policyholderID: policyholder, limit: try CreditLimit(
            id: id, buyerID: buyer, amount: Money(units: units, currency), kind: kind,
            effectiveDate: try date(start), expiryDate: try end.map(date)))
    }

    static func buyer(_ id: BuyerID, _ country: String, sector: String? = nil, group: BuyerGroupID? = nil) throws -> Buyer {
        try Buyer(id: id, legalName: "Buyer \(id)", country: try CountryCode(country),
                  sector: try sector.map { try NACECode(parsing: $0) }, groupID: group)
    }
}
