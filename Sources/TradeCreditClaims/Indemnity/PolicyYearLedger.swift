public import TradeCreditModel

/// One claim's share of a policy year's aggregates, in approval order.
public struct PolicyYearEntry: Hashable, Sendable, Codable {
    /// The claim.
    public let claimID: ClaimID
    /// What the aggregate first loss absorbed of it.
    public let aggregateFirstLossAbsorbed: Money
    /// Its indemnity, counted against the maximum liability.
    public let indemnity: Money
}

/// A policy year's aggregates: the aggregate first loss the seller has borne, and the indemnities counted against the
/// maximum liability, claim after claim in approval order.
public struct PolicyYearAccount: Hashable, Sendable, Codable {
    /// The policy year (1-based).
    public let year: Int
    /// The claims recorded, in approval order.
    public private(set) var entries: [PolicyYearEntry]
    /// The totals so far.
    public private(set) var totals: PolicyYearTotals

    /// An empty account.
    public init(year: Int, currency: CurrencyCode) {
        self.year = year
        self.entries = []
        self.totals = PolicyYearTotals(aggregateFirstLossAbsorbed: .zero(currency), indemnities: .zero(currency))
    }

    /// An account opened with totals carried from elsewhere (claims recorded before this ledger was kept).
    init(year: Int, opening totals: PolicyYearTotals) {
        self.year = year
        self.entries = []
        self.totals = totals
    }

    mutating func append(_ entry: PolicyYearEntry) throws {
        entries.append(entry)
        totals = PolicyYearTotals(
            aggregateFirstLossAbsorbed: try totals.aggregateFirstLossAbsorbed + entry.aggregateFirstLossAbsorbed,
            indemnities: try totals.indemnities + entry.indemnity)
    }
}

/// The aggregate first loss and maximum liability of a policy, year by year: a value the host stores and passes to
/// each indemnity calculation, then records the approved result in.
///
/// Recording checks that the result was computed against the ledger as it is now, so that claims are absorbed in
/// the order they are approved, and refuses a claim already recorded.
public struct PolicyYearLedger: Hashable, Sendable, Codable {
    /// The policy.
    public let policyID: PolicyID
    /// The policy currency.
    public let currency: CurrencyCode
    /// The years with recorded claims, in year order.
    public private(set) var accounts: [PolicyYearAccount]

    /// An empty ledger for the policy of `terms`.
    public init(terms: PolicyTerms) {
        self.policyID = terms.policyID
        self.currency = terms.currency
        self.accounts = []
    }

    /// A ledger opened with each year's totals so far (claims approved before this ledger was kept).
    /// - Throws: ``IndemnityError`` `.inconsistent` for totals in another currency than the policy's.
    public init(terms: PolicyTerms, opening: [Int: PolicyYearTotals]) throws {
        self.init(terms: terms)
        for (year, totals) in opening.sorted(by: { $0.key < $1.key }) {
            for (field, amount) in [("aggregateFirstLossAbsorbed", totals.aggregateFirstLossAbsorbed),
                                    ("indemnities", totals.indemnities)] where amount.currency != currency {
                throw IndemnityError(.inconsistent, field: field, value: amount.description,
                                     "policy year \(year): must be in the policy currency \(currency)")
            }
            accounts.append(PolicyYearAccount(year: year, opening: totals))
        }
    }

    /// The account of `year` (empty when nothing is recorded).
    public func account(year: Int) -> PolicyYearAccount {
        accounts.first { $0.year == year } ?? PolicyYearAccount(year: year, currency: currency)
    }

    /// Records an approved result in its policy year.
    /// - Throws: ``IndemnityError`` `.inconsistent` when the claim is already recorded, or the result was computed
    ///   against other totals than the ledger's now (compute it again); a result with no policy year (nothing
    ///   eligible) changes nothing.
    public mutating func record(_ result: IndemnityResult) throws {
        guard let year = result.policyYear else { return }
        var account = account(year: year)
        guard !account.entries.contains(where: { $0.claimID == result.claimID }) else {
            throw IndemnityError(.inconsistent, field: "claimID", value: result.claimID.rawValue,
                                 "claim already recorded in policy year \(year)")
        }
        guard account.totals == result.yearBefore else {
            throw IndemnityError(.inconsistent, field: "yearBefore", value: result.claimID.rawValue,
                                 "the result was computed against other policy-year totals; compute it again")
        }
        try account.append(PolicyYearEntry(claimID: result.claimID,
                                           aggregateFirstLossAbsorbed: result.aggregateFirstLossAbsorbed,
                                           indemnity: result.indemnity))
        accounts.removeAll { $0.year == year }
        accounts.append(account)
        accounts.sort { $0.year < $1.year }
    }
}
