/// A buyer as the buyers file describes it: the buyer itself and what the seller wants covered on it.
public struct BuyerRecord: Hashable, Sendable, Codable {
    /// The buyer.
    public let buyer: Buyer
    /// The credit limit the seller asks for, when given.
    public let requestedLimit: Money?
    /// The payment terms granted to the buyer, in days, when given.
    public let paymentTermsDays: Int?
    /// Expected annual sales to the buyer, when given.
    public let expectedAnnualTurnover: Money?

    public init(buyer: Buyer, requestedLimit: Money? = nil, paymentTermsDays: Int? = nil, expectedAnnualTurnover: Money? = nil) {
        self.buyer = buyer
        self.requestedLimit = requestedLimit
        self.paymentTermsDays = paymentTermsDays
        self.expectedAnnualTurnover = expectedAnnualTurnover
    }
}
