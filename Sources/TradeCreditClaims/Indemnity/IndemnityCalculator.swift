public import TradeCreditModel

/// Computes the indemnity of a claim under a policy (DOMAIN.md §6, "Amount"): the loss, then the policy's steps in
/// their order (`PolicyTerms.indemnitySteps`).
///
/// Amounts stay exact; a percentage step rounds once to minor units (``IndemnitySettings/percentageRounding``).
/// The calculation reads the policy-year ledger and changes nothing: record an approved result with
/// ``PolicyYearLedger/record(_:)``.
public struct IndemnityCalculator: Sendable {
    /// The policy.
    public let terms: PolicyTerms
    /// Choices the terms do not hold.
    public let settings: IndemnitySettings
    /// The premium of each policy year, for a maximum liability that is a multiple of it.
    public let annualPremiums: [Int: Money]

    public init(terms: PolicyTerms, settings: IndemnitySettings = .init(), annualPremiums: [Int: Money] = [:]) {
        self.terms = terms
        self.settings = settings
        self.annualPremiums = annualPremiums
    }

    /// The same premium for every policy year.
    public init(terms: PolicyTerms, settings: IndemnitySettings = .init(), annualPremium: Money) {
        let years = (terms.policyYear(of: terms.period.end) ?? 1)
        self.init(terms: terms, settings: settings,
                  annualPremiums: Dictionary(uniqueKeysWithValues: (1...max(1, years)).map { ($0, annualPremium) }))
    }

    /// The indemnity of `claim`, given the policy year's aggregates so far.
    /// - Parameters:
    ///   - claim: the claim's key, cause, filing date and invoices.
    ///   - ledger: the policy's aggregates so far, year by year (not changed: record the result in it).
    ///   - rates: needed when an invoice or limit is in another currency than the policy's.
    /// - Throws: ``IndemnityError`` `.missingValue` (no rate table for a foreign amount, no premium for a maximum
    ///   liability that is a multiple of it), `.inconsistent` (a ledger of another policy), `.outOfRange` (an eligible
    ///   delivery outside the policy period); `ModelError` from a conversion.
    public func indemnity(for claim: IndemnityClaim, ledger: PolicyYearLedger, rates: RateTable? = nil) throws
        -> IndemnityResult {
        guard ledger.policyID == terms.policyID, ledger.currency == terms.currency else {
            throw IndemnityError(.inconsistent, field: "ledger", value: ledger.policyID.rawValue,
                                 "the ledger is not the one of policy \(terms.policyID) in \(terms.currency)")
        }
        let basis = try LossBasis(claim: claim, terms: terms, settings: settings, rates: rates)
        let year = try policyYear(of: basis.entries)
        let account = year.map { ledger.account(year: $0) } ?? PolicyYearAccount(year: 0, currency: terms.currency)
        var context = StepContext(basis: basis, cause: claim.cause, year: year, before: account.totals)
        var records = [basis.record]
        for step in terms.indemnitySteps {
            let input = records[records.count - 1].output
            let (output, exclusions) = try apply(step, to: input, context: &context)
            records.append(IndemnityStepRecord(stage: .step(step), input: input, output: output, exclusions: exclusions))
        }
        return IndemnityResult(claimID: claim.id, cause: claim.cause, policyYear: year, steps: records,
                               conversions: basis.conversions, yearBefore: account.totals,
                               aggregateFirstLossAbsorbed: context.absorbed, rulesVersion: TradeCreditClaims.rulesVersion)
    }

    /// A claim belongs to the policy year of its earliest eligible delivery.
    private func policyYear(of entries: [LossBasis.Entry]) throws -> Int? {
        guard let earliest = entries.map(\.deliveryDate).min() else { return nil }
        guard let year = terms.policyYear(of: earliest) else {
            throw IndemnityError(.outOfRange, field: "deliveryDate", value: earliest.description,
                                 "an eligible delivery outside the policy period \(terms.period.start)…\(terms.period.end)")
        }
        return year
    }

    /// What one step needs besides its input.
    private struct StepContext {
        let basis: LossBasis
        let cause: CauseOfLoss
        let year: Int?
        let before: PolicyYearTotals
        var absorbed: Money
        init(basis: LossBasis, cause: CauseOfLoss, year: Int?, before: PolicyYearTotals) {
            self.basis = basis
            self.cause = cause
            self.year = year
            self.before = before
            self.absorbed = .zero(basis.record.output.currency)
        }
    }

    private func apply(_ step: IndemnityStep, to input: Money, context: inout StepContext) throws
        -> (Money, [IndemnityExclusion]) {
        let zero = Money.zero(terms.currency)
        func taken(_ output: Money, _ code: String, _ detail: String) throws -> (Money, [IndemnityExclusion]) {
            let amount = try input - output
            return (output, amount.isZero ? [] : [IndemnityExclusion(amount: amount, reasons: [ReasonCode(code, detail: detail)])])
        }
        switch step {
        case .limitCap:
            let cap = try LimitCap(entries: context.basis.entries, currency: terms.currency)
            let output = try Money.min(input, cap.covered)
            // Per-invoice excess when the cap applies to the loss itself; one amount when the policy moved it later.
            if input == context.basis.record.output { return (output, cap.excess) }
            return try taken(output, "above_limit", "the limits cover \(cap.covered)")
        case .claimsThreshold:
            let atOrUnder = try input.compare(to: terms.claimsThreshold) <= 0
            return try taken(atOrUnder ? zero : input, "at_or_under_claims_threshold",
                             "claims threshold \(terms.claimsThreshold)")
        case .insuredPercentage:
            let political = context.cause.isPolitical
            let percentage = political ? terms.politicalRisk.insuredPercentage : terms.insuredPercentage
            let output = try input.multiplied(by: percentage).rounded(settings.percentageRounding)
            return try taken(output, "uninsured_percentage",
                             "\(political ? "political-risk " : "")insured percentage \(percentage)")
        case .deductible:
            let output = try Money.max(zero, input - terms.deductiblePerClaim)
            return try taken(output, "deductible", "deductible per claim \(terms.deductiblePerClaim)")
        case .aggregateFirstLoss:
            let left = try Money.max(zero, terms.aggregateFirstLoss - context.before.aggregateFirstLossAbsorbed)
            context.absorbed = try Money.min(input, left)
            return try taken(input - context.absorbed, "aggregate_first_loss",
                             "aggregate first loss \(terms.aggregateFirstLoss), \(left) left in the policy year")
        case .maximumLiability:
            guard let year = context.year else { return (input, []) }
            let maximum = try maximumLiability(year: year)
            let left = try Money.max(zero, maximum - context.before.indemnities)
            return try taken(Money.min(input, left), "maximum_liability_reached",
                             "maximum liability \(maximum), \(left) left in policy year \(year)")
        }
    }

    /// The maximum liability of `year`: absolute, or the year's premium × the multiple (rounded half up once).
    private func maximumLiability(year: Int) throws -> Money {
        switch terms.maximumLiability {
        case .absolute(let amount):
            return amount
        case .multipleOfPremium(let multiple):
            guard let premium = annualPremiums[year] else {
                throw IndemnityError(.missingValue, field: "annualPremiums", value: String(year),
                                     "the maximum liability is \(multiple) × the premium: the premium of year \(year) is needed")
            }
            return try premium.multiplied(by: multiple).rounded(.halfUp)
        }
    }
}
