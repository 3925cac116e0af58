public import Foundation

/// A gzip (RFC 1952) encoder that does not compress: the deflate stream (RFC 1951) is made of *stored* blocks
/// (`BTYPE=00`, at most 65,535 bytes each), which every inflater — libcurl's zlib included — decodes.
///
/// It lets the ``LoopbackHTTPServer`` serve `Content-Encoding: gzip` without zlib, so tests exercise a client's
/// decompression path with exact, predictable bytes.
public enum GzipStoredEncoder {
    /// The largest stored block: its length must fit the 16-bit `LEN` field.
    public static let maximumBlockSize = 65_535

    /// The ten header bytes: magic `1f 8b`, method 8 (deflate), no flags, no modification time, no extra flags,
    /// operating system 255 (unknown).
    public static let header: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF]

    /// `data` as a gzip member: header, stored blocks (an empty input gives one empty final block), then the
    /// trailer: CRC-32 of `data` and its size modulo 2³², both little-endian.
    public static func encode(_ data: Data) -> Data {
        let input = [UInt8](data)
        var output = [UInt8]()
        let blocks = max(1, (input.count + maximumBlockSize - 1) / maximumBlockSize)
        output.reserveCapacity(header.count + input.count + blocks * 5 + 8)
        output += header
        var offset = 0
        repeat {
            let length = min(maximumBlockSize, input.count - offset)
            let isFinal = offset + length == input.count
            // BFINAL in bit 0, BTYPE=00 in bits 1–2; a stored block then skips to the byte boundary.
            output.append(isFinal ? 0x01 : 0x00)
            appendLittleEndian(UInt16(length), to: &output)
            appendLittleEndian(~UInt16(length), to: &output)
            output += input[offset..<(offset + length)]
            offset += length
        } while offset < input.count
        appendLittleEndian(crc32(input), to: &output)
        appendLittleEndian(UInt32(truncatingIfNeeded: input.count), to: &output)
        return Data(output)
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: T.bitWidth, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }
}
