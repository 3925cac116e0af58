import Foundation
import Testing
import TradeCredit
import TradeCreditTesting

/// The Underwriter facade, flow by flow, against the engines' own results on the same inputs (sample file bureau,
/// embedded ECB rates: no network).
@Suite("Underwriter flows")
struct UnderwriterTests {
    @Test func assessmentIsTheScorersOnTheInputItBuilt() async throws {
        let underwriter = try UnderwriterFixtures.sampleUnderwriter()
        let record = try UnderwriterFixtures.sampleRecord("B003")  // two sources
        let report = try await underwriter.assess(BuyerProfile(record.buyer), asOf: UnderwriterFixtures.asOf)

        #expect(report.assessment == (try BuyerScorer(rules: .illustrative).assess(report.input)))
        #expect(report.input.ratings.count == FileRatingBureau.sample().ratingsNow(for: BuyerQuery(record.buyer)).count)
        #expect(report.input.ratings.count == 2)
        #expect(report.lookup.answers.map(\.bureau) == ["file"])
        #expect(report.lookup.failures.isEmpty)
        #expect(report.input.underwriting == (try UnderwriterFixtures.terms()).underwriting)
        #expect(report.assessment.grade != nil)
        #expect(report.conversions.isEmpty)  // suggestions already in EUR
    }

    @Test func suggestedLimitsInAnotherCurrencyAreConvertedAtTheLastPublication() async throws {
        let underwriter = try UnderwriterFixtures.sampleUnderwriter()
        let record = try UnderwriterFixtures.sampleRecord("B015")  // a GBP suggestion
        let report = try await underwriter.assess(BuyerProfile(record.buyer), asOf: UnderwriterFixtures.asOf)

        let conversion = try #require(report.conversions.first)
        let last = try CalendarDate(parsing: "2026-10-30")  // the embedded history's last day
        let table = try await OfflineRateProvider.embedded().rateTable(from: last, through: last, policy: ConversionPolicy())
        #expect(conversion.original == (try Money(parsing: "250000.00", currency: .GBP)))
        #expect(conversion.converted == (try table.convert(conversion.original, to: .EUR, on: last)).converted)
        #expect(conversion.publicationDate == last)
        #expect(report.input.ratings.compactMap(\.suggestedLimit).allSatisfy { $0.currency == .EUR })
        #expect(report.assessment == (try BuyerScorer().assess(report.input)))
    }

    @Test func decisionIsTheLimitEnginesOnTheSameAssessment() async throws {
        let underwriter = try UnderwriterFixtures.sampleUnderwriter()
        let terms = try UnderwriterFixtures.terms()
        for id in ["B001", "B005", "B007", "B010"] {  // good, in default, poor, not rated
            let record = try UnderwriterFixtures.sampleRecord(id)
            let request = try LimitRequest(id: LimitID("R-\(id)"), buyerID: record.buyer.id, kind: .newLimit,
                                           requestedAmount: try #require(record.requestedLimit),
                                           requestDate: UnderwriterFixtures.asOf, paymentTermsDays: record.paymentTermsDays)
            let outcome = try await underwriter.decide(LimitApplication(BuyerProfile(record.buyer), request: request))

            let expected = try LimitUnderwriter(policy: terms).decide(
                request, for: record.buyer, assessment: outcome.report.assessment, decisionID: request.id,
                on: UnderwriterFixtures.asOf)
            #expect(outcome.decision == expected, "\(id)")
            #expect(outcome.request == request)
            #expect(outcome.conversions.isEmpty)
            #expect(outcome.report.assessment == (try BuyerScorer().assess(outcome.report.input)))
        }
    }

