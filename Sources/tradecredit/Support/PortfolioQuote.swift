import Foundation
import TradeCredit

/// `quote`'s composition: the buyers `assess` would insure (approved or partly approved new-limit requests, with a PD)
/// priced at their granted limits by the pricing engine (`QuoteEngine`); the rules are the engine's.
struct PortfolioQuote {
    /// The decisions that insure a buyer, so that it is priced.
    static let pricedDecisions: Set<LimitDecisionKind> = [.approved, .partlyApproved]

    let terms: PolicyTerms
    /// The policyholder's country (premium tax).
    let country: CountryCode
    /// Every buyer of the buyers file, assessed and decided.
    let outcomes: [PortfolioAssessment.Outcome]
    /// The names of the policy and buyers files in errors.
    let policyFile: String
    let buyersFile: String

    /// Why a buyer is not priced, `nil` when it is.
    static func exclusion(_ outcome: PortfolioAssessment.Outcome) -> String? {
        if outcome.request.kind != .newLimit { return "no requested limit" }
        if !pricedDecisions.contains(outcome.decision.kind) { return outcome.decision.kind.rawValue }
        if outcome.assessment.probabilityOfDefault == nil { return "no PD" }
        return nil
    }

    /// How a priced buyer is quoted: its granted limit, the PD of its assessment, its expected turnover as insured
    /// turnover.
    static func quoteBuyer(_ outcome: PortfolioAssessment.Outcome) -> QuoteBuyer {
        QuoteBuyer(id: outcome.record.buyer.id.rawValue, limit: outcome.decision.grantedAmount,
                   pd: outcome.assessment.probabilityOfDefault ?? 1,
                   annualInsuredTurnover: outcome.record.expectedAnnualTurnover)
    }

    /// The buyers priced, in file order.
    var priced: [PortfolioAssessment.Outcome] { outcomes.filter { Self.exclusion($0) == nil } }

    /// The buyers not priced, in file order, with the reason.
    var excluded: [(outcome: PortfolioAssessment.Outcome, reason: String)] {
        outcomes.compactMap { outcome in Self.exclusion(outcome).map { (outcome, $0) } }
    }

    /// The quote of the priced buyers through `underwriter` (granted limit, PD of the assessment, expected turnover
    /// as insured turnover), at the rates of `date` when an amount is in another currency.
    /// - Throws: ``InputError`` at the buyers file's line for a buyer the engine cannot price, at the policy file's
    ///   JSON path for its terms, at `--country` for a country without a tax rate.
    func quote(with underwriter: Underwriter, ratesOn date: CalendarDate) async throws -> Quote {
        let priced = priced
        do {
            return try await underwriter.quote(priced.map(Self.quoteBuyer), policyholderCountry: country, ratesOn: date).quote
        } catch let error as PricingError {
            throw inputError(error, priced: priced)
        }
    }

    /// The buyers-file column of a ``QuoteBuyer`` field.
    private static let columns = ["limit": "requested_limit", "annualInsuredTurnover": "expected_turnover", "id": "id",
                                  "pd": "probability_of_default"]

    /// `error` located in the input it comes from.
    private func inputError(_ error: PricingError, priced: [PortfolioAssessment.Outcome]) -> InputError {
        let message = error.message + (error.value.map { " (\"\($0)\")" } ?? "")
        if error.code == .emptyPortfolio {
            return InputError(file: buyersFile, "no buyer to price: none is approved or partly approved")
        }
        guard let field = error.field else {
            return InputError(file: policyFile, message)
        }
        if field == "policyholderCountry" { return InputError(file: "--country", message) }
        if field.hasPrefix("buyers["), let close = field.firstIndex(of: "]"),
           let index = Int(field[field.index(field.startIndex, offsetBy: 7)..<close]), priced.indices.contains(index) {
            let rest = field[close...].drop { $0 == "]" || $0 == "." }
            return InputError(file: buyersFile, line: priced[index].line, field: Self.columns[String(rest)] ?? String(rest),
                              message)
        }
        return InputError(file: policyFile, field: field, message)
    }
}
