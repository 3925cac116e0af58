public import TradeCreditModel

/// The SDK's master scale: ten grades by one-year PD (DOMAIN.md §3 step 5).
///
/// Grades 1–8 have an upper PD bound each (included); grade 9 holds every PD above grade 8's bound that is not a
/// default; grade 10 is *in default* and nothing else. Every PD is clamped to [``pdFloor``, 1] first.
public struct MasterScale: Hashable, Sendable, Codable {
    /// Version label of the bands.
    public let version: String
    /// The date the bands apply from.
    public let date: CalendarDate
    /// Whether the bands are illustrative (not calibrated on data).
    public let isIllustrative: Bool
    /// Where the numbers come from.
    public let source: String
    /// Upper PD bounds of grades 1 to 8, rising.
    public let upperBounds: [Double]
    /// The lowest PD the engine gives (0.0003).
    public let pdFloor: Double

    /// - Throws: ``UnderwritingError`` `.outOfRange` for a count other than eight bounds, a bound outside (0, 1) or
    ///   a floor outside (0, first bound]; `.inconsistent` for bounds that do not strictly rise.
    public init(version: String, date: CalendarDate, isIllustrative: Bool, source: String, upperBounds: [Double],
                pdFloor: Double) throws {
        guard upperBounds.count == 8 else {
            throw UnderwritingError(.outOfRange, field: "upperBounds", value: String(upperBounds.count),
                                    "the master scale has eight bounded grades (grades 1 to 8)")
        }
        for (index, bound) in upperBounds.enumerated() {
            guard bound > 0, bound < 1 else {
                throw UnderwritingError(.outOfRange, field: "upperBounds", value: String(bound), "a bound is a PD in (0, 1)")
            }
            if index > 0, bound <= upperBounds[index - 1] {
                throw UnderwritingError(.inconsistent, field: "upperBounds", value: String(bound), "bounds must strictly rise")
            }
        }
        guard pdFloor > 0, pdFloor <= upperBounds[0] else {
            throw UnderwritingError(.outOfRange, field: "pdFloor", value: String(pdFloor),
                                    "the floor is a PD above 0 and at most grade 1's bound")
        }
        self.version = version
        self.date = date
        self.isIllustrative = isIllustrative
        self.source = source
        self.upperBounds = upperBounds
        self.pdFloor = pdFloor
    }

    /// DOMAIN.md §3's illustrative bands: 0.05 %, 0.10 %, 0.20 %, 0.40 %, 0.80 %, 1.60 %, 3.20 %, 6.40 % (each PD
    /// doubles), floor 0.03 %.
    public static let illustrative = try! MasterScale(
        version: "master-scale-illustrative-1", date: CalendarDate(year: 2026, month: 11, day: 27), isIllustrative: true,
        source: "DOMAIN.md §3 step 5 (illustrative; the Eurosystem's credit quality steps put 0.10 % at step 2 and 0.40 % at step 3)",
        upperBounds: [0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064], pdFloor: 0.0003)

    /// The grade of a default (10).
    public var defaultGrade: Int { upperBounds.count + 2 }

    /// `pd` clamped to [``pdFloor``, 1].
    public func clamped(_ pd: Double) -> Double { min(1, max(pdFloor, pd)) }

    /// The grade of `pd`: 10 when `inDefault`; else the first grade whose bound holds the PD, or 9.
    public func grade(for pd: Double, inDefault: Bool) -> Int {
        if inDefault { return defaultGrade }
        let clampedPD = clamped(pd)
        return (upperBounds.firstIndex { clampedPD <= $0 } ?? upperBounds.count) + 1
    }

    private enum CodingKeys: String, CodingKey { case version, date, isIllustrative, source, upperBounds, pdFloor }

    /// Decodes and validates like ``init(version:date:isIllustrative:source:upperBounds:pdFloor:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validating(orKey: .upperBounds) {
            try MasterScale(version: container.decode(String.self, forKey: .version),
                          date: container.decode(CalendarDate.self, forKey: .date),
                          isIllustrative: container.decode(Bool.self, forKey: .isIllustrative),
                          source: container.decode(String.self, forKey: .source),
                          upperBounds: container.decode([Double].self, forKey: .upperBounds),
                          pdFloor: container.decode(Double.self, forKey: .pdFloor))
        }
    }
}
