public import TradeCreditModel

extension DnBBureau {
    /// The version label of the illustrative PD maps below.
    public static let scaleVersion = "dnb-illustrative-1"

    /// The date the illustrative PD maps apply from (2026-11-01, as the file bureau's built-in scales).
    public static let scaleDate = try! CalendarDate(year: 2026, month: 11, day: 1)

    /// `dnb-failure-class`: D&B failure score class, 1–5, higher is worse — the same id and PD numbers as the file
    /// bureau's illustrative built-in scale, so ratings from either source are read alike.
    ///
    /// Illustrative PD map: class 1 → 0.03 %, 2 → 0.3 %, 3 → 1.5 %, 4 → 6 %, 5 → 30 %. D&B publishes no PD per class:
    /// replace the map with a calibrated one.
    public static let failureClassScale = makeScale(
        id: "dnb-failure-class", name: "D&B failure score class (illustrative PDs)",
        kind: .scores(min: 1, max: 5), direction: .higherIsWorse,
        entries: [(.scores(from: 1, to: 1), 0.0003), (.scores(from: 2, to: 2), 0.003),
                  (.scores(from: 3, to: 3), 0.015), (.scores(from: 4, to: 4), 0.06),
                  (.scores(from: 5, to: 5), 0.30)])

    /// `dnb-paydex`: D&B PAYDEX, 1–100, higher is better (80 = pays on time, lower = pays later).
    ///
    /// Illustrative PD map (not calibrated; PAYDEX measures payment timeliness, not failure):
    ///
    /// | PAYDEX | Reading | PD |
    /// |---|---|---|
    /// | 80–100 | on time or early | 0.5 % |
    /// | 70–79 | up to ~15 days late | 1.5 % |
    /// | 50–69 | ~15–30 days late | 4 % |
    /// | 20–49 | ~30–90 days late | 10 % |
    /// | 1–19 | over 90 days late | 25 % |
    public static let paydexScale = makeScale(
        id: "dnb-paydex", name: "D&B PAYDEX (illustrative PDs)",
        kind: .scores(min: 1, max: 100), direction: .higherIsBetter,
        entries: [(.scores(from: 1, to: 19), 0.25), (.scores(from: 20, to: 49), 0.10),
                  (.scores(from: 50, to: 69), 0.04), (.scores(from: 70, to: 79), 0.015),
                  (.scores(from: 80, to: 100), 0.005)])

    /// Both scales the adapter rates on, by id.
    public static let scales: [String: RatingScale] = [
        failureClassScale.id: failureClassScale, paydexScale.id: paydexScale,
    ]

    private static func makeScale(id: String, name: String, kind: RatingScale.Kind, direction: RatingScale.Direction,
                                  entries: [(PDMap.Key, Double)]) -> RatingScale {
        let map = PDMap(version: scaleVersion, date: scaleDate, isIllustrative: true,
                        source: "TradeCreditDnB illustrative table (D&B publishes no PDs)",
                        entries: entries.map { PDMap.Entry($0.0, $0.1) })
        do {
            return try RatingScale(id: id, name: name, kind: kind, direction: direction, pdMap: map)
        } catch {
            fatalError("D&B scale \(id) is invalid: \(error)")
        }
    }
}
