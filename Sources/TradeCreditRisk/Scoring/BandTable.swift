/// A step function from a factor (days beyond terms, a share, an OECD category, a Z-score) to a value (log-odds or
/// a PD), read from data: each band starts at its `from` and runs to the next band's.
///
/// A table states which way its factor worsens, and its values must never improve in that direction: the engine then
/// guarantees that a worse factor never gives a better PD, whatever table a host supplies. For log-odds adjustments
/// "better" is lower; for a PD table it is lower too.
public struct BandTable: Hashable, Sendable, Codable {
    /// Which way the factor becomes adverse.
    public enum Worsens: String, Hashable, Sendable, Codable {
        /// A higher factor is worse (days beyond terms, concentration): values do not fall as `from` rises.
        case upward
        /// A lower factor is worse (company age, a Z-score): values do not rise as `from` rises.
        case downward
    }

    /// One band: from `from` (included) to the next band's `from` (excluded).
    public struct Band: Hashable, Sendable, Codable {
        /// The lowest factor value of the band.
        public let from: Double
        /// The band's value (log-odds for an adjustment, a PD for a Z-score map).
        public let value: Double

        /// A band from `from` (included) with `value`.
        public init(from: Double, value: Double) {
            self.from = from
            self.value = value
        }
    }

    /// Which way the factor worsens.
    public let worsens: Worsens
    /// The bands, lowest `from` first.
    public let bands: [Band]

    /// - Throws: ``UnderwritingError`` `.missingValue` for no band; `.outOfRange` for a bound or value that is not
    ///   finite; `.inconsistent` (field `bands[i]`) when bounds do not strictly rise or a value improves as the
    ///   factor worsens.
    public init(worsens: Worsens, bands: [Band]) throws {
        guard !bands.isEmpty else { throw UnderwritingError(.missingValue, field: "bands", "a table needs at least one band") }
        for (index, band) in bands.enumerated() where !band.from.isFinite || !band.value.isFinite {
            throw UnderwritingError(.outOfRange, field: "bands[\(index)]", value: "\(band.from): \(band.value)",
                                    "bounds and values are finite numbers")
        }
        for index in bands.indices.dropFirst() {
            let (previous, band) = (bands[index - 1], bands[index])
            guard band.from > previous.from else {
                throw UnderwritingError(.inconsistent, field: "bands[\(index)]", value: String(band.from),
                                        "band bounds must strictly rise")
            }
            let improves = worsens == .upward ? band.value < previous.value : band.value > previous.value
            if improves {
                throw UnderwritingError(.inconsistent, field: "bands[\(index)]", value: String(band.value),
                                        "a value must not improve as the factor worsens (\(worsens.rawValue))")
            }
        }
        self.worsens = worsens
        self.bands = bands
    }

    /// The value of the band that holds `factor`: the last band whose `from` is at most `factor`; below every band,
    /// the first one.
    public func value(at factor: Double) -> Double {
        bands.last { $0.from <= factor }?.value ?? bands[0].value
    }

    private enum CodingKeys: String, CodingKey { case worsens, bands }

    /// Decodes and validates like ``init(worsens:bands:)``.
    /// - Throws: `DecodingError.dataCorrupted` naming the problem.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validating(orKey: .bands) {
            try BandTable(worsens: container.decode(Worsens.self, forKey: .worsens),
                          bands: container.decode([Band].self, forKey: .bands))
        }
    }
}
