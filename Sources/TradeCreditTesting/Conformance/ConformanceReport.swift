/// The result of one check of a conformance suite.
public struct ConformanceCheck: Sendable, Hashable, CustomStringConvertible {
    /// How the check ended.
    public enum Verdict: String, Sendable, Hashable {
        /// The adapter behaved as the contract says.
        case passed
        /// It did not; ``ConformanceCheck/detail`` says what happened instead.
        case failed
        /// The check does not apply (an offline adapter has no transport) or its fixture was not given.
        case skipped
    }

    /// The check's name (`"429 then success is retried"`).
    public let name: String
    /// How it ended.
    public let verdict: Verdict
    /// What was seen: the failure, the reason for skipping, or a measurement.
    public let detail: String

    public init(name: String, verdict: Verdict, detail: String = "") {
        self.name = name
        self.verdict = verdict
        self.detail = detail
    }

    /// `PASS name (detail)`, one line.
    public var description: String {
        let mark = switch verdict {
        case .passed: "PASS"
        case .failed: "FAIL"
        case .skipped: "SKIP"
        }
        return detail.isEmpty ? "\(mark) \(name)" : "\(mark) \(name): \(detail)"
    }
}

/// What a conformance suite found: every check, in the order run.
///
/// In a Swift Testing test: `#expect(report.failures.isEmpty, "\(report)")`; the description lists every check, so a
/// failing run shows the whole picture.
public struct ConformanceReport: Sendable, Hashable, CustomStringConvertible {
    /// The adapter checked (its name, or the source name of a rate provider).
    public let adapter: String
    /// Every check, in the order run.
    public let checks: [ConformanceCheck]

    public init(adapter: String, checks: [ConformanceCheck]) {
        self.adapter = adapter
        self.checks = checks
    }

    /// The checks that failed.
    public var failures: [ConformanceCheck] { checks.filter { $0.verdict == .failed } }
    /// The checks that were skipped.
    public var skipped: [ConformanceCheck] { checks.filter { $0.verdict == .skipped } }
    /// Whether no check failed.
    public var passed: Bool { failures.isEmpty }
    /// The names of the checks that passed.
    public var passedNames: [String] { checks.filter { $0.verdict == .passed }.map(\.name) }

    /// A header line with the counts, then one line per check.
    public var description: String {
        let header = "\(adapter): \(checks.count - failures.count - skipped.count) passed, \(failures.count) failed, "
            + "\(skipped.count) skipped"
        return ([header] + checks.map { "  \($0)" }).joined(separator: "\n")
    }
}
