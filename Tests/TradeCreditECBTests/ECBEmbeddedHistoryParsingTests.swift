import Foundation
import Testing
import TradeCreditModel
@testable import TradeCreditECB

@Suite("Embedded ECB history, parsed")
struct ECBEmbeddedHistoryParsingTests {
    @Test func coversTheWholeHistory() throws {
        let publications = try ECBRatesFixtures.embedded.get()
        #expect(publications.first?.date == (try ECBRatesFixtures.date("1999-01-04")))
        #expect(publications.last?.date == (try ECBRatesFixtures.date(ECBEmbeddedHistory.lastPublication)))
        #expect(publications.last?.date.description == "2026-10-30")
        #expect((7_000...7_200).contains(publications.count))
        #expect(publications.count == 7_126)
        #expect(zip(publications, publications.dropFirst()).allSatisfy { $0.date < $1.date })
        #expect(publications.allSatisfy { $0.source == "ECB" && $0.currencies.contains(.USD) })
        #expect(try publications.last?.publishedRate("USD") == "1.1172")
        #expect(publications.last?.ratePerEUR(.USD) == Decimal(string: "1.1172"))
    }

    @Test func containsTheSampleRowsUnchanged() throws {
        let history = Set(try ECBRatesFixtures.embedded.get())
        let sample = try ECBRatesFixtures.samplePublications()
        #expect(sample.allSatisfy { history.contains($0) })
    }

    @Test func noPublicationOnWeekends() throws {
        #expect(try ECBRatesFixtures.embedded.get().allSatisfy { !$0.date.isWeekend })
    }

    @Test func bytesAndTextGiveTheSameResult() throws {
        let fromData = try ECBRatesFile.publications(from: Data(ECBEmbeddedHistory.text.utf8), file: "embedded")
        #expect(fromData == (try ECBRatesFixtures.embedded.get()))
    }
}
