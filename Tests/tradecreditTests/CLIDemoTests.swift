import Foundation
import Testing
@testable import tradecredit

/// `tradecredit demo`: the whole story (golden table and JSON, in `Fixtures/demo.txt` and `Fixtures/demo.json`), its
/// key figures checked against the single commands on the same inputs, and the progress bar.
///
/// To regenerate the golden files after an intended change, from the package root:
///
///     swift build && .build/debug/tradecredit demo > Tests/tradecreditTests/Fixtures/demo.txt \
///         && .build/debug/tradecredit demo --format json > Tests/tradecreditTests/Fixtures/demo.json
///
/// then read the diff and check the changed figures before committing them.
///
/// Serialized: each run converts at the embedded rates (the whole ECB history is parsed).
@Suite("tradecredit demo", .serialized)
struct CLIDemoTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let asOf = ["--as-of", "2026-11-27"]

    /// The demo's JSON document, parsed.
    static func demoJSON() async throws -> [String: Any] {
        let result = await runCLI(["demo", "--format", "json"])
        try #require(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        return try demoObject(result.stdout)
    }

    static func demoObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `value` as canonical JSON text (sorted keys), to compare two documents whatever their layout.
    static func demoCanonical(_ value: Any?) throws -> String {
        let value = try #require(value)
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// A temporary file holding `value` as JSON.
    static func demoFile(_ value: Any?, name: String) throws -> URL {
        try temporaryFile(try JSONSerialization.data(withJSONObject: try #require(value), options: [.sortedKeys]), name: name)
    }

    /// The embedded sample buyers, as a file.
    static func demoSampleBuyers() async throws -> URL {
        let result = await runCLI(["buyers", "sample"])
        try #require(result.status == 0)
        return try temporaryFile(result.stdout, name: "buyers.csv")
    }

    // MARK: Golden files

    @Test("the table matches the golden file byte for byte")
    func tableMatchesTheGoldenFile() async throws {
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("demo.txt"), encoding: .utf8)
        let result = await runCLI(["demo"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        #expect(result.stdout == expected, "regenerate Fixtures/demo.txt if the change is intended (see above)")
    }

    @Test("every section has a heading in the table")
    func tableSections() async throws {
        let result = await runCLI(["demo"])
        for heading in ["Policyholder: Atelier Demo SAS (FR)", "Buyers (33, validated)",
                        "== Assessments and limit decisions, as of 2026-11-27", "== Premium quote for the insured buyers",
                        "== Portfolio loss distribution", "== Overdue notification, claim and indemnity",
                        "Recovery on 2026-11-16"] {
            #expect(result.stdout.contains(heading), "\(heading)")
        }
    }

    // MARK: Cross-checks with the single commands

    @Test("the decisions are assess's on the sample buyers at the same date")
    func decisionsAreAssess() async throws {
        let demo = try await Self.demoJSON()
        let buyers = try await Self.demoSampleBuyers()
        defer { removeTemporary(buyers) }
        let assess = await runCLI(["assess", "--buyers", buyers.path, "--format", "json"] + Self.asOf)
        try #require(assess.status == 0, "stderr: \(assess.stderr)")
        let expected = try Self.demoObject(assess.stdout)
        // The whole document is the same.
        #expect(try Self.demoCanonical(demo["decisions"]) == (try Self.demoCanonical(expected)))
        let decisions = try #require(demo["decisions"] as? [String: Any])
        let summary = try #require(decisions["summary"] as? [String: Any])
        #expect(try Self.demoCanonical(summary["decisions"])
                == #"{"approved":6,"partlyApproved":6,"referred":8,"refused":13}"#)
    }

    @Test("the quote is quote's on the demo policy and the sample buyers, and its premium the sample policy's")
    func quoteIsQuote() async throws {
        let demo = try await Self.demoJSON()
        let buyers = try await Self.demoSampleBuyers()
        defer { removeTemporary(buyers) }
        let policy = try Self.demoFile(demo["policy"], name: "policy.json")
        defer { removeTemporary(policy) }
        let quote = await runCLI(["quote", "--policy", policy.path, "--buyers", buyers.path, "--format", "json"] + Self.asOf)
        try #require(quote.status == 0, "stderr: \(quote.stderr)")
        #expect(try Self.demoCanonical(demo["quote"]) == (try Self.demoCanonical(try Self.demoObject(quote.stdout))))

        // The sample policy (claim sample-policy) is FR-2025-001, with the same terms as the demo policy but for its
        // id and period: the same buyers are priced and the premium is the same; only the policy line differs.
        let samplePolicy = await runCLI(["claim", "sample-policy"])
        let sampleFile = try temporaryFile(samplePolicy.stdout, name: "policy.json")
        defer { removeTemporary(sampleFile) }
        let sample = await runCLI(["quote", "--policy", sampleFile.path, "--buyers", buyers.path, "--format", "json"]
                                  + Self.asOf)
        try #require(sample.status == 0, "stderr: \(sample.stderr)")
        let sampleQuote = try Self.demoObject(sample.stdout)
        let demoQuote = try #require(demo["quote"] as? [String: Any])
        for key in ["quote", "excluded", "summary"] {
            #expect(try Self.demoCanonical(demoQuote[key]) == (try Self.demoCanonical(sampleQuote[key])), "\(key)")
        }
        let demoPolicy = try #require(demoQuote["policy"] as? [String: Any])
        #expect(demoPolicy["id"] as? String == "DEMO-2026")
        #expect((sampleQuote["policy"] as? [String: Any])?["id"] as? String == "FR-2025-001")
    }

    @Test("the loss distribution is the quote's CreditRisk+ run at more levels")
    func lossDistributionIsTheQuotes() async throws {
        let demo = try await Self.demoJSON()
        let quote = try #require((demo["quote"] as? [String: Any])?["quote"] as? [String: Any])
        let portfolio = try #require(quote["portfolio"] as? [String: Any])
        let loss = try #require(demo["portfolioLoss"] as? [String: Any])
        let expectedLoss = try #require(portfolio["expectedLossFigure"] as? Double)
        let sigma = try #require(portfolio["standardDeviationFigure"] as? Double)
        let valueAtRisk = try #require(portfolio["valueAtRiskFigure"] as? Double)
        let level = try #require(portfolio["level"] as? Double)
        #expect(loss["expectedLoss"] as? Int == Int(expectedLoss.rounded(.toNearestOrAwayFromZero)))
        #expect(loss["standardDeviation"] as? Int == Int(sigma.rounded(.toNearestOrAwayFromZero)))
        let quantiles = try #require(loss["quantiles"] as? [String: Int])
        #expect(Set(quantiles.keys) == ["0.95", "0.99", "0.995", "0.999"])
        #expect(quantiles["\(level)"] == Int(valueAtRisk.rounded(.toNearestOrAwayFromZero)))
        // Quantiles rise with the level.
        let ordered = ["0.95", "0.99", "0.995", "0.999"].compactMap { quantiles[$0] }
        #expect(ordered == ordered.sorted())
        // One risk contribution per priced buyer.
        let buyers = try #require(quote["buyers"] as? [[String: Any]])
        #expect((loss["riskContributions"] as? [String: Any])?.count == buyers.count)
    }

    @Test("the claim's adjustment is claim's on the same case under the demo policy; the recovery is split")
    func claimIsClaim() async throws {
        let demo = try await Self.demoJSON()
        let claim = try #require(demo["claim"] as? [String: Any])
        let policy = try Self.demoFile(demo["policy"], name: "policy.json")
        defer { removeTemporary(policy) }
        let claimCase = try Self.demoFile(claim["case"], name: "case.json")
        defer { removeTemporary(claimCase) }
        let adjusted = await runCLI(["claim", "--policy", policy.path, "--case", claimCase.path, "--format", "json"])
        try #require(adjusted.status == 0, "stderr: \(adjusted.stderr)")
        #expect(try Self.demoCanonical(claim["adjustment"]) == (try Self.demoCanonical(try Self.demoObject(adjusted.stdout))))

        // The claimed buyer is one the demo insures; the case's annual premium is the quote's pre-tax premium.
        let buyerID = try #require(((claim["case"] as? [String: Any])?["buyer"] as? [String: Any])?["id"] as? String)
        let decisions = try #require((demo["decisions"] as? [String: Any])?["buyers"] as? [[String: Any]])
        #expect(decisions.first { $0["id"] as? String == buyerID }?["decision"] as? String == "approved")
        let preTax = (((demo["quote"] as? [String: Any])?["quote"] as? [String: Any])?["premium"] as? [String: Any])?["preTax"]
        #expect(try Self.demoCanonical((claim["case"] as? [String: Any])?["annualPremium"]) == (try Self.demoCanonical(preTax)))

        // The claim went notified → filed → under review → decided → paid → recovering, and the recovery is shared.
        let final = try #require(claim["claim"] as? [String: Any])
        #expect(final["state"] as? String == "recovering")
        let recovery = try #require(claim["recovery"] as? [String: Any])
        let insurerText = try #require((recovery["insurer"] as? [String: Any])?["amount"] as? String)
        let insurer = try #require(Decimal(string: insurerText))
        #expect(insurer > 0)
        let notice = try #require(claim["notice"] as? [String: Any])
        #expect(notice["state"] as? String == "notified")
        #expect(notice["inTime"] as? Bool == true)
    }

    // MARK: Progress bar

    @Test("the bar's line for a fraction", arguments: [
        (0.0, "Work [..........]   0%"), (0.05, "Work [..........]   5%"), (0.5, "Work [#####.....]  50%"),
        (0.999, "Work [#########.]  99%"), (1.0, "Work [##########] 100%"), (1.7, "Work [##########] 100%"),
        (-0.2, "Work [..........]   0%"), (Double.nan, "Work [..........]   0%"),
    ])
    func progressLine(fraction: Double, line: String) {
        #expect(ProgressBar.line(label: "Work", fraction: fraction, width: 10) == line)
    }

    @Test func progressLineWithCounts() {
        #expect(ProgressBar.line(label: "Deciding limits", fraction: 14.0 / 33, completed: 14, total: 33, width: 10)
                == "Deciding limits [####......]  42% (14/33)")
    }

    @Test("the bar draws after its delay only, and clears its line")
    func progressDrawsAndClears() async throws {
        let written = DemoWritten()
        let bar = ProgressBar(label: "W", isEnabled: true, delay: .zero, write: { written.append($0) })
        await withTaskGroup(of: Void.self) { group in
            for index in 1...20 { group.addTask { bar.update(Double(index) / 20, completed: index, total: 20) } }
        }
        bar.finish()
        let lines = written.all
        #expect(lines.count == 21)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("\rW [") })
        let width = lines.dropLast().map { $0.count - 1 }.max() ?? 0
        #expect(lines.last == "\r" + String(repeating: " ", count: width) + "\r")

        let quiet = DemoWritten()
        let late = ProgressBar(label: "W", isEnabled: true, delay: .seconds(3600), write: { quiet.append($0) })
        late.update(0.5)
        late.finish()
        let off = ProgressBar(label: "W", isEnabled: false, delay: .zero, write: { quiet.append($0) })
        off.update(0.5)
        off.finish()
        #expect(quiet.all.isEmpty)
    }
}

/// What a progress bar wrote, collected from any thread.
final class DemoWritten: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []

    func append(_ text: String) { lock.withLock { texts.append(text) } }
    var all: [String] { lock.withLock { texts } }
}
