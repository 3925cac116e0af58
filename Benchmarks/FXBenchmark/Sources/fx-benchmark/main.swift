import Foundation
import TradeCreditECB
import TradeCreditModel

// fx-benchmark once      load and index the embedded ECB history, convert one amount, print it (a whole process)
// fx-benchmark million   the same load, then one million conversions over random days and pairs, timed in process

/// A small deterministic generator (SplitMix64), so that every run converts the same inputs.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let mode = CommandLine.arguments.dropFirst().first ?? "once"
let table = try OfflineRateProvider.embedded().table

switch mode {
case "once":
    let day = try CalendarDate(parsing: "2010-05-05")
    let result = try table.convert(Money(parsing: "100", currency: .USD), to: .GBP, on: day)
    print(result.converted)
default:
    let count = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 1_000_000
    // Inputs first (not timed): days on which both currencies of a pair are quoted.
    let codes = ["USD", "JPY", "GBP", "CHF", "SEK", "NOK", "DKK", "CZK", "PLN", "HUF", "AUD", "CAD"].map { try! CurrencyCode($0) }
    let publications = table.publications.filter { $0.date.year >= 2005 }
    var generator = SplitMix(state: 20_261_127)
    var inputs: [(Money, CurrencyCode, CalendarDate)] = []
    inputs.reserveCapacity(count)
    for _ in 0..<count {
        let publication = publications[Int.random(in: 0..<publications.count, using: &generator)]
        let from = codes[Int.random(in: 0..<codes.count, using: &generator)]
        let to = codes[Int.random(in: 0..<codes.count, using: &generator)]
        let cents = Int.random(in: 1...100_000_000, using: &generator)
        let amount = try Money(Decimal(cents) / 100, from).rounded(.halfUp)
        inputs.append((amount, to, publication.date))
    }
    let clock = ContinuousClock()
    var checksum = 0
    let elapsed = try clock.measure {
        for (amount, to, day) in inputs {
            let result = try table.convert(amount, to: to, on: day)
            checksum &+= result.converted.scale
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("\(count) conversions in \(String(format: "%.3f", seconds)) s (\(String(format: "%.0f", seconds / Double(count) * 1e9)) ns each), checksum \(checksum)")
}
