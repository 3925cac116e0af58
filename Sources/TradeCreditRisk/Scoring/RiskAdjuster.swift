import TradeCreditModel

/// The log-odds adjustments of DOMAIN.md §3 step 4: one reason per known factor, its value from the tables.
struct RiskAdjuster {
    let tables: AdjustmentTables

    /// The factors read and their reasons (in factor order; the scorer sorts them).
    /// - Throws: ``UnderwritingError`` `.outOfRange` for an incorporation date after the evaluation date.
    func adjust(_ buyer: Buyer, _ factors: BuyerRiskFactors, asOf: CalendarDate) throws -> (AppliedFactors, [ScoreReason]) {
        var applied = AppliedFactors()
        var reasons: [ScoreReason] = []
        func add(_ code: ScoreReason.Code, _ table: BandTable, _ factor: Double, _ detail: String) {
            let value = table.value(at: factor)
            reasons.append(ScoreReason(code, contribution: value, detail: "\(detail): \(Figures.signed(value)) log-odds"))
        }
        if let category = factors.countryRiskCategory {
            applied.countryRiskCategory = category
            add(.countryRisk, tables.countryCategory, Double(category), "\(buyer.country) in OECD category \(category)")
        }
        if let sector = buyer.sector {
            applied.sector = sector
            let value = tables.sector.logOdds(for: sector)
            reasons.append(ScoreReason(.sectorRisk, contribution: value,
                                       detail: "NACE section \(sector.section): \(Figures.signed(value)) log-odds"))
        }
        if let incorporated = buyer.incorporationDate {
            guard let years = buyer.ageInYears(on: asOf) else {
                throw UnderwritingError(.outOfRange, field: "buyer.incorporationDate", value: incorporated.description,
                                        "incorporated after the evaluation date \(asOf)")
            }
            applied.companyAgeYears = years
            add(.companyAge, tables.companyAge, Double(years), "incorporated \(incorporated), \(years) years old")
        }
        if let days = factors.daysBeyondTerms {
            applied.daysBeyondTerms = days
            add(.daysBeyondTerms, tables.daysBeyondTerms, Double(days), "pays \(days) days beyond terms")
        }
        if let count = factors.pastOverdues {
            applied.pastOverdues = count
            add(.pastOverdues, tables.pastOverdues, Double(count), "\(count) past overdues with the seller")
        }
        if let share = factors.concentrationShare {
            applied.concentrationShare = share
            add(.concentration, tables.concentration, share, "\(Figures.percent(share)) of the seller's exposure")
        }
        return (applied, reasons)
    }
}
