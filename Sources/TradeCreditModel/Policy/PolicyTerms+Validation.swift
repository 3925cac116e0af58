import Foundation

extension PolicyTerms {
    /// Checks every term and throws on the first one that is out of range, naming it (`pricing.expenseRatio`).
    ///
    /// Terms are plain mutable values so that a preset can be adjusted field by field; call this once they are
    /// set, before using them (the CLI's demo does).
    /// - Throws: ``ModelError`` `.outOfRange` for a value out of its range, `.currencyMismatch` for an amount not in
    ///   the policy currency, `.inconsistent` for terms that contradict each other, `.missingValue` for a rate the
    ///   premium basis needs.
    public func validate() throws {
        var check = TermChecker(currency: currency)
        try check.fraction("insuredPercentage", insuredPercentage, allowZero: false)
        try check.count("policyYearMonths", policyYearMonths, in: 1...120)
        try check.count("maximumCreditPeriodDays", maximumCreditPeriodDays, in: 1...3_650)
        for (field, days) in [("maximumExtensionPeriodDays", maximumExtensionPeriodDays),
                              ("overdueNotificationDays", overdueNotificationDays), ("claimFilingDays", claimFilingDays),
                              ("waitingPeriodDays", waitingPeriodDays), ("indemnityPaymentDays", indemnityPaymentDays),
                              ("limitReductionNoticeDays", limitReductionNoticeDays),
                              ("discretionaryReportMaxAgeDays", discretionaryReportMaxAgeDays)] {
            try check.count(field, days, in: 0...3_650)
        }
        if let ceiling = discretionaryLimitCeiling { try check.amount("discretionaryLimitCeiling", ceiling) }
        try check.amount("claimsThreshold", claimsThreshold)
        try check.amount("deductiblePerClaim", deductiblePerClaim)
        try check.amount("aggregateFirstLoss", aggregateFirstLoss)
        switch maximumLiability {
        case .absolute(let amount): try check.amount("maximumLiability.amount", amount, positive: true)
        case .multipleOfPremium(let multiple):
            guard multiple > 0 else { throw check.range("maximumLiability.multipleOfPremium", multiple, "must be positive") }
        }
        guard !coveredBuyerCategories.isEmpty else {
            throw ModelError(.outOfRange, field: "coveredBuyerCategories", "the policy must cover at least one buyer category")
        }
        if let only = territory.onlyCountries, only.subtracting(territory.excludedCountries).isEmpty {
            throw ModelError(.inconsistent, field: "territory", "no country left to cover")
        }
        try check.fraction("politicalRisk.insuredPercentage", politicalRisk.insuredPercentage, allowZero: false)
        try validatePremium(&check)
        try validatePricing(&check)
        try validateUnderwriting(&check)
        guard indemnitySteps.count == IndemnityStep.allCases.count, Set(indemnitySteps).count == indemnitySteps.count else {
            throw ModelError(.inconsistent, field: "indemnitySteps",
                             "list each of \(IndemnityStep.allCases.map(\.rawValue).joined(separator: ", ")) exactly once")
        }
    }

    private func validatePremium(_ check: inout TermChecker) throws {
        let rates: [(String, Decimal?)] = [
            ("premium.turnoverRate", premium.turnoverRate), ("premium.limitRatePerYear", premium.limitRatePerYear),
            ("premium.refusedBuyerLimitRatePerYear", premium.refusedBuyerLimitRatePerYear),
            ("premium.basisPointsPerDay", premium.basisPointsPerDay),
        ]
        for (field, rate) in rates {
            if let rate, rate < 0 { throw check.range(field, rate, "cannot be negative") }
        }
        if let months = premium.minimumMonths { try check.count("premium.minimumMonths", months, in: 0...120) }
        let needed: (String, Decimal?)? = switch premium.basis {
        case .insuredTurnover: ("premium.turnoverRate", premium.turnoverRate)
        case .limits: ("premium.limitRatePerYear", premium.limitRatePerYear)
        case .perInvoice: ("premium.basisPointsPerDay", premium.basisPointsPerDay)
        case .riskBased, .grid: nil
        }
        if let (field, value) = needed, value == nil {
            throw ModelError(.missingValue, field: field, "required by the premium basis \(premium.basis.rawValue)")
        }
    }

