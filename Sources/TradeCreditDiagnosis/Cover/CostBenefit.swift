public import Foundation
public import TradeCreditModel
public import TradeCreditPricing

/// Where a buyer's PD comes from.
public enum PDSource: String, Hashable, Sendable, Codable {
    /// The risk engine's assessment of the buyer's bureau ratings.
    case rated
    /// The illustrative prior of ``PriorPDTable``: no usable rating. Flagged in every output.
    case prior
}

/// One buyer's line of the cost/benefit table, in the reporting currency.
public struct BuyerCostLine: Hashable, Sendable, Codable {
    /// The buyer's ledger id.
    public let id: String
    /// Σ its invoices over the ledger period.
    public let sales: Money
    /// Its expected average outstanding: sales × (terms + days beyond terms) ÷ period days, at most its sales.
    public let averageOutstanding: Money
    /// The one-year PD used.
    public let pd: Double
    /// Where ``pd`` comes from; `.prior` is an illustrative figure, not a rating.
    public let pdSource: PDSource
    /// The master-scale grade of a rated buyer.
    public let grade: Int?
    /// Whether the policy would cover the buyer (its category and country).
    public let isCovered: Bool
    /// Why it would not, when it would not.
    public let exclusion: String?
    /// The loss if it defaults: average outstanding × LGD.
    public let lossIfDefault: Money
    /// PD × loss if it defaults.
    public let expectedLoss: Money
    /// What the insurer would pay if it defaults, before the aggregate first loss: loss × insured % − deductible,
    /// nothing at or under the claims threshold.
    public let indemnityIfDefault: Money
    /// What the seller keeps if it defaults, before the aggregate first loss.
    public let retainedIfDefault: Money
}

/// The loss of the receivables without cover.
public struct UncoveredLoss: Hashable, Sendable, Codable {
    /// Σ loss if default over the buyers.
    public let exposure: Money
    /// The expected yearly loss.
    public let expectedLoss: Money
    /// The loss quantile at ``CostBenefit/level`` (CreditRisk+).
    public let lossQuantile: Money
}

/// The seller's cost with cover: the premium and what it still bears.
public struct CoveredCost: Hashable, Sendable, Codable {
    /// The premium before tax.
    public let premiumBeforeTax: Money
    /// The premium tax.
    public let premiumTax: Money
    /// The premium the seller pays, tax included.
    public let premium: Money
    /// The expected yearly retained loss: the uninsured share, the deductibles, the claims under the threshold,
    /// the uncovered buyers, and the aggregate first loss (E[min(indemnities, AFL)], from the indemnities'
    /// distribution).
    public let expectedRetainedLoss: Money
    /// The retained loss at ``CostBenefit/level``; with an aggregate first loss, the bound
    /// min(q(retained before AFL) + AFL, q(loss without cover)) (see ``quantileIsUpperBound``).
    public let retainedLossQuantile: Money
    /// Whether ``retainedLossQuantile`` is an upper bound rather than a quantile (an aggregate first loss applies).
    public let quantileIsUpperBound: Bool
    /// Premium + expected retained loss.
    public let expectedCost: Money
    /// Premium + retained loss quantile.
    public let stressedCost: Money
}

/// The cost/benefit table of a diagnosis: the receivables' expected loss and loss quantile without cover, next to the
/// premium and the retained loss with cover, all in the reporting currency, every amount rounded once, half up.
public struct CostBenefit: Hashable, Sendable, Codable {
    /// The reporting currency.
    public let currency: CurrencyCode
    /// The quantile level (the policy's pricing confidence level, 99.5 % by default).
    public let level: Decimal
    /// The days the ledger's sales were made in (earliest invoice to the evaluation date).
    public let periodDays: Int
    /// The policy's insured percentage.
    public let insuredPercentage: Decimal
    /// The policy's claims threshold: a loss at or under it pays nothing.
    public let claimsThreshold: Money
    /// The policy's deductible per claim.
    public let deductiblePerClaim: Money
    /// The policy's aggregate first loss per policy year.
    public let aggregateFirstLoss: Money
    /// The loss given default of the pricing parameters (recoveries are netted through it).
    public let lossGivenDefault: Decimal
    /// The prior table's version, when a buyer uses it.
    public let priorVersion: String?
    /// One line per invoiced buyer, in ledger order.
    public let buyers: [BuyerCostLine]
    /// Without cover.
    public let withoutCover: UncoveredLoss
    /// With cover; `nil` when the policy covers no buyer with an exposure.
    public let withCover: CoveredCost?
    /// Expected cost with cover − expected loss without: what the transfer of risk costs on average.
    public let expectedCostOfCover: Money?
    /// Loss quantile without cover − stressed cost with cover: what cover saves in a bad year (negative: it does not).
    public let stressedSaving: Money?
    /// The share of the average outstanding whose PD is a prior, in 0…1.
    public let priorShare: Decimal
    /// The pricing engine's quote for the covered buyers.
    public let quote: Quote?

