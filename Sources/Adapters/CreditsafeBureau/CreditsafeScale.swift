public import TradeCreditModel

extension CreditsafeBureau {
    /// The version label of ``illustrativeScale``'s PD map.
    public static let illustrativeScaleVersion = "creditsafe-illustrative-1"
    /// The date ``illustrativeScale``'s PD map applies from: 2026-11-01.
    public static let illustrativeScaleDate = try! CalendarDate(year: 2026, month: 11, day: 1)

    /// `creditsafe-international`: Creditsafe's international score, 1–100, higher is better; `E` = not rated.
    ///
    /// The PD map is **illustrative** (Creditsafe publishes no PD per band) and holds the same numbers as the file
    /// bureau's built-in scale of the same id, so that ratings from either source read alike. Replace it with a
    /// calibrated table through ``CreditsafeBureau/init(baseURL:username:password:client:scale:logger:now:)``.
    ///
    /// | Scores | Letter | PD |
    /// |---|---|---|
    /// | 71–100 | A | 0.03 % |
    /// | 51–70 | B | 0.4 % |
    /// | 30–50 | C | 2 % |
    /// | 21–29 | D | 8 % |
    /// | 1–20 | D | 30 % |
    public static let illustrativeScale: RatingScale = {
        let map = PDMap(
            version: illustrativeScaleVersion, date: illustrativeScaleDate, isIllustrative: true,
            source: "TradeCreditCreditsafe illustrative table (Creditsafe publishes no PDs)",
            entries: [PDMap.Entry(.scores(from: 1, to: 20), 0.30), PDMap.Entry(.scores(from: 21, to: 29), 0.08),
                      PDMap.Entry(.scores(from: 30, to: 50), 0.02), PDMap.Entry(.scores(from: 51, to: 70), 0.004),
                      PDMap.Entry(.scores(from: 71, to: 100), 0.0003)])
        do {
            return try RatingScale(id: "creditsafe-international",
                                   name: "Creditsafe international score (illustrative PDs)",
                                   kind: .scores(min: 1, max: 100), direction: .higherIsBetter, notRatedLabels: ["E"],
                                   pdMap: map)
        } catch {
            fatalError("the illustrative Creditsafe scale is invalid: \(error)")
        }
    }()

    /// The score a common value (letter) is read as when the report gives no numeric provider value: the lowest score
    /// of the letter's range (A 71–100 → 71, B 51–70 → 51, C 30–50 → 30, D 1–29 → 1), the cautious reading.
    public static let commonValueScores: [String: Int] = ["A": 71, "B": 51, "C": 30, "D": 1]
}
