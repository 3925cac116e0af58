import Foundation

/// Decides where the grid ends: at the first n where the mass beyond n is below the tolerance.
///
/// Two estimates of that mass: 1 − F(n), with P(n) = a_n·2^(e_n)·G(0) summed as it comes; and, once past the mean,
/// a geometric extrapolation of the last block of `blockSize` points (one period of the largest band) by the ratio of
/// the last two blocks' masses, which ends the grid even when rounding in G(0) (about 1e-16 × |ln G(0)|) keeps
/// 1 − F(n) a little above the tolerance.
struct GridTruncation {
    static let ln2 = log(2.0)
    let tolerance: Double
    let meanUnits: Double
    let blockSize: Int
    let logProbabilityOfNoLoss: Double
    private var cumulative = CompensatedSum()
    private var factorExponent = Int.min
    private var factor = 0.0
    private var block = 0.0, previousBlock = 0.0
    private(set) var isDone = false

    init(tolerance: Double, meanUnits: Double, blockSize: Int, logProbabilityOfNoLoss: Double) {
        self.tolerance = tolerance
        self.meanUnits = meanUnits
        self.blockSize = max(blockSize, 1)
        self.logProbabilityOfNoLoss = logProbabilityOfNoLoss
    }

    mutating func add(_ value: Double, exponent: Int, at n: Int) {
        if exponent != factorExponent {
            factorExponent = exponent
            factor = exp(logProbabilityOfNoLoss + Double(exponent) * GridTruncation.ln2)
        }
        let probability = value * factor
        cumulative.add(probability)
        block += probability
        if 1 - cumulative.value <= tolerance { isDone = true }
        guard n > 0, n % blockSize == 0 else { return }
        if Double(n) > meanUnits, block < previousBlock, 1 - cumulative.value <= 1e-8 {
            let ratio = block / previousBlock
            if block * ratio / (1 - ratio) <= tolerance / 100 { isDone = true }
        }
        previousBlock = block
        block = 0
    }
}
