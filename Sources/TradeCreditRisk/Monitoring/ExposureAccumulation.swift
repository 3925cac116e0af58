public import TradeCreditModel

/// The insurer's exposure added up across policyholders, per buyer, buyer group, country and sector (DOMAIN.md §8),
/// in one reporting currency, on a date.
///
/// Rules as implemented:
/// - The limits counted are those in force on the date: for each policyholder and buyer, the one
///   `CreditLimit.inForce(on:among:)` picks (the latest effective; an insurer limit replaces a discretionary one).
///   A withdrawal in force (a zero limit) counts zero.
/// - **Exposure = the granted limit**, not max(limit, outstanding): the insurer pays at most the limit in force
///   (DOMAIN.md §6 caps a loss by the limits), so outstanding above a limit is the seller's risk, not the insurer's.
///   Where the outstanding is known, ``Exposure/insuredOutstanding`` adds min(outstanding, limit): the part of the
///   commitment in use today. Outstanding on a buyer without a limit in force is not insured and is left out.
/// - A buyer's exposure adds to its buyer, its group (when it has one), its country and its NACE section (or
///   ``AccumulationKey/unclassifiedSector``). So the buyer, country and sector totals each add up to ``total``; the
///   group totals add up to the exposure on grouped buyers.
/// - Every limit and balance must already be in the reporting currency: the caller converts (with a `RateTable`),
///   this type does no FX.
public struct ExposureAccumulation: Sendable {
    /// The exposure of one bucket.
    public struct Exposure: Hashable, Sendable {
        /// Σ granted limits in force: the exposure compared with capacity.
        public let grantedLimits: Money
        /// Σ min(outstanding, limit) over the limits whose outstanding is known.
        public let insuredOutstanding: Money
        /// How many limits in force with a positive amount it adds up.
        public let limitCount: Int

        static func zero(_ currency: CurrencyCode) -> Exposure {
            Exposure(grantedLimits: .zero(currency), insuredOutstanding: .zero(currency), limitCount: 0)
        }

        func adding(limit: Money, insuredOutstanding outstanding: Money) throws -> Exposure {
            Exposure(grantedLimits: try grantedLimits + limit, insuredOutstanding: try insuredOutstanding + outstanding,
                     limitCount: limitCount + (limit.isPositive ? 1 : 0))
        }
    }

    /// The reporting currency.
    public let currency: CurrencyCode
    /// The date the limits are in force on.
    public let date: CalendarDate
    /// The limits in force that were counted, ordered by policyholder, buyer and limit id.
    public let limitsInForce: [InsuredLimit]
    /// The whole book.
    public let total: Exposure
    /// Every bucket with exposure, by key.
    public let exposures: [AccumulationKey: Exposure]

    /// Adds up `limits` in force on `date`.
    /// - Parameters:
    ///   - limits: the limits of every policyholder (history included: those not in force on `date` are skipped).
    ///   - outstanding: what buyers owe each policyholder, when known; several balances of one pair add up.
    ///   - buyers: the buyer records (group, country, sector) of every buyer with a limit in force.
    ///   - date: the date the limits are in force on.
    ///   - currency: the reporting currency, that of every limit and balance.
    /// - Throws: ``RiskMeasureError`` `.currencyMismatch` naming the limit (`limits[L-1].amount`) or balance
    ///   (`outstanding[PH-1/B-1].amount`) not in `currency`; `.missingValue` (field `buyers`, value the buyer id) for a limit in
    ///   force on a buyer without a record; `.inconsistent` (field `buyers`) for two different records of one buyer.
    public init(limits: [InsuredLimit], outstanding: [OutstandingBalance] = [], buyers: [Buyer], on date: CalendarDate,
                currency: CurrencyCode) throws {
        struct Pair: Hashable { let policyholder: PolicyholderID, buyer: BuyerID }
        var limitsByPair: [Pair: [CreditLimit]] = [:]
        for insured in limits {
            try RiskMeasureError.requireCurrency(insured.limit.amount, currency, field: "limits[\(insured.limit.id)].amount")
            limitsByPair[Pair(policyholder: insured.policyholderID, buyer: insured.buyerID), default: []].append(insured.limit)
        }
        var owed: [Pair: Money] = [:]
        for balance in outstanding {
            try RiskMeasureError.requireCurrency(balance.amount, currency,
                                                 field: "outstanding[\(balance.policyholderID)/\(balance.buyerID)].amount")
            let pair = Pair(policyholder: balance.policyholderID, buyer: balance.buyerID)
            owed[pair] = try (owed[pair] ?? .zero(currency)) + balance.amount
        }
        let records = try Self.index(buyers)

        let inForce = limitsByPair.compactMap { pair, limits in
            CreditLimit.inForce(on: date, among: limits).map { InsuredLimit(policyholderID: pair.policyholder, limit: $0) }
        }.sorted(by: InsuredLimit.ordered)

        var total = Exposure.zero(currency)
        var exposures: [AccumulationKey: Exposure] = [:]
        for insured in inForce {
            guard let buyer = records[insured.buyerID] else {
                throw RiskMeasureError(.missingValue, field: "buyers", value: insured.buyerID.rawValue,
                                       "no buyer record for a limit in force (\(insured.limit.id))")
            }
            let amount = insured.limit.amount
            let used = try owed[Pair(policyholder: insured.policyholderID, buyer: insured.buyerID)]
                .map { try Money.min($0, amount) } ?? .zero(currency)
            total = try total.adding(limit: amount, insuredOutstanding: used)
            for key in AccumulationKey.keys(of: buyer) {
                exposures[key] = try (exposures[key] ?? .zero(currency)).adding(limit: amount, insuredOutstanding: used)
            }
        }
        self.currency = currency
        self.date = date
        self.limitsInForce = inForce
        self.total = total
        self.exposures = exposures
    }

    /// The buyer records by id; two different records of one buyer are an error.
    private static func index(_ buyers: [Buyer]) throws -> [BuyerID: Buyer] {
        var records: [BuyerID: Buyer] = [:]
        for buyer in buyers {
            if let known = records[buyer.id], known != buyer {
                throw RiskMeasureError(.inconsistent, field: "buyers", value: buyer.id.rawValue,
                                       "two different records for one buyer")
            }
            records[buyer.id] = buyer
        }
        return records
    }

    /// The exposure of `key`; zero when nothing is accumulated there.
    public func exposure(for key: AccumulationKey) -> Exposure {
        exposures[key] ?? .zero(currency)
    }

    /// The buckets of `dimension`, in key order.
    public func entries(in dimension: AccumulationDimension) -> [(key: AccumulationKey, exposure: Exposure)] {
        exposures.filter { $0.key.dimension == dimension }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The concentration of the granted limits over the buckets of `dimension` (HHI, top-N shares).
    /// - Throws: ``RiskMeasureError`` `.noExposure` when the dimension holds no positive exposure.
    public func concentration(in dimension: AccumulationDimension) throws -> Concentration<AccumulationKey> {
        try Concentration(entries(in: dimension).map { ($0.key, $0.exposure.grantedLimits) })
    }
}
