import Dispatch
import Foundation
import Testing

// The CLI as a user runs it: the built `tradecredit` executable in a subprocess, its stdout, stderr and exit status.
// Exit statuses: 0 success, 1 failure, 2 bad input or usage; every error is one line on stderr starting with
// "tradecredit: " and nothing on stdout.

// MARK: - Running the executable

/// The built `tradecredit` executable.
///
/// On Linux `swift test` runs `.build/<triple>/debug/TradeCreditPackageTests.xctest`, an executable in the same
/// directory as `tradecredit`; on macOS the test bundle `TradeCreditPackageTests.xctest` sits in that directory. As a
/// fallback, the package root is found from this file's path and `.build/debug/tradecredit` is used.
private let cliExecutable: URL? = {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
        candidates.append(executable.deletingLastPathComponent())
    }
    if let first = CommandLine.arguments.first {
        candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        candidates.append(bundle.bundleURL.deletingLastPathComponent())
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // tradecreditTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent(".build/debug"))
    return candidates.map { $0.appendingPathComponent("tradecredit") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

/// Runs `tradecredit args` and returns its exit status and outputs. Standard input is `stdin` when given, else empty
/// (the null device). A run that lasts more than `timeout` seconds is killed and recorded as an issue, so that no
/// test hangs.
///
/// It suspends while the child runs instead of blocking a thread: a blocking wait here held the cooperative pool's
/// threads (two on a two-core machine) for as long as the CLI ran, and starved every other test of the process —
/// seen as HTTP client tests whose redirects never went out within their 10-second budget.
func runCLI(_ args: [String], stdin: String? = nil, environment: [String: String]? = nil, timeout: Double = 30,
            sourceLocation: SourceLocation = #_sourceLocation) async -> (status: Int32, stdout: String, stderr: String) {
    guard let executable = cliExecutable else {
        Issue.record("the tradecredit executable was not found next to the tests nor in .build/debug",
                     sourceLocation: sourceLocation)
        return (-1, "", "")
    }
    let files = FileManager.default
    let directory = files.temporaryDirectory.appendingPathComponent("tradecredit-cli-\(UUID().uuidString)")
    defer { try? files.removeItem(at: directory) }
    do {
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        // Files rather than pipes: a large output can never fill a pipe and block the child.
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        _ = files.createFile(atPath: outURL.path, contents: nil)
        _ = files.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        // Standard input from a file too, so that writing it can never block on a full pipe.
        var input: FileHandle?
        if let stdin {
            let inURL = directory.appendingPathComponent("stdin")
            try Data(stdin.utf8).write(to: inURL)
            input = try FileHandle(forReadingFrom: inURL)
        }
        defer { try? input?.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = args
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = input ?? FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let termination = ProcessTermination()
        process.terminationHandler = { _ in termination.signal() }
        try process.run()
        if await !termination.wait(seconds: timeout) {
            process.terminate()
            _ = await termination.wait(seconds: 5)
            Issue.record("tradecredit \(args.joined(separator: " ")) did not finish within \(Int(timeout)) s",
                         sourceLocation: sourceLocation)
        }
        try out.close()
        try err.close()
        let status = process.isRunning ? -1 : process.terminationStatus
        return (status,
                String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    } catch {
        Issue.record(error, "running tradecredit \(args.joined(separator: " "))", sourceLocation: sourceLocation)
        return (-1, "", "")
    }
}

/// The end of a child process, awaited without blocking a thread.
final class ProcessTermination: @unchecked Sendable {
    private let lock = NSLock()
    private var ended = false

    /// Called from the process's termination handler.
    func signal() { lock.withLock { ended = true } }

    /// Whether the process ended within `seconds`.
    func wait(seconds: Double) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        // Polled in short sleeps: simple, and the sleeps suspend rather than block.
        while ContinuousClock.now < deadline {
            if lock.withLock({ ended }) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return lock.withLock { ended }
    }
}

/// A temporary file holding `text`, removed by the caller.
func temporaryFile(_ text: String, name: String = "buyers.csv") throws -> URL {
    try temporaryFile(Data(text.utf8), name: name)
}

func temporaryFile(_ data: Data, name: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradecredit-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try data.write(to: url)
    return url
}

func removeTemporary(_ url: URL) {
    try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
}

/// Expects a usage or input error: status 2, nothing on stdout, one line on stderr starting with "tradecredit: ".
func expectOneLineError(_ result: (status: Int32, stdout: String, stderr: String),
                                sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 2, sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("tradecredit: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("\n"), sourceLocation: sourceLocation)
    #expect(result.stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2,
            "exactly one line on stderr: \(result.stderr)", sourceLocation: sourceLocation)
}

private let sampleHeader = "id,legal_name,country,identifiers,category,sector,incorporation_date,related_party,group,"
    + "requested_limit,currency,payment_terms_days,expected_turnover"

// MARK: - Tests

@Suite("tradecredit CLI")
struct CLITests {
    // MARK: Help and version

    @Test func version() async {
        let result = await runCLI(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func help() async {
        let result = await runCLI(["--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("USAGE: tradecredit <subcommand>"))
        let subcommands = result.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        #expect(subcommands.contains("demo"))
        #expect(subcommands.contains("buyers"))
    }

    @Test func demoHelpShowsAnExample() async {
        let result = await runCLI(["demo", "--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("Example:"))
        #expect(result.stdout.contains("tradecredit demo --format json"))
    }

    @Test func buyersValidateHelpShowsAnExample() async {
        let result = await runCLI(["buyers", "validate", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--buyers <FILE>"))
        #expect(result.stdout.contains("tradecredit buyers sample > buyers.csv"))
    }

    // MARK: Usage errors

    @Test func unknownSubcommand() async {
        let result = await runCLI(["frobnicate"])
        expectOneLineError(result)
        #expect(result.stderr.contains("frobnicate"))
    }

    @Test func unknownFlag() async {
        let result = await runCLI(["demo", "--frobnicate"])
        expectOneLineError(result)
        #expect(result.stderr.contains("--frobnicate"))
    }

    @Test func missingBuyersValue() async {
        let result = await runCLI(["buyers", "validate", "--buyers"])
        expectOneLineError(result)
        #expect(result.stderr.contains("--buyers"))
    }

    @Test func missingBuyersOption() async {
        expectOneLineError(await runCLI(["buyers", "validate"]))
    }

    @Test func demoFormatXML() async {
        let result = await runCLI(["demo", "--format", "xml"])
        expectOneLineError(result)
        #expect(result.stderr.contains("xml"))
    }

    @Test func demoFormatCSV() async {
        let result = await runCLI(["demo", "--format", "csv"])
        expectOneLineError(result)
        // The demo has no CSV output: csv is refused like any other value, and not offered in the message.
        #expect(result.stderr.hasPrefix("tradecredit: usage: "))
        #expect(result.stderr.contains("'csv'"))
        #expect(result.stderr.contains("'table'") && result.stderr.contains("'json'"))
        #expect(result.stderr.components(separatedBy: "csv").count == 2, "csv named once, as the bad value")
    }

    @Test func demoHelpOffersOnlyTheFormatsItPrints() async {
        let result = await runCLI(["demo", "--help"])
        #expect(result.stdout.contains("values: table, json;"))
        #expect(!result.stdout.contains("csv"))
    }

    // MARK: Input errors

    @Test func noSuchFile() async {
        let result = await runCLI(["buyers", "validate", "--buyers", "/nonexistent.csv"])
        expectOneLineError(result)
        #expect(result.stderr == "tradecredit: /nonexistent.csv: no such file\n")
    }

    @Test func badLineNamesFileLineAndField() async throws {
        let url = try temporaryFile("""
            id,legal_name,country
            B1,Atelier Moreau SAS,FR
            B2,Nowhere Ltd,ZZ

            """)
        defer { removeTemporary(url) }
        let result = await runCLI(["buyers", "validate", "--buyers", url.path])
        expectOneLineError(result)
        #expect(result.stderr
                    == "tradecredit: \(url.path):3: country: unknown ISO 3166-1 alpha-2 country code (\"ZZ\")\n")
    }

    @Test func directoryInsteadOfAFile() async throws {
        let url = try temporaryFile("", name: "placeholder")
        defer { removeTemporary(url) }
        let directory = url.deletingLastPathComponent().path
        let result = await runCLI(["buyers", "validate", "--buyers", directory])
        expectOneLineError(result)
        #expect(result.stderr == "tradecredit: \(directory): is a directory, not a file\n")
    }

    @Test func notUTF8() async throws {
        let url = try temporaryFile(Data([0x69, 0x64, 0x2C, 0xFF, 0xFE, 0x0A]), name: "latin.csv")
        defer { removeTemporary(url) }
        let result = await runCLI(["buyers", "validate", "--buyers", url.path])
        expectOneLineError(result)
        #expect(result.stderr == "tradecredit: \(url.path): not UTF-8 text\n")
    }

    @Test func emptyFile() async throws {
        let url = try temporaryFile("")
        defer { removeTemporary(url) }
        let result = await runCLI(["buyers", "validate", "--buyers", url.path])
        expectOneLineError(result)
        #expect(result.stderr == "tradecredit: \(url.path):1: the file is empty: expected a header line\n")
    }

    // MARK: buyers sample and validate

    @Test func sampleIsTheBuyersFile() async {
        let result = await runCLI(["buyers", "sample"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix(sampleHeader + "\n"))
        #expect(result.stdout.hasSuffix("\n"), "a text file ends with a line end")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 35, "header, 33 buyers and the empty string after the last line end")
        #expect(lines[1].hasPrefix("B001,Atelier Moreau SAS,FR,"))
        #expect(lines[33] == "B033,Andersen Byg ApS,DK,vat:DK31113543,business,F41,2020-06-06,,,500000,DKK,60,3000000")
    }

    @Test func sampleValidatesAsJSONAndCSV() async throws {
        // The test target depends on the executable only, so SampleData is not compared directly: the sample goes
        // back through `buyers validate`, which must accept all of it.
        let sample = await runCLI(["buyers", "sample"])
        try #require(sample.status == 0)
        let url = try temporaryFile(sample.stdout)
        defer { removeTemporary(url) }

        let json = await runCLI(["buyers", "validate", "--buyers", url.path, "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stderr.isEmpty)
        // The coverage entries, as in the demo's "buyers" array: {"record": {...}, "covered": …, "reason": …}.
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
        let entries = try #require(decoded as? [[String: Any]])
        #expect(entries.count == 33)
        let records = entries.compactMap { $0["record"] as? [String: Any] }
        #expect(records.count == 33, "every entry has a record")
        let ids = records.compactMap { ($0["buyer"] as? [String: Any])?["id"] as? String }
        #expect(ids == (1...33).map { $0 < 10 ? "B00\($0)" : "B0\($0)" })
        let first = try #require(records.first?["buyer"] as? [String: Any])
        #expect(first["id"] as? String == "B001")
        #expect(first["legalName"] as? String == "Atelier Moreau SAS")
        #expect(entries.first?["covered"] as? Bool == true)
        #expect(entries.first?["reason"] == nil, "no reason for a covered buyer")
        let limit = try #require(records.first?["requestedLimit"] as? [String: Any])
        #expect(limit["amount"] as? String == "150000.00")
        #expect(limit["currency"] as? String == "EUR")
        // B031, the related party, is not covered.
        let b031 = try #require(entries.first { (($0["record"] as? [String: Any])?["buyer"] as? [String: Any])?["id"] as? String == "B031" })
        #expect(b031["covered"] as? Bool == false)
        #expect(b031["reason"] as? String == "related party")
        // The same entries as the demo, which covers 29 of the 33.
        #expect(entries.filter { $0["covered"] as? Bool == true }.count == 29)
        #expect(entries.filter { $0["covered"] as? Bool == false }.allSatisfy { $0["reason"] is String })

        let csv = await runCLI(["buyers", "validate", "--buyers", url.path, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stderr.isEmpty)
        let csvLines = csv.stdout.split(separator: "\n")
        #expect(csvLines.count == 34)
        #expect(csvLines.first == "ID,Legal name,Country,Category,Sector,Identifiers,Requested limit,Terms,Covered")
        #expect(csv.stdout.contains("B025,\"Yamada Trading Co., Ltd.\",JP,"))
        #expect(csvLines.last == "B033,Andersen Byg ApS,DK,business,F41,vat:DK31113543,\"500,000.00 DKK\",60 d,yes")

        let table = await runCLI(["buyers", "validate", "--buyers", url.path])
        #expect(table.status == 0)
        #expect(table.stdout.contains("B031  Moreau Holding Filiale SAS"))
        #expect(table.stdout.contains("no: related party"))
    }

    @Test func buyersFromStandardInput() async throws {
        let sample = await runCLI(["buyers", "sample"])
        try #require(sample.status == 0)
        let fromFile = try temporaryFile(sample.stdout)
        defer { removeTemporary(fromFile) }

        let json = await runCLI(["buyers", "validate", "--buyers", "-", "--format", "json"], stdin: sample.stdout)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        #expect(json.stderr.isEmpty)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 33)
        // Exactly what the same text gives from a file.
        let fromFileOutput = await runCLI(["buyers", "validate", "--buyers", fromFile.path, "--format", "json"])
        #expect(json.stdout == fromFileOutput.stdout)

        let table = await runCLI(["buyers", "validate", "--buyers", "-"], stdin: sample.stdout)
        #expect(table.status == 0)
        #expect(table.stdout.contains("B031  Moreau Holding Filiale SAS"))

        // A bad line on standard input is an input error like any other.
        let bad = await runCLI(["buyers", "validate", "--buyers", "-"], stdin: "id,legal_name,country\nB1,Acme,FR\nB2,Nowhere Ltd,ZZ\n")
        expectOneLineError(bad)
        #expect(bad.stderr.hasSuffix(":3: country: unknown ISO 3166-1 alpha-2 country code (\"ZZ\")\n"))
        // Empty standard input: an empty file.
        let empty = await runCLI(["buyers", "validate", "--buyers", "-"], stdin: "")
        expectOneLineError(empty)
        #expect(empty.stderr.hasSuffix(":1: the file is empty: expected a header line\n"))
    }

    @Test func byteOrderMarkIsIgnored() async throws {
        let url = try temporaryFile(Data([0xEF, 0xBB, 0xBF]) + Data("id,legal_name,country\nB1,Acme,FR\n".utf8),
                                    name: "bom.csv")
        defer { removeTemporary(url) }
        let result = await runCLI(["buyers", "validate", "--buyers", url.path, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"id\" : \"B1\""))
    }

    // MARK: demo

    @Test func demoTable() async {
        let result = await runCLI(["demo"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("TradeCredit 0.1.0 demo: embedded sample data\n"))
        #expect(result.stdout.contains("Policy DEMO-2026: EUR, 2026-01-01 to 2026-12-31, insured 90%"))
        #expect(result.stdout.contains("Buyers (33, validated)"))
        #expect(result.stdout.contains("29 of 33 buyers can be insured"))
    }

    @Test func demoJSONHasPolicyBuyersAndDiagnosis() async throws {
        let result = await runCLI(["demo", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["policy", "buyers", "diagnosis", "policyholder", "decisions", "quote", "portfolioLoss",
                                     "claim"])
        let buyers = try #require(object["buyers"] as? [[String: Any]])
        #expect(buyers.count == 33)
        #expect(buyers.filter { $0["covered"] as? Bool == true }.count == 29)
        let policy = try #require(object["policy"] as? [String: Any])
        #expect(policy["policyID"] as? String == "DEMO-2026")
        #expect(policy["currency"] as? String == "EUR")
    }

    /// The golden file `Fixtures/demo.json` is the contract of `demo --format json`: anyone scripting against the
    /// demo reads this document, so any change to it (a key renamed, an amount's scale, a buyer's coverage) must be a
    /// deliberate one, seen in review as a diff of the fixture.
    ///
    /// To regenerate it after an intended change, from the package root:
    ///
    ///     swift build && .build/debug/tradecredit demo --format json > Tests/tradecreditTests/Fixtures/demo.json
    ///
    /// then read the diff and check the figures against the sample buyers before committing it.
    @Test func demoJSONMatchesTheGoldenFile() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/demo.json")
        let expected = try String(contentsOf: fixture, encoding: .utf8)
        let result = await runCLI(["demo", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout == expected, "regenerate Fixtures/demo.json if the change is intended (see above)")
    }
}
