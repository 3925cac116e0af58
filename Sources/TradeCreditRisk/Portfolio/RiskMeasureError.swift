public import TradeCreditModel

/// The error thrown by the portfolio measures (Vasicek, Basel IRB, concentration) and by accumulation and
/// monitoring when an input is out of range or the inputs contradict each other.
///
/// Every error carries a stable ``Code`` that callers can switch on, the field it concerns (`correlation`,
/// `limits[3].amount`), the offending value when it is public data, and a one-line message. Errors of the money
/// arithmetic itself (an overflow past 38 digits) surface as the model's `ModelError`.
public struct RiskMeasureError: FieldedError, Sendable, Hashable {
    /// A stable, machine-readable error code. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A number outside its allowed range (a probability of 1.2, a negative exposure, NaN).
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// Amounts in different currencies where one currency is required; convert first.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
        /// A record the computation needs is missing (the buyer record of a limit).
        public static let missingValue = Code(rawValue: "missing_value")
        /// Two inputs that must agree do not (two different records for one buyer, an overdue above the outstanding).
        public static let inconsistent = Code(rawValue: "inconsistent")
        /// No exposure to measure: an empty list, or a total of zero.
        public static let noExposure = Code(rawValue: "no_exposure")
    }

    /// The stable code of this error.
    public let code: Code
    /// The field or key the error concerns, when there is one.
    public let field: String?
    /// The offending input as text, when it is public data.
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

// MARK: - Checks shared by the measures

extension RiskMeasureError {
    /// Throws `.outOfRange` naming `field` when `amount` is negative.
    static func requireNotNegative(_ amount: Money, field: String) throws {
        guard !amount.isNegative else {
            throw RiskMeasureError(.outOfRange, field: field, value: amount.description, "cannot be negative")
        }
    }

    /// Throws `.currencyMismatch` naming `field` unless `amount` is in `currency`.
    static func requireCurrency(_ amount: Money, _ currency: CurrencyCode, field: String) throws {
        guard amount.currency == currency else {
            throw RiskMeasureError(.currencyMismatch, field: field, value: amount.description,
                                   "must be in \(currency); convert amounts to one currency first")
        }
    }

    /// The intervals a model parameter may be required to lie in.
    enum Interval {
        /// 0 < x < 1.
        case openUnit
        /// 0 ≤ x ≤ 1.
        case closedUnit
        /// 0 ≤ x < 1.
        case rightOpenUnit
        /// 0 < x, finite.
        case positive
        /// 0 ≤ x, finite.
        case nonNegative

        func contains(_ x: Double) -> Bool {
            guard x.isFinite else { return false }
            switch self {
            case .openUnit: return x > 0 && x < 1
            case .closedUnit: return x >= 0 && x <= 1
            case .rightOpenUnit: return x >= 0 && x < 1
            case .positive: return x > 0
            case .nonNegative: return x >= 0
            }
        }

        var text: String {
            switch self {
            case .openUnit: return "strictly between 0 and 1"
            case .closedUnit: return "between 0 and 1"
            case .rightOpenUnit: return "at least 0 and below 1"
            case .positive: return "a finite number above 0"
            case .nonNegative: return "a finite number at least 0"
            }
        }
    }

    /// Throws `.outOfRange` naming `field` unless `value` lies in `interval` (NaN and infinities never do).
    static func require(_ value: Double, in interval: Interval, field: String) throws {
        guard interval.contains(value) else {
            throw RiskMeasureError(.outOfRange, field: field, value: String(value), "must be \(interval.text)")
        }
    }
}
