@_exported public import TradeCreditModel

/// The version of the TradeCredit SDK.
public enum TradeCreditVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
