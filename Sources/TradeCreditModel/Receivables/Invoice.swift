/// An invoice to a buyer: the receivable that the policy insures.
public struct Invoice: Hashable, Sendable, Codable, Identifiable {
    /// The invoice number, unique per seller.
    public let number: String
    /// The buyer invoiced.
    public let buyerID: BuyerID
    /// Delivery (shipment) date: cover, limits and stop-supply are judged on it.
    public let deliveryDate: CalendarDate
    /// Issue date: the payment term runs from it.
    public let issueDate: CalendarDate
    /// Due date.
    public let dueDate: CalendarDate
    /// Amount net of VAT.
    public let netAmount: Money
    /// VAT amount (zero when none).
    public let vatAmount: Money

    /// The invoice number.
    public var id: String { number }

    /// - Throws: ``ModelError`` `.missingValue` for an empty number, `.currencyMismatch` when net and VAT differ in
    ///   currency, `.outOfRange` for negative amounts or a due date before the issue date.
    public init(number: String, buyerID: BuyerID, deliveryDate: CalendarDate, issueDate: CalendarDate,
                dueDate: CalendarDate, netAmount: Money, vatAmount: Money? = nil) throws {
        let trimmed = number.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw ModelError(.missingValue, field: "number", "an invoice needs a number") }
        let vat = vatAmount ?? .zero(netAmount.currency)
        guard vat.currency == netAmount.currency else {
            throw ModelError(.currencyMismatch, field: "vatAmount", value: vat.description,
                             "invoice \(trimmed): VAT must be in the net amount's currency \(netAmount.currency)")
        }
        for (field, amount) in [("netAmount", netAmount), ("vatAmount", vat)] where amount.isNegative {
            throw ModelError(.outOfRange, field: field, value: amount.description,
                             "invoice \(trimmed): amounts cannot be negative (use a credit note)")
        }
        guard dueDate >= issueDate else {
            throw ModelError(.outOfRange, field: "dueDate", value: dueDate.description,
                             "invoice \(trimmed): due before its issue date \(issueDate)")
        }
        self.number = trimmed
        self.buyerID = buyerID
        self.deliveryDate = deliveryDate
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.netAmount = netAmount
        self.vatAmount = vat
    }

    /// The invoice's currency.
    public var currency: CurrencyCode { netAmount.currency }

    /// Net plus VAT.
    public var grossAmount: Money { (try? netAmount + vatAmount) ?? netAmount }

    /// The payment term granted, in days from the issue date to the due date.
    public var paymentTermDays: Int { dueDate.days(since: issueDate) }
}

extension Invoice {
    private enum CodingKeys: String, CodingKey {
        case number, buyerID, deliveryDate, issueDate, dueDate, netAmount, vatAmount
    }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does; an absent
    /// `vatAmount` is zero.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the invoice is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .number) {
            try Invoice(
                number: container.decode(String.self, forKey: .number),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                deliveryDate: container.decode(CalendarDate.self, forKey: .deliveryDate),
                issueDate: container.decode(CalendarDate.self, forKey: .issueDate),
                dueDate: container.decode(CalendarDate.self, forKey: .dueDate),
                netAmount: container.decode(Money.self, forKey: .netAmount),
                vatAmount: container.decodeIfPresent(Money.self, forKey: .vatAmount))
        }
    }
}
