import ArgumentParser
import Foundation
import TradeCredit

/// The process entry point: runs the command and turns every error into one line on stderr and an exit status
/// (0 success, 1 failure, 2 bad input or usage), so that no error ever prints a stack trace.
@main
enum Entry {
    static func main() async {
        signal(SIGPIPE, SIG_IGN)  // a closed pipe (`| head`) must end the write, not the process
        CommandLineLogging.bootstrap()  // errors speak for themselves; retries are not news
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try TradeCreditCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(ExitStatus.success)
        } catch {
            exit(ErrorReporter.report(error, arguments: arguments))
        }
    }
}
