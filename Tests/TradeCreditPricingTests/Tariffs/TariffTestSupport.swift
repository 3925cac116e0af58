import Foundation
import Testing
import TradeCreditModel
import TradeCreditPricing

/// An exact euro amount from text (`"1234.50"`).
func eur(_ text: String) throws -> Money { try Money(parsing: text, currency: .EUR) }

/// An exact euro amount with more decimals than cents (an unrounded figure of a formula).
func exactEUR(_ text: String) throws -> Money { try Money(parsing: text, currency: .EUR, strict: false) }

/// An exact decimal from text.
func dec(_ text: String) -> Decimal { Decimal(string: text)! }

/// A date from `YYYY-MM-DD`.
func day(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

/// Expects `body` to throw a ``TariffError`` with `code` on `field`.
func expectTariffError(_ code: TariffError.Code, field: String, sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(code) on \(field), nothing thrown", sourceLocation: sourceLocation)
    } catch let error as TariffError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected TariffError, got \(error)", sourceLocation: sourceLocation)
    }
}
