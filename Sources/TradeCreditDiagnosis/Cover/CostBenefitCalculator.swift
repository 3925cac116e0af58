import Foundation
import TradeCreditModel
import TradeCreditPricing
import TradeCreditRisk

/// Builds the ``CostBenefit`` table from the ledger's figures: each buyer's PD (rated or prior), exposure and
/// indemnity, three CreditRisk+ runs (loss, retained loss before the AFL, indemnities) and the pricing engine's quote.
/// Pure: the engines are called, nothing is reimplemented but the indemnity steps of DOMAIN.md §6 on one default.
struct CostBenefitCalculator {
    let seller: SellerProfile
    let analysis: LedgerAnalysis
    let scenario: CoverScenario
    let evaluationDate: CalendarDate
    let countryCategories: CountryRiskCategories

    private var currency: CurrencyCode { seller.reportingCurrency }
    private var terms: PolicyTerms { scenario.terms }

    func compute() throws -> CostBenefit {
        do { return try table() } catch let error as ModelError {
            // An amount the model refuses (an overflow): reported as the cover's, with the model's field.
            throw DiagnosisError(.cover, field: error.field.map { "cover.\($0)" }, value: error.value, error.message)
        }
    }

    private func table() throws -> CostBenefit {
        let pricing = terms.pricing
        let insured = terms.insuredPercentage
        for (field, amount) in [("claimsThreshold", terms.claimsThreshold), ("deductiblePerClaim", terms.deductiblePerClaim),
                                ("aggregateFirstLoss", terms.aggregateFirstLoss)] where amount.currency != currency {
            throw DiagnosisError(.currencyMismatch, field: "cover.terms.\(field)", value: amount.currency.code,
                                 "the policy's amounts must be in the reporting currency \(currency)")
        }
        var lines: [BuyerCostLine] = []
        var quoteBuyers: [QuoteBuyer] = []
        var usedPrior = false
        for (index, figures) in analysis.buyers.enumerated() {
            let buyer = figures.buyer
            let field = "buyers[\(index)]"
            let outstanding = try averageOutstanding(figures)
            let (pd, source, grade) = try probabilityOfDefault(figures, field: field)
            usedPrior = usedPrior || source == .prior
            let exclusion = exclusionReason(buyer)
            let loss = try outstanding.multiplied(by: pricing.lossGivenDefault).rounded()
            let indemnity = exclusion == nil ? try indemnityIfDefault(outstanding: outstanding, loss: loss)
                : .zero(currency)
            lines.append(BuyerCostLine(
                id: buyer.id, sales: figures.sales, averageOutstanding: outstanding, pd: pd, pdSource: source,
                grade: grade, isCovered: exclusion == nil, exclusion: exclusion, lossIfDefault: loss,
                expectedLoss: try CreditRiskPlus.money(pd * Self.figure(loss.amount), currency),
                indemnityIfDefault: indemnity, retainedIfDefault: try loss - indemnity))
            if exclusion == nil, outstanding.isPositive {
                quoteBuyers.append(QuoteBuyer(
                    id: buyer.id, limit: try limit(for: outstanding), pd: pd, expectedAverageOutstanding: outstanding,
                    annualInsuredTurnover: try annualised(figures.sales), sector: buyer.sector.map { String($0.section) }))
            }
        }

        let level = Self.figure(pricing.confidenceLevel)
        let volatility = Self.figure(pricing.volatilityRatio)
        let loss = try distribution(lines.map { ($0, $0.lossIfDefault) }, level: level, volatility: volatility)
        let withoutCover = UncoveredLoss(
            exposure: try Money.sum(lines.map(\.lossIfDefault), currency: currency),
            expectedLoss: try CreditRiskPlus.money(loss.expectedLoss, currency),
            lossQuantile: try CreditRiskPlus.money(loss.quantile, currency))

        var withCover: CoveredCost?
        var quote: Quote?
        if !quoteBuyers.isEmpty {
            let request = QuoteRequest(currency: currency, insuredPercentage: insured, pricing: pricing,
                                       policyholderCountry: seller.country, buyers: quoteBuyers,
                                       sensitivityPercentages: [])
            let priced: Quote
            do { priced = try QuoteEngine.quote(request, taxTable: scenario.taxTable) } catch let error as PricingError {
                throw DiagnosisError(.cover, field: error.field.map { "cover.\($0)" }, value: error.value, error.message)
            }
            quote = priced
            withCover = try coveredCost(lines, quote: priced, lossQuantile: loss.quantile, level: level,
                                        volatility: volatility)
        }
        let totalOutstanding = lines.reduce(Decimal(0)) { $0 + $1.averageOutstanding.amount }
        let priorOutstanding = lines.filter { $0.pdSource == .prior }.reduce(Decimal(0)) { $0 + $1.averageOutstanding.amount }
        return CostBenefit(
            currency: currency, level: pricing.confidenceLevel, periodDays: analysis.periodDays,
            insuredPercentage: insured, claimsThreshold: terms.claimsThreshold,
            deductiblePerClaim: terms.deductiblePerClaim, aggregateFirstLoss: terms.aggregateFirstLoss,
            lossGivenDefault: pricing.lossGivenDefault, priorVersion: usedPrior ? scenario.priorPD.version : nil,
            buyers: lines, withoutCover: withoutCover, withCover: withCover,
            expectedCostOfCover: try withCover.map { try $0.expectedCost - withoutCover.expectedLoss },
            stressedSaving: try withCover.map { try withoutCover.lossQuantile - $0.stressedCost },
            priorShare: totalOutstanding > 0 ? priorOutstanding / totalOutstanding : 0,
            quote: quote)
    }

