public import TradeCreditModel

/// The most exposure the insurer accepts per bucket, set by the user: on named keys (this buyer, that country), and
/// by default for every key of a dimension that has no capacity of its own.
///
/// A default never applies to ``AccumulationKey/unclassifiedSector`` (it is not one sector); give it a capacity of
/// its own to watch it.
public struct AccumulationCapacity: Hashable, Sendable {
    /// Capacities of named keys; they win over ``defaults``.
    public var limits: [AccumulationKey: Money]
    /// The capacity of every other key of a dimension.
    public var defaults: [AccumulationDimension: Money]

    public init(limits: [AccumulationKey: Money] = [:], defaults: [AccumulationDimension: Money] = [:]) {
        self.limits = limits
        self.defaults = defaults
    }

    /// The capacity that applies to `key`, if any.
    public func capacity(for key: AccumulationKey) -> Money? {
        if let own = limits[key] { return own }
        return key == .unclassifiedSector ? nil : defaults[key.dimension]
    }

    /// The buckets of `accumulation` whose granted limits exceed their capacity (strictly: exposure equal to the
    /// capacity is not a breach), by dimension (buyer, group, country, sector), largest excess first, then by key.
    /// - Throws: ``RiskMeasureError`` `.currencyMismatch` for a capacity not in the accumulation's currency and
    ///   `.outOfRange` for a negative one, naming it (`capacity[country:FR]`, `capacity[default country]`).
    public func breaches(in accumulation: ExposureAccumulation) throws -> [CapacityBreach] {
        let named = limits.sorted { $0.key < $1.key }.map { ("capacity[\($0.key)]", $0.value) }
        let general = defaults.sorted { $0.key < $1.key }.map { ("capacity[default \($0.key.rawValue)]", $0.value) }
        for (field, amount) in named + general {
            try RiskMeasureError.requireCurrency(amount, accumulation.currency, field: field)
            try RiskMeasureError.requireNotNegative(amount, field: field)
        }
        return try accumulation.exposures.compactMap { key, exposure -> CapacityBreach? in
            guard let capacity = capacity(for: key), try exposure.grantedLimits.compare(to: capacity) > 0 else {
                return nil
            }
            return CapacityBreach(key: key, exposure: exposure.grantedLimits, capacity: capacity,
                                  excess: try exposure.grantedLimits - capacity)
        }.sorted { lhs, rhs in
            if lhs.key.dimension != rhs.key.dimension { return lhs.key.dimension < rhs.key.dimension }
            let byExcess = (try? lhs.excess.compare(to: rhs.excess)) ?? 0
            return byExcess != 0 ? byExcess > 0 : lhs.key < rhs.key
        }
    }
}

/// A bucket whose exposure is above its capacity.
public struct CapacityBreach: Hashable, Sendable {
    /// The bucket.
    public let key: AccumulationKey
    /// Its granted limits in force.
    public let exposure: Money
    /// The capacity that applies to it.
    public let capacity: Money
    /// exposure − capacity, above zero.
    public let excess: Money
}
