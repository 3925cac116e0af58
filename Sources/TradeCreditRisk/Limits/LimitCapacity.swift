internal import Foundation
public import TradeCreditModel

/// The most the insurer grants on a buyer: the smallest of the per-buyer maximum, the grade's cap, the smallest
/// bureau suggestion, and a share of the book equity (DOMAIN.md §4). All in the policy currency.
public struct LimitCapacity: Hashable, Sendable, Codable {
    /// One bound of the capacity.
    public struct Component: Hashable, Sendable, Codable {
        /// What bounds.
        public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
            /// The policy's per-buyer maximum.
            case perBuyerMaximum
            /// The cap of the buyer's grade.
            case gradeCap
            /// The smallest limit a used bureau report suggests.
            case bureauSuggestion
            /// The equity share cap × the book equity (zero for negative equity).
            case equityShare
        }

        /// What bounds.
        public let kind: Kind
        /// The bound.
        public let amount: Money
        /// The figures behind it.
        public let detail: String

        /// The reason that names this bound when it binds.
        public var reason: LimitReason {
            switch kind {
            case .perBuyerMaximum: return .limitedByPerBuyerMaximum
            case .gradeCap: return .limitedByGradeCap
            case .bureauSuggestion: return .limitedByBureauSuggestion
            case .equityShare: return .limitedByEquityShare
            }
        }
    }

    /// The bounds that apply, in ``Component/Kind`` order.
    public let components: [Component]
    /// The smallest bound.
    public let amount: Money

    /// A capacity, or why there is none.
    public enum Outcome: Hashable, Sendable {
        /// The capacity.
        case available(LimitCapacity)
        /// It cannot be computed: the referral reason.
        case unavailable(ReasonCode)
    }

    /// The capacity of a buyer of `grade`, or the referral reason when it cannot be computed: no cap for the grade,
    /// or an amount in another currency than the policy's (`underwriting.perBuyerMaximum`'s).
    public static func evaluate(grade: Int, suggestedLimits: [SuggestedLimit], bookEquity: Money?,
                                underwriting: UnderwritingParameters) throws -> Outcome {
        let currency = underwriting.perBuyerMaximum.currency
        var components = [Component(kind: .perBuyerMaximum, amount: underwriting.perBuyerMaximum,
                                    detail: "per-buyer maximum \(underwriting.perBuyerMaximum)")]
        guard let cap = underwriting.gradeCaps[grade] else {
            return .unavailable(ReasonCode(.noGradeCap, detail: "the policy sets no cap for grade \(grade)"))
        }
        components.append(Component(kind: .gradeCap, amount: cap, detail: "grade \(grade) cap \(cap)"))
        for suggestion in suggestedLimits where suggestion.amount.currency != currency {
            return .unavailable(ReasonCode(.capacityNeedsConversion,
                                       detail: "\(suggestion.source) suggests \(suggestion.amount), not in \(currency)"))
        }
        if let smallest = try suggestedLimits.min(by: { try $0.amount.compare(to: $1.amount) < 0 }) {
            components.append(Component(kind: .bureauSuggestion, amount: smallest.amount,
                                        detail: "\(smallest.source) suggests \(smallest.amount)"))
        }
        if let equity = bookEquity {
            guard equity.currency == currency else {
                return .unavailable(ReasonCode(.capacityNeedsConversion, detail: "book equity \(equity) is not in \(currency)"))
            }
            let share = try (equity.isNegative ? .zero(currency) : equity).multiplied(by: underwriting.equityShareCap)
            components.append(Component(kind: .equityShare, amount: share,
                                        detail: "\(underwriting.equityShareCap * 100)% of book equity \(equity) = \(share)"))
        }
        let amount = try components.dropFirst().reduce(components[0].amount) { try Money.min($0, $1.amount) }
        return .available(LimitCapacity(components: components, amount: amount))
    }

    /// The components equal to the capacity (those that bind).
    public var binding: [Component] { components.filter { $0.amount == amount } }

    /// What can be granted for `requested`: min(requested, capacity) rounded down to a multiple of `step`.
    public func granted(for requested: Money, step: Money) throws -> Money {
        try Money.min(requested, amount).rounded(toMultipleOf: step, .floor)
    }
}
