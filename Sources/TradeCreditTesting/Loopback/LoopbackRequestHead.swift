import Foundation
import TradeCreditHTTP

/// The parsed request line and header fields of an HTTP/1.x request.
struct LoopbackRequestHead {
    var method: String
    var target: String
    var version: String
    var headers: HTTPHeaders

    /// Parses the bytes before the blank line (without it), or `nil` when they are not an HTTP/1.x request head.
    init?(_ bytes: ArraySlice<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, !requestLine[1].isEmpty,
              requestLine[0].allSatisfy({ $0.isLetter || $0 == "-" }),
              requestLine[2].hasPrefix("HTTP/1.") else { return nil }
        method = String(requestLine[0])
        target = String(requestLine[1])
        version = String(requestLine[2])
        headers = HTTPHeaders()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon]
            guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { return nil } // also rejects obs-fold
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(String(name), value)
        }
    }

    /// The comma-separated tokens of every field `name`, lower-cased.
    func tokens(_ name: String) -> [String] {
        headers.values(name).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// Whether the client lets the connection stay open after the response (HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive`).
    var keepsAlive: Bool {
        let connection = tokens("Connection")
        if version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }

    /// Whether the body is chunked (`chunked` is the last transfer coding).
    var isChunked: Bool { tokens("Transfer-Encoding").last == "chunked" }

    /// Whether the request has any `Transfer-Encoding`.
    var hasTransferEncoding: Bool { headers.contains("Transfer-Encoding") }

    /// Whether the client waits for `100 Continue` before sending its body.
    var expectsContinue: Bool { tokens("Expect").contains("100-continue") }
}

extension HTTPHeaders {
    /// Whether `Accept-Encoding` admits gzip: a `gzip`, `x-gzip` or `*` coding without `q=0`.
    var acceptsGzip: Bool {
        for element in values("Accept-Encoding").flatMap({ $0.split(separator: ",") }) {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, ["gzip", "x-gzip", "*"].contains(coding) else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0 { return true }
        }
        return false
    }
}
