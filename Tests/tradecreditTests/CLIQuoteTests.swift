import Foundation
import Testing

/// `tradecredit quote`: the sample policy on the sample buyers (golden files in `Fixtures/quote`, key figures checked
/// against an independent computation and against `assess`) and bad inputs.
///
/// To regenerate the golden files after an intended change, from the package root:
///
///     swift build && B=.build/debug/tradecredit && $B claim sample-policy > /tmp/policy.json \
///         && $B buyers sample > /tmp/buyers.csv \
///         && $B quote --policy /tmp/policy.json --buyers /tmp/buyers.csv --as-of 2026-11-27 \
///         > Tests/tradecreditTests/Fixtures/quote/sample.txt \
///         && $B quote --policy /tmp/policy.json --buyers /tmp/buyers.csv --as-of 2026-11-27 --format json \
///         > Tests/tradecreditTests/Fixtures/quote/sample.json
///
/// then read the diff and check the changed figures before committing it.
///
/// Serialized: the sample converts at the embedded rates (the whole ECB history is parsed).
@Suite("tradecredit quote", .serialized)
struct CLIQuoteTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/quote")
    static let asOf = ["--as-of", "2026-11-27"]

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    static func sample(_ args: [String], name: String) async throws -> URL {
        let result = await runCLI(args)
        try #require(result.status == 0)
        return try temporaryFile(result.stdout, name: name)
    }

    static func samplePolicy() async throws -> URL { try await sample(["claim", "sample-policy"], name: "policy.json") }

    static func sampleBuyers() async throws -> URL { try await sample(["buyers", "sample"], name: "buyers.csv") }

    static func run(policy: URL? = nil, buyers: URL? = nil, _ extra: [String] = []) async throws
        -> (status: Int32, stdout: String, stderr: String) {
        let policy = if let policy { policy } else { try await samplePolicy() }
        let buyers = if let buyers { buyers } else { try await sampleBuyers() }
        return await runCLI(["quote", "--policy", policy.path, "--buyers", buyers.path] + asOf + extra)
    }

    static func json(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    static func amount(_ value: Any?) throws -> Decimal {
        let text = try #require((value as? [String: Any])?["amount"] as? String)
        return try #require(Decimal(string: text))
    }

    /// `value` rounded half up to cents.
    static func cents(_ value: Decimal) -> Decimal {
        var input = value, output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }

    @Test("the sample policy and buyers: table and JSON match the golden files")
    func goldenFiles() async throws {
        let table = try await Self.run()
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout == (try Self.golden("sample.txt")))
        let json = try await Self.run(["--format", "json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        #expect(json.stdout == (try Self.golden("sample.json")))
    }

    /// The buyers priced are exactly those `assess` approves or partly approves at the same date, at the amounts it
    /// grants; the premium steps follow from each other (technical = Σ buyers, gross = technical ÷ divisor,
    /// final = pre-tax × (1 + 9%) for a French policyholder, tax = final − pre-tax).
    @Test("the sample's key figures agree with assess and with the premium rules")
    func keyFigures() async throws {
        let buyers = try await Self.sampleBuyers()
        let quote = try await Self.run(buyers: buyers, ["--format", "json"])
        try #require(quote.status == 0, "stderr: \(quote.stderr)")
        let object = try Self.json(quote.stdout)
        let assess = await runCLI(["assess", "--buyers", buyers.path, "--format", "json"] + Self.asOf)
        try #require(assess.status == 0)
        let assessed = try #require(try Self.json(assess.stdout)["buyers"] as? [[String: Any]])
        let insured = assessed.filter {
            $0["request"] as? String == "newLimit"
                && ["approved", "partlyApproved"].contains($0["decision"] as? String ?? "")
        }

        let body = try #require(object["quote"] as? [String: Any])
        let lines = try #require(body["buyers"] as? [[String: Any]])
        #expect(lines.count == 12)
        #expect(lines.compactMap { $0["id"] as? String } == insured.compactMap { $0["id"] as? String })
        for (line, decision) in zip(lines, insured) {
            #expect(try Self.amount(line["limit"]) == (try Self.amount(decision["granted"])))
            #expect(line["pd"] as? Double == decision["probabilityOfDefault"] as? Double
                    || abs((line["pd"] as? Double ?? 0) - (decision["probabilityOfDefault"] as? Double ?? 1)) < 5e-7)
        }
        let excluded = try #require(object["excluded"] as? [[String: Any]])
        #expect(excluded.count + lines.count == assessed.count)
        #expect(excluded.allSatisfy { !["approved", "partlyApproved"].contains($0["decision"] as? String ?? "") })
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["priced"] as? Int == 12 && summary["excluded"] as? Int == 21 && summary["buyers"] as? Int == 33)

        let granted = try insured.map { try Self.amount($0["granted"]) }.reduce(0, +)
        #expect(try Self.amount(body["totalLimits"]) == granted)
        let premium = try #require(body["premium"] as? [String: Any])
        let technical = try lines.map { try Self.amount($0["technicalPremium"]) }.reduce(0, +)
        #expect(try Self.amount(premium["technical"]) == technical)
        #expect(try Self.amount(premium["gross"]) == Self.cents(technical / Decimal(string: "0.65")!))
        let preTax = try Self.amount(premium["preTax"])
        #expect(preTax == (try Self.amount(premium["adjusted"])))
        let final = try Self.amount(premium["final"])
        #expect(final == Self.cents(preTax * Decimal(string: "1.09")!))
        #expect(try Self.amount(premium["tax"]) == final - preTax)
        #expect(final == Decimal(string: "24172.66"))
        let policy = try #require(object["policy"] as? [String: Any])
        #expect(policy["policyholderCountry"] as? String == "FR")
        let rates = try #require(body["ratesUsed"] as? [[String: Any]])
        #expect(rates.allSatisfy { $0["publicationDate"] as? String == "2026-10-30" && $0["source"] as? String == "ECB" })
    }

    @Test("--policy - reads the policy from standard input, as the documented example pipes it")
    func policyFromStandardInput() async throws {
        let policy = await runCLI(["claim", "sample-policy"])
        try #require(policy.status == 0)
        let buyers = try await Self.sampleBuyers()
        let result = await runCLI(["quote", "--policy", "-", "--buyers", buyers.path] + Self.asOf, stdin: policy.stdout)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == (try Self.golden("sample.txt")))
        expectOneLineError(await runCLI(["quote", "--policy", "-", "--buyers", "-"], stdin: policy.stdout))
    }

    @Test("--country sets the premium tax")
    func country() async throws {
        let result = try await Self.run(["--country", "DE", "--format", "json"])
        try #require(result.status == 0, "stderr: \(result.stderr)")
        let premium = try #require((try Self.json(result.stdout)["quote"] as? [String: Any])?["premium"] as? [String: Any])
        let preTax = try Self.amount(premium["preTax"])
        #expect(try Self.amount(premium["final"]) == Self.cents(preTax * Decimal(string: "1.19")!))
    }

    @Test("bad inputs: exit 2, one line naming the input, nothing on stdout")
    func badInputs() async throws {
        let missing = await runCLI(["quote", "--policy", "/nonexistent/policy.json", "--buyers", "/nonexistent/b.csv"])
        expectOneLineError(missing)
        #expect(missing.stderr.contains("/nonexistent/policy.json: no such file"))

        let policyText = try String(contentsOf: try await Self.samplePolicy(), encoding: .utf8)
        for (good, bad, expected) in [(#""expenseRatio" : 0.25,"#, #""expenseRatio" : "x","#, "policy.json: pricing.expenseRatio"),
                                      (#""insuredPercentage" : 0.9,"#, #""insuredPercentage" : 1.5,"#,
                                       "policy.json: insuredPercentage")] {
            try #require(policyText.contains(good))
            let badPolicy = try temporaryFile(policyText.replacingOccurrences(of: good, with: bad), name: "policy.json")
            let policyError = try await Self.run(policy: badPolicy)
            expectOneLineError(policyError)
            #expect(policyError.stderr.contains(expected), "stderr: \(policyError.stderr)")
        }

        let buyersText = try String(contentsOf: try await Self.sampleBuyers(), encoding: .utf8)
        let badBuyers = try temporaryFile(buyersText.replacingOccurrences(of: "150000,EUR,60,900000", with: "lots,EUR,60,900000"))
        try #require(buyersText.contains("150000,EUR,60,900000"))
        let buyersError = try await Self.run(buyers: badBuyers)
        expectOneLineError(buyersError)
        #expect(buyersError.stderr.contains("buyers.csv:2: requested_limit"), "stderr: \(buyersError.stderr)")

        let refusedOnly = try temporaryFile(buyersText.split(separator: "\n").prefix(1).joined() + "\n"
            + (buyersText.split(separator: "\n").first { $0.hasPrefix("B002,") } ?? "") + "\n")
        let empty = try await Self.run(buyers: refusedOnly)
        expectOneLineError(empty)
        #expect(empty.stderr.contains("buyers.csv: no buyer to price"), "stderr: \(empty.stderr)")

        expectOneLineError(try await Self.run(["--country", "US"]))
        expectOneLineError(try await Self.run(["--format", "csv"]))
    }
}
