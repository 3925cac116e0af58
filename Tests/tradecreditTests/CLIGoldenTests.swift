import Foundation
import Testing
import TradeCreditTesting

/// Golden outputs of the commands that had none: offline runs on fixed inputs (the embedded samples and rates, a
/// ratings file, a fixed `--date` or `--as-of`), and `resolve` against a loopback GLEIF that answers
/// `Fixtures/gleif-record-acme.json`. Each output is compared byte for byte with its file under
/// `Fixtures/<command>/`.
///
/// To regenerate every file of this suite after an intended change, from the package root:
///
///     swift build --build-tests && TRADECREDIT_REGENERATE_GOLDEN=1 swift test --skip-build --filter CLIGoldenTests
///
/// (the tests then write the outputs instead of comparing them), then read `git diff Tests/tradecreditTests/Fixtures`
/// and check what changed before committing it. The offline files can also be written by hand, with
/// `B=.build/debug/tradecredit F=Tests/tradecreditTests/Fixtures`:
///
///     $B buyers sample > $F/buyers/sample.csv
///     $B buyers sample | $B buyers validate --buyers - > $F/buyers/validate-sample.txt      # also json, csv
///     $B fx convert --amount 100000 --from USD --to GBP --date 2024-03-15 > $F/fx/convert-usd-gbp-2024-03-15.txt
///     $B fx rates --date 2024-03-15 > $F/fx/rates-2024-03-15.txt                               # also json, csv
///     $B rating --id siren:319720074 --as-of 2026-11-27 > $F/rating/sample-siren-319720074.txt  # also json
///     $B rating --id siren:732829320 --bureau file:$F/rating/ratings.csv --as-of 2026-11-27 \
///         > $F/rating/file-siren-732829320.txt                                                 # also json
///     $B claim sample-policy > $F/claim/sample-policy.json && $B claim sample-case > $F/claim/sample-case.json
///     $B diagnose sample-ledger > $F/diagnose/sample-ledger.csv
///     $B diagnose sample-profile > $F/diagnose/sample-profile.json
///
/// The `resolve` files (`$F/resolve/lei-969500ACMEINDUSTRI13.txt`, `.json`) need the loopback server: regenerate
/// them with the `swift test` command above.
///
/// Serialized: `fx` parses the whole embedded ECB history, and the machine is shared.
@Suite("tradecredit golden outputs", .serialized)
struct CLIGoldenTests {
    @Test("buyers sample")
    func buyersSample() async {
        auditExpectGolden(await runCLI(["buyers", "sample"]), "buyers/sample.csv")
    }

    @Test("buyers validate on the sample: table, JSON and CSV")
    func buyersValidate() async throws {
        let sample = await runCLI(["buyers", "sample"])
        try #require(sample.status == 0)
        for (format, file) in [("table", "txt"), ("json", "json"), ("csv", "csv")] {
            let result = await runCLI(["buyers", "validate", "--buyers", "-", "--format", format], stdin: sample.stdout)
            auditExpectGolden(result, "buyers/validate-sample.\(file)")
        }
    }

    @Test("fx convert at the embedded rates of a fixed date: table and JSON")
    func fxConvert() async {
        let args = ["fx", "convert", "--amount", "100000", "--from", "USD", "--to", "GBP", "--date", "2024-03-15"]
        auditExpectGolden(await runCLI(args), "fx/convert-usd-gbp-2024-03-15.txt")
        auditExpectGolden(await runCLI(args + ["--format", "json"]), "fx/convert-usd-gbp-2024-03-15.json")
    }

    @Test("fx rates of a fixed date: table, JSON and CSV")
    func fxRates() async {
        for (format, file) in [("table", "txt"), ("json", "json"), ("csv", "csv")] {
            let result = await runCLI(["fx", "rates", "--date", "2024-03-15", "--format", format])
            auditExpectGolden(result, "fx/rates-2024-03-15.\(file)")
        }
    }

