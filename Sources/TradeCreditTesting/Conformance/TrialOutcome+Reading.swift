import Foundation
import TradeCreditHTTP
import TradeCreditModel

extension TrialOutcome {
    /// The adapter error thrown, if any.
    var adapterError: (any AdapterError)? {
        if case .error(let error) = self { return error as? any AdapterError }
        return nil
    }

    /// Whether the operation ended by reporting its cancellation (Swift's or the HTTP layer's).
    var isCancellation: Bool {
        guard case .error(let error) = self else { return false }
        if error is CancellationError { return true }
        return (error as? HTTPError)?.code == .cancelled
    }

    /// What happened, for a failed check: `threw CreditsafeError unavailable: …`.
    var summary: String {
        switch self {
        case .value(let value):
            let text = String(describing: value)
            return "returned " + (text.count > 200 ? String(text.prefix(200)) + "…" : text)
        case .error(let error as any AdapterError):
            return "threw \(type(of: error)) \(error.failure): \(error.description)"
        case .error(let error):
            return "threw \(type(of: error)), not an AdapterError: \(error)"
        case .hung:
            return "did not end (watchdog)"
        }
    }

    /// `nil` when the operation threw an adapter error of one of `kinds`; otherwise what happened instead.
    func problem(unlessFailure kinds: Set<AdapterFailure>) -> String? {
        if let error = adapterError, kinds.contains(error.failure) { return nil }
        let expected = kinds.map(\.rawValue).sorted().joined(separator: " or ")
        return "expected an AdapterError \(expected); \(summary)"
    }
}

extension Duration {
    /// Whole milliseconds, for reports.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
