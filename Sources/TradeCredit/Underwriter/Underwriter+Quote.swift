public import Foundation
import Logging
public import TradeCreditModel
public import TradeCreditPricing

extension Underwriter {
    /// The limit decisions a quote prices: those that insure the buyer.
    public static let pricedDecisions: Set<LimitDecisionKind> = [.approved, .partlyApproved]

    /// Quotes the policy for a portfolio of insured buyers with `QuoteEngine`.
    ///
    /// When a limit or a turnover is in another currency than the policy's, the rates of `date` (or of the source's
    /// last publication, when `date` is after it) are fetched and passed to the engine in the request.
    /// - Parameters:
    ///   - buyers: the insured buyers (limit, PD, turnover).
    ///   - policyholderCountry: sets the premium tax.
    ///   - pastLossRatio: the policyholder's past loss ratio, for the bonus or surcharge; `nil`: none.
    ///   - date: the date of the rates.
    /// - Throws: `CancellationError`; the engine's `PricingError`; the rate provider's errors.
    public func quote(_ buyers: [QuoteBuyer], policyholderCountry: CountryCode, pastLossRatio: Decimal? = nil,
                      ratesOn date: CalendarDate) async throws -> PolicyQuote {
        try Task.checkCancellation()
        let foreign = buyers.contains { buyer in
            [buyer.limit, buyer.annualInsuredTurnover, buyer.expectedAverageOutstanding].contains {
                $0 != nil && $0?.currency != terms.currency
            }
        }
        var quoteRates: QuoteRates?
        if foreign {
            let rates = try await policyRates().rates(on: date)
            quoteRates = QuoteRates(table: rates.table, date: rates.date)
        }
        try Task.checkCancellation()
        let request = QuoteRequest(terms: terms, policyholderCountry: policyholderCountry, pastLossRatio: pastLossRatio,
                                   buyers: buyers, rates: quoteRates)
        let quote = try QuoteEngine.quote(request, taxTable: settings.taxTable)
        logger.debug("policy quoted", metadata: ["buyers": "\(buyers.count)", "totalLimits": "\(quote.totalLimits)"])
        return PolicyQuote(request: request, quote: quote)
    }

    /// Quotes the policy for the buyers `outcomes` insure (approved or partly approved, with a PD), each at its
    /// granted limit and the PD of its assessment, its expected turnover as the insured turnover.
    /// - Parameters:
    ///   - outcomes: limit decisions; those not approved or partly approved, or without a PD, are left out.
    ///   - policyholderCountry: sets the premium tax.
    ///   - pastLossRatio: the policyholder's past loss ratio, for the bonus or surcharge; `nil`: none.
    ///   - date: the date of the rates; `nil`: the latest decision date.
    /// - Throws: as ``quote(_:policyholderCountry:pastLossRatio:ratesOn:)`` (`PricingError` `.emptyPortfolio` when
    ///   no outcome insures a buyer).
    public func quote(_ outcomes: [LimitOutcome], policyholderCountry: CountryCode, pastLossRatio: Decimal? = nil,
                      ratesOn date: CalendarDate? = nil) async throws -> PolicyQuote {
        let buyers = outcomes.compactMap(Self.quoteBuyer)
        let day = date ?? outcomes.map(\.decision.decisionDate).max() ?? terms.period.start
        return try await quote(buyers, policyholderCountry: policyholderCountry, pastLossRatio: pastLossRatio, ratesOn: day)
    }

    /// The buyer a quote prices for `outcome`, `nil` when the decision does not insure it or it has no PD.
    public static func quoteBuyer(_ outcome: LimitOutcome) -> QuoteBuyer? {
        guard pricedDecisions.contains(outcome.decision.kind),
              let pd = outcome.report.assessment.probabilityOfDefault else { return nil }
        return QuoteBuyer(id: outcome.decision.buyerID.rawValue, limit: outcome.decision.grantedAmount, pd: pd,
                          annualInsuredTurnover: outcome.request.expectedAnnualTurnover)
    }
}
