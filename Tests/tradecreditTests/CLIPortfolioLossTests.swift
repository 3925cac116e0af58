import Foundation
import Testing

/// `tradecredit portfolio-loss`: CreditRisk+ on a portfolio file, as a user runs it.
@Suite("tradecredit portfolio-loss")
struct CLIPortfolioLossTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/portfolio-loss")
    /// Example 1A of the CreditRisk+ technical document and its published figures, shared with the engine's tests.
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TradeCreditRiskTests/Fixtures/creditriskplus")

    static func json(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    static func numbers(_ object: [String: Any], _ key: String) throws -> [String: Double] {
        try #require(object[key] as? [String: Double], "\(key)")
    }

    /// Every published figure of example 1A, from the JSON output: amounts rounded to the unit, P(0) to 6 decimals.
    @Test func exampleOneAAsJSON() async throws {
        let result = await runCLI(["portfolio-loss", "--input", Self.example.appendingPathComponent("example-1a.csv").path,
                             "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let output = try Self.json(result.stdout)
        let published = try Self.json(String(decoding: try Data(contentsOf: Self.example
            .appendingPathComponent("example-1a.expected.json")), as: UTF8.self))
        #expect(output["expectedLoss"] as? Double == published["expectedLoss"] as? Double)
        #expect(output["standardDeviation"] as? Double == published["standardDeviation"] as? Double)
        #expect(output["lossUnit"] as? Double == published["lossUnit"] as? Double)
        #expect(output["probabilityOfNoLoss"] as? Double == published["probabilityOfNoLoss"] as? Double)
        #expect(output["contributionLevel"] as? Double == 0.99)
        let quantiles = try Self.numbers(output, "quantiles")
        let publishedQuantiles = try Self.numbers(published, "quantiles")
        #expect(Set(quantiles.keys) == Set(publishedQuantiles.keys))
        for (level, value) in publishedQuantiles { #expect(abs(quantiles[level]! - value) <= 1, "\(level)") }
        let contributions = try Self.numbers(output, "riskContributions")
        let publishedContributions = try Self.numbers(published, "riskContributions")
        #expect(Set(contributions.keys) == Set(publishedContributions.keys))
        for (obligor, value) in publishedContributions {
            #expect(abs(contributions[obligor]! - value) <= 2, "obligor \(obligor)")
        }
        let shortfalls = try Self.numbers(output, "expectedShortfall")
        #expect(Set(shortfalls.keys) == Set(quantiles.keys))
        for (level, value) in quantiles { #expect(shortfalls[level]! >= value, "\(level)") }
    }

    /// The readable output of example 1A is the golden file `Fixtures/portfolio-loss/example-1a.txt`. To refresh it
    /// after a deliberate change:
    ///
    ///     .build/debug/tradecredit portfolio-loss --input Tests/TradeCreditRiskTests/Fixtures/creditriskplus/example-1a.csv \
    ///         > Tests/tradecreditTests/Fixtures/portfolio-loss/example-1a.txt
    @Test func exampleOneAAsTable() async throws {
        let result = await runCLI(["portfolio-loss", "--input", Self.example.appendingPathComponent("example-1a.csv").path])
        #expect(result.status == 0, "\(result.stderr)")
        let golden = String(decoding: try Data(contentsOf: Self.fixtures.appendingPathComponent("example-1a.txt")),
                            as: UTF8.self)
        #expect(result.stdout == golden)
    }

    /// Three sectors with fractional weights (empty cells are 0), read from standard input. Hand figures:
    /// EL = 0.05 × 1000 + 0.1 × 650.50 + 0.3 × 250 + 0.15 × 90 = 203.55 → 204; L = ⌈1000/100⌉ = 10;
    /// P(0) = Π_k (1 − p_k)^α_k = 0.570738; with `idio` specific (Poisson, e^−μ) 0.570552.
    /// σ = √(112,898 + 4,128.31 + 3,304.40 + 380.00) = 347.43 (346.89 with `idio` specific).
    @Test func sectorsAndTheSpecificSector() async throws {
        let csv = String(decoding: try Data(contentsOf: Self.fixtures.appendingPathComponent("two-sectors.csv")),
                         as: UTF8.self)
        let plain = await runCLI(["portfolio-loss", "--input", "-", "--format", "json"], stdin: csv)
        #expect(plain.status == 0, "\(plain.stderr)")
        let output = try Self.json(plain.stdout)
        #expect(output["expectedLoss"] as? Double == 204)
        #expect(output["lossUnit"] as? Double == 10)
        #expect(output["probabilityOfNoLoss"] as? Double == 0.570738)
        #expect(output["standardDeviation"] as? Double == 347)
        let specific = await runCLI(["portfolio-loss", "--input", "-", "--format", "json", "--specific-sector", "Idio"],
                              stdin: csv)
        #expect(specific.status == 0, "\(specific.stderr)")
        let specificOutput = try Self.json(specific.stdout)
        #expect(specificOutput["probabilityOfNoLoss"] as? Double == 0.570552)
        #expect(specificOutput["expectedLoss"] as? Double == 204)
        #expect(Set(try Self.numbers(specificOutput, "riskContributions").keys) == ["A", "B", "C", "D"])
    }

    /// The options: levels, discrete quantiles on the grid, a given loss unit, nearest banding, another contribution
    /// level (whose quantile the rounded contributions sum to within their rounding).
    @Test func options() async throws {
        let input = Self.example.appendingPathComponent("example-1a.csv").path
        let levels = try Self.json(await runCLI(["portfolio-loss", "--input", input, "--format", "json",
                                           "--quantiles", "0.9,0.999", "--quantile-method", "discrete"]).stdout)
        let quantiles = try Self.numbers(levels, "quantiles")
        #expect(Set(quantiles.keys) == ["0.9", "0.999"])
        for value in quantiles.values { #expect(value.truncatingRemainder(dividingBy: 202_389) == 0) }

        let unit = try Self.json(await runCLI(["portfolio-loss", "--input", input, "--format", "json", "--loss-unit", "500000",
                                         "--banding", "nearest", "--contribution-level", "0.999",
                                         "--quantiles", "0.999"]).stdout)
        #expect(unit["lossUnit"] as? Double == 500_000)
        #expect(unit["expectedLoss"] as? Double == 14_221_863)
        #expect(unit["contributionLevel"] as? Double == 0.999)
        let total = try Self.numbers(unit, "riskContributions").values.reduce(0, +)
        #expect(abs(total - (try Self.numbers(unit, "quantiles"))["0.999"]!) <= 25)
    }

    static let header = "obligor,exposure,pd,pd_sd"

    @Test(arguments: [
        ("\(header)\n1,100,0.1x,0.05\n", "portfolio.csv:2: pd: "),
        ("\(header)\n1,100,0.1,0.05\n2,-5,0.1,0.05\n", "portfolio.csv:3: exposure: "),
        ("\(header)\n1,12abc,0.1,0.05\n", "portfolio.csv:2: exposure: "),
        ("\(header)\n1,100,1.5,0.05\n", "portfolio.csv:2: pd: "),
        ("\(header)\n1,100,0.1,-0.05\n", "portfolio.csv:2: pd_sd: "),
        ("\(header)\n1,100,0.1,\n", "portfolio.csv:2: pd_sd: "),
        ("\(header),sector:a,sector:b\n1,100,0.1,0.05,0.5,0.4\n", "portfolio.csv:2: sector weights: "),
        ("\(header),sector:a,sector:b\n1,100,0.1,0.05,1.5,-0.5\n", "portfolio.csv:2: sector:a: "),
        ("\(header),sector:a\n1,100,0.1,0.05,\n", "portfolio.csv:2: sector weights: "),
        ("\(header),sector:a\n1,100,0.1,0.05,x\n", "portfolio.csv:2: sector:a: "),
        ("obligor,exposure,pd\n1,100,0.1\n", "portfolio.csv:1: pd_sd: "),
        ("\(header),rating\n1,100,0.1,0.05,A\n", "portfolio.csv:1: rating: "),
        ("\(header)\n1,100,0.1,0.05\n1,200,0.1,0.05\n", "portfolio.csv:3: obligor: "),
        ("\(header)\n1,100,0.1\n", "portfolio.csv:2: "),
        ("\(header)\n", "portfolio.csv:1: "),
    ])
    func badRowsAreOneLine(csv: String, prefix: String) async throws {
        let file = try temporaryFile(csv, name: "portfolio.csv")
        defer { removeTemporary(file) }
        let result = await runCLI(["portfolio-loss", "--input", file.path])
        expectOneLineError(result)
        #expect(result.stderr.contains(prefix), "\(result.stderr)")
    }

    @Test(arguments: [
        (["--quantiles", "0.5,1.5"], "--quantiles"),
        (["--quantiles", "0.5,,0.9"], "--quantiles"),
        (["--contribution-level", "0"], "--contribution-level"),
        (["--loss-unit", "abc"], "--loss-unit"),
        (["--loss-unit", "0"], "--loss-unit"),
        (["--loss-unit", "0.0001"], "--loss-unit"),
        (["--banding", "sideways"], "--banding"),
        (["--quantile-method", "nearest"], "--quantile-method"),
        (["--specific-sector", "nope"], "--specific-sector"),
        (["--format", "csv"], "--format"),
    ])
    func badFlagsAreOneLine(flags: [String], mentioned: String) async {
        let input = Self.example.appendingPathComponent("example-1a.csv").path
        let result = await runCLI(["portfolio-loss", "--input", input] + flags)
        expectOneLineError(result)
        #expect(result.stderr.contains(mentioned), "\(result.stderr)")
    }

    @Test func missingFile() async {
        let result = await runCLI(["portfolio-loss", "--input", "/nonexistent/portfolio.csv"])
        expectOneLineError(result)
        #expect(result.stderr.contains("/nonexistent/portfolio.csv: no such file"))
    }
}
