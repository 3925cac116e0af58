/// Reads one file out of a zip archive, as the ECB ships its CSV history (`eurofxref-hist.zip`).
///
/// The sizes and CRC come from the central directory, which is always complete (a local header may defer them to a
/// data descriptor). Entries may be stored (method 0) or deflated (method 8); the data is checked against its CRC-32.
/// Encryption, zip64 and split archives are refused.
struct ECBZipArchive {
    /// One file of the archive, as the central directory describes it.
    struct Entry: Equatable {
        let name: String
        let flags: UInt16
        let method: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    private static let localHeaderSignature: UInt32 = 0x0403_4b50
    private static let centralHeaderSignature: UInt32 = 0x0201_4b50
    private static let endOfDirectorySignature: UInt32 = 0x0605_4b50
    private static let endOfDirectorySize = 22

    private let bytes: [UInt8]
    private let file: String
    /// The files of the archive, in directory order.
    let entries: [Entry]

    /// Reads the central directory of `bytes`; `file` names the archive in errors.
    /// - Throws: ``ECBRatesError`` `.malformed` when it is not a zip archive or is truncated, `.unsupportedFormat`
    ///   for zip64 or a split archive.
    init(_ bytes: [UInt8], file: String) throws {
        self.bytes = bytes
        self.file = file
        let reader = ECBZipBytes(bytes: bytes, file: file)
        guard bytes.count >= 4, reader.uint32(at: 0) == Self.localHeaderSignature
                || reader.uint32(at: 0) == Self.endOfDirectorySignature else {
            throw ECBRatesError.malformed(file, line: nil, "not a zip archive")
        }
        guard let end = Self.endOfDirectoryOffset(reader) else {
            throw ECBRatesError.malformed(file, line: nil, "no end of central directory record: truncated")
        }
        let disk = reader.uint16(at: end + 4), directoryDisk = reader.uint16(at: end + 6)
        let count = Int(reader.uint16(at: end + 10))
        let directorySize = Int(reader.uint32(at: end + 12)), directoryOffset = Int(reader.uint32(at: end + 16))
        guard disk == 0, directoryDisk == 0 else {
            throw ECBRatesError(.unsupportedFormat, file: file, message: "split zip archives are not supported")
        }
        guard count != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryOffset != 0xFFFF_FFFF else {
            throw ECBRatesError(.unsupportedFormat, file: file, message: "zip64 archives are not supported")
        }
        guard directoryOffset + directorySize <= end else {
            throw ECBRatesError.malformed(file, line: nil, "the central directory lies outside the archive: truncated")
        }
        entries = try Self.readDirectory(reader, offset: directoryOffset, count: count)
    }

    /// The end-of-central-directory record: the last signature within the 64 KiB a trailing comment may take.
    private static func endOfDirectoryOffset(_ reader: ECBZipBytes) -> Int? {
        guard reader.bytes.count >= endOfDirectorySize else { return nil }
        let last = reader.bytes.count - endOfDirectorySize
        let first = max(0, last - 0xFFFF)
        for offset in stride(from: last, through: first, by: -1) where reader.uint32(at: offset) == endOfDirectorySignature {
            // The comment length must reach exactly to the end of the file.
            if offset + endOfDirectorySize + Int(reader.uint16(at: offset + 20)) == reader.bytes.count { return offset }
        }
        return nil
    }