    // MARK: - Per buyer

    /// Sales × (terms + days beyond terms) ÷ period days, at most the sales, rounded half up.
    private func averageOutstanding(_ figures: BuyerLedgerFigures) throws -> Money {
        let days = figures.weightedTermsDays + (figures.weightedDaysBeyondTerms ?? 0)
        let average = figures.sales.amount * days / Decimal(analysis.periodDays)
        return try Money.min(try money(average), figures.sales)
    }

    /// Sales scaled to 365 days.
    private func annualised(_ sales: Money) throws -> Money {
        try money(sales.amount * 365 / Decimal(analysis.periodDays))
    }

    /// The limit a quote prices: the outstanding ÷ utilisation, rounded up to the policy's limit step, so that the
    /// pricing engine's own convention (EAD = limit × utilisation) would give back at least that outstanding.
    private func limit(for outstanding: Money) throws -> Money {
        let step = terms.underwriting.limitStep
        let raw = try money(outstanding.amount / terms.pricing.utilisation, .up)
        guard step.currency == currency else { return raw }
        return try raw.rounded(toMultipleOf: step, .ceiling)
    }

    /// The rated PD when the buyer has a usable rating, else the prior.
    private func probabilityOfDefault(_ figures: BuyerLedgerFigures, field: String) throws -> (Double, PDSource, Int?) {
        let buyer = figures.buyer
        let category = countryCategories.category(of: buyer.country)
        if let ratings = scenario.ratings[buyer.id], !ratings.isEmpty {
            let assessment: BuyerAssessment
            do {
                let party = try Buyer(id: BuyerID(buyer.id), legalName: buyer.name ?? buyer.id, country: buyer.country,
                                      identifiers: buyer.identifiers, category: buyer.category, sector: buyer.sector)
                let factors = BuyerRiskFactors(
                    countryRiskCategory: category,
                    daysBeyondTerms: figures.weightedDaysBeyondTerms.map { Int(NSDecimalNumber(decimal: $0).doubleValue.rounded()) },
                    concentrationShare: NSDecimalNumber(decimal: figures.share).doubleValue)
                assessment = try BuyerScorer(rules: scenario.scoringRules).assess(
                    AssessmentInput(buyer: party, asOf: evaluationDate, ratings: ratings, scales: scenario.scales,
                                    factors: factors))
            } catch let error as any FieldedError {
                throw DiagnosisError(.cover, field: "\(field).\(error.field ?? "rating")", value: buyer.id, error.message)
            } catch let error as UnderwritingError {
                throw DiagnosisError(.cover, field: "\(field).\(error.field)", value: buyer.id, error.message)
            }
            if let pd = assessment.probabilityOfDefault { return (pd, .rated, assessment.grade) }
        }
        return (scenario.priorPD.pd(category: category, sector: buyer.sector), .prior, nil)
    }

