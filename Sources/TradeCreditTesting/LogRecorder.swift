public import Logging
import Synchronization

/// Keeps every log line a logger writes, as `level message key=value …` (metadata sorted by key), so that a test can
/// check what code logs — and that no secret is among it.
///
/// ```swift
/// let log = LogRecorder()
/// let bureau = AcmeBureau(…, logger: log.logger)
/// …
/// #expect(!log.recorded.joined().contains(password))
/// ```
public final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// Every line so far, in order.
    public var recorded: [String] { lines.withLock { $0 } }

    /// A logger at `.trace` writing here.
    public var logger: Logger { logger(label: "test") }

    /// A logger at `.trace` writing here, with `label`.
    public func logger(label: String) -> Logger {
        var logger = Logger(label: label) { _ in Handler(recorder: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Adds a line written by other means (an error's description, say).
    public func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            recorder.append("\(event.level) \(event.message) \(fields.joined(separator: " "))")
        }
    }
}
