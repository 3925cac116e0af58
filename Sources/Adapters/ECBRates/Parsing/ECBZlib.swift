import CZlib

/// zlib's raw inflate and CRC-32, for the entries of a zip archive.
enum ECBZlib {
    /// Why inflating failed.
    enum Failure: Error, Equatable {
        /// The stream inflates to more than the given capacity.
        case exceedsCapacity
        /// The stream ends before its last block.
        case truncated
        /// The stream is not valid deflate data; zlib's message.
        case corrupt(String)
    }

    /// Inflates the raw deflate stream `input` into at most `capacity` bytes.
    static func inflate(_ input: ArraySlice<UInt8>, capacity: Int) throws(Failure) -> [UInt8] {
        // One byte more than allowed: filling it proves the stream is too long.
        var output = [UInt8](repeating: 0, count: capacity + 1)
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { throw .corrupt("zlib could not start inflating") }
        defer { inflateEnd(&stream) }
        var status: Int32 = Z_OK
        var produced = 0
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                // zlib advances through input and output itself; repeat while it makes progress.
                repeat {
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                } while status == Z_OK && stream.avail_out > 0 && stream.avail_in > 0
                produced = target.count - Int(stream.avail_out)
            }
        }
        switch status {
        case Z_STREAM_END:
            break
        case Z_OK where stream.avail_out == 0, Z_BUF_ERROR where stream.avail_out == 0:
            throw .exceedsCapacity
        case Z_OK, Z_BUF_ERROR:
            throw .truncated
        default:
            throw .corrupt(stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
        }
        guard produced <= capacity else { throw .exceedsCapacity }
        output.removeSubrange(produced...)
        return output
    }

    /// The CRC-32 of `bytes`, as zip archives record it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            // Files are at most 64 MiB, well inside uInt.
            UInt32(truncatingIfNeeded: CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