    /// Why the policy would not cover `buyer`, or `nil`.
    private func exclusionReason(_ buyer: LedgerBuyer) -> String? {
        if !terms.coveredBuyerCategories.contains(buyer.category) {
            return "buyer category \(buyer.category.rawValue) not covered"
        }
        if !terms.territory.contains(buyer.country) { return "country \(buyer.country) outside the territory" }
        return nil
    }

    /// DOMAIN.md §6 steps 3–5 on one default: nothing at or under the claims threshold, else loss × insured % less
    /// the deductible, not below zero. The threshold is read on the outstanding (the capped loss before recoveries).
    private func indemnityIfDefault(outstanding: Money, loss: Money) throws -> Money {
        guard try outstanding.compare(to: terms.claimsThreshold) > 0 else { return .zero(currency) }
        let insured = try loss.multiplied(by: terms.insuredPercentage).rounded()
        return try Money.max(try insured - terms.deductiblePerClaim, .zero(currency))
    }

    // MARK: - Portfolio

    /// A CreditRisk+ run's figures; an empty or all-zero portfolio has none.
    private struct Figures {
        var expectedLoss = 0.0
        var quantile = 0.0
        var distribution: LossDistribution?
    }

    private func distribution(_ lines: [(BuyerCostLine, Money)], level: Double, volatility: Double) throws -> Figures {
        let obligors = try lines.filter { $0.1.isPositive }.map { line, exposure in
            try PortfolioObligor(id: line.id, exposure: exposure.amount, pd: line.pd, pdSD: volatility * line.pd,
                                 sectorWeights: [CreditRiskPlus.singleSector: 1])
        }
        guard !obligors.isEmpty else { return Figures() }
        do {
            let result = try CreditRiskPlus.evaluate(
                obligors, options: CreditRiskPlusOptions(quantileLevels: [level], contributionLevel: level))
            return Figures(expectedLoss: result.expectedLoss, quantile: result.quantile(at: level)?.valueAtRisk ?? 0,
                           distribution: result.distribution)
        } catch let error as CreditRiskPlusError {
            throw DiagnosisError(.cover, field: error.field.map { "portfolio.\($0)" }, value: error.obligor, error.message)
        }
    }

    private func coveredCost(_ lines: [BuyerCostLine], quote: Quote, lossQuantile: Double, level: Double,
                             volatility: Double) throws -> CoveredCost {
        let retained = try distribution(lines.map { ($0, $0.retainedIfDefault) }, level: level, volatility: volatility)
        let afl = Self.figure(terms.aggregateFirstLoss.amount)
        var expectedRetained = lines.reduce(0.0) { $0 + $1.pd * Self.figure($1.retainedIfDefault.amount) }
        var quantile = retained.quantile
        let bounded = afl > 0
        if bounded {
            // The seller also bears min(I, AFL) of the year's indemnities I: its mean from I's distribution; for the
            // quantile, R ≤ R₀ + AFL and R ≤ L give the bound.
            let indemnities = try distribution(lines.map { ($0, $0.indemnityIfDefault) }, level: level,
                                               volatility: volatility)
            if let distribution = indemnities.distribution {
                var mass = 0.0, mean = 0.0
                for (n, p) in distribution.probabilities.enumerated() {
                    mass += p
                    mean += p * min(Double(n) * distribution.lossUnit, afl)
                }
                expectedRetained += mean + max(0, 1 - mass) * afl
            }
            quantile = min(retained.quantile + afl, lossQuantile)
        }
        let premium = quote.premium
        let expectedRetainedLoss = try CreditRiskPlus.money(expectedRetained, currency)
        let retainedQuantile = try CreditRiskPlus.money(quantile, currency)
        return CoveredCost(
            premiumBeforeTax: premium.preTax, premiumTax: premium.tax, premium: premium.final,
            expectedRetainedLoss: expectedRetainedLoss, retainedLossQuantile: retainedQuantile,
            quantileIsUpperBound: bounded,
            expectedCost: try premium.final + expectedRetainedLoss, stressedCost: try premium.final + retainedQuantile)
    }

    /// A quotient (up to 38 digits) as money: rounded first to the currency's minor units, half up or up.
    private func money(_ value: Decimal, _ mode: NSDecimalNumber.RoundingMode = .plain) throws -> Money {
        var input = value, output = Decimal()
        NSDecimalRound(&output, &input, currency.minorUnits ?? 2, mode)
        return try Money(output, currency)
    }

    static func figure(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
