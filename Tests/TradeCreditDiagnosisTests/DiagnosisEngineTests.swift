import Testing
import TradeCreditDiagnosis

@Suite("Diagnosis engine")
struct DiagnosisEngineTests {
    @Test func rulesAreVersioned() {
        #expect(TradeCreditDiagnosis.rulesVersion == "diagnosis-1")
    }
}