    /// The lines whose PD is a prior.
    public var priorBuyers: [BuyerCostLine] { buyers.filter { $0.pdSource == .prior } }
}

extension CostBenefit {
    /// Plain-language lines: the loss without cover, the cost with it, what cover saves or costs, and the prior flag.
    public var summaryLines: [String] {
        let percent = ProfileCheck.format(level, .share).replacingOccurrences(of: ".0 %", with: " %")
        var lines = ["Without cover: expected loss \(withoutCover.expectedLoss) a year, \(percent) loss "
            + "\(withoutCover.lossQuantile) (average outstanding × LGD \(lossGivenDefault), CreditRisk+)."]
        if let withCover {
            let bound = withCover.quantileIsUpperBound ? " at most" : ""
            lines.append("With cover (insured \(ProfileCheck.format(insuredPercentage, .share))): premium "
                + "\(withCover.premium) incl. tax + expected retained loss \(withCover.expectedRetainedLoss) = expected "
                + "cost \(withCover.expectedCost); in a \(percent) year, premium + retained loss\(bound) "
                + "\(withCover.retainedLossQuantile) = \(withCover.stressedCost).")
            if let expectedCostOfCover, let stressedSaving {
                lines.append("Cover costs \(expectedCostOfCover) a year more than the expected loss and "
                    + (stressedSaving.isNegative ? "does not lower the \(percent) loss (\(stressedSaving))."
                        : "lowers the \(percent) loss by \(stressedSaving)."))
            }
        } else {
            lines.append("With cover: the policy covers no buyer with an outstanding balance; nothing to price.")
        }
        let prior = priorBuyers
        if !prior.isEmpty {
            lines.append("PRIOR: \(prior.count) of \(buyers.count) buyers "
                + "(\(ProfileCheck.format(priorShare, .share)) of the average outstanding) have no usable rating and "
                + "carry the illustrative prior PD \(priorVersion ?? "") by country category and sector, not a rating.")
        }
        return lines
    }
}

// Every key is written, `null` when absent, so that a JSON reader sees one shape whatever the ledger.
extension BuyerCostLine {
    private enum CodingKeys: String, CodingKey {
        case id, sales, averageOutstanding, pd, pdSource, grade, isCovered, exclusion, lossIfDefault, expectedLoss,
             indemnityIfDefault, retainedIfDefault
    }

    /// Encodes every key; `grade` and `exclusion` are `null` when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(sales, forKey: .sales)
        try container.encode(averageOutstanding, forKey: .averageOutstanding)
        try container.encode(pd, forKey: .pd)
        try container.encode(pdSource, forKey: .pdSource)
        try container.encode(grade, forKey: .grade)
        try container.encode(isCovered, forKey: .isCovered)
        try container.encode(exclusion, forKey: .exclusion)
        try container.encode(lossIfDefault, forKey: .lossIfDefault)
        try container.encode(expectedLoss, forKey: .expectedLoss)
        try container.encode(indemnityIfDefault, forKey: .indemnityIfDefault)
        try container.encode(retainedIfDefault, forKey: .retainedIfDefault)
    }
}

extension CostBenefit {
    private enum CodingKeys: String, CodingKey {
        case currency, level, periodDays, insuredPercentage, claimsThreshold, deductiblePerClaim, aggregateFirstLoss,
             lossGivenDefault, priorVersion, buyers, withoutCover, withCover, expectedCostOfCover, stressedSaving,
             priorShare, quote
    }

    /// Encodes every key; the cover's figures and the quote are `null` when nothing is covered.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(currency, forKey: .currency)
        try container.encode(level, forKey: .level)
        try container.encode(periodDays, forKey: .periodDays)
        try container.encode(insuredPercentage, forKey: .insuredPercentage)
        try container.encode(claimsThreshold, forKey: .claimsThreshold)
        try container.encode(deductiblePerClaim, forKey: .deductiblePerClaim)
        try container.encode(aggregateFirstLoss, forKey: .aggregateFirstLoss)
        try container.encode(lossGivenDefault, forKey: .lossGivenDefault)
        try container.encode(priorVersion, forKey: .priorVersion)
        try container.encode(buyers, forKey: .buyers)
        try container.encode(withoutCover, forKey: .withoutCover)
        try container.encode(withCover, forKey: .withCover)
        try container.encode(expectedCostOfCover, forKey: .expectedCostOfCover)
        try container.encode(stressedSaving, forKey: .stressedSaving)
        try container.encode(priorShare, forKey: .priorShare)
        try container.encode(quote, forKey: .quote)
    }
}
