public import TradeCreditModel

/// A claim as the insured files it: its key, its cause, its filing date and the invoices it names.
public struct ClaimFiling: Hashable, Sendable, Codable {
    /// The claim.
    public let id: ClaimID
    /// The cause of loss.
    public let cause: CauseOfLoss
    /// The filing date: eligibility judges the filing deadline on it, and foreign invoices are converted at it.
    public let filedOn: CalendarDate
    /// The invoices claimed, in the order given (at least one, each once).
    public let invoiceNumbers: [String]
    /// For an insolvency: the date the loss was established (proceedings opened, the debt admitted).
    public let insolvencyEstablished: CalendarDate?

    /// - Throws: `ModelError` `.missingValue` for no invoice or an insolvency without its date, `.inconsistent` for
    ///   an invoice named twice.
    public init(id: ClaimID, cause: CauseOfLoss, filedOn: CalendarDate, invoiceNumbers: [String],
                insolvencyEstablished: CalendarDate? = nil) throws {
        guard !invoiceNumbers.isEmpty else {
            throw ModelError(.missingValue, field: "invoiceNumbers", "claim \(id): names no invoice")
        }
        var seen: Set<String> = []
        for number in invoiceNumbers where !seen.insert(number).inserted {
            throw ModelError(.inconsistent, field: "invoiceNumbers", value: number, "claim \(id): names an invoice twice")
        }
        if cause == .insolvency, insolvencyEstablished == nil {
            throw ModelError(.missingValue, field: "insolvencyEstablished",
                             "claim \(id): an insolvency needs the date its loss was established")
        }
        self.id = id
        self.cause = cause
        self.filedOn = filedOn
        self.invoiceNumbers = invoiceNumbers
        self.insolvencyEstablished = insolvencyEstablished
    }

    private enum CodingKeys: String, CodingKey { case id, cause, filedOn, invoiceNumbers, insolvencyEstablished }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(ClaimID.self, forKey: .id)
        let cause = try container.decode(CauseOfLoss.self, forKey: .cause)
        let filedOn = try container.decode(CalendarDate.self, forKey: .filedOn)
        let numbers = try container.decode([String].self, forKey: .invoiceNumbers)
        let established = try container.decodeIfPresent(CalendarDate.self, forKey: .insolvencyEstablished)
        do {
            try self.init(id: id, cause: cause, filedOn: filedOn, invoiceNumbers: numbers,
                          insolvencyEstablished: established)
        } catch let error as ModelError {
            let key = error.field.flatMap(CodingKeys.init(stringValue:)) ?? .invoiceNumbers
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: error.description)
        }
    }
}

/// Everything the adjustment of one claim reads: the buyer, its account's records, its limits, the overdue
/// notifications, the claim, the evaluation date, and the policy year so far.
public struct ClaimCase: Hashable, Sendable, Codable {
    /// The buyer.
    public var buyer: Buyer
    /// The buyer's limits, reductions and withdrawals (a reduction is a limit with its effective date).
    public var limits: [CreditLimit]
    /// The buyer's invoices.
    public var invoices: [Invoice]
    /// Payments received.
    public var payments: [Payment]
    /// Credit notes issued.
    public var creditNotes: [CreditNote]
    /// Disputes raised.
    public var disputes: [Dispute]
    /// Overdue notifications.
    public var notifications: [OverdueNotification]
    /// The claim.
    public var claim: ClaimFiling
    /// The evaluation date: records dated after it are ignored (on or after the filing date).
    public var evaluationDate: CalendarDate
    /// What the claim's policy year had absorbed and paid before this claim (default: nothing).
    public var policyYearTotals: PolicyYearTotals?
    /// The annual premium, needed when the maximum liability is a multiple of it.
    public var annualPremium: Money?

    public init(buyer: Buyer, limits: [CreditLimit], invoices: [Invoice], payments: [Payment] = [],
                creditNotes: [CreditNote] = [], disputes: [Dispute] = [], notifications: [OverdueNotification] = [],
                claim: ClaimFiling, evaluationDate: CalendarDate, policyYearTotals: PolicyYearTotals? = nil,
                annualPremium: Money? = nil) {
        self.buyer = buyer
        self.limits = limits
        self.invoices = invoices
        self.payments = payments
        self.creditNotes = creditNotes
        self.disputes = disputes
        self.notifications = notifications
        self.claim = claim
        self.evaluationDate = evaluationDate
        self.policyYearTotals = policyYearTotals
        self.annualPremium = annualPremium
    }

    private enum CodingKeys: String, CodingKey {
        case buyer, limits, invoices, payments, creditNotes, disputes, notifications, claim, evaluationDate,
             policyYearTotals, annualPremium
    }

    /// Decodes a case; the lists of payments, credit notes, disputes and notifications may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(buyer: try container.decode(Buyer.self, forKey: .buyer),
                  limits: try container.decode([CreditLimit].self, forKey: .limits),
                  invoices: try container.decode([Invoice].self, forKey: .invoices),
                  payments: try container.decodeIfPresent([Payment].self, forKey: .payments) ?? [],
                  creditNotes: try container.decodeIfPresent([CreditNote].self, forKey: .creditNotes) ?? [],
                  disputes: try container.decodeIfPresent([Dispute].self, forKey: .disputes) ?? [],
                  notifications: try container.decodeIfPresent([OverdueNotification].self, forKey: .notifications) ?? [],
                  claim: try container.decode(ClaimFiling.self, forKey: .claim),
                  evaluationDate: try container.decode(CalendarDate.self, forKey: .evaluationDate),
                  policyYearTotals: try container.decodeIfPresent(PolicyYearTotals.self, forKey: .policyYearTotals),
                  annualPremium: try container.decodeIfPresent(Money.self, forKey: .annualPremium))
    }
}
