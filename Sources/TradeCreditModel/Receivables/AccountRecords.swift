/// A payment received from a buyer. Payments go to the oldest outstanding invoice first, insured or not.
public struct Payment: Hashable, Sendable, Codable, Identifiable {
    /// The key of the payment.
    public let id: String
    /// The paying buyer.
    public let buyerID: BuyerID
    /// Value date.
    public let date: CalendarDate
    /// Amount received (positive).
    public let amount: Money
    /// The payer's reference, kept for the record (allocation ignores it).
    public let reference: String?

    /// - Throws: ``ModelError`` `.outOfRange` for an amount that is not positive.
    public init(id: String, buyerID: BuyerID, date: CalendarDate, amount: Money, reference: String? = nil) throws {
        guard amount.isPositive else {
            throw ModelError(.outOfRange, field: "amount", value: amount.description, "payment \(id): must be positive")
        }
        self.id = id
        self.buyerID = buyerID
        self.date = date
        self.amount = amount
        self.reference = reference
    }
}

/// A credit note: it goes to the invoice it names, otherwise like a payment.
public struct CreditNote: Hashable, Sendable, Codable, Identifiable {
    /// The credit note number.
    public let number: String
    /// The buyer credited.
    public let buyerID: BuyerID
    /// Issue date.
    public let date: CalendarDate
    /// Gross amount credited (positive), VAT included.
    public let amount: Money
    /// The invoice it credits, when it names one.
    public let invoiceNumber: String?

    public var id: String { number }

    /// - Throws: `.outOfRange` for an amount that is not positive, `.missingValue` for an empty number.
    public init(number: String, buyerID: BuyerID, date: CalendarDate, amount: Money, invoiceNumber: String? = nil) throws {
        guard !number.trimmingWhitespace().isEmpty else {
            throw ModelError(.missingValue, field: "number", "a credit note needs a number")
        }
        guard amount.isPositive else {
            throw ModelError(.outOfRange, field: "amount", value: amount.description, "credit note \(number): must be positive")
        }
        self.number = number.trimmingWhitespace()
        self.buyerID = buyerID
        self.date = date
        self.amount = amount
        self.invoiceNumber = invoiceNumber
    }
}

/// A dispute raised by a buyer over invoices; a disputed debt waits until the dispute ends.
public struct Dispute: Hashable, Sendable, Codable, Identifiable {
    /// The key of the dispute.
    public let id: String
    /// The buyer disputing.
    public let buyerID: BuyerID
    /// The invoices disputed; empty means the whole account.
    public let invoiceNumbers: [String]
    /// When the dispute was raised.
    public let openedOn: CalendarDate
    /// When it was resolved, if it is.
    public let resolvedOn: CalendarDate?
    /// What the buyer contests.
    public let description: String

    /// - Throws: `.outOfRange` when resolved before it was opened.
    public init(id: String, buyerID: BuyerID, invoiceNumbers: [String] = [], openedOn: CalendarDate,
                resolvedOn: CalendarDate? = nil, description: String = "") throws {
        if let resolvedOn, resolvedOn < openedOn {
            throw ModelError(.outOfRange, field: "resolvedOn", value: resolvedOn.description,
                             "dispute \(id): resolved before it was opened (\(openedOn))")
        }
        self.id = id
        self.buyerID = buyerID
        self.invoiceNumbers = invoiceNumbers
        self.openedOn = openedOn
        self.resolvedOn = resolvedOn
        self.description = description
    }

    /// Whether the dispute is open on `date`.
    public func isOpen(on date: CalendarDate) -> Bool {
        openedOn <= date && (resolvedOn.map { date < $0 } ?? true)
    }

    /// Whether it concerns `invoiceNumber`.
    public func concerns(_ invoiceNumber: String) -> Bool {
        invoiceNumbers.isEmpty || invoiceNumbers.contains(invoiceNumber)
    }
}

/// The seller's notice to the insurer that a buyer has not paid.
public struct OverdueNotification: Hashable, Sendable, Codable, Identifiable {
    /// The key of the notification.
    public let id: String
    /// The buyer in arrears.
    public let buyerID: BuyerID
    /// When the insurer was notified.
    public let notifiedOn: CalendarDate
    /// Amount overdue at notification.
    public let overdueAmount: Money
    /// The invoices overdue.
    public let invoiceNumbers: [String]
    /// The earliest due date among them.
    public let oldestDueDate: CalendarDate

