import Foundation
import TradeCreditModel

/// Checks shared by the tariffs; each throws a ``TariffError`` naming the field.
enum TariffInput {
    /// An amount that must not be negative.
    static func nonNegative(_ amount: Money, _ field: String) throws {
        guard !amount.isNegative else {
            throw TariffError(.outOfRange, field: field, value: amount.description, "must not be negative")
        }
    }

    /// A rate that must lie in [0, 1].
    static func rate(_ rate: Decimal, _ field: String) throws {
        guard !rate.isNaN, rate >= 0, rate <= 1 else {
            throw TariffError(.outOfRange, field: field, value: "\(rate)", "a rate must lie in [0, 1]")
        }
    }

    /// A count (days, months) that must not be negative.
    static func nonNegative(_ count: Int, _ field: String) throws {
        guard count >= 0 else {
            throw TariffError(.outOfRange, field: field, value: "\(count)", "must not be negative")
        }
    }

    /// Both amounts in one currency.
    static func sameCurrency(_ amount: Money, _ other: Money, _ field: String) throws {
        guard amount.currency == other.currency else {
            throw TariffError(.currencyMismatch, field: field, value: "\(other.currency) vs \(amount.currency)",
                              "must be in the currency of the premium base")
        }
    }

    /// Runs exact money arithmetic, turning a `ModelError` (overflow) into a ``TariffError`` on `field`.
    static func exact<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ModelError {
            throw TariffError(error.code == .currencyMismatch ? .currencyMismatch : .overflow, field: field,
                              value: error.value, error.message)
        }
    }
}
