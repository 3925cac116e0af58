import Foundation
import Testing

/// `tradecredit claim`: the embedded sample case (golden files in `Fixtures/claim`, key figures checked by hand) and
/// bad inputs.
///
/// To regenerate the golden files after an intended change, from the package root:
///
///     swift build && B=.build/debug/tradecredit && $B claim sample-policy > /tmp/policy.json \
///         && $B claim sample-case > /tmp/case.json \
///         && $B claim --policy /tmp/policy.json --case /tmp/case.json > Tests/tradecreditTests/Fixtures/claim/sample.txt \
///         && $B claim --policy /tmp/policy.json --case /tmp/case.json --format json \
///         > Tests/tradecreditTests/Fixtures/claim/sample.json
///
/// Serialized: the sample converts a USD invoice at the embedded rates (the whole ECB history is parsed).
@Suite("tradecredit claim", .serialized)
struct CLIClaimTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/claim")

    static func sample(_ name: String) async throws -> URL {
        let result = await runCLI(["claim", name])
        try #require(result.status == 0)
        return try temporaryFile(result.stdout, name: "\(name).json")
    }

    static func run(_ caseText: String? = nil, _ extra: [String] = []) async throws
        -> (status: Int32, stdout: String, stderr: String) {
        let policy = try await sample("sample-policy")
        let claimCase: URL
        if let caseText { claimCase = try temporaryFile(caseText, name: "case.json") } else { claimCase = try await sample("sample-case") }
        return await runCLI(["claim", "--policy", policy.path, "--case", claimCase.path] + extra)
    }

    static func sampleCaseText() async throws -> String {
        let result = await runCLI(["claim", "sample-case"])
        try #require(result.status == 0)
        return result.stdout
    }

    @Test("the sample case: table and JSON match the golden files")
    func goldenFiles() async throws {
        let table = try await Self.run()
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout == (try String(contentsOf: Self.fixtures.appendingPathComponent("sample.txt"), encoding: .utf8)))
        let json = try await Self.run(nil, ["--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == (try String(contentsOf: Self.fixtures.appendingPathComponent("sample.json"), encoding: .utf8)))
    }

    /// By hand: INV-101 24,000 paid 12,000 → 10,000 net + 2,000 VAT (VAT not covered); INV-102 disputed; INV-104
    /// delivered 2025-06-16, after stop supply (INV-101 due 2025-04-04 + MEP 60 = 2025-06-03); INV-103 USD 10,000 at
    /// ECB 1.1676 on 2025-08-28 = 8,564.58 EUR. Loss 18,564.58; limit reduced to 15,000 from 2025-03-10: covered
    /// max(10,000, min(18,564.58, 15,000)) = 15,000; × 90% = 13,500.00; AFL already absorbed (20,000 of 20,000);
    /// maximum liability 30 × 12,000 − 40,000 left. Notified 2025-06-30 + 150 = 2025-11-27, + 30 = 2025-12-27.
    @Test("the sample's key figures")
    func keyFigures() async throws {
        let result = try await Self.run(nil, ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let eligibility = try #require((object["eligibility"] as? [String: Any])?["invoices"] as? [[String: Any]])
        let eligible = eligibility.filter { ($0["reasons"] as? [Any])?.isEmpty == true }
            .compactMap { ($0["invoice"] as? [String: Any])?["number"] as? String }
        #expect(eligible == ["INV-101", "INV-103"])
        let indemnity = try #require(object["indemnity"] as? [String: Any])
        let steps = try #require(indemnity["steps"] as? [[String: Any]])
        func output(_ stage: String) -> String? {
            (steps.first { $0["stage"] as? String == stage }?["output"] as? [String: Any])?["amount"] as? String
        }
        #expect(output("loss") == "18564.58")
        #expect(output("limitCap") == "15000.00")
        #expect(output("insuredPercentage") == "13500.00")
        #expect(output("maximumLiability") == "13500.00")
        let decision = try #require(object["decision"] as? [String: Any])
        #expect(decision["outcome"] as? String == "partlyApproved")
        #expect((decision["indemnity"] as? [String: Any])?["amount"] as? String == "13500.00")
        let dates = try #require(object["dates"] as? [String: Any])
        #expect(dates["lossEstablished"] as? String == "2025-11-27")
        #expect(dates["paymentDue"] as? String == "2025-12-27")
    }

    static func expectError(_ caseText: String?, _ suffix: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await run(caseText)
        expectOneLineError(result, sourceLocation: sourceLocation)
        #expect(result.stderr.hasSuffix("case.json: \(suffix)\n"), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test("bad inputs: one line, exit 2, nothing on stdout")
    func badInputs() async throws {
        let text = try await Self.sampleCaseText()
        let policy = try await Self.sample("sample-policy")
        let missing = await runCLI(["claim", "--policy", policy.path, "--case", "/nonexistent/case.json"])
        expectOneLineError(missing)
        #expect(missing.stderr == "tradecredit: /nonexistent/case.json: no such file\n")
        try await Self.expectError("{", "not valid JSON")
        try await Self.expectError(text.replacingOccurrences(of: #""dueDate": "2025-05-16""#, with: #""dueDate": 5"#),
                                   "invoices[2].dueDate: expected a string")
        try await Self.expectError(text.replacingOccurrences(of: #""protractedDefault""#, with: #""fraud""#),
                                   #"claim.cause: unknown value ("fraud")"#)
        try await Self.expectError(text.replacingOccurrences(of: #""currency": "USD""#, with: #""currency": "ARS""#),
                                   #"invoices[2].netAmount: ECB published no ARS rate on 2025-08-28 ("ARS")"#)
        try await Self.expectError(text.replacingOccurrences(of: #""INV-103", "INV-104"]"#, with: #""INV-103", "INV-999"]"#),
                                   #"claim.invoiceNumbers[3]: the claim names an invoice the account does not hold ("INV-999")"#)
    }
}