    private static func readDirectory(_ reader: ECBZipBytes, offset: Int, count: Int) throws -> [Entry] {
        var entries: [Entry] = []
        var position = offset
        for _ in 0..<count {
            try reader.require(position, 46, "a central directory entry")
            guard reader.uint32(at: position) == centralHeaderSignature else {
                throw ECBRatesError.malformed(reader.file, line: nil, "bad central directory entry at byte \(position)")
            }
            let nameLength = Int(reader.uint16(at: position + 28))
            let extraLength = Int(reader.uint16(at: position + 30)), commentLength = Int(reader.uint16(at: position + 32))
            try reader.require(position + 46, nameLength, "a file name")
            let entry = Entry(
                name: String(decoding: reader.bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self),
                flags: reader.uint16(at: position + 8),
                method: reader.uint16(at: position + 10),
                crc32: reader.uint32(at: position + 16),
                compressedSize: Int(reader.uint32(at: position + 20)),
                uncompressedSize: Int(reader.uint32(at: position + 24)),
                localHeaderOffset: Int(reader.uint32(at: position + 42)))
            entries.append(entry)
            position += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// The first entry whose name ends in `.csv`. - Throws: `.malformed` when there is none.
    func firstCSVEntry() throws -> Entry {
        guard let entry = entries.first(where: { $0.name.lowercased().hasSuffix(".csv") }) else {
            throw ECBRatesError.malformed(file, line: nil, "no CSV file in the archive")
        }
        return entry
    }

    /// The uncompressed bytes of `entry`, at most `maximumSize` of them, checked against the entry's CRC-32.
    /// - Throws: `.tooLarge`, `.unsupportedFormat` (method, encryption) or `.malformed` (truncated, corrupt, bad CRC).
    func contents(of entry: Entry, maximumSize: Int) throws -> [UInt8] {
        let name = "\(file)/\(entry.name)"
        guard entry.flags & 1 == 0 else {
            throw ECBRatesError(.unsupportedFormat, file: name, message: "encrypted zip entries are not supported")
        }
        guard entry.uncompressedSize <= maximumSize else {
            throw ECBRatesError(.tooLarge, file: name,
                                message: "\(entry.uncompressedSize) bytes uncompressed; at most \(maximumSize) are accepted")
        }
        let data = try compressedData(of: entry, name: name)
        let contents: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw ECBRatesError.malformed(name, line: nil, "a stored entry whose two sizes differ")
            }
            contents = Array(data)
        case 8:
            contents = try inflate(data, entry: entry, name: name)
        default:
            throw ECBRatesError(.unsupportedFormat, file: name,
                                message: "compression method \(entry.method) is not supported (only stored and deflate)")
        }
        guard ECBZlib.crc32(contents) == entry.crc32 else {
            throw ECBRatesError.malformed(name, line: nil, "CRC-32 mismatch: the data is damaged")
        }
        return contents
    }

    /// The entry's compressed bytes, found through its local header.
    private func compressedData(of entry: Entry, name: String) throws -> ArraySlice<UInt8> {
        let reader = ECBZipBytes(bytes: bytes, file: name)
        let offset = entry.localHeaderOffset
        try reader.require(offset, 30, "the local file header")
        guard reader.uint32(at: offset) == Self.localHeaderSignature else {
            throw ECBRatesError.malformed(name, line: nil, "no local file header at byte \(offset)")
        }
        let start = offset + 30 + Int(reader.uint16(at: offset + 26)) + Int(reader.uint16(at: offset + 28))
        try reader.require(start, entry.compressedSize, "the compressed data")
        return bytes[start..<(start + entry.compressedSize)]
    }

    private func inflate(_ data: ArraySlice<UInt8>, entry: Entry, name: String) throws -> [UInt8] {
        do {
            let contents = try ECBZlib.inflate(data, capacity: entry.uncompressedSize)
            guard contents.count == entry.uncompressedSize else {
                throw ECBRatesError.malformed(name, line: nil,
                                              "inflates to \(contents.count) bytes, not the \(entry.uncompressedSize) recorded")
            }
            return contents
        } catch ECBZlib.Failure.exceedsCapacity {
            throw ECBRatesError.malformed(name, line: nil, "inflates to more than the \(entry.uncompressedSize) bytes recorded")
        } catch ECBZlib.Failure.truncated {
            throw ECBRatesError.malformed(name, line: nil, "the compressed data ends early: truncated")
        } catch let ECBZlib.Failure.corrupt(message) {
            throw ECBRatesError.malformed(name, line: nil, "corrupt compressed data: \(message)")
        }
    }
}

/// Little-endian reads from an archive's bytes, with bounds checks that report truncation.
struct ECBZipBytes {
    let bytes: [UInt8]
    let file: String

    /// The 16-bit value at `offset`; the caller has checked the bounds.
    func uint16(at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    /// The 32-bit value at `offset`; the caller has checked the bounds.
    func uint32(at offset: Int) -> UInt32 {
        UInt32(uint16(at: offset)) | UInt32(uint16(at: offset + 2)) << 16
    }

    /// - Throws: `.malformed` when `count` bytes from `offset` are not all inside the archive.
    func require(_ offset: Int, _ count: Int, _ what: String) throws {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else {
            throw ECBRatesError.malformed(file, line: nil, "the archive ends inside \(what): truncated")
        }
    }
}
