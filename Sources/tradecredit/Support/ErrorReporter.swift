import ArgumentParser
import Foundation
import TradeCredit

/// The CLI's exit statuses.
enum ExitStatus {
    static let success: Int32 = 0
    /// A failure that is not the user's input: network, upstream service, an internal error.
    static let failure: Int32 = 1
    /// Bad input or usage: a flag, a file, a line, a field.
    static let badInput: Int32 = 2
}

/// An error of a command that is not about the user's input (exit 1).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
}

/// Maps errors to one line on stderr and an exit status.
enum ErrorReporter {
    static func report(_ error: any Error, arguments: [String]) -> Int32 {
        switch error {
        case let error as InputError where error.file.isEmpty:
            // An empty path (`--buyers ''`) would read `tradecredit: : no such file`: name it as "".
            let named = InputError(file: "\"\"", line: error.line, field: error.field, error.message)
            return emit(named.description, status: ExitStatus.badInput)
        case let error as InputError:
            return emit(error.description, status: ExitStatus.badInput)
        case let error as ModelError:
            return emit(error.description, status: ExitStatus.badInput)
        case let error as CommandFailure:
            return emit(error.description, status: ExitStatus.failure)
        default:
            break
        }
        // swift-argument-parser: help and --version are clean exits with text for stdout; its parse and
        // validation errors are usage errors (2), reported on one line; anything else is a failure (1).
        let code = TradeCreditCommand.exitCode(for: error)
        if code == .success {
            let text = TradeCreditCommand.fullMessage(for: error)
            if !text.isEmpty { print(text) }
            return ExitStatus.success
        }
        let message = TradeCreditCommand.message(for: error)
        guard code == .validationFailure, !message.isEmpty else {
            return emit("error: \(message.isEmpty ? String(describing: error) : oneLine(message, usage: false))",
                        status: ExitStatus.failure)
        }
        return emit(oneLine(message, usage: true), status: ExitStatus.badInput)
    }

    /// The first meaningful line of an argument-parser message, with its "Error: " prefix made lower case.
    static func oneLine(_ message: String, usage: Bool) -> String {
        let line = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty } ?? message
        var text = String(line)
        if text.hasPrefix("Error: ") { text = String(text.dropFirst(7)) }
        return usage ? "usage: \(text) (see tradecredit --help)" : text
    }

    private static func emit(_ line: String, status: Int32) -> Int32 {
        let single = line.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data(("tradecredit: " + single + "\n").utf8))
        return status
    }
}
