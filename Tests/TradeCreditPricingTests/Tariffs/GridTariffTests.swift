import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

@Suite("Grid tariff")
struct GridTariffTests {
    /// A small grid in JSON, with DOMAIN.md §5's cell (single contract, standard risk, 2 months, 90% → 0.84%).
    static let json = Data("""
    {"cells": [
      {"policyType": "singleContract", "riskClass": "standard", "months": 2, "insuredPercentage": "0.90", "rate": "0.0084"},
      {"policyType": "singleContract", "riskClass": "standard", "months": 3, "insuredPercentage": "0.90", "rate": "0.0112"},
      {"policyType": "singleContract", "riskClass": "high", "months": 2, "insuredPercentage": "0.90", "rate": "0.0150"},
      {"policyType": "singleContract", "riskClass": "standard", "months": 2, "insuredPercentage": 0.95, "rate": 0.0091}
    ]}
    """.utf8)

    static let example = GridKey(policyType: "singleContract", riskClass: "standard", months: 2,
                                 insuredPercentage: dec("0.90"))

    @Test func domainExample() throws {
        let grid = try GridTariff(json: Self.json)
        let premium = try grid.premium(for: Self.example, contractValue: eur("100000.00"))
        #expect(premium.rate == dec("0.0084"))
        #expect(premium.premium == (try eur("840.00")))
        #expect(premium.insuredAmount == (try eur("90000.00")))
    }

    @Test func costRoundedToMinorUnits() throws {
        // 12,345.67 × 0.0112 = 138.271504 → 138.27; insured 12,345.67 × 0.9 = 11,111.103 → 11,111.10
        let grid = try GridTariff(json: Self.json)
        let key = GridKey(policyType: "singleContract", riskClass: "standard", months: 3, insuredPercentage: dec("0.9"))
        let premium = try grid.premium(for: key, contractValue: eur("12345.67"))
        #expect(premium.exactPremium == (try exactEUR("138.271504")))
        #expect(premium.premium == (try eur("138.27")))
        #expect(premium.insuredAmount == (try eur("11111.10")))
    }

    @Test func numbersInJSONAreAccepted() throws {
        let grid = try GridTariff(json: Self.json)
        let key = GridKey(policyType: "singleContract", riskClass: "standard", months: 2, insuredPercentage: dec("0.95"))
        #expect(try grid.rate(for: key) == dec("0.0091"))
    }

    @Test func missingCellNamesTheKey() throws {
        let grid = try GridTariff(json: Self.json)
        let key = GridKey(policyType: "singleContract", riskClass: "standard", months: 4, insuredPercentage: dec("0.90"))
        expectTariffError(.missingCell, field: "singleContract/standard/4 months/0.9") {
            _ = try grid.premium(for: key, contractValue: eur("1000"))
        }
    }

    @Test func duplicateCellsAreRefused() throws {
        let first = try GridCell(key: Self.example, rate: dec("0.0084"))
        let same = try GridCell(key: GridKey(policyType: "singleContract", riskClass: "standard", months: 2,
                                             insuredPercentage: dec("0.9")), rate: dec("0.0090"))
        expectTariffError(.duplicateCell, field: "singleContract/standard/2 months/0.9") {
            _ = try GridTariff(cells: [first, same])
        }
        let json = Data("""
        {"cells": [
          {"policyType": "a", "riskClass": "b", "months": 1, "insuredPercentage": "0.9", "rate": "0.01"},
          {"policyType": "a", "riskClass": "b", "months": 1, "insuredPercentage": "0.90", "rate": "0.02"}
        ]}
        """.utf8)
        expectTariffError(.duplicateCell, field: "a/b/1 months/0.9") { _ = try GridTariff(json: json) }
    }

    @Test func badCellsAndInputs() throws {
        expectTariffError(.outOfRange, field: "rate[a/b/1 months/0.9]") {
            _ = try GridCell(key: GridKey(policyType: "a", riskClass: "b", months: 1, insuredPercentage: dec("0.9")),
                             rate: dec("1.2"))
        }
        expectTariffError(.outOfRange, field: "insuredPercentage[a/b/1 months/90]") {
            _ = try GridCell(key: GridKey(policyType: "a", riskClass: "b", months: 1, insuredPercentage: dec("90")),
                             rate: dec("0.01"))
        }
        expectTariffError(.outOfRange, field: "months[a/b/0 months/0.9]") {
            _ = try GridCell(key: GridKey(policyType: "a", riskClass: "b", months: 0, insuredPercentage: dec("0.9")),
                             rate: dec("0.01"))
        }
        let grid = try GridTariff(json: Self.json)
        expectTariffError(.outOfRange, field: "contractValue") {
            _ = try grid.premium(for: Self.example, contractValue: eur("-1"))
        }
        #expect(throws: DecodingError.self) {
            _ = try GridTariff(json: Data(#"{"cells":[{"policyType":"a","riskClass":"b","months":1,"insuredPercentage":"0.9x","rate":"0.01"}]}"#.utf8))
        }
    }

    @Test func gridRoundTripsThroughJSON() throws {
        let grid = try GridTariff(json: Self.json)
        let again = try GridTariff(json: JSONEncoder().encode(grid))
        #expect(again == grid)
        #expect(try again.premium(for: Self.example, contractValue: eur("100000.00")).premium == (try eur("840.00")))
        let premium = try grid.premium(for: Self.example, contractValue: eur("100000.00"))
        #expect(try JSONDecoder().decode(GridPremium.self, from: JSONEncoder().encode(premium)) == premium)
    }
}
