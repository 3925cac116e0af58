/// The pricing engine: risk-based quotes with their full breakdown, and the tariff bases the market uses.
///
/// Pure and synchronous: it imports the model and the risk engine only, does no I/O and never reads the clock. Amounts
/// in other currencies are converted with a `RateTable` the caller passes in, and the rates used are recorded.
public enum TradeCreditPricing {
    /// The version of the engine's rules and default tables, recorded in every quote.
    public static let rulesVersion = "pricing-1"
}
