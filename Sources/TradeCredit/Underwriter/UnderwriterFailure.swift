import TradeCreditModel
import TradeCreditRisk
import TradeCreditClaims
import TradeCreditPricing

/// Why one buyer of a batch could not be worked on: a stable code and the error's one-line description.
///
/// The codes are those of the error thrown: a `ModelError`'s, an engine error's
/// (`UnderwritingError`, `ClaimsError`, `IndemnityError`, `PricingError`), an adapter's `AdapterFailure`, or
/// `failed` for any other error.
public struct UnderwriterFailure: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable code (`out_of_range`, `rate_unavailable`, …).
    public let code: String
    /// The field concerned, when the error names one.
    public let field: String?
    /// The error's description (adapters' errors are redacted).
    public let message: String

    /// A failure with its code, field and message.
    public init(code: String, field: String? = nil, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// The failure that `error` stands for.
    public init(_ error: any Error) {
        switch error {
        case let error as UnderwriterFailure: self = error
        case let error as ModelError: self.init(code: error.code.rawValue, field: error.field, message: error.description)
        case let error as UnderwritingError: self.init(code: error.code.rawValue, field: error.field, message: error.description)
        case let error as ClaimsError: self.init(code: error.code.rawValue, field: error.field, message: error.description)
        case let error as IndemnityError: self.init(code: error.code.rawValue, field: error.field, message: error.description)
        case let error as PricingError: self.init(code: error.code.rawValue, field: error.field, message: error.description)
        case let error as any AdapterError: self.init(code: error.failure.rawValue, message: error.description)
        default: self.init(code: "failed", message: String(describing: error))
        }
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
