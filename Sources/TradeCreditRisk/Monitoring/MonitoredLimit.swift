public import TradeCreditModel

/// A limit under monitoring with what is known about its use: the outstanding, the overdue part, the buyer's grade
/// when the limit was granted, and the policy's notice period for a reduction.
///
/// Overdues are given, not derived from invoices: working them out needs payments allocated to the oldest invoice
/// first and credit notes applied (DOMAIN.md §6), which is the claims engine's job, and this engine imports only the
/// model.
public struct MonitoredLimit: Hashable, Sendable {
    /// The limit and its holder.
    public let insured: InsuredLimit
    /// What the buyer owes the policyholder, when known.
    public let outstanding: Money?
    /// The part of it past its due date, when known.
    public let overdue: Money?
    /// The buyer's master-scale grade when the limit was granted, when known.
    public let gradeAtGrant: Int?
    /// The policy's limit reduction notice, in days.
    public let reductionNoticeDays: Int

    /// - Throws: ``RiskMeasureError`` `.currencyMismatch` (field `outstanding` or `overdue`) for an amount not in
    ///   the limit's currency; `.outOfRange` for a negative amount, a grade below 1 (`gradeAtGrant`) or a negative
    ///   notice (`reductionNoticeDays`); `.inconsistent` (field `overdue`) for an overdue above the outstanding.
    public init(insured: InsuredLimit, outstanding: Money? = nil, overdue: Money? = nil, gradeAtGrant: Int? = nil,
                reductionNoticeDays: Int) throws {
        let currency = insured.limit.amount.currency
        for (field, amount) in [("outstanding", outstanding), ("overdue", overdue)] {
            guard let amount else { continue }
            try RiskMeasureError.requireCurrency(amount, currency, field: field)
            try RiskMeasureError.requireNotNegative(amount, field: field)
        }
        if let outstanding, let overdue, try overdue.compare(to: outstanding) > 0 {
            throw RiskMeasureError(.inconsistent, field: "overdue", value: overdue.description,
                                   "the overdue cannot exceed the outstanding (\(outstanding))")
        }
        if let gradeAtGrant { try BuyerGrade.requireGrade(gradeAtGrant, field: "gradeAtGrant") }
        guard reductionNoticeDays >= 0 else {
            throw RiskMeasureError(.outOfRange, field: "reductionNoticeDays", value: String(reductionNoticeDays),
                                   "a notice period cannot be negative")
        }
        self.insured = insured
        self.outstanding = outstanding
        self.overdue = overdue
        self.gradeAtGrant = gradeAtGrant
        self.reductionNoticeDays = reductionNoticeDays
    }

    /// A monitored limit under `terms` (its `limitReductionNoticeDays`). - Throws: as the main initialiser.
    public init(insured: InsuredLimit, outstanding: Money? = nil, overdue: Money? = nil, gradeAtGrant: Int? = nil,
                terms: PolicyTerms) throws {
        try self.init(insured: insured, outstanding: outstanding, overdue: overdue, gradeAtGrant: gradeAtGrant,
                      reductionNoticeDays: terms.limitReductionNoticeDays)
    }
}
