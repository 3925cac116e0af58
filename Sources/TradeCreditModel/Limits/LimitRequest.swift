/// The kind of a credit-limit request (after UN/EDIFACT data element 4505).
public enum LimitRequestKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A first limit on a buyer (or a prospect).
    case newLimit
    /// A higher amount on an existing limit.
    case increase
    /// A non-binding assessment before a request.
    case preliminaryAssessment
    /// The seller cancels the limit.
    case cancellation
    /// The seller asks for a lower amount.
    case reduction
    /// Extend an expiring limit.
    case prolongation
}

/// A seller's request for a credit limit on a buyer.
public struct LimitRequest: Hashable, Sendable, Codable, Identifiable {
    /// The key of the request.
    public let id: LimitID
    /// The buyer concerned.
    public let buyerID: BuyerID
    /// What is asked.
    public let kind: LimitRequestKind
    /// The amount asked (zero for a cancellation).
    public let requestedAmount: Money
    /// The date of the request.
    public let requestDate: CalendarDate
    /// The payment terms the seller grants this buyer, in days, when known.
    public let paymentTermsDays: Int?
    /// Expected annual sales to the buyer, when known.
    public let expectedAnnualTurnover: Money?

    /// - Throws: ``ModelError`` `.outOfRange` for a negative amount, a cancellation with a non-zero amount, a
    ///   non-cancellation with a zero amount, negative payment terms; `.currencyMismatch` for a turnover in
    ///   another currency.
    public init(id: LimitID, buyerID: BuyerID, kind: LimitRequestKind, requestedAmount: Money, requestDate: CalendarDate,
                paymentTermsDays: Int? = nil, expectedAnnualTurnover: Money? = nil) throws {
        guard !requestedAmount.isNegative else {
            throw ModelError(.outOfRange, field: "requestedAmount", value: requestedAmount.description, "cannot be negative")
        }
        if kind == .cancellation, !requestedAmount.isZero {
            throw ModelError(.outOfRange, field: "requestedAmount", value: requestedAmount.description,
                             "a cancellation requests a zero amount")
        }
        if kind != .cancellation, requestedAmount.isZero {
            throw ModelError(.outOfRange, field: "requestedAmount", value: requestedAmount.description,
                             "a \(kind.rawValue) request needs a positive amount")
        }
        if let paymentTermsDays, paymentTermsDays < 0 {
            throw ModelError(.outOfRange, field: "paymentTermsDays", value: String(paymentTermsDays), "cannot be negative")
        }
        if let expectedAnnualTurnover, expectedAnnualTurnover.currency != requestedAmount.currency {
            throw ModelError(.currencyMismatch, field: "expectedAnnualTurnover", value: expectedAnnualTurnover.description,
                             "must be in the request's currency \(requestedAmount.currency)")
        }
        self.id = id
        self.buyerID = buyerID
        self.kind = kind
        self.requestedAmount = requestedAmount
        self.requestDate = requestDate
        self.paymentTermsDays = paymentTermsDays
        self.expectedAnnualTurnover = expectedAnnualTurnover
    }
}

extension LimitRequest {
    private enum CodingKeys: String, CodingKey {
        case id, buyerID, kind, requestedAmount, requestDate, paymentTermsDays, expectedAnnualTurnover
    }

    /// Decodes the JSON that `encode(to:)` writes and validates it as the throwing initialiser does.
    /// - Throws: `DecodingError.dataCorrupted` on the offending key when the request is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self = try container.validated(orKey: .requestedAmount) {
            try LimitRequest(
                id: container.decode(LimitID.self, forKey: .id),
                buyerID: container.decode(BuyerID.self, forKey: .buyerID),
                kind: container.decode(LimitRequestKind.self, forKey: .kind),
                requestedAmount: container.decode(Money.self, forKey: .requestedAmount),
                requestDate: container.decode(CalendarDate.self, forKey: .requestDate),
                paymentTermsDays: container.decodeIfPresent(Int.self, forKey: .paymentTermsDays),
                expectedAnnualTurnover: container.decodeIfPresent(Money.self, forKey: .expectedAnnualTurnover))
        }
    }
}
