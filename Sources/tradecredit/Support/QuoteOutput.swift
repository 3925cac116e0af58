import Foundation
import TradeCredit

/// The output of `quote`: the JSON document of Documentation/CLI.md and its table.
///
/// The quote is the engine's `Quote` as it encodes itself (amounts as `{"amount": "…", "currency": "EUR"}`); around it,
/// the policy, the as-of date, the ratings and rates used for the assessment, and the buyers left out with why.
struct QuoteOutput: Encodable {
    let terms: PolicyTerms
    let country: CountryCode
    let asOf: CalendarDate
    /// `sample`, or the ratings file as given.
    let ratings: String
    /// The rates' source and the date of the rates used, when an amount was converted.
    let rates: (source: String, date: CalendarDate)?
    let quote: Quote
    let excluded: [(outcome: PortfolioAssessment.Outcome, reason: String)]

    private enum CodingKeys: String, CodingKey { case asOf, excluded, policy, quote, rates, ratings, summary }
    private enum PolicyKeys: String, CodingKey { case id, currency, period, insuredPercentage, policyholderCountry }
    private enum SummaryKeys: String, CodingKey { case buyers, priced, excluded }
    private enum ExcludedKeys: String, CodingKey {
        case id, line, legalName, reason, decision, requested, granted, decisionReasons
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        var list = container.nestedUnkeyedContainer(forKey: .excluded)
        for (outcome, reason) in excluded {
            var item = list.nestedContainer(keyedBy: ExcludedKeys.self)
            try item.encode(outcome.record.buyer.id, forKey: .id)
            try item.encode(outcome.line, forKey: .line)
            try item.encode(outcome.record.buyer.legalName, forKey: .legalName)
            try item.encode(reason, forKey: .reason)
            try item.encode(outcome.decision.kind.rawValue, forKey: .decision)
            try item.encodeOrNull(outcome.record.requestedLimit, forKey: .requested)
            try item.encode(outcome.decision.grantedAmount, forKey: .granted)
            try item.encode(outcome.decision.reasons.map(\.code), forKey: .decisionReasons)
        }
        var policy = container.nestedContainer(keyedBy: PolicyKeys.self, forKey: .policy)
        try policy.encode(terms.policyID, forKey: .id)
        try policy.encode(terms.currency, forKey: .currency)
        try policy.encode(terms.period, forKey: .period)
        try policy.encode(terms.insuredPercentage, forKey: .insuredPercentage)
        try policy.encode(country, forKey: .policyholderCountry)
        try container.encode(quote, forKey: .quote)
        try container.encodeRates(rates, forKey: .rates)
        try container.encode(ratings, forKey: .ratings)
        var summary = container.nestedContainer(keyedBy: SummaryKeys.self, forKey: .summary)
        try summary.encode(quote.buyers.count + excluded.count, forKey: .buyers)
        try summary.encode(quote.buyers.count, forKey: .priced)
        try summary.encode(excluded.count, forKey: .excluded)
    }

    /// A header, the engine's quote table (`QuoteTable.render`) and the buyers left out.
    func text() -> String {
        var lines = [
            "Quote for policy \(terms.policyID) (\(terms.currency), policyholder \(country)), as of \(asOf)",
            "Buyers: \(quote.buyers.count + excluded.count) in the file, \(quote.buyers.count) priced at their granted "
                + "limits, \(excluded.count) excluded; ratings: \(ratings); rates: "
                + (rates.map { "\($0.source) \($0.date)" } ?? "none needed"),
            "",
            QuoteTable.render(quote),
            "",
        ]
        if excluded.isEmpty {
            lines.append("Excluded buyers: none")
        } else {
            lines.append("Excluded buyers (not priced):")
            var table = TextTable([("buyer", .left), ("line", .right), ("excluded", .left), ("requested", .right),
                                   ("decision reasons", .left)])
            for (outcome, reason) in excluded {
                table.append([outcome.record.buyer.id.rawValue, "\(outcome.line)", reason,
                              outcome.record.requestedLimit.map(MoneyText.grouped) ?? "",
                              outcome.decision.reasons.map(\.code).filter { $0 != LimitReason.assessedGrade.rawValue }
                                  .joined(separator: ", ")])
            }
            lines.append(table.render())
        }
        return lines.joined(separator: "\n")
    }
}
