public import Foundation
public import TradeCreditModel

/// One insured buyer as the quote sees it: its granted limit, its PD and, when known, how much it owes on average.
public struct QuoteBuyer: Hashable, Sendable, Codable {
    /// The buyer's id, unique within the quote.
    public var id: String
    /// The granted credit limit, in any currency the rate table knows.
    public var limit: Money
    /// The one-year probability of default, in [0, 1] (from the risk engine's assessment, say).
    public var pd: Double
    /// The expected average outstanding; when given it is the exposure at default instead of limit × utilisation.
    public var expectedAverageOutstanding: Money?
    /// The annual insured turnover with this buyer, for the rate on insured turnover.
    public var annualInsuredTurnover: Money?
    /// The buyer's sector (a country or a NACE section) when the quote uses sectors; `nil`: the single sector.
    public var sector: String?

    public init(id: String, limit: Money, pd: Double, expectedAverageOutstanding: Money? = nil,
                annualInsuredTurnover: Money? = nil, sector: String? = nil) {
        self.id = id
        self.limit = limit
        self.pd = pd
        self.expectedAverageOutstanding = expectedAverageOutstanding
        self.annualInsuredTurnover = annualInsuredTurnover
        self.sector = sector
    }
}

/// The exchange rates a quote converts with: a rate table and the date whose rates are used.
public struct QuoteRates: Hashable, Sendable, Codable {
    /// The table (the engine takes it as a value and fetches nothing).
    public var table: RateTable
    /// The stated date of the rates (the latest earlier publication within the look-back when none that day).
    public var date: CalendarDate

    public init(table: RateTable, date: CalendarDate) {
        self.table = table
        self.date = date
    }
}

/// Everything a risk-based quote is computed from; the quote can be reproduced from it.
public struct QuoteRequest: Hashable, Sendable, Codable {
    /// The policy currency: every published amount is in it.
    public var currency: CurrencyCode
    /// Share of a loss the insurer pays, in (0, 1] (0.90).
    public var insuredPercentage: Decimal
    /// The pricing parameters (`PricingParameters.typical(currency:)` by default).
    public var pricing: PricingParameters
    /// The policyholder's country: it sets the insurance premium tax (``PremiumTaxTable``).
    public var policyholderCountry: CountryCode
    /// The policyholder's past loss ratio (claims paid ÷ premium), for the bonus or surcharge; `nil`: none applied.
    public var pastLossRatio: Decimal?
    /// The insured buyers.
    public var buyers: [QuoteBuyer]
    /// The rates that convert buyers' amounts in other currencies; `nil` when everything is in the policy currency.
    public var rates: QuoteRates?
    /// When `true`, buyers with a ``QuoteBuyer/sector`` are put in that CreditRisk+ sector (the others in the single
    /// sector); `false` (the default): one sector for all.
    public var usesSectors: Bool
    /// The insured percentages of the sensitivity table (0.80, 0.85, 0.90, 0.95 by default); empty for none.
    public var sensitivityPercentages: [Decimal]

    /// The default percentages of the sensitivity table.
    public static let defaultSensitivityPercentages: [Decimal] = ["0.80", "0.85", "0.90", "0.95"].map {
        Decimal(string: $0)!
    }

    public init(currency: CurrencyCode, insuredPercentage: Decimal, pricing: PricingParameters,
                policyholderCountry: CountryCode, pastLossRatio: Decimal? = nil, buyers: [QuoteBuyer],
                rates: QuoteRates? = nil, usesSectors: Bool = false,
                sensitivityPercentages: [Decimal] = QuoteRequest.defaultSensitivityPercentages) {
        self.currency = currency
        self.insuredPercentage = insuredPercentage
        self.pricing = pricing
        self.policyholderCountry = policyholderCountry
        self.pastLossRatio = pastLossRatio
        self.buyers = buyers
        self.rates = rates
        self.usesSectors = usesSectors
        self.sensitivityPercentages = sensitivityPercentages
    }

    /// A request with the currency, insured percentage and pricing parameters of `terms`.
    public init(terms: PolicyTerms, policyholderCountry: CountryCode, pastLossRatio: Decimal? = nil,
                buyers: [QuoteBuyer], rates: QuoteRates? = nil) {
        self.init(currency: terms.currency, insuredPercentage: terms.insuredPercentage, pricing: terms.pricing,
                  policyholderCountry: policyholderCountry, pastLossRatio: pastLossRatio, buyers: buyers, rates: rates)
    }
}
