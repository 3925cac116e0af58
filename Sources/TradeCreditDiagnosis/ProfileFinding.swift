public import Foundation

/// The five profiles of sellers who need credit insurance most (the brief's last section).
public enum SellerProfileKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// B2B sales on long payment terms.
    case longPaymentTerms
    /// Dependence on a few large buyers.
    case fewLargeBuyers
    /// A cyclical sector (construction, manufacturing, durable goods).
    case cyclicalSector
    /// A new firm or an SME.
    case newFirmOrSME
    /// An exporter.
    case exporter

    /// A short name for a person.
    public var title: String {
        switch self {
        case .longPaymentTerms: "B2B on long payment terms"
        case .fewLargeBuyers: "Dependence on a few large buyers"
        case .cyclicalSector: "Cyclical sector"
        case .newFirmOrSME: "New firm or SME"
        case .exporter: "Exporter"
        }
    }
}

/// One comparison of an indicator with its threshold.
public struct ProfileCheck: Hashable, Sendable, Codable {
    /// How the value is compared with the threshold.
    public enum Comparison: String, Hashable, Sendable, Codable {
        /// value ≥ threshold.
        case atLeast
        /// value < threshold.
        case below
        /// value > threshold.
        case above
    }
    /// How the value is shown.
    public enum Unit: String, Hashable, Sendable, Codable {
        /// A fraction, shown as a percentage.
        case share
        /// Days.
        case days
        /// Whole years.
        case years
        /// 1 = yes, 0 = no.
        case flag
    }

    /// The indicator's stable name, e.g. `weighted_terms_days`.
    public let indicator: String
    /// The indicator's value; `nil` when unknown (then the check is not met).
    public let value: Decimal?
    /// The threshold it is compared with.
    public let threshold: Decimal
    /// The comparison.
    public let comparison: Comparison
    /// The unit used to show value and threshold.
    public let unit: Unit

    /// Creates a check.
    public init(indicator: String, value: Decimal?, threshold: Decimal, comparison: Comparison, unit: Unit) {
        self.indicator = indicator
        self.value = value
        self.threshold = threshold
        self.comparison = comparison
        self.unit = unit
    }

    /// Whether the value passes the comparison.
    public var isMet: Bool {
        guard let value else { return false }
        return switch comparison {
        case .atLeast: value >= threshold
        case .below: value < threshold
        case .above: value > threshold
        }
    }

    /// `weighted_terms_days 75 days ≥ 60 days`, or `… unknown` when there is no value.
    public var text: String {
        let sign = switch (comparison, isMet) {
        case (.atLeast, true), (.below, false): "≥"
        case (.atLeast, false), (.below, true): "<"
        case (.above, true): ">"
        case (.above, false): "≤"
        }
        guard let value else { return "\(indicator) unknown" }
        return "\(indicator) \(Self.format(value, unit)) \(sign) \(Self.format(threshold, unit))"
    }

    /// A value in its unit: shares as a percentage to one decimal, days to one decimal, years and flags whole.
    public static func format(_ value: Decimal, _ unit: Unit) -> String {
        func rounded(_ x: Decimal, _ scale: Int) -> String {
            var input = x
            var output = Decimal()
            NSDecimalRound(&output, &input, scale, .plain)
            return "\(output)"
        }
        return switch unit {
        case .share: rounded(value * 100, 1) + " %"
        case .days: rounded(value, 1) + " days"
        case .years: rounded(value, 0) + " years"
        case .flag: value == 0 ? "no" : "yes"
        }
    }
}

/// Whether a profile is met, the check that decided it, every check made, and one line for a person.
public struct ProfileFinding: Hashable, Sendable, Codable {
    /// How the checks combine.
    public enum Rule: String, Hashable, Sendable, Codable {
        /// Met when every check is met; decided by the first failing check, or the last when all pass.
        case all
        /// Met when any check is met; decided by the first passing check, or the first when none passes.
        case any
    }

    /// The profile.
    public let profile: SellerProfileKind
    /// Whether it is met.
    public let isMet: Bool
    /// The check that decided.
    public let decidingCheck: ProfileCheck
    /// All checks made, in order.
    public let checks: [ProfileCheck]
    /// The combination rule.
    public let rule: Rule

    /// Combines `checks` under `rule`; `checks` must not be empty.
    public init(profile: SellerProfileKind, rule: Rule, checks: [ProfileCheck]) {
        precondition(!checks.isEmpty, "a finding needs at least one check")
        self.profile = profile
        self.rule = rule
        self.checks = checks
        switch rule {
        case .all:
            let failing = checks.first { !$0.isMet }
            isMet = failing == nil
            decidingCheck = failing ?? checks[checks.count - 1]
        case .any:
            let passing = checks.first { $0.isMet }
            isMet = passing != nil
            decidingCheck = passing ?? checks[0]
        }
    }

    /// E.g. `Exporter: met (export_share 40.0 % ≥ 20.0 %).`
    public var summary: String {
        "\(profile.title): \(isMet ? "met" : "not met") (\(decidingCheck.text))."
    }
}
