import Foundation
import TradeCreditModel
import TradeCreditPricing

// quote-benchmark [--buyers N] [--runs R] [--seed S] [--csv PATH] [--figures PATH]
//
// Builds a deterministic portfolio of N buyers (SplitMix64, seed S), then times `QuoteEngine.quote` end to end, R
// runs each: with and without the sensitivity table, with the request building (QuoteBuyer and QuoteRequest values
// from the generated numbers) inside and outside the timed part. --csv writes the portfolio for the Python peer,
// --figures the EL and VaR figures of the 90 % quote, which the peer checks its own against.

/// A small deterministic generator (SplitMix64), so that every run prices the same portfolio.
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

/// One generated buyer, as plain numbers: limit and outstanding in whole euros (outstanding 0: none given).
struct Row { let limit: Int; let pd: Double; let outstanding: Int }

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    guard name.hasPrefix("--"), let value = arguments.popFirst() else {
        FileHandle.standardError.write("usage: quote-benchmark [--buyers N] [--runs R] [--seed S] [--csv PATH]\n".data(using: .utf8)!)
        exit(2)
    }
    options[String(name.dropFirst(2))] = value
}
let count = Int(options["buyers"] ?? "") ?? 100_000
let runs = Int(options["runs"] ?? "") ?? 5
let seed = UInt64(options["seed"] ?? "") ?? 20_261_127

/// The portfolio: limits log-uniform in 5,000–2,000,000 EUR (whole thousands above 10,000); the PD from a rating-grade
/// mix (most buyers investment grade to BB, a tail to 10 %), ±20 % within the grade; one buyer in four with an expected
/// average outstanding of 30–90 % of its limit.
func portfolio(count: Int, seed: UInt64) -> [Row] {
    // (PD of the grade, share of buyers): AA- … CCC, 0.03 % to 10 %.
    let grades: [(pd: Double, weight: Double)] = [
        (0.0003, 0.05), (0.0006, 0.08), (0.0012, 0.12), (0.0025, 0.18), (0.005, 0.20),
        (0.01, 0.16), (0.02, 0.10), (0.04, 0.06), (0.07, 0.03), (0.10, 0.02),
    ]
    var generator = SplitMix(state: seed)
    func uniform() -> Double { Double(generator.next() >> 11) * 0x1p-53 }
    var rows: [Row] = []
    rows.reserveCapacity(count)
    for _ in 0..<count {
        var limit = Int((5_000 * pow(400, uniform())).rounded())
        if limit > 10_000 { limit = limit / 1_000 * 1_000 }
        var pick = uniform(), grade = 0
        while grade < grades.count - 1 && pick >= grades[grade].weight { pick -= grades[grade].weight; grade += 1 }
        let pd = min(max(grades[grade].pd * (0.8 + 0.4 * uniform()), 0.0003), 0.10)
        // Rounded to 8 significant decimals so that the CSV carries it exactly.
        let pdText = Double(String(format: "%.8f", pd))!
        let outstanding = uniform() < 0.25 ? Int((Double(limit) * (0.3 + 0.6 * uniform())).rounded()) : 0
        rows.append(Row(limit: limit, pd: pdText, outstanding: outstanding))
    }
    return rows
}

func request(_ rows: [Row], sensitivity: Bool) -> QuoteRequest {
    let buyers = rows.enumerated().map { index, row in
        QuoteBuyer(id: "B\(index)", limit: Money(units: row.limit, .EUR), pd: row.pd,
                   expectedAverageOutstanding: row.outstanding > 0 ? Money(units: row.outstanding, .EUR) : nil)
    }
    return QuoteRequest(currency: .EUR, insuredPercentage: Decimal(string: "0.90")!,
                        pricing: .typical(currency: .EUR), policyholderCountry: .FR, buyers: buyers,
                        sensitivityPercentages: sensitivity ? QuoteRequest.defaultSensitivityPercentages : [])
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let rows = portfolio(count: count, seed: seed)
if let path = options["csv"] {
    var text = "id,limit,pd,outstanding\n"
    for (index, row) in rows.enumerated() {
        text += "B\(index),\(row.limit),\(String(format: "%.8f", row.pd)),\(row.outstanding > 0 ? "\(row.outstanding)" : "")\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

let clock = ContinuousClock()
var reference: Quote?
var table: [(String, [Double])] = []
for sensitivity in [false, true] {
    var quoteOnly: [Double] = [], withBuilding: [Double] = []
    for _ in 0..<runs {
        // Request building outside the timed part.
        let built = request(rows, sensitivity: sensitivity)
        var quote: Quote?
        quoteOnly.append(seconds(try clock.measure { quote = try QuoteEngine.quote(built) }))
        if sensitivity { reference = quote }
        // Request building inside it.
        withBuilding.append(seconds(try clock.measure { quote = try QuoteEngine.quote(request(rows, sensitivity: sensitivity)) }))
        FileHandle.standardError.write(String(format: "sensitivity %@: quote %.3f s, building + quote %.3f s\n",
                                              sensitivity ? "yes" : "no", quoteOnly.last!, withBuilding.last!)
                                        .data(using: .utf8)!)
    }
    let label = sensitivity ? "with sensitivity table (80/85/90/95 %)" : "without sensitivity table"
    table.append(("quote, \(label)", quoteOnly))
    table.append(("request building + quote, \(label)", withBuilding))
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

print("TradeCredit QuoteEngine.quote, \(count) buyers, \(runs) runs each (seconds)")
print("")
print("| measured | median | min | max | runs |")
print("| --- | ---: | ---: | ---: | --- |")
for (label, values) in table {
    print(String(format: "| %@ | %.3f | %.3f | %.3f | %@ |", label, median(values), values.min()!, values.max()!,
                 values.map { String(format: "%.3f", $0) }.joined(separator: ", ")))
}
if let quote = reference {
    let figures = quote.portfolio
    print("")
    print(String(format: "portfolio: EL %.6f, sigma %.6f, VaR %.4f %.6f, loss unit %@, capital %@, final premium %@",
                 figures.expectedLossFigure, figures.standardDeviationFigure, figures.level, figures.valueAtRiskFigure,
                 "\(figures.lossUnit)", figures.capitalCharge.amountText, quote.premium.final.amountText))
    if let path = options["figures"] {
        try "el=\(figures.expectedLossFigure) var=\(figures.valueAtRiskFigure)\n".write(toFile: path, atomically: true, encoding: .utf8)
    }
    let capitalFigures = quote.buyers.reduce(0.0) { $0 + $1.riskContribution }
    print(String(format: "sum of risk contributions %.6f (VaR %.6f)", capitalFigures, figures.valueAtRiskFigure))
    for row in quote.sensitivity {
        print("sensitivity \(row.insuredPercentage): EL \(row.expectedLoss.amountText), capital \(row.capitalCharge.amountText), final \(row.final.amountText)")
    }
}
