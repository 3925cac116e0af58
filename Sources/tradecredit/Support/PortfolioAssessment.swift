import Foundation
import Logging
import TradeCredit

/// The composition of `assess`, `quote` and `demo`: every buyer of a buyers file assessed and its limit request decided
/// through the SDK's ``Underwriter`` (the batch API), and the results in the form the outputs print. The rules are the
/// SDK's; this type only builds the applications from the file and locates the failures in it.
struct PortfolioAssessment {
    /// The label of the progress bar of the decisions.
    static let progressLabel = "Deciding limits"

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
    /// The underwriter over the ratings and the rates, for `policy`.
    let underwriter: Underwriter
    /// The name of the buyers file in errors (`<stdin>` for standard input).
    let buyersFile: String

    /// The composition over `bureau` and `rates` for `policy`. The assessments carry no recommended limit (the
    /// outputs show the decisions); the underwriter logs errors only.
    /// - Throws: the policy's validation errors.
    init(policy: PolicyTerms, asOf: CalendarDate, bureau: FileRatingBureau, rates: any ExchangeRateProvider,
         buyersFile: String) throws {
        self.policy = policy
        self.asOf = asOf
        self.buyersFile = buyersFile
        // The first failed buyer is the command's error, told once: the batch's warnings would repeat it on stderr.
        var logger = Logger(label: "tradecredit.underwriter")
        logger.logLevel = .error
        underwriter = try Underwriter(bureaus: [bureau], rates: rates, terms: policy,
                                      settings: UnderwriterSettings(recommendsLimits: false), logger: logger)
    }

    /// The application of one buyer of the file: a new limit for its requested limit, a preliminary assessment of the
    /// automatic authority without one, requested and decided on the as-of date.
    func application(_ located: BuyersFile.LocatedRecord) throws -> LimitApplication {
        let buyer = located.record.buyer
        let asked = located.record.requestedLimit.flatMap { $0.isPositive ? $0 : nil }
        let id = LimitID(validated: buyer.id.rawValue)
        let request = try LimitRequest(id: id, buyerID: buyer.id, kind: asked == nil ? .preliminaryAssessment : .newLimit,
                                       requestedAmount: asked ?? policy.underwriting.automaticAuthority,
                                       requestDate: asOf, paymentTermsDays: located.record.paymentTermsDays)
        return LimitApplication(BuyerProfile(buyer), request: request, decisionID: id)
    }

    /// Assesses and decides every buyer, in file order. `progress` is told how far the batch has come.
    /// - Throws: ``InputError`` at `FILE:LINE: FIELD` for the first buyer in file order that failed (a requested limit
    ///   the rates cannot convert, a buyer incorporated after the as-of date, …).
    func run(_ records: [BuyersFile.LocatedRecord],
             progress: (@Sendable (BatchProgress) -> Void)? = nil) async throws -> [Outcome] {
        let entries = try await underwriter.decideAll(try records.map(application), on: asOf, progress: progress)
        return try zip(records, entries).map { located, entry in
            switch entry.result {
            case .success(let outcome): return Outcome(line: located.line, record: located.record, outcome: outcome)
            case .failure(let failure): throw inputError(failure, line: located.line)
            }
        }
    }

    /// A buyer's failure at its line of the buyers file, under the column it comes from.
    private func inputError(_ failure: UnderwriterFailure, line: Int) -> InputError {
        // The failure's message is `field: message ("value")`; the column replaces the field.
        var message = Substring(failure.message)
        if let field = failure.field, message.hasPrefix(field + ": ") { message = message.dropFirst(field.count + 2) }
        let column: String?
        switch (failure.code, failure.field) {
        case (_, "buyer.incorporationDate"?): column = "incorporation_date"
        // Suggested limits the rates cannot convert stay as they are: a rate failure is the requested limit's.
        case (ModelError.Code.rateUnavailable.rawValue, _), (ModelError.Code.dateOutOfRange.rawValue, _),
             (_, "requestedAmount"?): column = "requested_limit"
        default: column = failure.field
        }
        return InputError(file: buyersFile, line: line, field: column, String(message))
    }
}

extension PortfolioAssessment.Outcome {
    /// A facade outcome in the form the outputs report: the requested limit's conversion, then the conversions of the
    /// bureau suggestions the assessment used.
    init(line: Int, record: BuyerRecord, outcome: LimitOutcome) {
        var conversions = outcome.conversions.filter { $0.original == outcome.originalRequest.requestedAmount }
            .map { PortfolioAssessment.Conversion(field: "requested_limit", source: nil, conversion: $0) }
        // The report's conversions are those of the ratings' suggestions, in the ratings' order.
        var pending = outcome.report.conversions[...]
        let assessment = outcome.report.assessment
        for rating in outcome.report.input.ratings {
            guard let next = pending.first, let suggested = rating.suggestedLimit, next.converted == suggested else { continue }
            pending = pending.dropFirst()
            if assessment.suggestedLimits.contains(where: { $0.source == rating.source && $0.amount == suggested }) {
                conversions.append(PortfolioAssessment.Conversion(field: "suggested_limit", source: rating.source,
                                                                  conversion: next))
            }
        }
        self.init(line: line, record: record, request: outcome.request, assessment: assessment,
                  decision: outcome.decision, conversions: conversions)
    }
}
