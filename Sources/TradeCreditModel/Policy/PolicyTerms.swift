public import Foundation

/// The terms of a trade credit insurance policy: every parameter the engines read, with the typical values of the
/// market available as a preset (``typical(policyID:currency:period:)``), each overridable.
///
/// Fractions are `Decimal` (0.90 for 90%) and JSON numbers; amounts are ``Money`` in the policy currency.
/// ``validate()`` checks every field and names the one that is wrong.
public struct PolicyTerms: Hashable, Sendable, Codable {
    /// Policy number.
    public var policyID: PolicyID
    /// The policy currency: limits, thresholds, premium and indemnities are in it.
    public var currency: CurrencyCode
    /// Start and end dates of the policy (both included).
    public var period: DatePeriod
    /// Length of a policy year in months, for aggregates (AFL, maximum liability). Default 12.
    public var policyYearMonths: Int

    /// Share of an eligible loss the insurer pays (0.90).
    public var insuredPercentage: Decimal
    /// Longest payment term covered without the insurer's consent, in days (120).
    public var maximumCreditPeriodDays: Int
    /// How long after the due date deliveries stay covered while an invoice is unpaid (MEP), in days (60).
    public var maximumExtensionPeriodDays: Int
    /// Deadline to notify an overdue, in days after ``overdueNotificationAnchor`` (30).
    public var overdueNotificationDays: Int
    /// What the notification deadline counts from (the end of the MEP).
    public var overdueNotificationAnchor: NotificationAnchor
    /// Deadline to file the claim, in days after the notification (60).
    public var claimFilingDays: Int
    /// Protracted default: the loss is established this many days after the notification (150).
    public var waitingPeriodDays: Int
    /// The insurer pays within this many days after the loss is established (30).
    public var indemnityPaymentDays: Int
    /// A limit reduction or withdrawal applies to deliveries made this many days after its notice (30).
    public var limitReductionNoticeDays: Int

    /// The most a seller may self-approve per buyer (discretionary limit); `nil` when the policy allows none.
    public var discretionaryLimitCeiling: Money?
    /// A discretionary limit needs a bureau report at most this old, in days (365: "under 12 months").
    public var discretionaryReportMaxAgeDays: Int
    /// Claims threshold (non-qualifying loss): a capped loss at or below it is not paid.
    public var claimsThreshold: Money
    /// Deductible per claim, borne by the seller.
    public var deductiblePerClaim: Money
    /// Aggregate first loss: the first part of a policy year's losses borne by the seller.
    public var aggregateFirstLoss: Money
    /// Cap on all indemnities of a policy year.
    public var maximumLiability: MaximumLiability

    /// Buyer categories the policy covers (business only by default).
    public var coveredBuyerCategories: Set<BuyerCategory>
    /// Countries where buyers are covered.
    public var territory: Territory
    /// Whether VAT is insured (normally not).
    public var vatCovered: Bool
    /// Political risk cover for exporters.
    public var politicalRisk: PoliticalRiskCover

    /// How the premium is computed.
    public var premium: PremiumTerms
    /// Parameters of the risk-based price.
    public var pricing: PricingParameters
    /// Parameters of credit-limit decisions.
    public var underwriting: UnderwritingParameters
    /// The order in which the indemnity steps apply (the default of the domain rules).
    public var indemnitySteps: [IndemnityStep]

    /// Creates terms with every field given. Prefer ``typical(policyID:currency:period:)`` and override fields.
    public init(policyID: PolicyID, currency: CurrencyCode, period: DatePeriod, policyYearMonths: Int = 12,
                insuredPercentage: Decimal, maximumCreditPeriodDays: Int, maximumExtensionPeriodDays: Int,
                overdueNotificationDays: Int, overdueNotificationAnchor: NotificationAnchor, claimFilingDays: Int,
                waitingPeriodDays: Int, indemnityPaymentDays: Int, limitReductionNoticeDays: Int,
                discretionaryLimitCeiling: Money?, discretionaryReportMaxAgeDays: Int, claimsThreshold: Money,
                deductiblePerClaim: Money, aggregateFirstLoss: Money, maximumLiability: MaximumLiability,
                coveredBuyerCategories: Set<BuyerCategory>, territory: Territory, vatCovered: Bool,
                politicalRisk: PoliticalRiskCover, premium: PremiumTerms, pricing: PricingParameters,
                underwriting: UnderwritingParameters, indemnitySteps: [IndemnityStep] = IndemnityStep.defaultOrder) {
        self.policyID = policyID
        self.currency = currency
        self.period = period
        self.policyYearMonths = policyYearMonths
        self.insuredPercentage = insuredPercentage
        self.maximumCreditPeriodDays = maximumCreditPeriodDays
        self.maximumExtensionPeriodDays = maximumExtensionPeriodDays
        self.overdueNotificationDays = overdueNotificationDays
        self.overdueNotificationAnchor = overdueNotificationAnchor
        self.claimFilingDays = claimFilingDays
        self.waitingPeriodDays = waitingPeriodDays
        self.indemnityPaymentDays = indemnityPaymentDays
        self.limitReductionNoticeDays = limitReductionNoticeDays
        self.discretionaryLimitCeiling = discretionaryLimitCeiling
        self.discretionaryReportMaxAgeDays = discretionaryReportMaxAgeDays
        self.claimsThreshold = claimsThreshold
        self.deductiblePerClaim = deductiblePerClaim
        self.aggregateFirstLoss = aggregateFirstLoss
        self.maximumLiability = maximumLiability
        self.coveredBuyerCategories = coveredBuyerCategories
        self.territory = territory
        self.vatCovered = vatCovered
        self.politicalRisk = politicalRisk
        self.premium = premium
        self.pricing = pricing
        self.underwriting = underwriting
        self.indemnitySteps = indemnitySteps
    }

