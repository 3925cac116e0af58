public import TradeCreditModel
public import TradeCreditRisk

/// What the host knows of a buyer beyond what the bureaus say: the buyer, its statements and its risk factors.
public struct BuyerProfile: Hashable, Sendable {
    /// The buyer (its identifiers are what the bureaus are asked about).
    public var buyer: Buyer
    /// The buyer's financial statements, when known (one more scoring source, and the equity cap of a limit).
    public var financialStatements: FinancialStatements?
    /// The adjustment factors (country category, payment behaviour, concentration), each optional.
    public var factors: BuyerRiskFactors

    /// A profile of `buyer`, with statements and factors when known.
    public init(_ buyer: Buyer, financialStatements: FinancialStatements? = nil, factors: BuyerRiskFactors = BuyerRiskFactors()) {
        self.buyer = buyer
        self.financialStatements = financialStatements
        self.factors = factors
    }
}

/// A seller's limit request on a buyer, with the buyer's profile: what ``Underwriter/decide(_:on:)`` takes.
public struct LimitApplication: Hashable, Sendable {
    /// The buyer.
    public var profile: BuyerProfile
    /// The request (its amount in any currency the rate provider knows; it is decided in the policy currency).
    public var request: LimitRequest
    /// The decision's id; `nil`: the request's id.
    public var decisionID: LimitID?

    /// An application of `request` on `profile`'s buyer.
    public init(_ profile: BuyerProfile, request: LimitRequest, decisionID: LimitID? = nil) {
        self.profile = profile
        self.request = request
        self.decisionID = decisionID
    }
}
