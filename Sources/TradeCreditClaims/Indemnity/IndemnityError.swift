public import TradeCreditModel

/// The error thrown by the indemnity calculation, the recovery split and the claim lifecycle.
///
/// Like `ModelError`: a stable ``Code`` callers can switch on, the field or claim it concerns, the offending value
/// when it is public data, and a one-line message. Model errors met on the way (a currency mismatch, a missing rate)
/// are passed through unchanged, as `ModelError`.
public struct IndemnityError: FieldedError, Sendable, Hashable {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A value the calculation needs is missing (a rate table for a foreign invoice, the premium for a maximum
        /// liability that is a multiple of it).
        public static let missingValue = Code(rawValue: "missing_value")
        /// A value outside its allowed range (a negative outstanding, an eligible delivery outside the policy period).
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// Two values that must agree do not (a ledger for another policy, a result recorded twice).
        public static let inconsistent = Code(rawValue: "inconsistent")
        /// A claim state transition that `ClaimState.allowedNext` does not list.
        public static let invalidTransition = Code(rawValue: "invalid_transition")
        /// An event dated before the claim's last one.
        public static let eventOutOfOrder = Code(rawValue: "event_out_of_order")
        /// No claim with this id in the book.
        public static let unknownClaim = Code(rawValue: "unknown_claim")
        /// The claim was already paid: a claim is paid once.
        public static let alreadyPaid = Code(rawValue: "already_paid")
        /// An invoice is already in another live claim (which would pay it twice).
        public static let invoiceAlreadyClaimed = Code(rawValue: "invoice_already_claimed")
    }

    /// The stable code of this error.
    public let code: Code
    /// The field, claim or parameter the error concerns, when there is one.
    public let field: String?
    /// The offending input as text, when it is public data (an id, a state, a date, an amount).
    public let value: String?
    /// A one-line explanation for a person.
    public let message: String

    /// Creates an error; `value` is truncated to 64 characters so that a huge input never floods a log line.
    public init(_ code: Code, field: String? = nil, value: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.value = value.map { $0.count > 64 ? String($0.prefix(61)) + "..." : $0 }
        self.message = message
    }
}
