public import TradeCreditModel

/// The rating scales the file bureau knows without a definition in the file.
///
/// Every table here is **illustrative**: no bureau publishes a probability of default per grade or band, so these
/// PDs are round, monotone numbers from about 0.03 % (best) to about 30 % (worst live rating), versioned
/// ``builtInScaleVersion`` and dated ``builtInScaleDate`` (2026-11-01). Replace them with a calibrated table — a
/// custom scale with the same id in a JSON ratings file overrides the built-in one.
extension FileRatingBureau {
    /// The version label of every built-in PD map.
    public static let builtInScaleVersion = "file-bureau-illustrative-1"
    /// The date every built-in PD map applies from: 2026-11-01.
    public static let builtInScaleDate = try! CalendarDate(year: 2026, month: 11, day: 1)

    /// The built-in scales, by id: see ``creditsafeInternational``, ``dnbFailureClass``, ``allianzTradeGrade``,
    /// ``cofaceDRA``, ``atradiusBuyerRating`` and ``banqueDeFranceCotation``.
    public static let builtInScales: [String: RatingScale] = Dictionary(
        uniqueKeysWithValues: [creditsafeInternational, dnbFailureClass, allianzTradeGrade, cofaceDRA,
                               atradiusBuyerRating, banqueDeFranceCotation].map { ($0.id, $0) })

    /// The built-in scale with this id, or `nil`.
    public static func builtInScale(id: String) -> RatingScale? { builtInScales[id] }

    /// Creditsafe international score letters and the score each is read as on `creditsafe-international`:
    /// the lowest score of the letter's range (A 71–100 → 71, B 51–70 → 51, C 30–50 → 30, D 1–29 → 1).
    ///
    /// The scale is a score scale, so a letter in a ratings file is stored as a score. The lowest score of the
    /// letter is the cautious reading: D covers two PD bands (21–29 and 1–20) and is read in the worse one. `E`
    /// is the scale's *not rated* label and stays *not rated*.
    public static let creditsafeGradeScores: [String: Int] = ["A": 71, "B": 51, "C": 30, "D": 1]

    /// `creditsafe-international`: Creditsafe's international score, 1–100, higher is better; `E` = not rated.
    ///
    /// Illustrative PD map (score band → one-year PD); the letters cover A 71–100, B 51–70, C 30–50, D 1–29
    /// (see ``creditsafeGradeScores``):
    ///
    /// | Scores | Letter | PD |
    /// |---|---|---|
    /// | 71–100 | A | 0.03 % |
    /// | 51–70 | B | 0.4 % |
    /// | 30–50 | C | 2 % |
    /// | 21–29 | D | 8 % |
    /// | 1–20 | D | 30 % |
    public static let creditsafeInternational = makeScale(
        id: "creditsafe-international", name: "Creditsafe international score (illustrative PDs)",
        kind: .scores(min: 1, max: 100), direction: .higherIsBetter, notRatedLabels: ["E"],
        entries: [(.scores(from: 1, to: 20), 0.30), (.scores(from: 21, to: 29), 0.08),
                  (.scores(from: 30, to: 50), 0.02), (.scores(from: 51, to: 70), 0.004),
                  (.scores(from: 71, to: 100), 0.0003)])

    /// `dnb-failure-class`: Dun & Bradstreet failure score class, 1–5, higher is worse.
    ///
    /// Illustrative PD map: class 1 → 0.03 %, 2 → 0.3 %, 3 → 1.5 %, 4 → 6 %, 5 → 30 %.
    public static let dnbFailureClass = makeScale(
        id: "dnb-failure-class", name: "D&B failure score class (illustrative PDs)",
        kind: .scores(min: 1, max: 5), direction: .higherIsWorse,
        entries: single([0.0003, 0.003, 0.015, 0.06, 0.30], from: 1))

    /// `allianz-trade-grade`: Allianz Trade grade, 1–10, higher is worse; 10 = in default.
    ///
    /// Illustrative PD map: 1 → 0.03 %, 2 → 0.08 %, 3 → 0.2 %, 4 → 0.5 %, 5 → 1 %, 6 → 2.5 %, 7 → 6 %,
    /// 8 → 13 % (no cover for new deliveries), 9 → 30 %, 10 → 100 % (its *in default* label; the row is there
    /// only because the map must cover the whole range).
    public static let allianzTradeGrade = makeScale(
        id: "allianz-trade-grade", name: "Allianz Trade grade (illustrative PDs)",
        kind: .scores(min: 1, max: 10), direction: .higherIsWorse, defaultLabels: ["10"],
        entries: single([0.0003, 0.0008, 0.002, 0.005, 0.01, 0.025, 0.06, 0.13, 0.30, 1], from: 1))

