import Testing
import TradeCreditClaims

@Suite("Claims engine")
struct ClaimsEngineTests {
    @Test func rulesAreVersioned() {
        #expect(TradeCreditClaims.rulesVersion == "claims-1")
    }
}
