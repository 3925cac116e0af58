import Foundation

/// Decides each of the five profiles from the indicators and the thresholds.
struct ProfileEvaluator {
    let indicators: DiagnosisIndicators
    let thresholds: DiagnosisThresholds

    func findings() -> [ProfileFinding] {
        SellerProfileKind.allCases.map(finding)
    }

    private func flag(_ value: Bool) -> Decimal { value ? 1 : 0 }

    private func finding(_ kind: SellerProfileKind) -> ProfileFinding {
        let t = thresholds
        let i = indicators
        switch kind {
        case .longPaymentTerms:
            return ProfileFinding(profile: kind, rule: .all, checks: [
                ProfileCheck(indicator: "b2b_share", value: i.b2bShare, threshold: t.minimumB2BShare,
                             comparison: .atLeast, unit: .share),
                ProfileCheck(indicator: "weighted_terms_days", value: i.weightedTermsDays, threshold: t.longTermsDays,
                             comparison: .atLeast, unit: .days),
            ])
        case .fewLargeBuyers:
            return ProfileFinding(profile: kind, rule: .any, checks: [
                ProfileCheck(indicator: "top5_share", value: i.top5Share, threshold: t.top5Share,
                             comparison: .atLeast, unit: .share),
                ProfileCheck(indicator: "top1_share", value: i.top1Share, threshold: t.top1Share,
                             comparison: .atLeast, unit: .share),
            ])
        case .cyclicalSector:
            return ProfileFinding(profile: kind, rule: .any, checks: [
                ProfileCheck(indicator: "cyclical_share", value: i.cyclicalShare, threshold: t.cyclicalShare,
                             comparison: .atLeast, unit: .share),
                ProfileCheck(indicator: "seller_sector_cyclical", value: flag(i.sellerSectorCyclical), threshold: 1,
                             comparison: .atLeast, unit: .flag),
            ])
        case .newFirmOrSME:
            let sme: Decimal? = switch i.sizeClass {
            case .sme: 1
            case .large: 0
            case .unknown: nil
            }
            return ProfileFinding(profile: kind, rule: .any, checks: [
                ProfileCheck(indicator: "age_years", value: Decimal(i.ageYears), threshold: Decimal(t.newFirmAgeYears),
                             comparison: .below, unit: .years),
                ProfileCheck(indicator: "sme", value: sme, threshold: 1, comparison: .atLeast, unit: .flag),
            ])
        case .exporter:
            let risky = i.exportShareByCategory
                .filter { ($0.key.category ?? -1) >= t.riskyCountryCategory }
                .values.reduce(Decimal(0), +)
            return ProfileFinding(profile: kind, rule: .any, checks: [
                ProfileCheck(indicator: "export_share", value: i.exportShare, threshold: t.exportShare,
                             comparison: .atLeast, unit: .share),
                ProfileCheck(indicator: "export_share_category_\(t.riskyCountryCategory)_plus", value: risky,
                             threshold: 0, comparison: .above, unit: .share),
                ProfileCheck(indicator: "foreign_currency_share", value: i.foreignCurrencyShare,
                             threshold: t.foreignCurrencyShare, comparison: .atLeast, unit: .share),
            ])
        }
    }
}
