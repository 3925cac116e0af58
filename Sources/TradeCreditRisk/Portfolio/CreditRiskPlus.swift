internal import TradeCreditModel

/// CreditRisk+ (Credit Suisse First Boston, 1997): the loss distribution of a portfolio of obligors whose default
/// rates follow gamma-distributed sector factors, by the conventions of the CSFB example spreadsheet (DOMAIN.md §7).
///
/// ## Model
/// Exposures are banded in loss units L (``CreditRiskPlusOptions/lossUnit``, default ⌈max E_A / 100⌉): ν_A =
/// max(⌈E_A/L⌉, 1), μ_A = p_A·(E_A/L)/ν_A, σ_A scaled alike. Sector k has μ_k = Σ θ_Ak μ_A, σ_k = Σ θ_Ak σ_A (0 for
/// the specific sector), and P_k(z) = Σ_A θ_Ak μ_A z^(ν_A) / μ_k. The probability generating function of the loss
/// in units is G(z) = Π_gamma ((1 − p_k)/(1 − p_k·P_k(z)))^(α_k) · Π_Poisson exp(μ_k(P_k(z) − 1)), with
/// α_k = μ_k²/σ_k² and p_k = σ_k²/(μ_k + σ_k²).
///
/// ## Method: a nested recursion on ln G, all in positive terms
/// The multi-sector Panjer recursion divides by a polynomial with terms of both signs and loses its digits, and
/// P(0) = G(0) = e^(ln G(0)) underflows past ~745 expected defaults. Instead (after Giese 2003 and Haaf, Reiss and
/// Schoenmakers 2004) the engine works with the logarithm: ln G(z) = ln G(0) + Σ_k α_k·(−ln(1 − Q_k(z))) +
/// Σ_Poisson μ_k P_k(z), Q_k = p_k·P_k, whose coefficients are a positive combination of the sectors' log-series.
/// The distribution a = G is the exponential of that series: z·G′ = G·z·(ln G)′ gives
///
///     n·a_n = Σ_Poisson Σ_j j·λ_kj·a_(n−j) + Σ_gamma β_k(n),
///
/// where β_k = α_k·a·z(−ln(1 − Q_k))′ = α_k·a·zQ_k′/(1 − Q_k) is the convolution of a with sector k's log-series.
/// It is never formed: multiplying out (1 − Q_k)·β_k = α_k·a·zQ_k′ gives a recursion of its own,
///
///     β_k(n) = Σ_j q_kj·β_k(n − j) + Σ_j α_k·j·q_kj·a_(n−j),   q_kj = p_k·λ_kj/μ_k,
///
/// where j runs over the bands of sector k and λ_kj = Σ_{ν_A = j} θ_Ak μ_A. Every coefficient is positive, so every
/// sum adds positive terms: the relative error of a_n stays at a few ulps whatever the number of sectors. The work is
/// O(grid × Σ_k bands of sector k) and the memory one ring of the last max ν values per sector.
///
/// The recursion is linear and homogeneous, so it starts from a_0 = 1 instead of G(0) and carries the values with a
/// running power-of-two scale (rescaled exactly whenever they leave [2^−500, 2^500]); each a_n keeps the exponent it
/// was computed at, and P(n) = a_n·2^(e_n)·G(0) is formed at the end with G(0) = 2^(ln G(0)/ln 2) split into an exact
/// power of two and a factor in [1, 2). Nothing underflows but the probabilities that are truly below the smallest
/// `Double` (P(0) = e^(−10,000) is 0); ln P(0) is reported as well.
///
/// ## Truncation
/// The grid ends at the first n where the mass beyond it is below ``CreditRiskPlusOptions/tailTolerance`` (1e-12):
/// either 1 − F(n) ≤ 1e-12 or, past the mean, the geometric extrapolation of the last max ν points by the ratio of
/// the last two such blocks is below 1e-14. Levels are accepted up to 1 − 1e-9, a thousand times that tail. The
/// probabilities are the model's, not renormalised: they sum to 1 less that tail. A grid that would reach
/// ``CreditRiskPlusOptions/maximumGridPoints`` (10 million by default) is refused (`.gridTooLarge`): choose a larger
/// loss unit.
///
/// ## Figures
/// EL = Σ p_A E_A; σ from the closed form Var = Σ_A μ_A ν_A² L² + Σ_k (σ_k/μ_k)²(ε_k L)²; quantiles and expected
/// shortfalls as in ``LossDistribution``; risk contributions as in ``RiskContribution``. Amounts are model figures
/// (`Double`, currency units): ``money(_:_:rule:)`` turns one into `Money` at the currency's minor units.
public enum CreditRiskPlus {
    /// The sector of obligors given no weights: the single-sector model.
    public static let singleSector = "all"

    /// Runs CreditRisk+ on `obligors`.
    /// - Throws: ``CreditRiskPlusError``: `.emptyPortfolio`, `.duplicateObligor`, `.invalidOption`, `.gridTooLarge`.
    public static func evaluate(_ obligors: [PortfolioObligor],
                                options: CreditRiskPlusOptions = CreditRiskPlusOptions()) throws -> CreditRiskPlusResult {
        try options.validate()
        guard !obligors.isEmpty else { throw CreditRiskPlusError(.emptyPortfolio, "a portfolio needs an obligor") }
        var ids = Set<String>(minimumCapacity: obligors.count)
        for obligor in obligors where !ids.insert(obligor.id).inserted {
            throw CreditRiskPlusError(.duplicateObligor, obligor: obligor.id, field: "id", "appears more than once")
        }
        let portfolio = try BandedPortfolio(obligors, options: options)
        let recursion = CreditRiskPlusRecursion(portfolio)
        let distribution = LossDistribution(
            lossUnit: portfolio.unit,
            probabilities: try recursion.probabilities(tolerance: CreditRiskPlusOptions.tailTolerance,
                                                       maximumPoints: options.maximumGridPoints))
        let moments = PortfolioMoments(portfolio)
        let quantiles = options.quantileLevels.map { level in
            let measures = distribution.riskMeasures(at: level, method: options.quantileMethod)
            return LossQuantile(level: level, valueAtRisk: measures.valueAtRisk,
                                expectedShortfall: measures.expectedShortfall)
        }
        let contributionVaR = distribution.valueAtRisk(at: options.contributionLevel, method: options.quantileMethod)
        return CreditRiskPlusResult(
            rulesVersion: TradeCreditRisk.rulesVersion,
            lossUnit: portfolio.lossUnit.decimalValue,
            banding: options.banding,
            quantileMethod: options.quantileMethod,
            expectedLoss: moments.expectedLoss,
            standardDeviation: moments.standardDeviation,
            probabilityOfNoLoss: distribution.probabilities[0],
            logProbabilityOfNoLoss: recursion.logProbabilityOfNoLoss,
            quantiles: quantiles,
            contributionLevel: options.contributionLevel,
            contributionValueAtRisk: contributionVaR,
            riskContributions: moments.contributions(obligors, portfolio, valueAtRisk: contributionVaR),
            sectors: portfolio.sectors.map { sector in
                CreditRiskPlusSector(name: sector.name, isSpecific: sector.isSpecific,
                                     expectedDefaults: sector.expectedDefaults,
                                     defaultStandardDeviation: sector.defaultStandardDeviation,
                                     expectedLoss: sector.expectedLossUnits * portfolio.unit)
            },
            distribution: distribution)
    }
}
