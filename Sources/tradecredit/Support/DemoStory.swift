import Foundation
import TradeCredit

/// The demo's story on the embedded sample data, composed from the SDK's ``Underwriter`` facade: every buyer assessed
/// and its limit decided (the batch API), the policy quoted for the buyers it insures with the portfolio's loss
/// distribution, and one claim taken from the overdue notification to the recovery. The rules are the SDK's; this
/// type only wires the calls and keeps their results for ``DemoOutput``.
struct DemoStory {
    /// The levels of the loss distribution's quantiles.
    static let quantileLevels = [0.95, 0.99, 0.995, 0.999]
    /// How the outputs name the embedded claim case in errors.
    static let claimCaseName = "<embedded demo claim case>"

    /// The claim's steps through the facade.
    struct ClaimStory {
        /// The case, its annual premium the quote's pre-tax premium.
        let claimCase: ClaimCase
        /// The overdue notification that opened the claim.
        let notification: OverdueNotification
        let notice: OverdueNotice
        /// The claim once filed.
        let filed: Claim
        let adjudication: ClaimAdjudication
        /// The claim once the indemnity is paid.
        let paid: Claim
        let recovery: RecoveryRecord

        /// The rates the adjustment converted with: the source and the date, when an amount was converted.
        var rates: (source: String, date: CalendarDate)? {
            guard let table = adjudication.rates else { return nil }
            if case .fixed(let date) = adjudication.settings.conversionDate { return (table.source, date) }
            return (table.source, claimCase.claim.filedOn)
        }
    }

    let policy: PolicyTerms
    let asOf: CalendarDate
    let policyholderName: String
    let policyholderCountry: CountryCode
    /// Every sample buyer's assessment and decision, in file order, in the form `assess` prints.
    let outcomes: [PortfolioAssessment.Outcome]
    /// The rates' source and date, when an amount was converted.
    let rates: (source: String, date: CalendarDate)?
    let quote: PolicyQuote
    /// The buyers the quote leaves out, with why (as `quote` says).
    let excluded: [(outcome: PortfolioAssessment.Outcome, reason: String)]
    /// The quote's portfolio loss distribution at ``quantileLevels``.
    let loss: CreditRiskPlusResult
    let claim: ClaimStory

    /// Runs the story. `progress` is told how far the batch of decisions has come.
    /// - Throws: ``InputError`` at the sample buyers' line for a buyer that failed (none does); the facade's and the
    ///   engines' errors.
    static func run(policy: PolicyTerms, asOf: CalendarDate,
                    progress: (@Sendable (BatchProgress) -> Void)? = nil) async throws -> DemoStory {
        let located = try BuyersFile.parseLocated(SampleData.buyersCSV, file: SampleData.buyersFileName)
        // The sample ratings through the file bureau, the embedded ECB rates, composed as `assess` composes them.
        let rateSource = try OfflineRates("embedded", command: "demo")
        defer { rateSource.close() }
        let assessment = try PortfolioAssessment(policy: policy, asOf: asOf, bureau: FileRatingBureau.sample(),
                                                 rates: rateSource, buyersFile: SampleData.buyersFileName)
        let underwriter = assessment.underwriter

        // a. Every buyer assessed and its request decided on the as-of date, as `assess` asks.
        let outcomes = try await assessment.run(located, progress: progress)
        let rates = rateSource.used

        // b. The quote of the buyers it insures (as `quote` prices them: granted limit, PD, expected turnover), and
        //    the loss distribution of its portfolio at several levels.
        let country = try CountryCode(SampleData.demoPolicyholderCountry)
        let buyers = outcomes.filter { PortfolioQuote.exclusion($0) == nil }.map(PortfolioQuote.quoteBuyer)
        let quote = try await underwriter.quote(buyers, policyholderCountry: country, ratesOn: asOf)
        let loss = try QuoteEngine.lossDistribution(of: quote.quote, levels: quantileLevels)
        let excluded = outcomes.compactMap { outcome in PortfolioQuote.exclusion(outcome).map { (outcome, $0) } }

        // c. One claim: the overdue notification, the filing, the adjudication, the payment and a recovery.
        var claimCase = try JSONInput.decode(ClaimCase.self, from: SampleData.demoClaimCaseJSON, file: claimCaseName)
        claimCase.annualPremium = quote.quote.premium.preTax
        guard let notification = claimCase.notifications.first else {
            throw InputError(file: claimCaseName, field: "notifications", "the demo claim needs an overdue notification")
        }
        var book = try ClaimBook()
        let notice = try await underwriter.notifyOverdue(notification, claimID: claimCase.claim.id, cause: claimCase.claim.cause,
                                                         in: &book)
        let filed = try await underwriter.fileClaim(claimCase, in: &book)
        let adjudication = try await underwriter.adjudicate(claimCase, in: &book)
        // Paid when the loss is established (at the latest when due), before the recovery.
        let paid = try underwriter.pay(adjudication, on: adjudication.adjustment.dates.lossEstablished ?? claimCase.evaluationDate,
                                       in: &book)
        let recovery = try await underwriter.recordRecovery(try SampleData.demoRecovery(), on: adjudication, in: &book)

        return DemoStory(
            policy: policy, asOf: asOf, policyholderName: SampleData.demoPolicyholderName, policyholderCountry: country,
            outcomes: outcomes, rates: rates, quote: quote, excluded: excluded, loss: loss,
            claim: ClaimStory(claimCase: claimCase, notification: notification, notice: notice, filed: filed,
                              adjudication: adjudication, paid: paid, recovery: recovery))
    }
}
