import Foundation
import Testing

/// Bad input for every command path, groups included: status 2, nothing on stdout, one line on stderr naming what is
/// wrong. The commands' own suites test their errors in depth; this table makes sure that none is left without one,
/// for the four kinds of bad input: a missing file, a malformed file (`CLIGoldenBadInputTests.malformedFiles`), a bad
/// flag value, an unknown flag or argument.
let auditBadInputs: [(arguments: [String], mentioned: String)] = [
    (["demo", "--frobnicate"], "'--frobnicate'"),
    (["buyers", "frobnicate"], "'frobnicate'"),
    (["buyers", "--frobnicate"], "'--frobnicate'"),
    (["buyers", "validate", "--buyers", "/nonexistent/buyers.csv"], "/nonexistent/buyers.csv: no such file"),
    (["buyers", "validate", "--buyers", ""], "tradecredit: \"\": no such file"),
    (["buyers", "validate", "--buyers", "-", "--format", "xml"], "'xml'"),
    (["buyers", "sample", "--frobnicate"], "'--frobnicate'"),
    (["buyers", "sample", "extra"], "'extra'"),
    (["assess", "--buyers", "/nonexistent/buyers.csv"], "/nonexistent/buyers.csv: no such file"),
    (["assess", "--buyers", "-", "--ratings", ""], "tradecredit: \"\": "),
    (["assess", "--buyers", "-", "--as-of", "2026-02-30"], "--as-of: no such calendar date"),
    (["fx", "--frobnicate"], "'--frobnicate'"),
    (["fx", "convert", "--amount", "1", "--from", "USD", "--to", "GBP", "--format", "csv"], "'csv'"),
    (["fx", "rates", "--date", "2024-02-30"], "--date: no such calendar date"),
    (["fx", "rates", "--date", "1990-01-01"], "before the first publication"),
    (["fx", "rates", "--rates", "/nonexistent/rates.csv"], "/nonexistent/rates.csv: "),
    (["fx", "rates", "--rates", "ecb", "--base-url", "ftp://x"], "--base-url"),
    (["fx", "rates", "--format", "xml"], "'xml'"),
    (["rating", "--id", "siren:319720074", "--as-of", "2026-13-01"], "--as-of"),
    (["rating", "--id", "siren:319720074", "--bureau", "file:/nonexistent/ratings.csv"], "/nonexistent/ratings.csv: no such file"),
    (["rating", "--id", "siren:319720074", "--bureau", "file:"], "--bureau: file: needs a PATH"),
    (["rating", "--id", "siren:319720074", "--format", "csv"], "'csv'"),
    (["resolve", "--name", "Acme", "--limit", "0"], "--limit"),
    (["resolve", "--name", "Acme", "--country", "XX"], "--country"),
    (["resolve", "--name", " "], "--name: the name to search for is empty"),
    (["resolve", "--id", "lei:969500ACMEINDUSTRI13", "--base-url", "ftp://x"], "--base-url"),
    (["portfolio-loss", "--input", "/nonexistent/portfolio.csv"], "/nonexistent/portfolio.csv: no such file"),
    (["portfolio-loss", "--input", ""], "tradecredit: \"\": no such file"),
    (["portfolio-loss", "--input", "-", "--banding", "sideways"], "'sideways'"),
    (["quote", "--policy", "/nonexistent/policy.json", "--buyers", "-"], "/nonexistent/policy.json: no such file"),
    (["quote", "--policy", "-", "--buyers", "-"], "only one of --policy and --buyers"),
    (["claim", "--frobnicate"], "usage: "),
    (["claim", "adjust", "--policy", "/nonexistent/policy.json", "--case", "/nonexistent/case.json"],
     "/nonexistent/policy.json: no such file"),
    (["claim", "sample-policy", "--format", "json"], "'--format'"),
    (["claim", "sample-case", "--frobnicate"], "'--frobnicate'"),
    (["diagnose", "--frobnicate"], "usage: "),
    (["diagnose", "run", "--ledger", "/nonexistent/ledger.csv", "--profile", "-"], "/nonexistent/ledger.csv: no such file"),
    (["diagnose", "sample-ledger", "--frobnicate"], "'--frobnicate'"),
    (["diagnose", "sample-profile", "extra"], "'extra'"),
]

@Suite("tradecredit bad input, every command")
struct CLIGoldenBadInputTests {
    @Test("bad input: status 2, one line, nothing on stdout", arguments: auditBadInputs)
    func badInput(arguments: [String], mentioned: String) async {
        let result = await runCLI(arguments)
        expectOneLineError(result)
        #expect(result.stderr.contains(mentioned), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
    }

    /// Every command path of `CLIHelpTests` has at least one bad input above.
    @Test("every command path has a bad input")
    func everyPathIsCovered() {
        for path in auditCommandPaths {
            let words = path.split(separator: " ").map(String.init)
            let covered = auditBadInputs.contains { input in
                Array(input.arguments.prefix(words.count)) == words
                    && (input.arguments.count == words.count || !auditCommandPaths.contains(
                        (words + [input.arguments[words.count]]).joined(separator: " ")))
            }
            #expect(covered, "no bad input for tradecredit \(path)")
        }
    }

    /// Malformed files where the commands' own suites have none: an ECB rates file for `fx rates`, a policy and a
    /// case that are not JSON for `claim adjust` and `quote`, a portfolio without its columns.
    @Test("malformed files name the file (and the line)")
    func malformedFiles() async throws {
        let rates = try temporaryFile("Date,USD,GBP,\n2024-03-15,1.09x,0.8541,\n", name: "rates.csv")
        defer { removeTemporary(rates) }
        let fx = await runCLI(["fx", "rates", "--rates", rates.path])
        expectOneLineError(fx)
        #expect(fx.stderr == "tradecredit: \(rates.path):2: USD: not a plain decimal number (\"1.09x\")\n")

        let json = try temporaryFile("{", name: "policy.json")
        defer { removeTemporary(json) }
        let claim = await runCLI(["claim", "adjust", "--policy", json.path, "--case", json.path])
        expectOneLineError(claim)
        #expect(claim.stderr.hasPrefix("tradecredit: \(json.path): not valid JSON"), "\(claim.stderr)")
        let quote = await runCLI(["quote", "--policy", json.path, "--buyers", "-"])
        expectOneLineError(quote)
        #expect(quote.stderr.hasPrefix("tradecredit: \(json.path): not valid JSON"), "\(quote.stderr)")

        let portfolio = await runCLI(["portfolio-loss", "--input", "-"], stdin: "obligor,exposure\nA,100\n")
        expectOneLineError(portfolio)
        #expect(portfolio.stderr.contains("<stdin>:1: pd: required column is missing"), "\(portfolio.stderr)")
    }
}
