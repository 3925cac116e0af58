public import Foundation

extension GzipStoredEncoder {
    /// The CRC-32 of `bytes` as gzip and zlib define it (IEEE 802.3, reflected polynomial `0xEDB88320`, initial value
    /// and final XOR `0xFFFFFFFF`): `crc32("123456789") == 0xCBF43926`.
    public static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        updateCRC32(0, with: bytes)
    }

    /// The CRC-32 of `data`.
    public static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { updateCRC32(0, with: $0) }
    }

    /// Extends `crc` — the CRC-32 of the bytes before — over `bytes`, so a long input can be checked in pieces.
    public static func updateCRC32(_ crc: UInt32, with bytes: some Sequence<UInt8>) -> UInt32 {
        let table = crcTable
        var value = ~crc
        for byte in bytes {
            value = table[Int((value ^ UInt32(byte)) & 0xFF)] ^ (value >> 8)
        }
        return ~value
    }

    /// The 256 remainders of the byte-at-a-time algorithm.
    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }
}