    @Test func aRequestInAnotherCurrencyIsDecidedInThePolicyCurrency() async throws {
        let underwriter = try UnderwriterFixtures.sampleUnderwriter()
        let record = try UnderwriterFixtures.sampleRecord("B015")
        let asked = try Money(parsing: "220000", currency: .GBP)
        let request = try LimitRequest(id: "R-B015", buyerID: record.buyer.id, kind: .newLimit, requestedAmount: asked,
                                       requestDate: UnderwriterFixtures.asOf, paymentTermsDays: 60,
                                       expectedAnnualTurnover: try Money(parsing: "1400000", currency: .GBP))
        let outcome = try await underwriter.decide(LimitApplication(BuyerProfile(record.buyer), request: request))

        #expect(outcome.originalRequest == request)
        #expect(outcome.request.requestedAmount.currency == .EUR)
        #expect(outcome.request.expectedAnnualTurnover?.currency == .EUR)
        #expect(outcome.conversions.map(\.original) == [asked, try Money(parsing: "1400000", currency: .GBP)])
        #expect(outcome.decision.requestedAmount == outcome.request.requestedAmount)
        let expected = try LimitUnderwriter(policy: try UnderwriterFixtures.terms()).decide(
            outcome.request, for: record.buyer, assessment: outcome.report.assessment, decisionID: "R-B015",
            on: UnderwriterFixtures.asOf)
        #expect(outcome.decision == expected)

        // Deciding again on the same assessment gives the same decision without asking the bureaus.
        let again = try await underwriter.decide(request, given: outcome.report)
        #expect(again.decision == outcome.decision)
    }

    @Test func quoteIsTheQuoteEnginesOnTheSameRequest() async throws {
        let underwriter = try UnderwriterFixtures.sampleUnderwriter()
        let applications = try UnderwriterFixtures.sampleRecords().compactMap { record -> LimitApplication? in
            guard let asked = record.requestedLimit else { return nil }
            let request = try LimitRequest(id: LimitID(record.buyer.id.rawValue), buyerID: record.buyer.id, kind: .newLimit,
                                           requestedAmount: asked, requestDate: UnderwriterFixtures.asOf,
                                           paymentTermsDays: record.paymentTermsDays,
                                           expectedAnnualTurnover: record.expectedAnnualTurnover)
            return LimitApplication(BuyerProfile(record.buyer), request: request)
        }
        let entries = try await underwriter.decideAll(applications)
        let outcomes = entries.compactMap(\.value)
        #expect(outcomes.count == entries.count)

        let policyQuote = try await underwriter.quote(outcomes, policyholderCountry: CountryCode("FR"))
        #expect(policyQuote.quote == (try QuoteEngine.quote(policyQuote.request)))
        let insured = outcomes.filter { Underwriter.pricedDecisions.contains($0.decision.kind) }
        #expect(!insured.isEmpty)
        #expect(policyQuote.request.buyers.map(\.id) == insured.map(\.decision.buyerID.rawValue))
        #expect(policyQuote.request.buyers.map(\.limit) == insured.map(\.decision.grantedAmount))
        #expect(policyQuote.request.rates == nil)  // every amount was converted into EUR before

        // Amounts in another currency: the rates go into the request.
        let foreign = [QuoteBuyer(id: "GB-1", limit: try Money(parsing: "100000", currency: .GBP), pd: 0.01),
                       QuoteBuyer(id: "FR-1", limit: try Money(parsing: "50000", currency: .EUR), pd: 0.02)]
        let mixed = try await underwriter.quote(foreign, policyholderCountry: CountryCode("FR"), ratesOn: UnderwriterFixtures.asOf)
        #expect(mixed.request.rates?.date == (try CalendarDate(parsing: "2026-10-30")))
        #expect(mixed.quote == (try QuoteEngine.quote(mixed.request)))
    }

