public import TradeCreditModel

/// The map from an Altman score to a one-year PD: versioned, dated data (DOMAIN.md §3 step 3).
///
/// Each model has a ``BandTable`` of PDs by score that worsens downward (a lower score never gives a lower PD).
public struct ZScorePDMap: Hashable, Sendable, Codable {
    /// Version label of the calibration.
    public let version: String
    /// The date the calibration applies from.
    public let date: CalendarDate
    /// Whether the map is illustrative.
    public let isIllustrative: Bool
    /// Where the numbers come from.
    public let source: String
    /// PD by Z'' score.
    public let zDoublePrime: BandTable
    /// PD by original Z score.
    public let zOriginal: BandTable

    /// - Throws: ``UnderwritingError`` `.inconsistent` for a table that does not worsen downward; `.outOfRange` for
    ///   a PD outside (0, 1).
    public init(version: String, date: CalendarDate, isIllustrative: Bool, source: String, zDoublePrime: BandTable,
                zOriginal: BandTable) throws {
        for (name, table) in [("zDoublePrime", zDoublePrime), ("zOriginal", zOriginal)] {
            guard table.worsens == .downward else {
                throw UnderwritingError(.inconsistent, field: name, value: table.worsens.rawValue,
                                        "a Z-score map worsens downward (a lower score is riskier)")
            }
            for (index, band) in table.bands.enumerated() where !(band.value > 0 && band.value < 1) {
                throw UnderwritingError(.outOfRange, field: "\(name).bands[\(index)]", value: String(band.value),
                                        "a live PD is in (0, 1)")
            }
        }
        self.version = version
        self.date = date
        self.isIllustrative = isIllustrative
        self.source = source
        self.zDoublePrime = zDoublePrime
        self.zOriginal = zOriginal
    }

    /// Illustrative bands (a band holds scores from its bound up to the next one):
    ///
    /// - Z'': below 0 → 20 %; 0 → 10 %; 1.1 → 4 %; 1.85 → 1.5 %; 2.6 → 0.5 %; 4.0 → 0.15 %; 6.0 → 0.05 %.
    /// - Z: below 1.0 → 20 %; 1.0 → 8 %; 1.81 → 3 %; 2.4 → 1 %; 2.99 → 0.3 %; 4.0 → 0.1 %.
    ///
    /// The zone bounds of DOMAIN.md are band bounds; a score exactly on the upper zone bound (2.6, 2.99) is in the
    /// grey zone but takes the PD of the band that starts there.
    public static let illustrative = try! ZScorePDMap(
        version: "altman-pd-illustrative-1", date: CalendarDate(year: 2026, month: 11, day: 27), isIllustrative: true,
        source: "TradeCreditRisk illustrative table (no public calibration; round numbers along Altman's zones)",
        zDoublePrime: AdjustmentTables.bands(.downward, [(-1e9, 0.20), (0, 0.10), (1.1, 0.04), (1.85, 0.015), (2.6, 0.005),
                                                          (4.0, 0.0015), (6.0, 0.0005)]),
        zOriginal: AdjustmentTables.bands(.downward, [(-1e9, 0.20), (1.0, 0.08), (1.81, 0.03), (2.4, 0.01), (2.99, 0.003),
                                                       (4.0, 0.001)]))

    /// The PD of a score of `value` under `model`.
    public func probabilityOfDefault(for value: Double, model: AltmanModel) -> Double {
        (model == .zDoublePrime ? zDoublePrime : zOriginal).value(at: value)
    }

    /// The PD of `score`.
    public func probabilityOfDefault(for score: AltmanScore) -> Double {
        probabilityOfDefault(for: score.value, model: score.model)
    }

    private enum CodingKeys: String, CodingKey { case version, date, isIllustrative, source, zDoublePrime, zOriginal }

    /// Decodes and validates like the initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validating(orKey: .zDoublePrime) {
            try ZScorePDMap(version: container.decode(String.self, forKey: .version),
                            date: container.decode(CalendarDate.self, forKey: .date),
                            isIllustrative: container.decode(Bool.self, forKey: .isIllustrative),
                            source: container.decode(String.self, forKey: .source),
                            zDoublePrime: container.decode(BandTable.self, forKey: .zDoublePrime),
                            zOriginal: container.decode(BandTable.self, forKey: .zOriginal))
        }
    }
}
