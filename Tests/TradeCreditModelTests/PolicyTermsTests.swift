import Foundation
import Testing
@testable import TradeCreditModel

@Suite("PolicyTerms")
struct PolicyTermsTests {
    static let period = try! DatePeriod(start: CalendarDate(year: 2026, month: 1, day: 1),
                                        end: CalendarDate(year: 2026, month: 12, day: 31))
    static let typical = PolicyTerms.typical(currency: .EUR, period: period)

    @Test func typicalPresetHasTheDomainDefaults() throws {
        let terms = Self.typical
        try terms.validate()
        #expect(terms.insuredPercentage == Decimal(string: "0.9"))
        #expect(terms.maximumExtensionPeriodDays == 60)
        #expect(terms.overdueNotificationDays == 30)
        #expect(terms.overdueNotificationAnchor == .endOfMaximumExtensionPeriod)
        #expect(terms.claimFilingDays == 60)
        #expect(terms.waitingPeriodDays == 150)
        #expect(terms.indemnityPaymentDays == 30)
        #expect(terms.limitReductionNoticeDays == 30)
        #expect(terms.claimsThreshold == Money(units: 1_000, .EUR))
        #expect(terms.deductiblePerClaim.isZero)
        #expect(terms.aggregateFirstLoss == Money(units: 20_000, .EUR))
        #expect(terms.maximumLiability == .multipleOfPremium(30))
        #expect(terms.coveredBuyerCategories == [.business])
        #expect(!terms.vatCovered)
        #expect(terms.politicalRisk.insuredPercentage == Decimal(string: "0.95"))
        #expect(terms.pricing.expenseRatio == Decimal(string: "0.25"))
        #expect(terms.pricing.commission == Decimal(string: "0.10"))
        #expect(terms.pricing.costOfCapital == Decimal(string: "0.10"))
        #expect(terms.pricing.confidenceLevel == Decimal(string: "0.995"))
        #expect(terms.pricing.utilisation == Decimal(string: "0.75"))
        #expect(terms.pricing.lossGivenDefault == Decimal(string: "0.8"))
        #expect(terms.pricing.volatilityRatio == Decimal(string: "0.5"))
        #expect(terms.underwriting.refusalGrade == 8)
        #expect(terms.underwriting.limitStep == Money(units: 1_000, .EUR))
        #expect(terms.indemnitySteps == [.limitCap, .claimsThreshold, .insuredPercentage, .deductible,
                                         .aggregateFirstLoss, .maximumLiability])
    }

    /// Breaks one term of the typical preset; the validation error must name exactly that term.
    static func broken(_ field: String) -> PolicyTerms {
        var t = typical
        switch field {
        case "insuredPercentage": t.insuredPercentage = Decimal(string: "1.2")!
        case "maximumCreditPeriodDays": t.maximumCreditPeriodDays = 0
        case "waitingPeriodDays": t.waitingPeriodDays = -1
        case "claimsThreshold": t.claimsThreshold = Money(units: 1_000, .USD)
        case "aggregateFirstLoss": t.aggregateFirstLoss = Money(units: -1, .EUR)
        case "maximumLiability.multipleOfPremium": t.maximumLiability = .multipleOfPremium(0)
        case "coveredBuyerCategories": t.coveredBuyerCategories = []
        case "pricing.commission": t.pricing.commission = Decimal(string: "0.80")!
        case "pricing.confidenceLevel": t.pricing.confidenceLevel = 1
        case "pricing.lossRatioBands[1]":
            t.pricing.lossRatioBands[1] = LossRatioBand(fromLossRatio: Decimal(string: "0.3")!,
                                                        toLossRatio: Decimal(string: "0.6")!, adjustment: 0)
        case "premium.turnoverRate": t.premium = PremiumTerms(basis: .insuredTurnover)
        case "underwriting.refusalGrade": t.underwriting.refusalGrade = 11
        case "underwriting.limitStep": t.underwriting.limitStep = .zero(.EUR)
        case "indemnitySteps": t.indemnitySteps = [.limitCap, .limitCap]
        default: Issue.record("no way to break \(field)")
        }
        return t
    }

    @Test(arguments: [
        "insuredPercentage", "maximumCreditPeriodDays", "waitingPeriodDays", "claimsThreshold", "aggregateFirstLoss",
        "maximumLiability.multipleOfPremium", "coveredBuyerCategories", "pricing.commission", "pricing.confidenceLevel",
        "pricing.lossRatioBands[1]", "premium.turnoverRate", "underwriting.refusalGrade", "underwriting.limitStep",
        "indemnitySteps",
    ])
    func brokenTermIsNamed(field: String) {
        let terms = Self.broken(field)
        #expect {
            try terms.validate()
        } throws: { error in
            (error as? ModelError)?.field == field
        }
    }

    @Test func zeroInsuredPercentageIsRefused() {
        var terms = Self.typical
        terms.insuredPercentage = 0
        #expect(throws: ModelError.self) { try terms.validate() }
    }

    @Test func coverageFollowsCategoryTerritoryAndRelatedParty() throws {
        var terms = Self.typical
        terms.territory = Territory(excludedCountries: [try CountryCode("RU")])
        let business = try Buyer(id: "B1", legalName: "Alpha", country: .FR)
        let russian = try Buyer(id: "B2", legalName: "Beta", country: CountryCode("RU"))
        let affiliate = try Buyer(id: "B3", legalName: "Gamma", country: .FR, isRelatedParty: true)
        let council = try Buyer(id: "B4", legalName: "Delta", country: .FR, category: .publicBody)
        #expect(terms.covers(business))
        #expect(!terms.covers(russian))
        #expect(!terms.covers(affiliate))
        #expect(!terms.covers(council))
        terms.coveredBuyerCategories.insert(.publicBody)
        #expect(terms.covers(council))
    }

    @Test func policyYears() throws {
        let period = try DatePeriod(start: CalendarDate(year: 2025, month: 7, day: 1), end: CalendarDate(year: 2027, month: 6, day: 30))
        let terms = PolicyTerms.typical(currency: .EUR, period: period)
        #expect(terms.policyYear(of: try CalendarDate(year: 2025, month: 7, day: 1)) == 1)
        #expect(terms.policyYear(of: try CalendarDate(year: 2026, month: 6, day: 30)) == 1)
        #expect(terms.policyYear(of: try CalendarDate(year: 2026, month: 7, day: 1)) == 2)
        #expect(terms.policyYear(of: try CalendarDate(year: 2027, month: 7, day: 1)) == nil)
    }

    @Test func jsonRoundTrip() throws {
        let data = try JSONEncoder().encode(Self.typical)
        let decoded = try JSONDecoder().decode(PolicyTerms.self, from: data)
        #expect(decoded == Self.typical)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""multipleOfPremium":30"#))
    }
}
