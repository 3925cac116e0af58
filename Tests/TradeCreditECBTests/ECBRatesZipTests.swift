import Foundation
import Testing
import TradeCreditModel
@testable import TradeCreditECB

@Suite("ECB zip archives")
struct ECBRatesZipTests {
    private static let archives = [
        "eurofxref-hist-sample.zip", "eurofxref-hist-sample-stored.zip", "eurofxref-hist-sample-streamed.zip",
    ]

    /// The offset of the central directory entry (`PK\1\2`) in `bytes`.
    private func centralEntry(_ bytes: [UInt8]) throws -> Int {
        try #require((0..<(bytes.count - 4)).first { bytes[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) })
    }

    @Test(arguments: archives)
    func archiveParsesToTheSamePublicationsAsTheCSV(name: String) throws {
        let publications = try ECBRatesFile.publications(from: ECBRatesFixtures.data(name), file: name)
        #expect(publications == (try ECBRatesFixtures.samplePublications()))
        #expect(try publications.publication(on: "2024-03-15")?.publishedRate("USD") == "1.0892")
    }

    @Test(arguments: archives)
    func unzipGivesTheCSVBytes(name: String) throws {
        let contents = try ECBRatesFile.unzip(ECBRatesFixtures.data(name), file: name)
        #expect(contents == (try ECBRatesFixtures.data("eurofxref-hist-sample.csv")))
    }

    @Test func errorsInsideTheArchiveNameTheEntry() throws {
        var bytes = [UInt8](try ECBRatesFixtures.data("eurofxref-hist-sample-stored.zip"))
        // "1.1664" (USD on 2026-01-05, line 2 of the CSV) becomes "1.1x64", and the CRC is patched to match.
        let offset = try #require((0..<(bytes.count - 6)).first { bytes[$0..<($0 + 6)].elementsEqual(Array("1.1664".utf8)) })
        bytes[offset + 3] = UInt8(ascii: "x")
        let entry = try centralEntry(bytes)
        // The stored CSV starts after the local header (30 bytes), the name and the extra field.
        let start = 30 + Int(bytes[26]) + Int(bytes[27]) << 8 + Int(bytes[28]) + Int(bytes[29]) << 8
        let csv = Array(bytes[start..<(start + 7896)])
        let crc = ECBZlib.crc32(csv)
        for position in [14, entry + 16] {
            for index in 0..<4 { bytes[position + index] = UInt8(truncatingIfNeeded: crc >> (8 * index)) }
        }
        #expect(throws: ECBRatesError(.malformed, file: "h.zip/eurofxref-hist.csv", line: 2, field: "USD",
                                      message: "not a plain decimal number (\"1.1x64\")")) {
            try ECBRatesFile.publications(from: Data(bytes), file: "h.zip")
        }
    }

    // MARK: Damaged archives

    @Test func badCRCIsRefused() throws {
        var bytes = [UInt8](try ECBRatesFixtures.data("eurofxref-hist-sample-stored.zip"))
        let offset = try #require((0..<(bytes.count - 6)).first { bytes[$0..<($0 + 6)].elementsEqual(Array("1.1664".utf8)) })
        bytes[offset + 5] = UInt8(ascii: "5")
        #expect(throws: ECBRatesError(.malformed, file: "h.zip/eurofxref-hist.csv", message: "CRC-32 mismatch: the data is damaged")) {
            try ECBRatesFile.publications(from: Data(bytes), file: "h.zip")
        }
    }

    @Test func truncatedArchivesAreRefused() throws {
        let data = try ECBRatesFixtures.data("eurofxref-hist-sample.zip")
        let expected = ECBRatesError(.malformed, file: "h.zip", message: "no end of central directory record: truncated")
        #expect(throws: expected) { try ECBRatesFile.publications(from: data.prefix(data.count / 2), file: "h.zip") }
        #expect(throws: expected) { try ECBRatesFile.unzip(data.dropLast(1), file: "h.zip") }
        // The directory says the data is longer than the file.
        var bytes = [UInt8](data)
        let entry = try centralEntry(bytes)
        bytes[entry + 21] = 0x7F
        #expect(throws: ECBRatesError(.malformed, file: "h.zip/eurofxref-hist.csv", message: "the archive ends inside the compressed data: truncated")) {
            try ECBRatesFile.unzip(Data(bytes), file: "h.zip")
        }
        // The compressed stream stops early.
        bytes = [UInt8](data)
        let size = Int(bytes[entry + 20]) | Int(bytes[entry + 21]) << 8
        bytes[entry + 20] = UInt8((size - 100) & 0xFF)
        bytes[entry + 21] = UInt8((size - 100) >> 8)
        #expect(throws: ECBRatesError(.malformed, file: "h.zip/eurofxref-hist.csv", message: "the compressed data ends early: truncated")) {
            try ECBRatesFile.unzip(Data(bytes), file: "h.zip")
        }
    }

    @Test func foreignAndUnsupportedArchivesAreRefused() throws {
        #expect(throws: ECBRatesError(.malformed, file: "h.zip", message: "not a zip archive")) {
            try ECBRatesFile.unzip(Data("Date,USD,\n".utf8), file: "h.zip")
        }
        let data = try ECBRatesFixtures.data("eurofxref-hist-sample.zip")
        var bytes = [UInt8](data)
        let entry = try centralEntry(bytes)
        bytes[entry + 10] = 12 // bzip2
        #expect(throws: ECBRatesError(.unsupportedFormat, file: "h.zip/eurofxref-hist.csv",
                                      message: "compression method 12 is not supported (only stored and deflate)")) {
            try ECBRatesFile.unzip(Data(bytes), file: "h.zip")
        }
        bytes = [UInt8](data)
        bytes.replaceSubrange((entry + 46 + 15)..<(entry + 46 + 18), with: Array("txt".utf8))
        #expect(throws: ECBRatesError(.malformed, file: "h.zip", message: "no CSV file in the archive")) {
            try ECBRatesFile.unzip(Data(bytes), file: "h.zip")
        }
    }

    @Test func oversizedContentsAreRefusedBeforeInflating() throws {
        let data = try ECBRatesFixtures.data("eurofxref-hist-sample.zip")
        #expect(throws: ECBRatesError(.tooLarge, file: "h.zip/eurofxref-hist.csv",
                                      message: "7896 bytes uncompressed; at most 4000 are accepted")) {
            try ECBRatesFile.publications(from: data, file: "h.zip", maximumSize: 4000)
        }
    }
}
