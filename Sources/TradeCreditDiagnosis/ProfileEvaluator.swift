import Foundation

/// Decides each of the five profiles from the indicators and the thresholds.
struct ProfileEvaluator {
    let indicators: DiagnosisIndicators
    let thresholds: DiagnosisThresholds

    func findings() -> [ProfileFinding] {
        SellerProfileKind.allCases.map(finding)
    }

    private func flag(_ value: Bool) -> Decimal { value ? 1 : 0 }

    /// `indicator ≥ threshold`, shown as percentages.
    private func share(_ indicator: String, _ value: Decimal, atLeast threshold: Decimal) -> ProfileCheck {
        ProfileCheck(indicator: indicator, value: value, threshold: threshold, comparison: .atLeast, unit: .share)
    }

    private func finding(_ kind: SellerProfileKind) -> ProfileFinding {
        let t = thresholds
        let i = indicators
        switch kind {
        case .longPaymentTerms:
            return ProfileFinding(profile: kind, rule: .all, checks: [
                share("b2b_share", i.b2bShare, atLeast: t.minimumB2BShare),
                ProfileCheck(indicator: "weighted_terms_days", value: i.weightedTermsDays, threshold: t.longTermsDays,
                             comparison: .atLeast, unit: .days),
            ])
        case .fewLargeBuyers:
            return ProfileFinding(profile: kind, rule: .any, checks: [
                share("top5_share", i.top5Share, atLeast: t.top5Share),
                share("top1_share", i.top1Share, atLeast: t.top1Share),
            ])
        case .cyclicalSector:
            return ProfileFinding(profile: kind, rule: .any, checks: [
                share("cyclical_share", i.cyclicalShare, atLeast: t.cyclicalShare),
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
                share("export_share", i.exportShare, atLeast: t.exportShare),
                ProfileCheck(indicator: "export_share_category_\(t.riskyCountryCategory)_plus", value: risky,
                             threshold: 0, comparison: .above, unit: .share),
                share("foreign_currency_share", i.foreignCurrencyShare, atLeast: t.foreignCurrencyShare),
            ])
        }
    }
}
