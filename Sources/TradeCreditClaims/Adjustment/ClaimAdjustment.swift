public import TradeCreditModel

/// The dates of a claim: the deadlines it was judged against, and when its loss is established and paid.
///
/// The deadlines are those of the claimed invoice with the oldest due date and of the earliest notification of a
/// claimed invoice (an eligible one when there is one); eligibility judges every invoice against its own.
public struct ClaimDates: Hashable, Sendable, Codable {
    /// The oldest due date of the claimed invoices.
    public let oldestDueDate: CalendarDate
    /// The last day to notify that invoice's overdue.
    public let notificationDeadline: CalendarDate
    /// The earliest notification of a claimed invoice (an eligible one first); `nil` when none was made.
    public let notifiedOn: CalendarDate?
    /// The last day to file after that notification; `nil` without one.
    public let filingDeadline: CalendarDate?
    /// The filing date.
    public let filedOn: CalendarDate
    /// Protracted default or a political cause: the notification + the waiting period; `nil` for an insolvency or
    /// without a notification.
    public let waitingPeriodEnd: CalendarDate?
    /// The loss is established: the insolvency's date, or the end of the waiting period; `nil` when it cannot be yet.
    public let lossEstablished: CalendarDate?
    /// The indemnity is due: the loss established + the indemnity payment days; `nil` for a rejected claim or when the
    /// loss is not established.
    public let paymentDue: CalendarDate?

    public init(oldestDueDate: CalendarDate, notificationDeadline: CalendarDate, notifiedOn: CalendarDate?,
                filingDeadline: CalendarDate?, filedOn: CalendarDate, waitingPeriodEnd: CalendarDate?,
                lossEstablished: CalendarDate?, paymentDue: CalendarDate?) {
        self.oldestDueDate = oldestDueDate
        self.notificationDeadline = notificationDeadline
        self.notifiedOn = notifiedOn
        self.filingDeadline = filingDeadline
        self.filedOn = filedOn
        self.waitingPeriodEnd = waitingPeriodEnd
        self.lossEstablished = lossEstablished
        self.paymentDue = paymentDue
    }
}

/// The decision on a claim, from its indemnity result.
///
/// - **rejected**: nothing of the claim enters the loss (step 1 is zero): no claimed invoice is eligible with an amount
///   outstanding (out of time, disputed, no limit, …), or the cause is political and the policy does not cover it.
///   The reasons are step 1's exclusions, or `nothing_outstanding` when the claimed invoices are paid.
/// - **partlyApproved**: something enters the loss, and part of the claimed amount is not covered: an ineligible
///   invoice, the part above a limit (`above_limit`), or the part beyond the maximum liability left
///   (`maximum_liability_reached`). The reasons are those exclusions.
/// - **approved** otherwise. The policy's own sharing of the loss (VAT not covered, the claims threshold, the insured
///   percentage, the deductible, the aggregate first loss) is not an exclusion: an approved claim may pay zero (it
///   still counts against the aggregate first loss once recorded).
///
/// Each reason's detail starts with the invoice it concerns (`INV-2: …`) when there is one.
public struct ClaimDecision: Hashable, Sendable, Codable {
    /// The three outcomes of a review (the names of the `ClaimState` they lead to).
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case approved, partlyApproved, rejected

        /// The claim state the decision moves the claim to.
        public var state: ClaimState {
            switch self {
            case .approved: .approved
            case .partlyApproved: .partlyApproved
            case .rejected: .rejected
            }
        }
    }

    /// The outcome.
    public let outcome: Outcome
    /// The indemnity payable (zero when rejected).
    public let indemnity: Money
    /// Why not all was approved; empty when approved.
    public let reasons: [ReasonCode]

    /// Exclusions of step 1 that are the policy's sharing of the loss rather than a refusal of cover.
    static let sharingCodes: Set<String> = ["vat_not_covered"]
    /// Exclusions of later steps that refuse part of the claim.
    static let refusingCodes: Set<String> = ["above_limit", "maximum_liability_reached"]

    /// The decision on `result`.
    public init(_ result: IndemnityResult) {
        func reasons(_ exclusions: [IndemnityExclusion]) -> [ReasonCode] {
            exclusions.flatMap { exclusion in
                exclusion.reasons.map { reason in
                    ReasonCode(reason.code, detail: exclusion.invoiceNumber.map { "\($0): \(reason.detail)" } ?? reason.detail)
                }
            }
        }
        let lossExclusions = result.steps[0].exclusions
        if result.loss.isZero {
            let found = reasons(lossExclusions)
            outcome = .rejected
            indemnity = .zero(result.loss.currency)
            self.reasons = found.isEmpty
                ? [ReasonCode("nothing_outstanding", detail: "the claimed invoices have nothing outstanding")] : found
            return
        }
        let refused = lossExclusions.filter { !$0.reasons.contains { Self.sharingCodes.contains($0.code) } }
            + result.steps.dropFirst().flatMap(\.exclusions).filter { $0.reasons.contains { Self.refusingCodes.contains($0.code) } }
        outcome = refused.isEmpty ? .approved : .partlyApproved
        indemnity = result.indemnity
        self.reasons = reasons(refused)
    }
}

/// The adjustment of one claim: every invoice's eligibility, the indemnity with its steps, the dates and the decision.
public struct ClaimAdjustment: Hashable, Sendable, Codable {
    /// The claim.
    public let claimID: ClaimID
    /// The buyer.
    public let buyerID: BuyerID
    /// The cause of loss.
    public let cause: CauseOfLoss
    /// The invoices claimed, in the order the claim names them.
    public let claimedInvoices: [String]
    /// The eligibility of every invoice of the buyer issued by the evaluation date (claimed or not).
    public let eligibility: EligibilityReport
    /// The indemnity of the claimed invoices.
    public let indemnity: IndemnityResult
    /// The dates.
    public let dates: ClaimDates
    /// The decision.
    public let decision: ClaimDecision

    public init(claimID: ClaimID, buyerID: BuyerID, cause: CauseOfLoss, claimedInvoices: [String],
                eligibility: EligibilityReport, indemnity: IndemnityResult, dates: ClaimDates, decision: ClaimDecision) {
        self.claimID = claimID
        self.buyerID = buyerID
        self.cause = cause
        self.claimedInvoices = claimedInvoices
        self.eligibility = eligibility
        self.indemnity = indemnity
        self.dates = dates
        self.decision = decision
    }
}
