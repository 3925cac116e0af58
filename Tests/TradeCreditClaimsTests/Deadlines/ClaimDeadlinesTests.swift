import Testing
import TradeCreditClaims
import TradeCreditModel

// Expected dates counted by hand on the calendar (2024 is a leap year).
@Suite("Claim deadlines")
struct ClaimDeadlinesTests {
    typealias F = ClaimsLedgerFixture

    @Test("DOMAIN §6: notified 2022-05-30, waiting 150 days, payment 30 days later")
    func domainTimeline() throws {
        let deadlines = ClaimDeadlines(terms: try F.terms())  // waiting 150, payment 30
        let established = try deadlines.waitingPeriodEnd(notifiedOn: F.date("2022-05-30"))
        #expect(established == (try F.date("2022-10-27")))  // 1 (May) + 30 + 31 + 31 + 30 + 27 = 150
        #expect(try deadlines.paymentDate(lossEstablishedOn: established) == F.date("2022-11-26"))
        // Filing: 60 days after notification: 1 + 30 + 29 = 60 → 2022-07-29.
        #expect(try deadlines.claimFilingDeadline(notifiedOn: F.date("2022-05-30")) == F.date("2022-07-29"))
    }

    @Test("MEP, stop supply and notification anchored at the end of the MEP")
    func anchoredAtEndOfMEP() throws {
        let deadlines = ClaimDeadlines(terms: try F.terms())  // MEP 60, notify 30 days after its end
        let due = try F.date("2024-03-31")
        #expect(try deadlines.endOfMaximumExtensionPeriod(dueDate: due) == F.date("2024-05-30"))
        #expect(try deadlines.stopSupplyDate(dueDate: due) == F.date("2024-05-31"))
        #expect(try deadlines.notificationDeadline(dueDate: due) == F.date("2024-06-29"))
    }

    @Test("notification anchored at the due date")
    func anchoredAtDueDate() throws {
        var terms = try F.terms()
        terms.overdueNotificationAnchor = .dueDate
        terms.overdueNotificationDays = 45
        let deadlines = ClaimDeadlines(terms: terms)
        #expect(try deadlines.notificationDeadline(dueDate: F.date("2024-03-31")) == F.date("2024-05-15"))
    }

    @Test("a reduction noticed on 2024-03-01 applies from 2024-03-31 (30 days' notice)")
    func reductionEffectiveDate() throws {
        let deadlines = ClaimDeadlines(terms: try F.terms())
        #expect(try deadlines.reductionEffectiveDate(noticeDate: F.date("2024-03-01")) == F.date("2024-03-31"))
    }

    @Test("a date past the calendar is out_of_range")
    func outsideTheCalendar() throws {
        let deadlines = ClaimDeadlines(terms: try F.terms())
        let error = #expect(throws: ClaimsError.self) {
            try deadlines.waitingPeriodEnd(notifiedOn: F.date("9999-12-01"))
        }
        #expect(error?.code == .outOfRange)
        #expect(error?.field == "waitingPeriodDays")
    }
}
