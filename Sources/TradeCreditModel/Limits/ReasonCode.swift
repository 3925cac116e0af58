/// A stable, machine-readable reason with a human explanation, attached to decisions and eligibility results.
///
/// Codes are snake_case and never change meaning; the detail is free text for a person (amounts, grades, dates).
public struct ReasonCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable code, e.g. `grade_at_or_above_refusal`.
    public let code: String
    /// A one-line explanation with the figures that decided it.
    public let detail: String

    public init(_ code: String, detail: String) {
        self.code = code
        self.detail = detail
    }

    /// `code: detail`.
    public var description: String { "\(code): \(detail)" }
}