    private func validatePricing(_ check: inout TermChecker) throws {
        try check.fraction("pricing.expenseRatio", pricing.expenseRatio, allowOne: false)
        try check.fraction("pricing.commission", pricing.commission, allowOne: false)
        guard pricing.expenseRatio + pricing.commission < 1 else {
            throw ModelError(.inconsistent, field: "pricing.commission",
                             "expense ratio plus commission must stay below 100%")
        }
        try check.fraction("pricing.costOfCapital", pricing.costOfCapital)
        try check.fraction("pricing.confidenceLevel", pricing.confidenceLevel, allowZero: false, allowOne: false)
        try check.fraction("pricing.utilisation", pricing.utilisation, allowZero: false)
        try check.fraction("pricing.lossGivenDefault", pricing.lossGivenDefault)
        if pricing.volatilityRatio < 0 { throw check.range("pricing.volatilityRatio", pricing.volatilityRatio, "cannot be negative") }
        try check.amount("pricing.minimumPremium", pricing.minimumPremium)
        if let tax = pricing.premiumTaxRate { try check.fraction("pricing.premiumTaxRate", tax, allowOne: false) }
        var expectedStart: Decimal = 0
        for (index, band) in pricing.lossRatioBands.enumerated() {
            let field = "pricing.lossRatioBands[\(index)]"
            guard band.fromLossRatio == expectedStart else {
                throw ModelError(.inconsistent, field: field, value: "\(band.fromLossRatio)",
                                 "bands must start at 0 and follow each other without gap (expected \(expectedStart))")
            }
            guard band.adjustment > -1 else { throw check.range(field + ".adjustment", band.adjustment, "must be above -100%") }
            guard let upper = band.toLossRatio else {
                guard index == pricing.lossRatioBands.count - 1 else {
                    throw ModelError(.inconsistent, field: field, "only the last band may be open-ended")
                }
                break
            }
            guard upper > band.fromLossRatio else { throw check.range(field + ".toLossRatio", upper, "must exceed fromLossRatio") }
            expectedStart = upper
        }
    }

    private func validateUnderwriting(_ check: inout TermChecker) throws {
        try check.count("underwriting.refusalGrade", underwriting.refusalGrade, in: 1...10)
        try check.amount("underwriting.limitStep", underwriting.limitStep, positive: true)
        try check.amount("underwriting.perBuyerMaximum", underwriting.perBuyerMaximum, positive: true)
        try check.amount("underwriting.automaticAuthority", underwriting.automaticAuthority)
        for (grade, cap) in underwriting.gradeCaps.sorted(by: { $0.key < $1.key }) {
            try check.count("underwriting.gradeCaps", grade, in: 1...10)
            try check.amount("underwriting.gradeCaps[\(grade)]", cap)
        }
        try check.fraction("underwriting.equityShareCap", underwriting.equityShareCap)
    }
}

/// The checks shared by the fields of ``PolicyTerms``.
private struct TermChecker {
    let currency: CurrencyCode

    func range(_ field: String, _ value: Decimal, _ message: String) -> ModelError {
        ModelError(.outOfRange, field: field, value: "\(value)", message)
    }

    func fraction(_ field: String, _ value: Decimal, allowZero: Bool = true, allowOne: Bool = true) throws {
        let low = allowZero ? value >= 0 : value > 0
        let high = allowOne ? value <= 1 : value < 1
        guard low && high else {
            throw range(field, value, "a fraction in \(allowZero ? "[" : "(")0, 1\(allowOne ? "]" : ")") (0.9 for 90%)")
        }
    }

    func count(_ field: String, _ value: Int, in bounds: ClosedRange<Int>) throws {
        guard bounds.contains(value) else {
            throw ModelError(.outOfRange, field: field, value: String(value),
                             "must be from \(bounds.lowerBound) to \(bounds.upperBound)")
        }
    }

    func amount(_ field: String, _ money: Money, positive: Bool = false) throws {
        guard money.currency == currency else {
            throw ModelError(.currencyMismatch, field: field, value: money.description,
                             "must be in the policy currency \(currency)")
        }
        guard positive ? money.isPositive : !money.isNegative else {
            throw ModelError(.outOfRange, field: field, value: money.description,
                             positive ? "must be positive" : "cannot be negative")
        }
    }
}
