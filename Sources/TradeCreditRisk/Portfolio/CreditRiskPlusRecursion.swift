import Foundation

/// The loss distribution of a banded portfolio by the nested recursion of ``CreditRiskPlus`` (see its documentation for
/// the derivation): every term added is positive, the values are carried with a running power-of-two scale so that
/// e^(ln G(0)) never underflows, and the work is O(grid × Σ_k bands of sector k).
struct CreditRiskPlusRecursion {
    /// The gamma sectors' coefficients, one run per sector in flat arrays: band j, q_kj = p_k·λ_kj/μ_k, and
    /// r_kj = α_k·j·q_kj = j·λ_kj·μ_k/(μ_k + σ_k²).
    private var gammaBands: [Int] = [], gammaQ: [Double] = [], gammaR: [Double] = []
    private var gammaOffsets: [Int] = [0]
    /// The Poisson sectors (σ_k = 0) merged: band j and r_j = j·λ_j.
    private var poissonBands: [Int] = [], poissonR: [Double] = []
    /// ln G(0) = Σ_gamma α_k·ln(1 − p_k) − Σ_Poisson μ_k: the logarithm of P(loss = 0).
    let logProbabilityOfNoLoss: Double
    /// The expected loss in loss units, Σ μ_A ν_A.
    private let meanUnits: Double
    /// The largest band: how far back the recursion reads.
    private let largestBand: Int

    init(_ portfolio: BandedPortfolio) {
        var logG0 = 0.0
        var poisson: [Int: Double] = [:]
        var meanUnits = 0.0
        for sector in portfolio.sectors where sector.expectedDefaults > 0 {
            let mu = sector.expectedDefaults, variance = sector.defaultStandardDeviation * sector.defaultStandardDeviation
            meanUnits += sector.expectedLossUnits
            let bands = sector.intensities.keys.sorted()
            if variance == 0 {
                logG0 -= mu
                for band in bands { poisson[band, default: 0] += Double(band) * sector.intensities[band]! }
                continue
            }
            let p = variance / (mu + variance)
            logG0 += mu * mu / variance * log1p(-p)
            for band in bands {
                let intensity = sector.intensities[band]!
                gammaBands.append(band)
                gammaQ.append(p * intensity / mu)
                gammaR.append(Double(band) * intensity * mu / (mu + variance))
            }
            gammaOffsets.append(gammaBands.count)
        }
        for band in poisson.keys.sorted() {
            poissonBands.append(band)
            poissonR.append(poisson[band]!)
        }
        logProbabilityOfNoLoss = logG0
        self.meanUnits = meanUnits
        largestBand = max(gammaBands.max() ?? 1, poissonBands.max() ?? 1)
    }

    /// P(loss = n·L) for n = 0…N, N the first point where less than `tolerance` of the mass lies beyond (see
    /// ``CreditRiskPlus``). They sum to 1 less the tail beyond N.
    /// - Throws: `.gridTooLarge` when N would reach `maximumPoints`.
    func probabilities(tolerance: Double, maximumPoints: Int) throws -> [Double] {
        guard meanUnits > 0 else { return [1] }
        let (values, exponents) = try scaledValues(tolerance: tolerance, maximumPoints: maximumPoints)
        return normalised(values, exponents)
    }

    /// The recursion's values a_n with the binary exponent e_n they were computed at: P(n) ∝ a_n·2^(e_n).
    private func scaledValues(tolerance: Double, maximumPoints: Int) throws -> ([Double], [Int32]) {
        var ringSize = 1
        while ringSize <= largestBand { ringSize <<= 1 }
        let mask = ringSize - 1
        let sectorCount = gammaOffsets.count - 1
        // The last `ringSize` values of a (the distribution, scaled) and of each gamma sector's β_k.
        var ringA = [Double](repeating: 0, count: ringSize)
        var ringBeta = [Double](repeating: 0, count: ringSize * sectorCount)
        var values: [Double] = [1], exponents: [Int32] = [0]
        ringA[0] = 1
        var exponent = 0
        var stopping = GridTruncation(tolerance: tolerance, meanUnits: meanUnits, blockSize: largestBand,
                                 logProbabilityOfNoLoss: logProbabilityOfNoLoss)
        stopping.add(1, exponent: 0, at: 0)
        var lastRescale = 0
        var n = 0
        while !stopping.isDone {
            n += 1
            guard n < maximumPoints else {
                throw CreditRiskPlusError(.gridTooLarge, field: "maximumGridPoints",
                                          "the loss distribution needs more than \(maximumPoints) grid points: "
                                          + "choose a larger loss unit")
            }
            var total = 0.0
            // Indices below 0 wrap to slots not yet written (still 0): bands are at most ringSize − 1.
            for i in poissonBands.indices { total += poissonR[i] * ringA[(n - poissonBands[i]) & mask] }
            for k in 0..<sectorCount {
                let base = k * ringSize
                var beta = 0.0
                for i in gammaOffsets[k]..<gammaOffsets[k + 1] {
                    let slot = (n - gammaBands[i]) & mask
                    beta += gammaQ[i] * ringBeta[base + slot] + gammaR[i] * ringA[slot]
                }
                ringBeta[base + (n & mask)] = beta
                total += beta
            }
            let a = total / Double(n)
            ringA[n & mask] = a
            values.append(a)
            exponents.append(Int32(exponent))
            stopping.add(a, exponent: exponent, at: n)
            // Keep the working values near 1: down when they grow (before the mode), up when they fade (the tail),
            // at most once a ring's length for the latter so that lattice zeros cost nothing.
            if a > 0x1p500 || (a != 0 && a < 0x1p-500 && n - lastRescale >= ringSize) {
                exponent += Self.rescale(&ringA, &ringBeta)
                lastRescale = n
            }
        }
        return (values, exponents)
    }

    /// Multiplies the rings by 2^(−e), e the binary exponent of their largest entry (exact: powers of two), and
    /// returns e.
    private static func rescale(_ ringA: inout [Double], _ ringBeta: inout [Double]) -> Int {
        let largest = max(ringA.max() ?? 0, ringBeta.max() ?? 0)
        guard largest > 0, largest.isFinite else { return 0 }
        let shift = Int(largest.exponent)
        for i in ringA.indices { ringA[i] = Double(sign: .plus, exponent: -shift, significand: ringA[i]) }
        for i in ringBeta.indices { ringBeta[i] = Double(sign: .plus, exponent: -shift, significand: ringBeta[i]) }
        return shift
    }

    /// P(n) = a_n·2^(e_n)·G(0), with G(0) = e^(ln G(0)) = 2^(k + f) (k whole, 0 ≤ f < 1) applied as 2^f times an
    /// exact power of two, so that only the probabilities truly below the smallest `Double` underflow (to
    /// subnormals or 0, as they should).
    private func normalised(_ values: [Double], _ exponents: [Int32]) -> [Double] {
        let binaryLog = logProbabilityOfNoLoss / GridTruncation.ln2
        let whole = binaryLog.rounded(.down)
        let fraction = exp2(binaryLog - whole)
        var probabilities = values
        for i in probabilities.indices {
            probabilities[i] = Double(sign: .plus, exponent: Int(exponents[i]) + Int(whole),
                                      significand: probabilities[i] * fraction)
        }
        return probabilities
    }
}
