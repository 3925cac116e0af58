import Foundation
import TradeCreditHTTP

/// One accepted connection, served on its own thread: read a request, record it, ask the handler, write the scripted
/// response with its faults, and repeat while both sides keep the connection alive.
final class LoopbackConnection {
    /// How reading one request ended.
    enum ReadResult {
        case request(RecordedRequest, keepAlive: Bool)
        /// The peer closed (or the server is stopping) before a whole request arrived.
        case closed
        /// The request is larger than the server's limit.
        case tooLarge
        /// The bytes are not an HTTP/1.x request.
        case malformed
    }

    /// How writing a response ended.
    enum WriteResult {
        case keepAlive
        case close
        /// The socket was already closed with an RST.
        case aborted
    }

    let core: LoopbackServerCore
    let descriptor: Int32
    let index: Int
    /// Bytes received and not yet consumed (a client may pipeline).
    var buffer: [UInt8] = []
    private var scratch = [UInt8](repeating: 0, count: 65_536)

    init(core: LoopbackServerCore, descriptor: Int32, index: Int) {
        self.core = core
        self.descriptor = descriptor
        self.index = index
    }

    func run() {
        while true {
            switch readRequest() {
            case .request(let request, let keepAlive):
                core.record(request)
                let response = core.handler(request)
                switch write(response, to: request, clientKeepsAlive: keepAlive) {
                case .keepAlive: continue
                case .close: closeGracefully()
                case .aborted: break
                }
            case .closed:
                core.closeConnection(index, abortive: false)
            case .tooLarge:
                _ = writeError(413, "request larger than \(core.maxRequestBytes) bytes")
                closeGracefully()
            case .malformed:
                _ = writeError(400, "malformed request")
                closeGracefully()
            }
            return
        }
    }

    // MARK: Reading

    /// Reads more bytes into `buffer`; `false` at end of stream, on error, or when the server stops.
    func fill() -> Bool {
        while !core.isStopped {
            let ready = LoopbackSocket.waitReadable(descriptor, milliseconds: 100)
            if ready < 0 { return false }
            if ready == 0 { continue }
            let count = scratch.withUnsafeMutableBytes { LoopbackSocket.receiveSome(descriptor, into: $0) }
            guard count > 0 else { return false }
            buffer += scratch[0..<count]
            return true
        }
        return false
    }

    func readRequest() -> ReadResult {
        let limit = core.maxRequestBytes
        // The head, up to the blank line (leading empty lines are ignored, RFC 9112 §2.2).
        var headEnd: Int
        var searchFrom = 0
        while true {
            while buffer.starts(with: [13, 10]) { buffer.removeFirst(2) }
            if let end = Self.find([13, 10, 13, 10], in: buffer, from: searchFrom) {
                headEnd = end + 4
                break
            }
            if buffer.count > limit { return .tooLarge }
            searchFrom = max(0, buffer.count - 3)
            guard fill() else { return .closed }
        }
        if headEnd > limit { return .tooLarge }
        guard let head = LoopbackRequestHead(buffer[0..<(headEnd - 4)]) else { return .malformed }

        let body: [UInt8]
        if head.hasTransferEncoding {
            guard head.isChunked else { return .malformed }
            if head.expectsContinue { sendContinue() }
            switch readChunkedBody(from: headEnd) {
            case .success(let (decoded, consumed)):
                body = decoded
                buffer.removeFirst(consumed)
            case .failure(let failure):
                return failure.result
            }
        } else if head.headers.contains("Content-Length") {
            let values = Set(head.headers.values("Content-Length").flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces) })
            guard values.count == 1, let length = Int(values.first!), length >= 0 else { return .malformed }
            guard length <= limit - headEnd else { return .tooLarge }
            if head.expectsContinue && length > 0 && buffer.count < headEnd + length { sendContinue() }
            while buffer.count < headEnd + length {
                guard fill() else { return .closed }
            }
            body = Array(buffer[headEnd..<(headEnd + length)])
            buffer.removeFirst(headEnd + length)
        } else {
            body = []
            buffer.removeFirst(headEnd)
        }
        let request = RecordedRequest(method: HTTPMethod(rawValue: head.method), path: head.target,
                                      version: head.version, headers: head.headers, body: Data(body),
                                      connectionIndex: index)
        return .request(request, keepAlive: head.keepsAlive)
    }

    /// Why a chunked body could not be read.
    struct ChunkedFailure: Error {
        var result: ReadResult
    }

    /// Decodes a chunked body starting at `start` in `buffer`: the body, and how many bytes of `buffer` the head and
    /// body took (trailer fields are read and dropped).
    func readChunkedBody(from start: Int) -> Result<([UInt8], Int), ChunkedFailure> {
        let limit = core.maxRequestBytes
        var body: [UInt8] = []
        var position = start
        while true {
            guard let lineEnd = Self.find([13, 10], in: buffer, from: position) else {
                if buffer.count > limit { return .failure(ChunkedFailure(result: .tooLarge)) }
                guard fill() else { return .failure(ChunkedFailure(result: .closed)) }
                continue
            }
            let sizeText = String(decoding: buffer[position..<lineEnd], as: UTF8.self)
                .split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !sizeText.isEmpty, sizeText.count <= 15, let size = Int(sizeText, radix: 16), size >= 0 else {
                return .failure(ChunkedFailure(result: .malformed))
            }
            if size == 0 {
                // Trailer section: lines up to an empty one.
                var trailer = lineEnd + 2
                while true {
                    guard let end = Self.find([13, 10], in: buffer, from: trailer) else {
                        if buffer.count > limit { return .failure(ChunkedFailure(result: .tooLarge)) }
                        guard fill() else { return .failure(ChunkedFailure(result: .closed)) }
                        continue
                    }
                    if end == trailer { return .success((body, end + 2)) }
                    trailer = end + 2
                }
            }
            let dataStart = lineEnd + 2
            guard dataStart + size + 2 <= limit else { return .failure(ChunkedFailure(result: .tooLarge)) }
            while buffer.count < dataStart + size + 2 {
                guard fill() else { return .failure(ChunkedFailure(result: .closed)) }
            }
            guard buffer[dataStart + size] == 13, buffer[dataStart + size + 1] == 10 else {
                return .failure(ChunkedFailure(result: .malformed))
            }
            body += buffer[dataStart..<(dataStart + size)]
            position = dataStart + size + 2
        }
    }

    /// The first index of `pattern` in `bytes` at or after `start`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == pattern[0] {
                var matches = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    // MARK: Closing

    /// Sends `100 Continue` to a client that waits for it before its body.
    private func sendContinue() {
        _ = LoopbackSocket.sendAll(descriptor, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }

    /// Closes without losing what was sent: FIN first, then reads and drops what the client still sends for a
    /// short, bounded time (closing with unread input would turn the close into an RST and could destroy the
    /// response before the client reads it).
    func closeGracefully() {
        LoopbackSocket.shutdownWrite(descriptor)
        let deadline = ContinuousClock.now + .seconds(1)
        while ContinuousClock.now < deadline && !core.isStopped {
            let ready = LoopbackSocket.waitReadable(descriptor, milliseconds: 50)
            if ready < 0 { break }
            if ready == 0 { continue }
            let count = scratch.withUnsafeMutableBytes { LoopbackSocket.receiveSome(descriptor, into: $0) }
            if count <= 0 { break }
        }
        core.closeConnection(index, abortive: false)
    }
}
