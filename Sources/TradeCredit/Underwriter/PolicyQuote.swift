public import TradeCreditPricing

/// A quote made by an ``Underwriter``, with the request it was computed from: `QuoteEngine.quote(request)` gives
/// `quote` again.
public struct PolicyQuote: Hashable, Sendable {
    /// The request, rates included when an amount was in another currency than the policy's.
    public let request: QuoteRequest
    /// The engine's quote.
    public let quote: Quote

    /// A quote and its request (the underwriter makes these).
    public init(request: QuoteRequest, quote: Quote) {
        self.request = request
        self.quote = quote
    }
}