    /// - Throws: `.outOfRange` for a non-positive amount or a notification before the oldest due date.
    public init(id: String, buyerID: BuyerID, notifiedOn: CalendarDate, overdueAmount: Money,
                invoiceNumbers: [String], oldestDueDate: CalendarDate) throws {
        guard overdueAmount.isPositive else {
            throw ModelError(.outOfRange, field: "overdueAmount", value: overdueAmount.description, "must be positive")
        }
        guard notifiedOn >= oldestDueDate else {
            throw ModelError(.outOfRange, field: "notifiedOn", value: notifiedOn.description,
                             "an overdue cannot be notified before the due date \(oldestDueDate)")
        }
        self.id = id
        self.buyerID = buyerID
        self.notifiedOn = notifiedOn
        self.overdueAmount = overdueAmount
        self.invoiceNumbers = invoiceNumbers
        self.oldestDueDate = oldestDueDate
    }
}

/// The kind of insolvency proceedings opened against a buyer.
public enum InsolvencyProceeding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Bankruptcy or compulsory liquidation.
    case liquidation
    /// Reorganisation under court protection (redressement judiciaire, Chapter 11, …).
    case reorganisation
    /// Administration or receivership.
    case administration
    /// A safeguard or preventive procedure.
    case safeguard
    /// A court-approved arrangement with creditors.
    case composition
    /// Another legal proceeding establishing insolvency.
    case other
}

/// A buyer's insolvency, with the date the proceedings opened.
public struct Insolvency: Hashable, Sendable, Codable {
    /// The insolvent buyer.
    public let buyerID: BuyerID
    /// The date proceedings opened (the loss is established then).
    public let date: CalendarDate
    /// The kind of proceedings.
    public let proceeding: InsolvencyProceeding
    /// Court or case reference, when known.
    public let reference: String?

    public init(buyerID: BuyerID, date: CalendarDate, proceeding: InsolvencyProceeding, reference: String? = nil) {
        self.buyerID = buyerID
        self.date = date
        self.proceeding = proceeding
        self.reference = reference
    }
}

// MARK: - Decoding with validation

extension Payment {
    private enum CodingKeys: String, CodingKey { case id, buyerID, date, amount, reference }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the payment is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .amount) {
            try Payment(
                id: container.decode(String.self, forKey: .id),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                date: container.decode(CalendarDate.self, forKey: .date),
                amount: container.decode(Money.self, forKey: .amount),
                reference: container.decodeIfPresent(String.self, forKey: .reference))
        }
    }
}

extension CreditNote {
    private enum CodingKeys: String, CodingKey { case number, buyerID, date, amount, invoiceNumber }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the credit note is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .amount) {
            try CreditNote(
                number: container.decode(String.self, forKey: .number),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                date: container.decode(CalendarDate.self, forKey: .date),
                amount: container.decode(Money.self, forKey: .amount),
                invoiceNumber: container.decodeIfPresent(String.self, forKey: .invoiceNumber))
        }
    }
}

extension Dispute {
    private enum CodingKeys: String, CodingKey { case id, buyerID, invoiceNumbers, openedOn, resolvedOn, description }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does; absent
    /// `invoiceNumbers` means the whole account, an absent `description` is empty.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the dispute is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .resolvedOn) {
            try Dispute(
                id: container.decode(String.self, forKey: .id),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                invoiceNumbers: container.decodeIfPresent([String].self, forKey: .invoiceNumbers) ?? [],
                openedOn: container.decode(CalendarDate.self, forKey: .openedOn),
                resolvedOn: container.decodeIfPresent(CalendarDate.self, forKey: .resolvedOn),
                description: container.decodeIfPresent(String.self, forKey: .description) ?? "")
        }
    }
}

extension OverdueNotification {
    private enum CodingKeys: String, CodingKey {
        case id, buyerID, notifiedOn, overdueAmount, invoiceNumbers, oldestDueDate
    }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the notification is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .notifiedOn) {
            try OverdueNotification(
                id: container.decode(String.self, forKey: .id),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                notifiedOn: container.decode(CalendarDate.self, forKey: .notifiedOn),
                overdueAmount: container.decode(Money.self, forKey: .overdueAmount),
                invoiceNumbers: container.decode([String].self, forKey: .invoiceNumbers),
                oldestDueDate: container.decode(CalendarDate.self, forKey: .oldestDueDate))
        }
    }
}
