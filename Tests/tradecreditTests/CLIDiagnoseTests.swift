import Foundation
import Testing

/// `tradecredit diagnose`: the sample seller (golden files in `Fixtures/diagnose`), a small ledger whose figures were
/// computed by hand (Tests/TradeCreditDiagnosisTests/HandComputed/cost_benefit.py), and bad inputs.
///
/// To regenerate the golden files after an intended change, from the package root:
///
///     swift build && B=$PWD/.build/debug/tradecredit && F=$PWD/Tests/tradecreditTests/Fixtures/diagnose \
///         && cd /tmp && $B diagnose sample-ledger > ledger.csv && $B diagnose sample-profile > seller.json \
///         && $B diagnose --ledger ledger.csv --profile seller.json --as-of 2026-11-27 > $F/sample.txt \
///         && $B diagnose --ledger ledger.csv --profile seller.json --as-of 2026-11-27 --format json > $F/sample.json
///
/// then read the diff and check the changed figures before committing it.
@Suite("tradecredit diagnose", .serialized)
struct CLIDiagnoseTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/diagnose")
    static let asOf = ["--as-of", "2026-11-27"]

    static let header = "invoice_id,buyer_id,buyer_name,country,sector,category,identifiers,invoice_date,due_date,"
        + "amount,currency,paid_date,paid_amount"

    /// The ledger of the hand computation: A 365,000 at 60 days paid on time, B 73,000 at 30 days paid 30 days late,
    /// C (a consumer) 36,500 at 10 days, over exactly 365 days to 2027-01-01.
    static let smallLedger = [
        header,
        "A1,A,Alpha BTP,FR,F41,business,,2026-01-01,2026-03-02,365000.00,EUR,2026-03-02,",
        "B1,B,,DE,G46,,,2026-06-01,2026-07-01,73000,EUR,2026-07-31,73000",
        "C1,C,,FR,,individual,,2026-03-01,2026-03-11,36500.00,EUR,2026-03-11,",
    ].joined(separator: "\n") + "\n"

    static let smallProfile = """
    {"sector": "G46", "country": "FR", "incorporationDate": "2015-01-01", "employees": 40,
     "annualTurnover": {"amount": "8000000", "currency": "EUR"}, "reportingCurrency": "EUR",
     "countryCategories": {"FR": 0, "DE": 0}}
    """

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func run(ledger: String, profile: String, _ extra: [String]) async throws
        -> (status: Int32, stdout: String, stderr: String) {
        let ledgerFile = try temporaryFile(ledger, name: "ledger.csv")
        let profileFile = try temporaryFile(profile, name: "seller.json")
        let result = await runCLI(["diagnose", "--ledger", ledgerFile.path, "--profile", profileFile.path] + extra)
        // The reports name the files as given: put the golden files' relative names back.
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: ledgerFile.path, with: "ledger.csv")
                .replacingOccurrences(of: profileFile.path, with: "seller.json")
        }
        return (result.status, plain(result.stdout), plain(result.stderr))
    }

    static func sample(_ extra: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let ledger = await runCLI(["diagnose", "sample-ledger"])
        let profile = await runCLI(["diagnose", "sample-profile"])
        try #require(ledger.status == 0 && profile.status == 0)
        return try await run(ledger: ledger.stdout, profile: profile.stdout, asOf + extra)
    }

    static func json(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    static func amount(_ value: Any?) throws -> Decimal {
        let text = try #require((value as? [String: Any])?["amount"] as? String)
        return try #require(Decimal(string: text))
    }

    @Test("the sample seller: table and JSON match the golden files")
    func goldenFiles() async throws {
        let table = try await Self.sample([])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout == (try Self.golden("sample.txt")))
        let json = try await Self.sample(["--format", "json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        #expect(json.stdout == (try Self.golden("sample.json")))
    }

    /// The sample meets the five profiles, has a dominant buyer, flags its unrated buyers as priors, and its
    /// cost/benefit lines add up.
    @Test("the sample's findings, priors and totals")
    func sampleFigures() async throws {
        let result = try await Self.sample(["--format", "json"])
        try #require(result.status == 0, "stderr: \(result.stderr)")
        let diagnosis = try #require(try Self.json(result.stdout)["diagnosis"] as? [String: Any])
        let findings = try #require(diagnosis["findings"] as? [[String: Any]])
        #expect(findings.count == 5 && findings.allSatisfy { $0["isMet"] as? Bool == true })
        let indicators = try #require(diagnosis["indicators"] as? [String: Any])
        #expect(try #require(indicators["top1Share"] as? Double) > 0.4)
        #expect(try #require(indicators["shareByCurrency"] as? [String: Any]).count == 4)
        let table = try #require(diagnosis["costBenefit"] as? [String: Any])
        let buyers = try #require(table["buyers"] as? [[String: Any]])
        #expect(Set(buyers.filter { $0["pdSource"] as? String == "prior" }.compactMap { $0["id"] as? String })
                == ["N001", "N002", "B030"])
        let cover = try #require(table["withCover"] as? [String: Any])
        let premium = try Self.amount(cover["premium"])
        #expect(try Self.amount(cover["expectedCost"]) == premium + (try Self.amount(cover["expectedRetainedLoss"])))
        let quote = try #require(table["quote"] as? [String: Any])
        #expect(try Self.amount((quote["premium"] as? [String: Any])?["final"]) == premium)
        let summary = try #require(diagnosis["summary"] as? [String])
        #expect(summary.contains { $0.hasPrefix("PRIOR: 3 of 12 buyers") })
    }

    /// The hand-computed ledger: average outstanding 60,000 / 12,000 / 1,000, EL 1,354.54, top-1 share 365/474.5.
    @Test("a small ledger computed by hand")
    func handComputedLedger() async throws {
        let result = try await Self.run(ledger: Self.smallLedger, profile: Self.smallProfile,
                                        ["--as-of", "2027-01-01", "--format", "json"])
        try #require(result.status == 0, "stderr: \(result.stderr)")
        let diagnosis = try #require(try Self.json(result.stdout)["diagnosis"] as? [String: Any])
        let table = try #require(diagnosis["costBenefit"] as? [String: Any])
        let buyers = try #require(table["buyers"] as? [[String: Any]])
        #expect(try buyers.map { try Self.amount($0["averageOutstanding"]) } == [60_000, 12_000, 1_000])
        #expect(try Self.amount((table["withoutCover"] as? [String: Any])?["expectedLoss"]) == Decimal(string: "1354.54"))
        let indicators = try #require(diagnosis["indicators"] as? [String: Any])
        let top1 = try #require(indicators["top1Share"] as? Double)
        #expect(abs(top1 - 365.0 / 474.5) < 1e-12)
        #expect(table["periodDays"] as? Int == 365)
    }

    /// Each bad ledger names its file, line and column, prints nothing on stdout and exits 2.
    @Test("bad ledgers name the line and the column", arguments: [
        ("B1,B,,DE,G46,,,2026-06-01,2026-07-01,73000,XYZ,,", "ledger.csv:3: currency:"),
        ("B1,B,,DE,G46,,,2026-06-01,2026-05-01,73000,EUR,,", "ledger.csv:3: due_date: the due date is before the invoice date"),
        ("B1,B,,DE,G46,,,2026-06-01,2026-07-01,-73000,EUR,,", "ledger.csv:3: amount: an invoice amount is zero or more"),
        ("B1,A,,DE,,,,2026-06-01,2026-07-01,73000,EUR,,", "ledger.csv:3: country: buyer \"A\" is FR on line 2, not DE"),
        ("B1,B,,DE,G46,,,2026-06-01,2026-07-01,73000,EUR,,100", "ledger.csv:3: paid_date: a paid_amount needs its paid_date"),
        ("A1,B,,DE,G46,,,2026-06-01,2026-07-01,73000,EUR,,", "ledger.csv:3: invoice_id: invoice \"A1\" already listed on line 2"),
        ("B1,B,,DE,G46,,,2026-06-01,2026-07-01,73000,EUR,2026-07-31,-5", "ledger.csv:3: paid_amount: a payment is positive"),
        ("B1,B,,DE,Z99,,,2026-06-01,2026-07-01,73000,EUR,,", "ledger.csv:3: sector:"),
        ("B1,B,,DE,G46,,,2026-06-31,2026-07-01,73000,EUR,,", "ledger.csv:3: invoice_date:"),
        ("B1,B,,DE,G46,,,2027-06-01,2027-07-01,73000,EUR,,", "ledger.csv:3: invoice_date: the invoice is dated after the evaluation date"),
    ])
    func badLedger(line: String, expected: String) async throws {
        let ledger = [Self.header, "A1,A,Alpha BTP,FR,F41,business,,2026-01-01,2026-03-02,365000.00,EUR,2026-03-02,", line]
            .joined(separator: "\n") + "\n"
        let result = try await Self.run(ledger: ledger, profile: Self.smallProfile, Self.asOf)
        expectOneLineError(result)
        #expect(result.stderr.hasPrefix("tradecredit: " + expected), "stderr: \(result.stderr)")
    }

    @Test("a missing column, an empty ledger")
    func badLedgerShape() async throws {
        let missing = try await Self.run(ledger: "invoice_id,buyer_id\nA1,A\n", profile: Self.smallProfile, Self.asOf)
        expectOneLineError(missing)
        #expect(missing.stderr.contains("ledger.csv:1: country: required column is missing"), "\(missing.stderr)")
        let empty = try await Self.run(ledger: Self.header + "\n", profile: Self.smallProfile, Self.asOf)
        expectOneLineError(empty)
        #expect(empty.stderr.contains("ledger.csv: invoices: no invoice"), "\(empty.stderr)")
    }

    @Test("bad profiles name the file and the key", arguments: [
        (#"{"sector": "G46", "country": "FR", "incorporationDate": "2015-01-01", "reportingCurrency": "EUR", "emploees": 4}"#,
         "seller.json: emploees: unknown key"),
        (#"{"sector": "G46", "country": "FR", "incorporationDate": "2030-01-01", "reportingCurrency": "EUR"}"#,
         "seller.json: incorporationDate: incorporated after the evaluation date"),
        (#"{"sector": "G46", "country": "FR", "incorporationDate": "2015-01-01", "reportingCurrency": "EUR", "countryCategories": {"DE": 9}}"#,
         "seller.json: countryCategories.DE: OECD country risk categories are 0 to 7"),
        (#"{"sector": "G46", "country": "FR", "reportingCurrency": "EUR"}"#, "seller.json: incorporationDate:"),
        ("not json", "seller.json:"),
    ])
    func badProfile(profile: String, expected: String) async throws {
        let result = try await Self.run(ledger: Self.smallLedger, profile: profile, Self.asOf)
        expectOneLineError(result)
        #expect(result.stderr.hasPrefix("tradecredit: " + expected), "stderr: \(result.stderr)")
    }

    @Test("usage errors: csv format, two inputs on stdin")
    func usage() async throws {
        let csv = try await Self.run(ledger: Self.smallLedger, profile: Self.smallProfile, ["--format", "csv"])
        expectOneLineError(csv)
        let stdin = await runCLI(["diagnose", "--ledger", "-", "--profile", "-"])
        expectOneLineError(stdin)
        let help = await runCLI(["diagnose", "--help"])
        #expect(help.status == 0 && help.stdout.contains("tradecredit diagnose --ledger"))
    }

    @Test("the samples print and parse")
    func samples() async throws {
        let ledger = await runCLI(["diagnose", "sample-ledger"])
        #expect(ledger.status == 0 && ledger.stdout.hasPrefix(Self.header))
        let profile = await runCLI(["diagnose", "sample-profile"])
        #expect(profile.status == 0)
        _ = try Self.json(profile.stdout)
    }
}
