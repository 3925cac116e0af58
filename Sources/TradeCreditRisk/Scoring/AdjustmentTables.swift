/// The data tables of the log-odds adjustments (DOMAIN.md §3 step 4), each one factor and one reason code.
///
/// Public values a host replaces with its own calibration. The ``illustrative`` tables are round, monotone numbers
/// that no public source calibrates; they only give each factor a plausible direction and size.
public struct AdjustmentTables: Hashable, Sendable, Codable {
    /// By OECD country risk category, 0…7 (0: high-income OECD and euro-area countries, 7: the riskiest).
    public var countryCategory: BandTable
    /// By NACE section.
    public var sector: SectorTable
    /// By company age in whole years (`Buyer.ageInYears(on:)`); worsens downward.
    public var companyAge: BandTable
    /// By days beyond terms (how late the buyer pays on average).
    public var daysBeyondTerms: BandTable
    /// By the number of past overdues with this seller.
    public var pastOverdues: BandTable
    /// By concentration: the share (0…1) of the seller's total exposure that is on this buyer.
    public var concentration: BandTable

    /// Tables with every factor given; see ``illustrative`` for the defaults.
    public init(countryCategory: BandTable, sector: SectorTable, companyAge: BandTable, daysBeyondTerms: BandTable,
                pastOverdues: BandTable, concentration: BandTable) {
        self.countryCategory = countryCategory
        self.sector = sector
        self.companyAge = companyAge
        self.daysBeyondTerms = daysBeyondTerms
        self.pastOverdues = pastOverdues
        self.concentration = concentration
    }

    /// Illustrative tables (log-odds added to the consolidated PD):
    ///
    /// | factor | bands |
    /// |---|---|
    /// | OECD category | 0: 0 · 1: 0 · 2: +0.1 · 3: +0.25 · 4: +0.45 · 5: +0.7 · 6: +1.0 · 7: +1.4 |
    /// | NACE section | F construction +0.5 · I accommodation and food +0.35 · H transport, L real estate, R arts +0.2 · G trade +0.15 · A, B, C, E, N, S +0.1 · J +0.05 · D, P, Q −0.1 · O public administration −0.3 · K, M, T, U 0 |
    /// | company age | under 1 year +0.7 · 1 year +0.35 · 2 years and more 0 |
    /// | days beyond terms | 0: 0 · 1–15: +0.1 · 16–30: +0.35 · 31–60: +0.7 · 61–90: +1.1 · over 90: +1.5 |
    /// | past overdues | 0: 0 · 1: +0.4 · 2: +0.7 · 3 or more: +1.0 |
    /// | concentration | under 10 %: 0 · 10–20 %: +0.1 · 20–35 %: +0.2 · 35–50 %: +0.35 · 50 % and more: +0.5 |
    public static let illustrative = AdjustmentTables(
        countryCategory: bands(.upward, [(0, 0), (1, 0), (2, 0.1), (3, 0.25), (4, 0.45), (5, 0.7), (6, 1.0), (7, 1.4)]),
        sector: try! SectorTable(entries: [
            ("A", 0.1), ("B", 0.1), ("C", 0.1), ("D", -0.1), ("E", 0.1), ("F", 0.5), ("G", 0.15), ("H", 0.2), ("I", 0.35),
            ("J", 0.05), ("K", 0), ("L", 0.2), ("M", 0), ("N", 0.1), ("O", -0.3), ("P", -0.1), ("Q", -0.1), ("R", 0.2),
            ("S", 0.1), ("T", 0), ("U", 0),
        ].map { SectorTable.Entry(section: $0.0, logOdds: $0.1) }),
        companyAge: bands(.downward, [(0, 0.7), (1, 0.35), (2, 0)]),
        daysBeyondTerms: bands(.upward, [(0, 0), (1, 0.1), (16, 0.35), (31, 0.7), (61, 1.1), (91, 1.5)]),
        pastOverdues: bands(.upward, [(0, 0), (1, 0.4), (2, 0.7), (3, 1.0)]),
        concentration: bands(.upward, [(0, 0), (0.10, 0.1), (0.20, 0.2), (0.35, 0.35), (0.50, 0.5)]))

    /// Builds a built-in table; they are constants checked by the tests, so a failure is a bug here.
    static func bands(_ worsens: BandTable.Worsens, _ rows: [(Double, Double)]) -> BandTable {
        try! BandTable(worsens: worsens, bands: rows.map { BandTable.Band(from: $0.0, value: $0.1) })
    }
}
