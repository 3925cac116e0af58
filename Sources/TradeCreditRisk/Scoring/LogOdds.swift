internal import Foundation

/// The log-odds transform the consolidation and the adjustments work in: PDs average and add there.
enum LogOdds {
    /// ln(p / (1 − p)), for p in (0, 1).
    static func of(_ probability: Double) -> Double { log(probability / (1 - probability)) }

    /// The PD of log-odds `x`: 1 / (1 + e^−x).
    static func probability(_ logOdds: Double) -> Double { 1 / (1 + exp(-logOdds)) }

    /// 0.5^(`days` / `halfLife`): the weight a source keeps after `days`.
    static func decay(days: Int, halfLife: Int) -> Double { pow(0.5, Double(days) / Double(halfLife)) }
}

/// Short figures for reason details, identical on every platform.
enum Figures {
    /// `0.0113` → `"1.13%"`.
    static func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }

    /// `0.53081` → `"0.531"`.
    static func decimal(_ value: Double, places: Int = 3) -> String { String(format: "%.\(places)f", value) }

    /// `0.35` → `"+0.350"`, `-0.3` → `"-0.300"`.
    static func signed(_ value: Double) -> String { String(format: "%+.3f", value) }
}
