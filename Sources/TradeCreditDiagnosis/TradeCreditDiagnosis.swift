public import TradeCreditModel

/// The exposure diagnosis: from a seller's receivables ledger, the indicators behind the profiles of sellers who
/// need credit insurance most, and whether each profile is met.
///
/// Pure and synchronous: it imports the model and the engines only, does no I/O and never reads the clock.
public enum TradeCreditDiagnosis {
    /// The version of the indicators, thresholds and defaults, recorded in every diagnosis.
    public static let rulesVersion = "diagnosis-1"

    /// Validates the ledger, computes the indicators and decides the five profiles.
    ///
    /// - Parameters:
    ///   - seller: the policyholder's sector, country, age, size and reporting currency.
    ///   - ledger: buyers, invoices and payments.
    ///   - evaluationDate: the "as of" date (age, overdue days); invoices dated after it are an error.
    ///   - rates: converts foreign-currency invoices (at their invoice date) and the turnover (to EUR, at the
    ///     evaluation date); may be `nil` when everything is in the reporting currency and the turnover in EUR.
    ///   - conversion: how far back a publication may be from the date converted (7 days by default).
    ///   - countryCategories: OECD country risk category by country (no table ships; absent = unknown).
    ///   - cyclical: the cyclical NACE activities.
    ///   - thresholds: the thresholds of the profiles.
    ///   - cover: the policy to price and the ratings known, for the cost/benefit table; `nil`: no table.
    /// - Throws: ``DiagnosisError`` naming the line and field at fault.
    public static func diagnose(
        seller: SellerProfile, ledger: SellerLedger, evaluationDate: CalendarDate, rates: RateTable? = nil,
        conversion: ConversionPolicy = ConversionPolicy(), countryCategories: CountryRiskCategories = .none, cyclical: CyclicalSectors = .default,
        thresholds: DiagnosisThresholds = .init(), cover: CoverScenario? = nil
    ) throws -> Diagnosis {
        try thresholds.validate()
        let analysis = try IndicatorCalculator(
            seller: seller, ledger: ledger, evaluationDate: evaluationDate, rates: rates, conversion: conversion,
            cyclical: cyclical,
            countryCategories: countryCategories, thresholds: thresholds
        ).analyse()
        let findings = ProfileEvaluator(indicators: analysis.indicators, thresholds: thresholds).findings()
        let costBenefit = try cover.map {
            try CostBenefitCalculator(seller: seller, analysis: analysis, scenario: $0, evaluationDate: evaluationDate,
                                      countryCategories: countryCategories).compute()
        }
        return Diagnosis(evaluationDate: evaluationDate, rulesVersion: rulesVersion, thresholds: thresholds,
                         indicators: analysis.indicators, findings: findings, costBenefit: costBenefit)
    }
}

/// The result of a diagnosis: the indicators, one finding per profile, and the thresholds and rules used.
public struct Diagnosis: Hashable, Sendable, Encodable {
    /// The "as of" date.
    public let evaluationDate: CalendarDate
    /// ``TradeCreditDiagnosis/rulesVersion`` at the time.
    public let rulesVersion: String
    /// The thresholds used.
    public let thresholds: DiagnosisThresholds
    /// The indicators.
    public let indicators: DiagnosisIndicators
    /// One finding per profile, in ``SellerProfileKind`` order.
    public let findings: [ProfileFinding]
    /// The cost/benefit table, when a cover scenario was given.
    public let costBenefit: CostBenefit?

    /// The finding for `profile`.
    public func finding(_ profile: SellerProfileKind) -> ProfileFinding {
        findings.first { $0.profile == profile }!
    }

    /// One plain-language line per finding, then the cost/benefit lines.
    public var summaryLines: [String] { findings.map(\.summary) + (costBenefit?.summaryLines ?? []) }

    private enum CodingKeys: String, CodingKey {
        case evaluationDate, rulesVersion, thresholds, indicators, findings, costBenefit, summary
    }

    /// Encodes every figure, and the summary lines under `summary`; `costBenefit` is `null` when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(evaluationDate, forKey: .evaluationDate)
        try container.encode(rulesVersion, forKey: .rulesVersion)
        try container.encode(thresholds, forKey: .thresholds)
        try container.encode(indicators, forKey: .indicators)
        try container.encode(findings, forKey: .findings)
        if let costBenefit { try container.encode(costBenefit, forKey: .costBenefit) } else {
            try container.encodeNil(forKey: .costBenefit)
        }
        try container.encode(summaryLines, forKey: .summary)
    }
}
