import Foundation
import TradeCreditModel
@testable import TradeCreditECB

/// The files under `Fixtures/` (real ECB rates, see `Fixtures/README.md`), found next to this source file.
enum ECBRatesFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }

    /// The 29 real history rows of `eurofxref-hist-sample.csv`, parsed.
    static func samplePublications() throws -> [RatePublication] {
        try ECBRatesFile.parseCSV(text("eurofxref-hist-sample.csv"), file: "eurofxref-hist-sample.csv")
    }

    /// The embedded history, parsed once for all the tests that need it.
    static let embedded = Result { () throws(ECBRatesError) -> [RatePublication] in
        do {
            return try ECBRatesFile.parseCSV(ECBEmbeddedHistory.text, file: "embedded")
        } catch let error as ECBRatesError {
            throw error
        } catch {
            throw ECBRatesError(.malformed, message: "\(error)")
        }
    }

    static func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }
}

extension [RatePublication] {
    /// The publication of `date` (`YYYY-MM-DD`), if any.
    func publication(on date: String) throws -> RatePublication? {
        let date = try ECBRatesFixtures.date(date)
        return first { $0.date == date }
    }
}

extension RatePublication {
    /// The rate of `code` exactly as published (`"1.0892"`), or nil when it was not quoted.
    func publishedRate(_ code: String) throws -> String? {
        exactRate(try CurrencyCode(code))?.plainText
    }
}
