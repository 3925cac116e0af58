import Foundation

/// The format of an ECB file, recognised from its first bytes.
enum ECBFileFormat: Equatable {
    /// Nothing but white space (or nothing at all).
    case empty
    /// A zip archive: `PK\u{3}\u{4}` (or `PK\u{5}\u{6}`, an archive with no entries).
    case zip
    /// XML: the first byte after white space (and a UTF-8 byte-order mark) is `<`.
    case xml
    /// Anything else is read as CSV.
    case csv

    /// Looks at the first bytes of `data`.
    init(sniffing data: Data) {
        let bytes = data.prefix(4)
        if bytes.elementsEqual([0x50, 0x4B, 0x03, 0x04]) || bytes.elementsEqual([0x50, 0x4B, 0x05, 0x06]) {
            self = .zip
            return
        }
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = data.starts(with: byteOrderMark) ? data.dropFirst(3) : data[...]
        guard let first = body.first(where: { !ECBXMLTokenizer.isWhitespace($0) }) else {
            self = .empty
            return
        }
        self = first == UInt8(ascii: "<") ? .xml : .csv
    }
}
