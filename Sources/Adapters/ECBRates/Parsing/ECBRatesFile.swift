public import Foundation
public import TradeCreditModel

/// Reads the ECB's euro reference-rate files into `RatePublication`s, one per publication day.
///
/// The formats are the ones the ECB publishes at `https://www.ecb.europa.eu/stats/eurofxref/`:
/// - CSV: the history `eurofxref-hist.csv` (`Date,USD,JPY,…,` then `2026-10-30,1.1172,175.68,N/A,…,`) and the daily
///   `eurofxref-daily.csv` (`Date, USD, …, ` then `30 October 2026, 1.1172, …`). Columns are read by name; `N/A` and
///   empty cells mean the currency was not quoted that day.
/// - XML: `eurofxref-daily.xml`, `eurofxref-hist-90d.xml`, `eurofxref-hist.xml` (a `gesmes:Envelope` of `Cube`
///   elements in the eurofxref namespace), read by a purpose-built tokenizer that refuses DTDs and entity
///   declarations.
/// - Zip: `eurofxref-hist.zip`, whose first `.csv` entry (stored or deflated, CRC-checked) is read as CSV.
///
/// Every publication has the source `"ECB"` and keeps the published digits exactly; the result is sorted by date,
/// oldest first, and no date appears twice. Errors are ``ECBRatesError``s naming the file, line and field.
public enum ECBRatesFile {
    /// The largest file accepted, and the largest a zip entry may inflate to: 64 MiB (the full XML history is
    /// about 6 MB).
    public static let maximumSize = 64 * 1024 * 1024

    /// The publications in an ECB file of any of the supported formats, recognised from its first bytes: zip
    /// (`PK\u{3}\u{4}`), XML (first non-space byte `<`) or else CSV.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the file's name, used in errors (`eurofxref-hist.zip`).
    /// - Returns: the publications, oldest first.
    /// - Throws: ``ECBRatesError``: `.tooLarge` beyond ``maximumSize``, `.empty` for an empty file, `.malformed` or
    ///   `.unsupportedFormat` for a file that cannot be read.
    public static func publications(from data: Data, file: String) throws -> [RatePublication] {
        try publications(from: data, file: file, maximumSize: maximumSize)
    }

    /// Reads an ECB CSV file, history or daily form.
    /// - Parameters:
    ///   - text: the file's text.
    ///   - file: the file's name, used in errors.
    /// - Returns: the publications, oldest first.
    /// - Throws: ``ECBRatesError``: `.malformed` naming the line, and the currency or column, of the first problem
    ///   (an unknown currency in the header, a row whose cell count differs from the header's, a bad number or
    ///   date, a repeated date); `.empty` for an empty file; `.tooLarge` beyond ``maximumSize``.
    public static func parseCSV(_ text: String, file: String) throws -> [RatePublication] {
        try parseCSV(text, file: file, maximumSize: maximumSize)
    }

    /// Reads an ECB XML file (`eurofxref-daily.xml`, `eurofxref-hist-90d.xml`, `eurofxref-hist.xml`).
    /// - Parameters:
    ///   - data: the file's bytes, UTF-8.
    ///   - file: the file's name, used in errors.
    /// - Returns: the publications, oldest first.
    /// - Throws: ``ECBRatesError``: `.unsupportedFormat` for a DTD or entity declaration or a namespace other than
    ///   the ECB's; `.malformed` naming the line and attribute (`time`, `currency`, `rate`) of a missing or bad
    ///   value, or for a truncated document; `.empty` for an empty file; `.tooLarge` beyond ``maximumSize``.
    public static func parseXML(_ data: Data, file: String) throws -> [RatePublication] {
        try parseXML(data, file: file, maximumSize: maximumSize)
    }

    /// The contents of the first `.csv` file in a zip archive (such as `eurofxref-hist.zip`).
    /// - Parameters:
    ///   - data: the archive's bytes.
    ///   - file: the archive's name, used in errors.
    /// - Returns: the uncompressed bytes of the CSV file, their CRC-32 verified.
    /// - Throws: ``ECBRatesError``: `.malformed` when the data is not a zip archive, is truncated or damaged (bad
    ///   CRC) or holds no CSV file; `.unsupportedFormat` for a compression method other than stored and deflate,
    ///   encryption or zip64; `.tooLarge` when the archive or the CSV file exceeds ``maximumSize``.
    public static func unzip(_ data: Data, file: String) throws -> Data {
        Data(try unzipCSV(data, file: file, maximumSize: maximumSize).contents)
    }

    // MARK: With a size limit (internal, so that tests can use a small one)

    static func publications(from data: Data, file: String, maximumSize: Int) throws -> [RatePublication] {
        try checkSize(data.count, file: file, maximumSize: maximumSize)
        switch ECBFileFormat(sniffing: data) {
        case .empty:
            throw emptyFile(file)
        case .zip:
            let (name, contents) = try unzipCSV(data, file: file, maximumSize: maximumSize)
            return try contents.withUnsafeBytes { try ECBCSVParser.parse($0, file: name) }
        case .xml:
            return try ECBXMLRatesReader.read([UInt8](data), file: file)
        case .csv:
            return try data.withUnsafeBytes { try ECBCSVParser.parse($0, file: file) }
        }
    }

    static func parseCSV(_ text: String, file: String, maximumSize: Int) throws -> [RatePublication] {
        try checkSize(text.utf8.count, file: file, maximumSize: maximumSize)
        var text = text
        return try text.withUTF8 { try ECBCSVParser.parse(UnsafeRawBufferPointer($0), file: file) }
    }

    static func parseXML(_ data: Data, file: String, maximumSize: Int) throws -> [RatePublication] {
        try checkSize(data.count, file: file, maximumSize: maximumSize)
        guard ECBFileFormat(sniffing: data) != .empty else { throw emptyFile(file) }
        return try ECBXMLRatesReader.read([UInt8](data), file: file)
    }

    /// The name (`archive.zip/entry.csv`, for errors) and contents of the archive's first CSV file.
    static func unzipCSV(_ data: Data, file: String, maximumSize: Int) throws -> (name: String, contents: [UInt8]) {
        try checkSize(data.count, file: file, maximumSize: maximumSize)
        let archive = try ECBZipArchive([UInt8](data), file: file)
        let entry = try archive.firstCSVEntry()
        return ("\(file)/\(entry.name)", try archive.contents(of: entry, maximumSize: maximumSize))
    }

    private static func checkSize(_ size: Int, file: String, maximumSize: Int) throws {
        guard size <= maximumSize else {
            throw ECBRatesError(.tooLarge, file: file, message: "\(size) bytes; at most \(maximumSize) are accepted")
        }
    }

    private static func emptyFile(_ file: String) -> ECBRatesError {
        ECBRatesError(.empty, file: file, message: "the file is empty")
    }
}
