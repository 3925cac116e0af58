public import Foundation

extension Money {
    /// Splits the amount into parts proportional to `ratios` that sum exactly to the whole.
    ///
    /// Parts are in the currency's minor units (or the amount's own scale when it has more decimals). Each part is
    /// its exact share rounded toward zero, and the minor units left over go one each to the parts with the largest
    /// remainders (the earliest part on a tie), so every part is within one minor unit of its exact share.
    /// - Throws: `.outOfRange` when a ratio is negative, all ratios are zero or the list is empty.
    public func allocated(by ratios: [Decimal]) throws -> [Money] {
        guard !ratios.isEmpty else {
            throw ModelError(.outOfRange, field: "ratios", "at least one ratio is needed to allocate")
        }
        let exactRatios = try ratios.enumerated().map { index, ratio in
            try ExactDecimal(ratio, field: "ratios[\(index)]")
        }
        if let negative = exactRatios.firstIndex(where: \.isNegative) {
            throw ModelError(.outOfRange, field: "ratios[\(negative)]", value: exactRatios[negative].plainText,
                             "allocation ratios cannot be negative")
        }
        let ratioScale = exactRatios.map(\.scale).max()!
        let weights = try exactRatios.map { try $0.widened(to: ratioScale).significand }
        var totalWeight: Int128 = 0
        for weight in weights {
            let (sum, overflow) = totalWeight.addingReportingOverflow(weight)
            guard !overflow else { throw ExactDecimal.overflowError }
            totalWeight = sum
        }
        guard totalWeight > 0 else {
            throw ModelError(.outOfRange, field: "ratios", "allocation ratios must not all be zero")
        }

        let whole = try value.widened(to: Swift.max(value.scale, currency.minorUnits ?? 0))
        let total = whole.significand.magnitude
        var parts: [UInt128] = []
        var remainders: [UInt128] = []
        var allotted: UInt128 = 0
        for weight in weights {
            // total × weight can exceed 128 bits: divide the 256-bit product.
            let product = total.multipliedFullWidth(by: UInt128(weight))
            let (share, remainder) = UInt128(totalWeight).dividingFullWidth(product)
            parts.append(share)
            remainders.append(remainder)
            allotted += share
        }
        var leftover = total - allotted  // fewer than parts.count minor units
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for index in order where leftover > 0 && weights[index] > 0 {
            parts[index] += 1
            leftover -= 1
        }
        let sign: Int128 = whole.isNegative ? -1 : 1
        return parts.map { Money(exact: ExactDecimal(significand: sign * Int128($0), scale: whole.scale), currency: currency) }
    }

    /// Splits the amount into `count` parts as equal as possible, summing exactly to the whole.
    /// - Throws: `.outOfRange` when `count` is not positive.
    public func allocated(into count: Int) throws -> [Money] {
        guard count > 0 else {
            throw ModelError(.outOfRange, field: "count", value: String(count), "cannot split into fewer than one part")
        }
        return try allocated(by: Array(repeating: 1, count: count))
    }
}
