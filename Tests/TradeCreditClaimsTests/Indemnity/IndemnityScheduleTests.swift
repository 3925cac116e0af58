import Testing
import TradeCreditClaims
import TradeCreditModel

private typealias F = IndemnityFixtures

@Suite("Indemnity schedule")
struct IndemnityScheduleTests {
    @Test func protractedDefaultTheGivenExample() throws {
        // DOMAIN.md §6: notified 2022-05-30, waiting 150 days → 2022-10-27, paid 30 days later → 2022-11-26.
        let schedule = try IndemnitySchedule(cause: .protractedDefault, notified: F.date("2022-05-30"), terms: F.terms())
        #expect(schedule.lossEstablished == F.date("2022-10-27"))
        #expect(schedule.paymentDue == F.date("2022-11-26"))
    }

    @Test func insolvencyFromTheDateTheLossIsEstablished() throws {
        let schedule = try IndemnitySchedule(cause: .insolvency, notified: F.date("2022-05-30"),
                                             insolvencyEstablished: F.date("2022-07-01"), terms: F.terms())
        #expect(schedule.lossEstablished == F.date("2022-07-01"))
        #expect(schedule.paymentDue == F.date("2022-07-31"))
        #expect { try IndemnitySchedule(cause: .insolvency, notified: F.date("2022-05-30"), terms: F.terms()) } throws: {
            ($0 as? IndemnityError)?.code == .missingValue
        }
    }
}