    /// The typical terms of the market (DOMAIN.md §2), in `currency`:
    /// insured 90%, maximum credit period 120 days, MEP 60 days, notification 30 days after the MEP, claim filing 60
    /// days, waiting period 150 days, payment 30 days, reduction notice 30 days, discretionary ceiling 20,000,
    /// claims threshold 1,000, no deductible, AFL 20,000, maximum liability 30 × premium, business buyers only, all
    /// countries, VAT not covered, political risk not covered (95% when it is), and the pricing and underwriting
    /// presets of ``PricingParameters/typical(currency:)`` and ``UnderwritingParameters/typical(currency:)``.
    public static func typical(policyID: PolicyID = "POLICY-1", currency: CurrencyCode, period: DatePeriod) -> PolicyTerms {
        PolicyTerms(
            policyID: policyID, currency: currency, period: period,
            insuredPercentage: Decimal(string: "0.90")!, maximumCreditPeriodDays: 120, maximumExtensionPeriodDays: 60,
            overdueNotificationDays: 30, overdueNotificationAnchor: .endOfMaximumExtensionPeriod, claimFilingDays: 60,
            waitingPeriodDays: 150, indemnityPaymentDays: 30, limitReductionNoticeDays: 30,
            discretionaryLimitCeiling: Money(units: 20_000, currency), discretionaryReportMaxAgeDays: 365,
            claimsThreshold: Money(units: 1_000, currency), deductiblePerClaim: .zero(currency),
            aggregateFirstLoss: Money(units: 20_000, currency), maximumLiability: .multipleOfPremium(30),
            coveredBuyerCategories: [.business], territory: .worldwide, vatCovered: false,
            politicalRisk: PoliticalRiskCover(isCovered: false, insuredPercentage: Decimal(string: "0.95")!),
            premium: PremiumTerms(basis: .riskBased), pricing: .typical(currency: currency),
            underwriting: .typical(currency: currency))
    }

    /// Encodes every term; the set of buyer categories is written sorted, so that the JSON is the same in every
    /// process. Decoding is synthesized from the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(policyID, forKey: .policyID)
        try container.encode(currency, forKey: .currency)
        try container.encode(period, forKey: .period)
        try container.encode(policyYearMonths, forKey: .policyYearMonths)
        try container.encode(insuredPercentage, forKey: .insuredPercentage)
        try container.encode(maximumCreditPeriodDays, forKey: .maximumCreditPeriodDays)
        try container.encode(maximumExtensionPeriodDays, forKey: .maximumExtensionPeriodDays)
        try container.encode(overdueNotificationDays, forKey: .overdueNotificationDays)
        try container.encode(overdueNotificationAnchor, forKey: .overdueNotificationAnchor)
        try container.encode(claimFilingDays, forKey: .claimFilingDays)
        try container.encode(waitingPeriodDays, forKey: .waitingPeriodDays)
        try container.encode(indemnityPaymentDays, forKey: .indemnityPaymentDays)
        try container.encode(limitReductionNoticeDays, forKey: .limitReductionNoticeDays)
        try container.encodeIfPresent(discretionaryLimitCeiling, forKey: .discretionaryLimitCeiling)
        try container.encode(discretionaryReportMaxAgeDays, forKey: .discretionaryReportMaxAgeDays)
        try container.encode(claimsThreshold, forKey: .claimsThreshold)
        try container.encode(deductiblePerClaim, forKey: .deductiblePerClaim)
        try container.encode(aggregateFirstLoss, forKey: .aggregateFirstLoss)
        try container.encode(maximumLiability, forKey: .maximumLiability)
        try container.encode(coveredBuyerCategories.sorted { $0.rawValue < $1.rawValue }, forKey: .coveredBuyerCategories)
        try container.encode(territory, forKey: .territory)
        try container.encode(vatCovered, forKey: .vatCovered)
        try container.encode(politicalRisk, forKey: .politicalRisk)
        try container.encode(premium, forKey: .premium)
        try container.encode(pricing, forKey: .pricing)
        try container.encode(underwriting, forKey: .underwriting)
        try container.encode(indemnitySteps, forKey: .indemnitySteps)
    }

    /// Whether the policy covers a buyer of this category in this country (related parties are never covered).
    public func covers(_ buyer: Buyer) -> Bool {
        !buyer.isRelatedParty && coveredBuyerCategories.contains(buyer.category) && territory.contains(buyer.country)
    }

    /// The policy year (1-based) that `date` falls in, or `nil` outside the policy period.
    public func policyYear(of date: CalendarDate) -> Int? {
        guard period.contains(date) else { return nil }
        var year = 1
        var start = period.start
        while let next = try? start.adding(months: policyYearMonths), next <= date {
            year += 1
            start = next
        }
        return year
    }
}

