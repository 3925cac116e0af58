public import Logging

/// Logging set-up for command-line tools built on the SDK.
public enum CommandLineLogging {
    /// Sends the SDK's log messages at `level` and above to standard error (warnings by default), so that a tool's
    /// output stays clean: retries and cache refreshes are logged at `info`. Call once, at start-up.
    public static func bootstrap(level: Logger.Level = .warning) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
