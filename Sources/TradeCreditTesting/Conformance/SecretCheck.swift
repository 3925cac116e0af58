import Foundation

/// The last check of every suite: the secret appears in no error and no log line of the run.
enum SecretCheck {
    static func run(_ harness: ConformanceHarness) -> ConformanceCheck {
        let lines = harness.log.recorded
        let leaks = lines.filter(harness.leaksSecret)
        let name = "the secret is in no error and no log line"
        guard leaks.isEmpty else {
            // Show where with the secret masked first, then cut: the report may itself be logged.
            let masked = harness.masked(leaks[0])
            return ConformanceCheck(name: name, verdict: .failed,
                                    detail: "\(leaks.count) of \(lines.count) lines hold it, e.g. one starting "
                                        + "\"\(masked.prefix(40))\"")
        }
        return ConformanceCheck(name: name, verdict: .passed, detail: "\(lines.count) lines read")
    }
}
