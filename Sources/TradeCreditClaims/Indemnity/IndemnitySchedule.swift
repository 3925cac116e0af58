public import TradeCreditModel

/// When a loss is established and when its indemnity is due (DOMAIN.md §6, "When").
///
/// Insolvency: the loss is established on the date given (proceedings opened, the debt admitted). Protracted default,
/// and a political cause (a choice: DOMAIN.md names no other rule): notification date + the waiting period. The
/// indemnity is due the policy's indemnity payment days after the loss is established.
public struct IndemnitySchedule: Hashable, Sendable, Codable {
    /// The date the loss is established.
    public let lossEstablished: CalendarDate
    /// The date the indemnity is due.
    public let paymentDue: CalendarDate

    /// The schedule of a claim.
    /// - Parameters:
    ///   - cause: the cause of loss: an insolvency's loss is established on its date, any other's after the waiting
    ///     period.
    ///   - notified: the overdue notification date (the waiting period counts from it).
    ///   - insolvencyEstablished: for an insolvency, the date the loss was established.
    ///   - terms: the policy, for its waiting period and indemnity payment days.
    /// - Throws: ``IndemnityError`` `.missingValue` for an insolvency without its date; `ModelError` `.invalidDate`
    ///   past the supported calendar.
    public init(cause: CauseOfLoss, notified: CalendarDate, insolvencyEstablished: CalendarDate? = nil,
                terms: PolicyTerms) throws {
        switch cause {
        case .insolvency:
            guard let insolvencyEstablished else {
                throw IndemnityError(.missingValue, field: "insolvencyEstablished",
                                     "an insolvency needs the date its loss was established")
            }
            lossEstablished = insolvencyEstablished
        case .protractedDefault, .transferRestriction, .moratorium, .war, .importLicenceCancelled:
            lossEstablished = try notified.adding(days: terms.waitingPeriodDays)
        }
        paymentDue = try lossEstablished.adding(days: terms.indemnityPaymentDays)
    }
}