    /// `coface-dra`: Coface Debtor Risk Assessment, 0–10, higher is better; 0 = in default.
    ///
    /// Illustrative PD map: 10 → 0.03 %, 9 → 0.1 %, 8 → 0.25 %, 7 → 0.5 %, 6 → 1 %, 5 → 2 %, 4 → 4 %, 3 → 8 %,
    /// 2 → 15 %, 1 → 30 %, 0 → 100 % (its *in default* label; present only to cover the range).
    public static let cofaceDRA = makeScale(
        id: "coface-dra", name: "Coface DRA (illustrative PDs)",
        kind: .scores(min: 0, max: 10), direction: .higherIsBetter, defaultLabels: ["0"],
        entries: single([1, 0.30, 0.15, 0.08, 0.04, 0.02, 0.01, 0.005, 0.0025, 0.001, 0.0003], from: 0))

    /// `atradius-buyer-rating`: Atradius buyer rating, 1–100, higher is worse; 100 = insolvent (in default).
    ///
    /// Illustrative PD map by band: 1–10 → 0.03 %, 11–20 → 0.1 %, 21–30 → 0.3 %, 31–40 → 0.6 %, 41–50 → 1.2 %,
    /// 51–60 → 2.5 %, 61–70 → 5 %, 71–80 → 10 %, 81–90 → 18 %, 91–99 → 30 %, 100 → 100 % (its *in default* label).
    public static let atradiusBuyerRating = makeScale(
        id: "atradius-buyer-rating", name: "Atradius buyer rating (illustrative PDs)",
        kind: .scores(min: 1, max: 100), direction: .higherIsWorse, defaultLabels: ["100"],
        entries: [(.scores(from: 1, to: 10), 0.0003), (.scores(from: 11, to: 20), 0.001),
                  (.scores(from: 21, to: 30), 0.003), (.scores(from: 31, to: 40), 0.006),
                  (.scores(from: 41, to: 50), 0.012), (.scores(from: 51, to: 60), 0.025),
                  (.scores(from: 61, to: 70), 0.05), (.scores(from: 71, to: 80), 0.10),
                  (.scores(from: 81, to: 90), 0.18), (.scores(from: 91, to: 99), 0.30),
                  (.scores(from: 100, to: 100), 1)])

    /// The Banque de France cotation grades on `banque-de-france-cotation`, best first.
    static let banqueDeFranceGrades = ["1+", "1", "1-", "2+", "2", "3++", "3+", "3", "4+", "4", "5+", "5", "6", "7", "8"]

    /// `banque-de-france-cotation`: Banque de France credit cotation (2022 scale), grades `1+` (best) … `8`.
    ///
    /// Special states: `P` (a collective insolvency procedure is open) is *in default*; `0` (no unfavourable
    /// information, usually no financial statements either) is *not rated* — the absence of bad news is not a
    /// rating, so it gives no PD rather than a good one.
    ///
    /// Illustrative PD map: 1+ → 0.03 %, 1 → 0.05 %, 1- → 0.08 %, 2+ → 0.12 %, 2 → 0.18 %, 3++ → 0.25 %,
    /// 3+ → 0.35 %, 3 → 0.5 %, 4+ → 0.8 %, 4 → 1.2 %, 5+ → 2 %, 5 → 3.5 %, 6 → 6 %, 7 → 12 %, 8 → 30 %.
    public static let banqueDeFranceCotation = makeScale(
        id: "banque-de-france-cotation", name: "Banque de France cotation (illustrative PDs)",
        kind: .grades(banqueDeFranceGrades), direction: .higherIsBetter, notRatedLabels: ["0"], defaultLabels: ["P"],
        entries: zip(banqueDeFranceGrades,
                     [0.0003, 0.0005, 0.0008, 0.0012, 0.0018, 0.0025, 0.0035, 0.005, 0.008, 0.012, 0.02, 0.035,
                      0.06, 0.12, 0.30]).map { (PDMap.Key.grade($0.0), $0.1) })

    /// One band per score, from `first` upwards.
    private static func single(_ pds: [Double], from first: Int) -> [(PDMap.Key, Double)] {
        pds.enumerated().map { (PDMap.Key.scores(from: first + $0.offset, to: first + $0.offset), $0.element) }
    }

    /// Builds a built-in scale; the tables above are constants checked by the tests, so a failure is a bug here.
    private static func makeScale(id: String, name: String, kind: RatingScale.Kind, direction: RatingScale.Direction,
                                  notRatedLabels: Set<String> = [], defaultLabels: Set<String> = [],
                                  entries: [(PDMap.Key, Double)]) -> RatingScale {
        let map = PDMap(version: builtInScaleVersion, date: builtInScaleDate, isIllustrative: true,
                        source: "TradeCreditFileBureau illustrative table (no bureau publishes PDs)",
                        entries: entries.map { PDMap.Entry($0.0, $0.1) })
        do {
            return try RatingScale(id: id, name: name, kind: kind, direction: direction, notRatedLabels: notRatedLabels,
                                   defaultLabels: defaultLabels, pdMap: map)
        } catch {
            fatalError("built-in scale \(id) is invalid: \(error)")
        }
    }
}
