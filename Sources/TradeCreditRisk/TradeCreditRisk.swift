/// The risk engine: buyer scoring, credit-limit decisions and portfolio loss models.
///
/// Pure and synchronous: it imports the model only, does no I/O, and gives the same output for the same inputs.
/// The composition layer fetches ratings and rates through the ports and passes them in as values.
public enum TradeCreditRisk {
    /// The version of the engine's rules and default tables, recorded in every result that depends on them.
    public static let rulesVersion = "risk-1"
}
