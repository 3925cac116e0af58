import Foundation
import TradeCredit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on stderr, for work that lasts more than a second.
///
/// It draws only when stderr is a terminal (`isatty(2)`), and only once `delay` (1 s) has passed since it was made:
/// quick work, pipes, files and the tests see nothing on stderr. ``finish()`` clears the line it drew. Updates may come
/// from any thread (the facade's batch progress callback is `@Sendable`); a lock keeps them one at a time.
final class ProgressBar: @unchecked Sendable {
    /// The width of the bar between its brackets, in characters.
    static let width = 30

    /// The line drawn for `fraction` of the work done: `label [#####.....]  42% (14/33)`, the fraction clamped to
    /// [0, 1] and the percentage rounded down, so that 100% means done. Pure, for the tests.
    static func line(label: String, fraction: Double, completed: Int? = nil, total: Int? = nil, width: Int = width) -> String {
        let done = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        let filled = Int((done * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = String(Int((done * 100).rounded(.down)))
        var text = "\(label) [\(bar)] " + String(repeating: " ", count: 3 - min(3, percent.count)) + percent + "%"
        if let completed, let total { text += " (\(completed)/\(total))" }
        return text
    }

    private let label: String
    private let isEnabled: Bool
    private let start: ContinuousClock.Instant
    private let delay: Duration
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var drawnWidth = 0

    /// A bar named `label`, drawn on stderr when it is a terminal.
    /// - Parameters:
    ///   - isEnabled: whether to draw at all (default: stderr is a terminal).
    ///   - delay: how long the work must last before the bar appears.
    ///   - write: where the bar goes (default: stderr, unbuffered).
    init(label: String, isEnabled: Bool = isatty(2) != 0, delay: Duration = .seconds(1),
         write: @escaping @Sendable (String) -> Void = ProgressBar.writeToStandardError) {
        self.label = label
        self.isEnabled = isEnabled
        self.delay = delay
        self.write = write
        start = .now
    }

    /// Shows `fraction` of the work done (from any thread), once the delay has passed.
    func update(_ fraction: Double, completed: Int? = nil, total: Int? = nil) {
        guard isEnabled, ContinuousClock.now - start >= delay else { return }
        let text = Self.line(label: label, fraction: fraction, completed: completed, total: total)
        lock.withLock {
            write("\r" + text)
            drawnWidth = max(drawnWidth, text.count)
        }
    }

    /// Clears the line, if a bar was drawn.
    func finish() {
        lock.withLock {
            guard drawnWidth > 0 else { return }
            write("\r" + String(repeating: " ", count: drawnWidth) + "\r")
            drawnWidth = 0
        }
    }

    /// Writes `text` to stderr.
    @Sendable static func writeToStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension ProgressBar {
    /// Runs `work` with a bar named `label` that the `Underwriter` batch's progress callback feeds; the bar is cleared
    /// when the work ends.
    static func showing<T>(_ label: String,
                           _ work: (@escaping @Sendable (BatchProgress) -> Void) async throws -> T) async rethrows -> T {
        let bar = ProgressBar(label: label)
        defer { bar.finish() }
        return try await work { progress in
            bar.update(progress.fraction, completed: progress.completed, total: progress.total)
        }
    }
}