/// What the overdue notification deadline counts from.
public enum NotificationAnchor: String, Sendable, Hashable, Codable, CaseIterable {
    /// The invoice's due date.
    case dueDate
    /// The end of the maximum extension period (due date + MEP).
    case endOfMaximumExtensionPeriod
}

/// The cap on a policy year's indemnities.
public enum MaximumLiability: Hashable, Sendable {
    /// A fixed amount in the policy currency.
    case absolute(Money)
    /// A multiple of the policy year's premium (30 × premium is typical).
    case multipleOfPremium(Decimal)
}

extension MaximumLiability: Codable {
    private enum CodingKeys: String, CodingKey { case amount, multipleOfPremium }

    /// JSON: `{"amount":{"amount":"1000000.00","currency":"EUR"}}` or `{"multipleOfPremium":30}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let amount = try container.decodeIfPresent(Money.self, forKey: .amount) {
            self = .absolute(amount)
        } else if let multiple = try container.decodeIfPresent(Decimal.self, forKey: .multipleOfPremium) {
            self = .multipleOfPremium(multiple)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "maximumLiability needs \"amount\" or \"multipleOfPremium\""))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .absolute(let amount): try container.encode(amount, forKey: .amount)
        case .multipleOfPremium(let multiple): try container.encode(multiple, forKey: .multipleOfPremium)
        }
    }
}

/// The countries where the policy covers buyers.
public struct Territory: Hashable, Sendable, Codable {
    /// When set, only these countries are covered.
    public var onlyCountries: Set<CountryCode>?
    /// Countries never covered (applied after ``onlyCountries``).
    public var excludedCountries: Set<CountryCode>

    public init(onlyCountries: Set<CountryCode>? = nil, excludedCountries: Set<CountryCode> = []) {
        self.onlyCountries = onlyCountries
        self.excludedCountries = excludedCountries
    }

    /// Every country.
    public static let worldwide = Territory()

    /// Whether buyers in `country` are covered.
    public func contains(_ country: CountryCode) -> Bool {
        (onlyCountries?.contains(country) ?? true) && !excludedCountries.contains(country)
    }

    private enum CodingKeys: String, CodingKey { case onlyCountries, excludedCountries }

    /// Encodes the sets as sorted arrays, so that the JSON is the same in every process.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(onlyCountries?.sorted(), forKey: .onlyCountries)
        try container.encode(excludedCountries.sorted(), forKey: .excludedCountries)
    }
}

/// Political risk cover (exporters): losses caused beyond the buyer, at their own insured percentage.
public struct PoliticalRiskCover: Hashable, Sendable, Codable {
    /// Whether political causes of loss are covered.
    public var isCovered: Bool
    /// The insured percentage for a political cause of loss (0.95).
    public var insuredPercentage: Decimal

    public init(isCovered: Bool, insuredPercentage: Decimal) {
        self.isCovered = isCovered
        self.insuredPercentage = insuredPercentage
    }
}

/// One step of the indemnity computation; the policy lists them in the order they apply.
public enum IndemnityStep: String, Sendable, Hashable, Codable, CaseIterable {
    /// Cap the loss by the limits in force at each delivery.
    case limitCap
    /// Nothing payable at or under the claims threshold.
    case claimsThreshold
    /// Multiply by the insured percentage.
    case insuredPercentage
    /// Subtract the deductible per claim.
    case deductible
    /// Let the seller bear the aggregate first loss of the policy year.
    case aggregateFirstLoss
    /// Cap by the maximum liability left for the policy year.
    case maximumLiability

    /// The default order of the domain rules (DOMAIN.md §6).
    public static let defaultOrder: [IndemnityStep] = [
        .limitCap, .claimsThreshold, .insuredPercentage, .deductible, .aggregateFirstLoss, .maximumLiability,
    ]
}
