import Testing
import TradeCreditPricing

@Suite("Pricing engine")
struct PricingEngineTests {
    @Test func rulesAreVersioned() {
        #expect(TradeCreditPricing.rulesVersion == "pricing-1")
    }
}