    @Test("rating --bureau sample, ages counted to a fixed date: table and JSON")
    func ratingSample() async {
        let args = ["rating", "--id", "siren:319720074", "--as-of", "2026-11-27"]
        auditExpectGolden(await runCLI(args), "rating/sample-siren-319720074.txt")
        auditExpectGolden(await runCLI(args + ["--format", "json"]), "rating/sample-siren-319720074.json")
    }

    /// `Fixtures/rating/ratings.csv`: three ratings of ACME, one a letter with a suggested limit and an adverse item,
    /// one more than a year old, one filed under the D-U-N-S number only (not found by the SIREN).
    @Test("rating --bureau file:PATH: table and JSON")
    func ratingFile() async {
        let file = auditFixtures.appendingPathComponent("rating/ratings.csv").path
        let args = ["rating", "--id", "siren:732829320", "--bureau", "file:\(file)", "--as-of", "2026-11-27"]
        auditExpectGolden(await runCLI(args), "rating/file-siren-732829320.txt")
        auditExpectGolden(await runCLI(args + ["--format", "json"]), "rating/file-siren-732829320.json")
    }

    @Test("resolve an LEI against a loopback GLEIF: table and JSON")
    func resolve() async throws {
        let server = try auditGLEIFServer()
        defer { server.shutdown() }
        let args = ["resolve", "--id", "lei:969500ACMEINDUSTRI13", "--base-url", server.url("/api/v1/").absoluteString]
        auditExpectGolden(await runCLI(args), "resolve/lei-969500ACMEINDUSTRI13.txt")
        auditExpectGolden(await runCLI(args + ["--format", "json"]), "resolve/lei-969500ACMEINDUSTRI13.json")
    }

    @Test("claim sample-policy and sample-case")
    func claimSamples() async {
        auditExpectGolden(await runCLI(["claim", "sample-policy"]), "claim/sample-policy.json")
        auditExpectGolden(await runCLI(["claim", "sample-case"]), "claim/sample-case.json")
    }

    @Test("diagnose sample-ledger and sample-profile")
    func diagnoseSamples() async {
        auditExpectGolden(await runCLI(["diagnose", "sample-ledger"]), "diagnose/sample-ledger.csv")
        auditExpectGolden(await runCLI(["diagnose", "sample-profile"]), "diagnose/sample-profile.json")
    }
}

// MARK: - Helpers

/// `Tests/tradecreditTests/Fixtures`.
let auditFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Expects a successful run (status 0, nothing on stderr) whose stdout is the golden file `relativePath` under
/// `Fixtures`, byte for byte. With `TRADECREDIT_REGENERATE_GOLDEN=1` in the environment, writes stdout to the file
/// instead.
func auditExpectGolden(_ result: (status: Int32, stdout: String, stderr: String), _ relativePath: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 0, "\(relativePath): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.isEmpty, "\(relativePath): \(result.stderr)", sourceLocation: sourceLocation)
    let url = auditFixtures.appendingPathComponent(relativePath)
    if ProcessInfo.processInfo.environment["TRADECREDIT_REGENERATE_GOLDEN"] == "1" {
        guard result.status == 0 else { return }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: url)
        } catch {
            Issue.record(error, "writing \(relativePath)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file Fixtures/\(relativePath) (see CLIGoldenTests to regenerate)",
                     sourceLocation: sourceLocation)
        return
    }
    #expect(result.stdout == expected, "differs from Fixtures/\(relativePath) (regenerate if intended: CLIGoldenTests)",
            sourceLocation: sourceLocation)
}

/// A loopback GLEIF that knows one LEI, 969500ACMEINDUSTRI13 (`Fixtures/gleif-record-acme.json`), as in
/// `CLIBureauTests`; shut it down after use.
func auditGLEIFServer() throws -> LoopbackHTTPServer {
    let record = try Data(contentsOf: auditFixtures.appendingPathComponent("gleif-record-acme.json"))
    return try LoopbackHTTPServer { request in
        request.pathWithoutQuery == "/api/v1/lei-records/969500ACMEINDUSTRI13"
            ? ScriptedResponse(status: 200, body: record)
            : .notFound
    }
}
