import Foundation
import TradeCredit

/// `assess`'s composition: each buyer of a buyers file is looked up in a file bureau, scored by the risk engine
/// (`BuyerScorer`) and its limit request decided under a policy (`LimitUnderwriter`), with amounts in other
/// currencies converted into the policy currency first. The rules are the engine's; this type only wires them.
struct PortfolioAssessment {
    /// One amount converted into the policy currency.
    struct Conversion {
        /// `requested_limit`, or `suggested_limit` for a bureau's suggestion.
        let field: String
        /// The bureau whose suggestion it is (`nil` for the requested limit).
        let source: String?
        /// The conversion, with its rates and the publication used.
        let conversion: CurrencyConversion
    }

    /// One buyer's result.
    struct Outcome {
        /// The line of the buyers file where the buyer starts.
        let line: Int
        /// The buyer and its request as the buyers file gives them.
        let record: BuyerRecord
        /// The request decided: `newLimit` for a requested limit, `preliminaryAssessment` without one.
        let request: LimitRequest
        /// The assessment.
        let assessment: BuyerAssessment
        /// The decision.
        let decision: LimitDecision
        /// The amounts converted for this buyer (the requested limit, the suggestions of the sources used).
        let conversions: [Conversion]
    }

    /// The policy whose currency and underwriting parameters apply.
    let policy: PolicyTerms
    /// The evaluation date (ages of ratings, the decision date).
    let asOf: CalendarDate
    /// The ratings.
    let bureau: FileRatingBureau
    /// The name of the buyers file in errors (`<stdin>` for standard input).
    let buyersFile: String

    /// Scores and decides every buyer, in file order.
    /// - Throws: ``InputError`` at `FILE:LINE: requested_limit` for an amount the rates cannot convert, at
    ///   `FILE:LINE: incorporation_date` for a buyer incorporated after the as-of date; a bad rates file.
    func run(_ records: [BuyersFile.LocatedRecord], converter: inout PolicyCurrencyConverter) async throws -> [Outcome] {
        let scales = bureau.scales.values.sorted { $0.id < $1.id }
        let scorer = BuyerScorer()
        let underwriter = LimitUnderwriter(policy: policy)
        var outcomes: [Outcome] = []
        for located in records {
            let (line, record, buyer) = (located.line, located.record, located.record.buyer)
            func inputError(_ field: String, _ message: String) -> InputError {
                InputError(file: buyersFile, line: line, field: field, message)
            }
            var conversions: [Conversion] = []

            // The request: the requested limit in the policy currency, or a preliminary assessment without one.
            let kind: LimitRequestKind
            let requested: Money
            if let asked = record.requestedLimit, asked.isPositive {
                do {
                    if let conversion = try await converter.convert(asked) {
                        conversions.append(Conversion(field: "requested_limit", source: nil, conversion: conversion))
                        requested = conversion.converted
                    } else {
                        requested = asked
                    }
                } catch let error as ModelError {
                    throw inputError("requested_limit", error.message + (error.value.map { " (\"\($0)\")" } ?? ""))
                }
                guard requested.isPositive else {
                    throw inputError("requested_limit", "\(asked) converts to \(requested): too small for a limit request")
                }
                kind = .newLimit
            } else {
                kind = .preliminaryAssessment
                requested = policy.underwriting.automaticAuthority
            }

            // The ratings, their suggested limits in the policy currency. A suggestion the rates cannot convert is
            // left as it is: the underwriter then refers the request (`capacity_needs_conversion`).
            var ratings: [BureauRating] = []
            var suggestionConversions: [Conversion] = []
            for rating in bureau.ratingsNow(for: BuyerQuery(buyer)) {
                var converted: CurrencyConversion?
                if let suggestion = rating.suggestedLimit {
                    do { converted = try await converter.convert(suggestion) } catch is ModelError { converted = nil }
                }
                guard let conversion = converted else {
                    ratings.append(rating)
                    continue
                }
                suggestionConversions.append(Conversion(field: "suggested_limit", source: rating.source, conversion: conversion))
                ratings.append(BureauRating(source: rating.source, scaleID: rating.scaleID,
                                            buyerIdentifier: rating.buyerIdentifier, ratedOn: rating.ratedOn,
                                            value: rating.value, suggestedLimit: conversion.converted,
                                            adverseEvents: rating.adverseEvents))
            }

            let assessment: BuyerAssessment
            do {
                assessment = try scorer.assess(AssessmentInput(buyer: buyer, asOf: asOf, ratings: ratings, scales: scales))
            } catch let error as UnderwritingError {
                throw inputError(error.field == "buyer.incorporationDate" ? "incorporation_date" : error.field,
                                 error.message + (error.value.map { " (\"\($0)\")" } ?? ""))
            }
            // Only the suggestions of the sources the assessment used bear on the decision.
            conversions += suggestionConversions.filter { candidate in
                assessment.suggestedLimits.contains { $0.source == candidate.source && $0.amount == candidate.conversion.converted }
            }

            let id = LimitID(validated: buyer.id.rawValue)
            let request = try LimitRequest(id: id, buyerID: buyer.id, kind: kind, requestedAmount: requested,
                                           requestDate: asOf, paymentTermsDays: record.paymentTermsDays)
            let decision = try underwriter.decide(request, for: buyer, assessment: assessment, decisionID: id, on: asOf)
            outcomes.append(Outcome(line: line, record: record, request: request, assessment: assessment,
                                    decision: decision, conversions: conversions))
        }
        return outcomes
    }
}
