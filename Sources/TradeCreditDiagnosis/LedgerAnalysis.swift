import Foundation
import TradeCreditModel

/// One buyer's own figures from the ledger, in the reporting currency.
struct BuyerLedgerFigures {
    let buyer: LedgerBuyer
    /// Σ its invoices, converted.
    let sales: Money
    /// Its share of total sales.
    let share: Decimal
    /// Its amount-weighted payment terms, in days.
    let weightedTermsDays: Decimal
    /// Its amount-weighted days beyond terms over its measurable invoices; `nil` when none is measurable.
    let weightedDaysBeyondTerms: Decimal?
}

/// What the cost/benefit table needs from the ledger beyond the indicators.
struct LedgerAnalysis {
    let indicators: DiagnosisIndicators
    /// Each invoiced buyer, in the order of its first invoice in the ledger.
    let buyers: [BuyerLedgerFigures]
    /// Days from the earliest invoice to the evaluation date (at least 1): the period the sales were made in.
    let periodDays: Int
}