    @Test func aClaimGoesFromNotificationToRecoveryThroughTheBook() async throws {
        let terms = try SampleData.claimPolicy()
        let underwriter = try UnderwriterFixtures.sampleUnderwriter(terms: terms)
        let claimCase = try JSONDecoder().decode(ClaimCase.self, from: Data(SampleData.claimCaseJSON.utf8))
        var book = try ClaimBook()

        // Notified: a claim opens in the `notified` state with its deadlines.
        let notification = try #require(claimCase.notifications.first)
        let notice = try await underwriter.notifyOverdue(notification, claimID: claimCase.claim.id, in: &book)
        #expect(notice.isNew)
        #expect(notice.claim.state == .notified)
        #expect(notice.claim.claimedAmount == notification.overdueAmount)
        let deadlines = ClaimDeadlines(terms: terms)
        #expect(notice.notificationDeadline == (try deadlines.notificationDeadline(dueDate: notification.oldestDueDate)))
        #expect(notice.filingDeadline == (try deadlines.claimFilingDeadline(notifiedOn: notification.notifiedOn)))
        let repeated = try await underwriter.notifyOverdue(notification, claimID: claimCase.claim.id, in: &book)
        #expect(!repeated.isNew)
        #expect(book.claims.count == 1)

        // Filed, then adjudicated: the adjuster's result, recorded in the book.
        let filed = try await underwriter.fileClaim(claimCase, in: &book)
        #expect(filed.state == .filed)
        let adjudication = try await underwriter.adjudicate(claimCase, in: &book)
        #expect(adjudication.rates != nil)  // INV-103 is in USD
        #expect(adjudication.adjustment == (try ClaimAdjuster(terms: terms, settings: adjudication.settings)
            .adjust(claimCase, rates: adjudication.rates)))
        let decision = adjudication.adjustment.decision
        #expect(adjudication.claim.state == decision.outcome.state)
        #expect(book[claimCase.claim.id] == adjudication.claim)
        #expect(adjudication.claim.events.map(\.to) == [.notified, .filed, .underReview, decision.outcome.state])
        #expect(adjudication.claim.events.last?.amount == decision.indemnity)
        await #expect(throws: IndemnityError.self) { try await underwriter.adjudicate(claimCase, in: &book) }

        // Paid, then a recovery: the split is RecoverySplit's; the claim is recovering.
        try #require(decision.outcome != .rejected && decision.indemnity.isPositive)
        let paidOn = try CalendarDate(parsing: "2025-12-01")
        let paid = try underwriter.pay(adjudication, on: paidOn, in: &book)
        #expect(paid.state == .paid)
        let recovery = try Recovery(claimID: claimCase.claim.id, date: CalendarDate(parsing: "2026-02-02"),
                                    amount: Money(parsing: "5000.00", currency: .EUR), costs: Money(parsing: "500.00", currency: .EUR))
        let record = try await underwriter.recordRecovery(recovery, on: adjudication, in: &book)
        #expect(record.split == (try RecoverySplit(recovery: recovery, result: adjudication.adjustment.indemnity, terms: terms,
                                                   deductCostsFirst: true)))
        #expect(record.claim.state == .recovering)
        #expect(book[claimCase.claim.id]?.state == .recovering)
        #expect(try book.replayed() == book)

        // A recovery in another currency is converted first.
        let dollars = try Recovery(claimID: claimCase.claim.id, date: CalendarDate(parsing: "2026-03-02"),
                                   amount: Money(parsing: "1000.00", currency: .USD))
        let second = try await underwriter.recordRecovery(dollars, on: adjudication, in: &book)
        #expect(second.conversions.first?.original == dollars.amount)
        #expect(second.split.recovery.amount.currency == .EUR)
        #expect(second.claim.state == .recovering)
    }

    @Test func aClaimFiledWithoutNotificationIsFiledThenAdjudicated() async throws {
        let terms = try SampleData.claimPolicy()
        let underwriter = try UnderwriterFixtures.sampleUnderwriter(terms: terms)
        let claimCase = try JSONDecoder().decode(ClaimCase.self, from: Data(SampleData.claimCaseJSON.utf8))
        var book = try ClaimBook()
        let adjudication = try await underwriter.adjudicate(claimCase, in: &book)
        #expect(adjudication.claim.events.map(\.to) == [.filed, .underReview, adjudication.adjustment.decision.outcome.state])
        #expect(adjudication.claim.claimedAmount == adjudication.adjustment.indemnity.loss)
    }

    @Test func anUnderwriterNeedsABureauAndValidTerms() throws {
        #expect(throws: ModelError.self) {
            try Underwriter(bureaus: [], rates: OfflineRateProvider.embedded(), terms: UnderwriterFixtures.terms())
        }
        var terms = try UnderwriterFixtures.terms()
        terms.insuredPercentage = 2
        #expect(throws: (any Error).self) {
            try Underwriter(bureaus: [FileRatingBureau.sample()], rates: OfflineRateProvider.embedded(), terms: terms)
        }
    }

    @Test func assessingIsCancellableWhileTheBureauIsAsked() async throws {
        let bureau = try UnderwriterCountingBureau(delay: .seconds(30))
        let underwriter = try UnderwriterFixtures.underwriter([bureau], concurrency: 1)
        let buyer = try #require(try UnderwriterFixtures.dunsBuyers(1).first)
        let started = ContinuousClock.now
        let task = Task { try await underwriter.assess(BuyerProfile(buyer), asOf: UnderwriterFixtures.asOf) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(ContinuousClock.now - started < .seconds(15))
    }
}
