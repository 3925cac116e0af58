import Foundation
import Testing

/// Every command path of `tradecredit`, groups included.
let auditCommandPaths: [String] = [
    "demo",
    "buyers", "buyers validate", "buyers sample",
    "assess",
    "fx", "fx convert", "fx rates",
    "rating",
    "resolve",
    "portfolio-loss",
    "quote",
    "claim", "claim adjust", "claim sample-policy", "claim sample-case",
    "diagnose", "diagnose run", "diagnose sample-ledger", "diagnose sample-profile",
]

/// The lines of the `Example:` or `Examples:` blocks of a help text that are not indented.
func auditWrappedExampleLines(_ help: String) -> [String] {
    var inBlock = false
    var wrapped: [String] = []
    for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if line == "Example:" || line == "Examples:" {
            inBlock = true
        } else if line.isEmpty {
            inBlock = false
        } else if inBlock && !line.hasPrefix("  ") {
            wrapped.append(line)
        }
    }
    return wrapped
}

/// `tradecredit <path> --help` for every command path: status 0, nothing on stderr, an `Example:` or `Examples:`
/// line, and an example that runs the command itself (`tradecredit <path>`).
///
/// A default subcommand (`claim adjust`, `diagnose run`) may show its examples in the short form, without its
/// name (`tradecredit diagnose --ledger …`): its parent's name is then enough.
@Suite("tradecredit help")
struct CLIHelpTests {
    @Test("every command's help has an example of the command", arguments: auditCommandPaths)
    func helpHasAnExample(path: String) async {
        let words = path.split(separator: " ").map(String.init)
        let result = await runCLI(words + ["--help"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0 == "Example:" || $0 == "Examples:" }, "no Example line in:\n\(result.stdout)")
        let examples = lines.filter { $0.hasPrefix("tradecredit ") }
        let defaultSubcommands = ["claim adjust", "diagnose run"]
        let command = defaultSubcommands.contains(path) ? String(path.split(separator: " ")[0]) : path
        #expect(examples.contains { $0 == "tradecredit \(command)" || $0.hasPrefix("tradecredit \(command) ") },
                "no example line running tradecredit \(path) in:\n\(result.stdout)")
        // The help is wrapped at 80 columns: an example longer than that would break into a line that is not indented
        // (and not a command). Every line of an Examples block is indented.
        #expect(auditWrappedExampleLines(result.stdout).isEmpty,
                "example lines wrapped by the help: \(auditWrappedExampleLines(result.stdout))")
    }

    @Test("the root's help: examples, none wrapped")
    func rootHelp() async {
        let result = await runCLI(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\nExamples:\n"))
        #expect(auditWrappedExampleLines(result.stdout).isEmpty, "\(auditWrappedExampleLines(result.stdout))")
    }

    /// The list above is every command: the root's help names each top-level one it lists.
    @Test("the list of paths covers the root's subcommands")
    func pathsCoverTheSubcommands() async {
        let result = await runCLI(["--help"])
        #expect(result.status == 0)
        let section = result.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let names = section.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("  "), !line.hasPrefix("    "), let name = trimmed.split(separator: " ").first else {
                return nil
            }
            return String(name)
        }
        #expect(!names.isEmpty)
        for name in names where !name.hasPrefix("See") {
            #expect(auditCommandPaths.contains(name), "\(name) is missing from auditCommandPaths")
        }
    }
}
