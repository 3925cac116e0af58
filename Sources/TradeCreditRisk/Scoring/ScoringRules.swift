public import TradeCreditModel

/// Every table and parameter the scoring pipeline reads, versioned and dated as one set; its version is recorded in
/// each ``BuyerAssessment``.
///
/// Public values: a host replaces any part (JSON or code) with its own calibration. ``illustrative`` is the SDK's
/// default, labelled illustrative because no public source calibrates these numbers.
public struct ScoringRules: Hashable, Sendable, Codable {
    /// Version label of the set.
    public var version: String
    /// The date the set applies from.
    public var date: CalendarDate
    /// Whether any part is illustrative.
    public var isIllustrative: Bool
    /// Where the numbers come from.
    public var source: String
    /// Consolidation and confidence.
    public var consolidation: ConsolidationParameters
    /// Log-odds adjustments.
    public var adjustments: AdjustmentTables
    /// Altman score → PD.
    public var altman: ZScorePDMap
    /// PD → grade, and the PD floor.
    public var masterScale: MasterScale

    /// A set with every part given; ``validate()`` checks it (the scorer calls it).
    public init(version: String, date: CalendarDate, isIllustrative: Bool, source: String,
                consolidation: ConsolidationParameters, adjustments: AdjustmentTables, altman: ZScorePDMap,
                masterScale: MasterScale) {
        self.version = version
        self.date = date
        self.isIllustrative = isIllustrative
        self.source = source
        self.consolidation = consolidation
        self.adjustments = adjustments
        self.altman = altman
        self.masterScale = masterScale
    }

    /// ``ConsolidationParameters/illustrative``, ``AdjustmentTables/illustrative``, ``ZScorePDMap/illustrative``
    /// and ``MasterScale/illustrative``, as version `scoring-illustrative-1` of 2026-11-27.
    public static let illustrative = ScoringRules(
        version: "scoring-illustrative-1", date: try! CalendarDate(year: 2026, month: 11, day: 27), isIllustrative: true,
        source: "DOMAIN.md §3 (half-life, maximum age, Altman formulas and zones, master-scale bands); "
            + "every other number is illustrative",
        consolidation: .illustrative, adjustments: .illustrative, altman: .illustrative, masterScale: .illustrative)

    /// - Throws: ``UnderwritingError`` naming the parameter (`consolidation.halfLifeDays`, …).
    public func validate() throws {
        do { try consolidation.validate() } catch let error as UnderwritingError { throw error.within("consolidation") }
        guard consolidation.referencePD >= masterScale.pdFloor else {
            throw UnderwritingError(.outOfRange, field: "consolidation.referencePD", value: String(consolidation.referencePD),
                                    "the reference PD is at least the PD floor")
        }
    }
}
