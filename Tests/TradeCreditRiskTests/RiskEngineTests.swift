import Testing
import TradeCreditRisk

@Suite("Risk engine")
struct RiskEngineTests {
    @Test func rulesAreVersioned() {
        #expect(TradeCreditRisk.rulesVersion == "risk-1")
    }
}
