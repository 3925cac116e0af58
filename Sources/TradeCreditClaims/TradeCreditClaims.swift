/// The claims engine: deadlines, the buyer's account, eligibility, indemnity, recoveries and the claim lifecycle.
///
/// Pure and synchronous: it imports the model only, does no I/O and never reads the clock (dates are inputs). Amounts in
/// other currencies are converted with a `RateTable` the caller passes in, and the rates used are recorded.
public enum TradeCreditClaims {
    /// The version of the engine's rules and defaults, recorded in every result that depends on them.
    public static let rulesVersion = "claims-1"
}
