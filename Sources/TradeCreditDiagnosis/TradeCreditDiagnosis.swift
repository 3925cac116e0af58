/// The exposure diagnosis: from a seller's receivables ledger, the indicators behind the profiles of sellers who
/// need credit insurance most, and whether each profile is met.
///
/// Pure and synchronous: it imports the model and the engines only, does no I/O and never reads the clock.
public enum TradeCreditDiagnosis {
    /// The version of the indicators, thresholds and defaults, recorded in every diagnosis.
    public static let rulesVersion = "diagnosis-1"
}
