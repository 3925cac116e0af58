@_exported public import TradeCreditModel
@_exported public import TradeCreditHTTP
@_exported public import TradeCreditECB
@_exported public import TradeCreditFrankfurter
@_exported public import TradeCreditFileBureau
@_exported public import TradeCreditGLEIF
@_exported public import TradeCreditCreditsafe
@_exported public import TradeCreditDnB
@_exported public import TradeCreditRisk
@_exported public import TradeCreditClaims
@_exported public import TradeCreditPricing
@_exported public import TradeCreditDiagnosis

/// The version of the TradeCredit SDK.
public enum TradeCreditVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
