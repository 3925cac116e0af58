import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import TradeCreditHTTP
import TradeCreditTesting

/// Self-tests of `LoopbackHTTPServer`, driven by a tiny blocking socket client that runs on its own threads.
@Suite struct LoopbackServerTests {
    // MARK: Routes and recording

    @Test func routesAnswerAndUnknownPathsGet404() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .text("hello"), "/json": .ok(json: #"{"ok":true}"#)])
        defer { server.shutdown() }
        let responses = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            return try ["/a", "/missing", "/json?date=2024-01-02"].map { path in
                try connection.sendText("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
                return connection.readResponse()
            }
        }
        #expect(responses.map(\.status) == [200, 404, 200])
        #expect(responses[0].text == "hello")
        #expect(responses[0].headers["content-type"] == "text/plain; charset=utf-8")
        #expect(responses[1].text == "not found")
        #expect(responses[2].text == #"{"ok":true}"#)
        #expect(responses[2].headers["Content-Type"] == "application/json")
        #expect(server.requests.map(\.path) == ["/a", "/missing", "/json?date=2024-01-02"])
        #expect(server.requests(path: "/json").count == 1)
    }

    @Test func recordsMethodPathHeadersBodyAndConnection() async throws {
        let server = try LoopbackHTTPServer { request in .text("got \(request.body.count) bytes", status: 201) }
        defer { server.shutdown() }
        let response = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("POST /submit?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trace: abc\r\n"
                + "content-type: application/json\r\nContent-Length: 7\r\n\r\npayload")
            return connection.readResponse()
        }
        #expect(response.status == 201)
        #expect(response.text == "got 7 bytes")
        let request = try #require(server.requests.first)
        #expect(request.method == .post)
        #expect(request.path == "/submit?x=1")
        #expect(request.pathWithoutQuery == "/submit")
        #expect(request.query == "x=1")
        #expect(request.version == "HTTP/1.1")
        #expect(request.headers["x-trace"] == "abc")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.body == Data("payload".utf8))
        #expect(request.connectionIndex == 0)
    }

    @Test func chunkedRequestBodyIsDecoded() async throws {
        let server = try LoopbackHTTPServer(routes: ["/upload": .status(204), "/next": .text("next")])
        defer { server.shutdown() }
        let responses = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\nWiki\r\n5;name=value\r\npedia\r\n0\r\nX-Trailer: 1\r\n\r\n")
            let first = connection.readResponse()
            try connection.sendText("GET /next HTTP/1.1\r\nHost: x\r\n\r\n")
            return [first, connection.readResponse()]
        }
        #expect(responses.map(\.status) == [204, 200])
        #expect(responses[1].text == "next")
        #expect(server.requests.first?.bodyText == "Wikipedia")
        #expect(server.acceptedConnections == 1)
    }

    @Test func expectContinueGetsAnInterimResponse() async throws {
        let server = try LoopbackHTTPServer { request in .text(request.bodyText) }
        defer { server.shutdown() }
        let responses = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("PUT /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            let interim = connection.readResponse()
            try connection.sendText("hello")
            return [interim, connection.readResponse()]
        }
        #expect(responses.map(\.status) == [100, 200])
        #expect(responses[1].text == "hello")
    }

    // MARK: Limits and bad requests

    @Test func requestsOverTheLimitGet413() async throws {
        let server = try LoopbackHTTPServer(maxRequestBytes: 1024) { _ in .status(200) }
        defer { server.shutdown() }
        let (small, large) = try await onThread {
            let first = try RawConnection(port: server.port)
            defer { first.close() }
            try first.sendText("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + String(repeating: "x", count: 100))
            let small = first.readResponse()
            let second = try RawConnection(port: server.port)
            defer { second.close() }
            try second.sendText("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n" + String(repeating: "x", count: 4096))
            let large = second.readResponse()
            return (small, large)
        }
        #expect(small.status == 200)
        #expect(large.status == 413)
        #expect(large.headers["Connection"] == "close")
        #expect(server.requests.count == 1)
    }

    @Test func defaultLimitIsOneMebibyte() async throws {
        let server = try LoopbackHTTPServer { request in .text("\(request.body.count)") }
        defer { server.shutdown() }
        let (accepted, refused) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            let body = [UInt8](repeating: 0x41, count: 512 * 1024)
            try connection.sendText("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n")
            try connection.sendBytes(body)
            let accepted = connection.readResponse()
            // Announced but never sent: the server answers from the header alone.
            try connection.sendText("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: \(2 << 20)\r\n\r\n")
            return (accepted, connection.readResponse())
        }
        #expect(accepted.status == 200)
        #expect(accepted.text == "\(512 * 1024)")
        #expect(refused.status == 413)
    }

    @Test func malformedRequestGets400() async throws {
        let server = try LoopbackHTTPServer(routes: [:])
        defer { server.shutdown() }
        let (response, closed) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("this is not http\r\n\r\n")
            return (connection.readResponse(), connection.serverCloses())
        }
        #expect(response.status == 400)
        #expect(closed)
        #expect(server.requests.isEmpty)
    }

    @Test func headRequestGetsHeadersOnly() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .text("hello")])
        defer { server.shutdown() }
        let responses = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("HEAD /a HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = connection.readResponse(method: "HEAD")
            try connection.sendText("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
            return [head, connection.readResponse()]
        }
        #expect(responses[0].headers["Content-Length"] == "5")
        #expect(responses[0].body.isEmpty)
        #expect(responses[1].text == "hello")
    }

    // MARK: Keep-alive

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .text("a"), "/b": .text("b")])
        defer { server.shutdown() }
        let (responses, closed) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            var responses: [RawResponse] = []
            for path in ["/a", "/b"] {
                try connection.sendText("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
                responses.append(connection.readResponse())
            }
            try connection.sendText("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            responses.append(connection.readResponse())
            return (responses, connection.serverCloses())
        }
        #expect(responses.map(\.text) == ["a", "b", "a"])
        #expect(responses[0].headers["Connection"] == nil)
        #expect(responses[2].headers["Connection"] == "close")
        #expect(closed)
        #expect(server.acceptedConnections == 1)
        #expect(server.requests.map(\.connectionIndex) == [0, 0, 0])

        let again = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /b HTTP/1.1\r\nHost: x\r\n\r\n")
            return connection.readResponse()
        }
        #expect(again.text == "b")
        #expect(server.acceptedConnections == 2)
        #expect(server.requests.last?.connectionIndex == 1)
    }

    @Test func responseAskingToCloseClosesTheConnection() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .text("bye").closingConnection()])
        defer { server.shutdown() }
        let (response, closed) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = connection.readResponse()
            return (response, connection.serverCloses())
        }
        #expect(response.text == "bye")
        #expect(closed)
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .text("a")])
        defer { server.shutdown() }
        let (response, closed) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /a HTTP/1.0\r\n\r\n")
            return (connection.readResponse(), connection.serverCloses())
        }
        #expect(response.text == "a")
        #expect(response.headers["Connection"] == "close")
        #expect(closed)
    }

    @Test func openConnectionsFollowTheClients() async throws {
        let server = try LoopbackHTTPServer(routes: ["/a": .text("a")])
        defer { server.shutdown() }
        let first = try RawConnection(port: server.port)
        let second = try RawConnection(port: server.port)
        defer { second.close() }
        #expect(await eventually { server.openConnections == 2 })
        #expect(server.acceptedConnections == 2)
        first.close()
        #expect(await eventually { server.openConnections == 1 })
    }

    // MARK: Sequences

    @Test func sequencesAnswerInOrderThenRepeatTheLast() async throws {
        let server = try LoopbackHTTPServer(sequences: [
            "/rates": [.serviceUnavailable(retryAfter: "1"), .ok(json: "{}")],
        ])
        defer { server.shutdown() }
        let responses = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            return try ["/rates", "/rates?again", "/rates", "/other"].map { path in
                try connection.sendText("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
                return connection.readResponse()
            }
        }
        #expect(responses.map(\.status) == [503, 200, 200, 404])
        #expect(responses[0].headers["Retry-After"] == "1")
    }

    @Test func scriptedSequenceCountsCalls() {
        let sequence = ScriptedSequence(.tooManyRequests(retryAfter: "2"), .status(200))
        #expect(sequence.next().status == 429)
        #expect(sequence.next().status == 200)
        #expect(sequence.next().status == 200)
        #expect(sequence.callCount == 3)
        #expect(ScriptedResponse.tooManyRequests(retryAfter: "2").headers["Retry-After"] == "2")
        #expect(ScriptedResponse.redirect(to: "file:///etc/passwd").headers["Location"] == "file:///etc/passwd")
        #expect(ScriptedResponse.redirect(to: "ftp://example.com/x", status: 301).status == 301)
        #expect(ScriptedResponse.status(418).reason == "Status 418")
        #expect(ScriptedResponse.status(404).reason == "Not Found")
    }

    @Test func urlsPointAtTheServer() throws {
        let server = try LoopbackHTTPServer(routes: [:])
        defer { server.shutdown() }
        #expect(server.port > 0)
        #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)")
        #expect(server.url("/a?b=1").absoluteString == "http://127.0.0.1:\(server.port)/a?b=1")
        #expect(server.url("a").absoluteString == "http://127.0.0.1:\(server.port)/a")
        #expect(server.url("/r", host: "localhost").absoluteString == "http://localhost:\(server.port)/r")
        #expect(server.url("/with space").path == "/with space")
    }

    // MARK: Response faults

    @Test func chunkedEncodingSendsChunks() async throws {
        let body = "hello chunked world"
        let server = try LoopbackHTTPServer(routes: [
            "/c": .text(body).with(.chunkedEncoding, .slowBody(chunkSize: 8, interval: .zero)),
        ])
        defer { server.shutdown() }
        let responses = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            return try (0..<2).map { _ in
                try connection.sendText("GET /c HTTP/1.1\r\nHost: x\r\n\r\n")
                return connection.readResponse()
            }
        }
        for response in responses {
            #expect(response.headers["Transfer-Encoding"] == "chunked")
            #expect(response.headers["Content-Length"] == nil)
            #expect(response.chunkSizes == [8, 8, 3])
            #expect(response.text == body)
            #expect(response.complete)
        }
        #expect(server.acceptedConnections == 1)
    }

    @Test func truncatedBodyEndsShortOfContentLength() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/t": .text(String(repeating: "x", count: 20)).with(.truncateAfterBodyBytes(5)),
        ])
        defer { server.shutdown() }
        let response = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /t HTTP/1.1\r\nHost: x\r\n\r\n")
            return connection.readResponse()
        }
        #expect(response.status == 200)
        #expect(response.headers["Content-Length"] == "20")
        #expect(response.body.count == 5)
        #expect(!response.complete)
        #expect(response.closedByServer)
        #expect(!response.reset)
    }

    @Test func resetAbortsTheConnection() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/r": .text(String(repeating: "y", count: 100)).with(.resetAfterBodyBytes(10)),
        ])
        defer { server.shutdown() }
        let response = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /r HTTP/1.1\r\nHost: x\r\n\r\n")
            return connection.readResponse()
        }
        #expect(response.reset)
        #expect(response.body.count <= 10)
        #expect(!response.complete)
        #expect(server.requests.count == 1)
        #expect(await eventually { server.openConnections == 0 })
    }

    @Test func delayBeforeHeadersHoldsTheResponse() async throws {
        let server = try LoopbackHTTPServer(routes: ["/d": .text("late").with(.delayBeforeHeaders(.milliseconds(300)))])
        defer { server.shutdown() }
        let (response, elapsed) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            let start = ContinuousClock.now
            try connection.sendText("GET /d HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = connection.readResponse()
            return (response, ContinuousClock.now - start)
        }
        #expect(response.text == "late")
        #expect(elapsed >= .milliseconds(290))
    }

    @Test func slowBodySendsPiecesAtIntervals() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/s": .text("abcdefghi").with(.slowBody(chunkSize: 3, interval: .milliseconds(100))),
        ])
        defer { server.shutdown() }
        let (response, elapsed) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            let start = ContinuousClock.now
            try connection.sendText("GET /s HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = connection.readResponse()
            return (response, ContinuousClock.now - start)
        }
        #expect(response.text == "abcdefghi")
        #expect(response.headers["Content-Length"] == "9")
        #expect(elapsed >= .milliseconds(190))
    }

    @Test func closeWithoutResponseRecordsTheRequestAndCloses() async throws {
        let server = try LoopbackHTTPServer(routes: ["/x": ScriptedResponse.status(200).with(.closeWithoutResponse)])
        defer { server.shutdown() }
        let (bytes, endOfStream) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /x HTTP/1.1\r\nHost: x\r\n\r\n")
            return (connection.readUntilClosed(), connection.sawEndOfStream)
        }
        #expect(bytes.isEmpty)
        #expect(endOfStream)
        #expect(server.requests.map(\.path) == ["/x"])
    }

    @Test func malformedStatusLineIsNotHTTP() async throws {
        let server = try LoopbackHTTPServer(routes: ["/m": ScriptedResponse.text("body").with(.malformedStatusLine)])
        defer { server.shutdown() }
        let (response, closed) = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /m HTTP/1.1\r\nHost: x\r\n\r\n")
            return (connection.readResponse(), connection.serverCloses())
        }
        #expect(response.statusLine == "HTTP/1.1 abc Malformed")
        #expect(response.status == nil)
        #expect(closed)
    }

    @Test func oversizedBodyStreamsTheAnnouncedBytes() async throws {
        let size = 3_000_000
        let server = try LoopbackHTTPServer(routes: ["/big": ScriptedResponse.status(200).with(.oversizedBody(bytes: size))])
        defer { server.shutdown() }
        let response = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            return connection.readResponse()
        }
        #expect(response.headers["Content-Length"] == "\(size)")
        #expect(response.body.count == size)
        #expect(response.complete)
        #expect(Array(response.body.prefix(3)) == Array("abc".utf8))
        #expect(response.body[26] == UInt8(ascii: "a"))
        #expect(response.body[size - 1] == UInt8(ascii: "a") + UInt8((size - 1) % 26))
    }

    // MARK: gzip

    @Test(arguments: [
        ("", UInt32(0)),
        ("a", 0xE8B7_BE43),
        ("123456789", 0xCBF4_3926),
        ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
    ])
    func crc32MatchesKnownVectors(input: String, expected: UInt32) {
        #expect(GzipStoredEncoder.crc32(Data(input.utf8)) == expected)
        #expect(GzipStoredEncoder.crc32(Array(input.utf8)) == expected)
        let split = input.utf8.count / 2
        let first = GzipStoredEncoder.crc32(Array(input.utf8.prefix(split)))
        #expect(GzipStoredEncoder.updateCRC32(first, with: Array(input.utf8.dropFirst(split))) == expected)
    }

    @Test func gzipOfShortInputHasTheExpectedBytes() {
        let encoded = [UInt8](GzipStoredEncoder.encode(Data("hello".utf8)))
        let expected: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF] // header
            + [0x01, 0x05, 0x00, 0xFA, 0xFF] + Array("hello".utf8) // final stored block, LEN 5, NLEN ~5
            + [0x86, 0xA6, 0x10, 0x36] // CRC-32 0x3610A686, little-endian
            + [0x05, 0x00, 0x00, 0x00] // ISIZE
        #expect(encoded == expected)

        let empty = [UInt8](GzipStoredEncoder.encode(Data()))
        #expect(empty == GzipStoredEncoder.header + [0x01, 0x00, 0x00, 0xFF, 0xFF] + [0, 0, 0, 0] + [0, 0, 0, 0])
    }

    @Test func gzipSplitsLongInputIntoStoredBlocks() throws {
        let input = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let encoded = [UInt8](GzipStoredEncoder.encode(Data(input)))
        #expect(encoded.count == 10 + 5 + 65_535 + 5 + 4_465 + 8)
        #expect(Array(encoded[10..<15]) == [0x00, 0xFF, 0xFF, 0x00, 0x00])
        let second = 10 + 5 + 65_535
        #expect(Array(encoded[second..<(second + 5)]) == [0x01, 0x71, 0x11, 0x8E, 0xEE]) // 4465 = 0x1171
        #expect(try inflateStoredGzip(encoded) == input)
    }

    @Test func gzipOutputDecodesWithTheSystemGzip() async throws {
        let gzip = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let gzip else { return } // Nothing to compare with on this machine.
        let input = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
        let decoded = try await onThread { try runGunzip(gzip, on: GzipStoredEncoder.encode(input)) }
        #expect(decoded == input)
    }

    @Test func gzipFaultCompressesOnlyWhenAccepted() async throws {
        let body = "compress me, or not"
        let server = try LoopbackHTTPServer(routes: ["/g": .text(body).with(.gzipBody)])
        defer { server.shutdown() }
        let responses = try await onThread {
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            return try ["gzip, deflate", nil, "gzip;q=0", "*"].map { encoding in
                let accept = encoding.map { "Accept-Encoding: \($0)\r\n" } ?? ""
                try connection.sendText("GET /g HTTP/1.1\r\nHost: x\r\n\(accept)\r\n")
                return connection.readResponse()
            }
        }
        let encoded = [UInt8](GzipStoredEncoder.encode(Data(body.utf8)))
        #expect(responses[0].headers["Content-Encoding"] == "gzip")
        #expect(responses[0].headers["Content-Length"] == "\(encoded.count)")
        #expect(responses[0].body == encoded)
        #expect(try inflateStoredGzip(responses[0].body) == Array(body.utf8))
        #expect(responses[1].headers["Content-Encoding"] == nil)
        #expect(responses[1].text == body)
        #expect(responses[2].text == body)
        #expect(responses[3].body == encoded)
    }

    @Test func urlSessionDecodesTheGzipBody() async throws {
        let body = String(repeating: "stored deflate blocks decode everywhere. ", count: 2_000)
        let server = try LoopbackHTTPServer(routes: ["/g": .text(body).with(.gzipBody, .chunkedEncoding)])
        defer { server.shutdown() }
        var request = URLRequest(url: server.url("/g"))
        request.setValue("gzip", forHTTPHeaderField: "Accept-Encoding")
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(server.requests.first?.headers["Accept-Encoding"]?.contains("gzip") == true)
        #expect(String(decoding: data, as: UTF8.self) == body)
    }

    // MARK: Shutdown

    @Test func shutdownEndsThreadsAndRefusesConnections() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/a": .text("a"),
            "/stuck": .text("never").with(.delayBeforeHeaders(.seconds(60))),
        ])
        let port = server.port
        // One idle kept-alive connection, one waiting for a response that is delayed for a minute.
        let idle = try RawConnection(port: port)
        defer { idle.close() }
        let first = try await onThread { () throws -> RawResponse in
            try idle.sendText("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
            return idle.readResponse()
        }
        #expect(first.text == "a")
        async let stuck = onThread { () throws -> RawResponse in
            let connection = try RawConnection(port: port)
            defer { connection.close() }
            try connection.sendText("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n")
            return connection.readResponse()
        }
        #expect(await eventually { server.requests.count == 2 })
        #expect(server.activeThreadCount == 3)

        let elapsed = try await onThread { () -> Duration in
            let start = ContinuousClock.now
            server.shutdown()
            return ContinuousClock.now - start
        }
        #expect(elapsed < .seconds(5))
        #expect(server.activeThreadCount == 0)
        #expect(server.openConnections == 0)
        let stuckResponse = try await stuck
        #expect(stuckResponse.status == nil)
        let idleClosed = try await onThread { idle.serverCloses() }
        #expect(idleClosed)
        #expect(connectionError(port: port) == ECONNREFUSED)
        server.shutdown() // idempotent
        #expect(server.activeThreadCount == 0)
    }

    @Test func droppingTheServerShutsItDown() async throws {
        var port = 0
        do {
            let server = try LoopbackHTTPServer(routes: [:])
            port = server.port
            withExtendedLifetime(server) {
                #expect(connectionError(port: port) == 0)
            }
        }
        #expect(connectionError(port: port) == ECONNREFUSED)
    }

    @Test func serverSurvivesClientsThatVanish() async throws {
        let server = try LoopbackHTTPServer(routes: [
            "/big": ScriptedResponse.status(200).with(.oversizedBody(bytes: 20_000_000)),
            "/a": .text("still here"),
        ])
        defer { server.shutdown() }
        let response = try await onThread { () throws -> RawResponse in
            let leaving = try RawConnection(port: server.port)
            try leaving.sendText("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            leaving.close() // The server's writes now fail with EPIPE or ECONNRESET, never SIGPIPE.
            let connection = try RawConnection(port: server.port)
            defer { connection.close() }
            try connection.sendText("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
            return connection.readResponse()
        }
        #expect(response.text == "still here")
        #expect(await eventually { server.openConnections == 0 })
    }

    /// Each handler waits until all six requests have arrived: served one after another, none would see the others
    /// (they would give up after five seconds and say so), so the answers prove the server runs them in parallel.
    @Test func concurrentClientsAreServedInParallel() async throws {
        let arrived = Mutex(0)
        let server = try LoopbackHTTPServer { request in
            arrived.withLock { $0 += 1 }
            let deadline = ContinuousClock.now + .seconds(5)
            while arrived.withLock({ $0 }) < 6, ContinuousClock.now < deadline { usleep(1_000) }
            return .text(arrived.withLock { $0 } >= 6 ? request.path : "alone")
        }
        defer { server.shutdown() }
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<6 {
                group.addTask {
                    try await onThread {
                        let connection = try RawConnection(port: server.port)
                        defer { connection.close() }
                        try connection.sendText("GET /\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
                        return connection.readResponse().text
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(texts) == Set((0..<6).map { "/\($0)" }))
        #expect(server.acceptedConnections == 6)
    }
}

// MARK: - A tiny blocking client

/// What the raw client read for one response.
private struct RawResponse: Sendable {
    var statusLine = ""
    var status: Int?
    var headers = HTTPHeaders()
    var body: [UInt8] = []
    /// The sizes of the chunks of a chunked body.
    var chunkSizes: [Int] = []
    /// Whether the body was as long as announced (or the last chunk arrived).
    var complete = false
    /// Whether the server closed the connection (FIN) while or after sending it.
    var closedByServer = false
    /// Whether the connection was reset.
    var reset = false

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A blocking TCP client for one connection, with a 5-second receive timeout so no test can hang.
private final class RawConnection: @unchecked Sendable {
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var sawEndOfStream = false
    private(set) var sawReset = false

    init(port: Int) throws {
        descriptor = makeTCPSocket()
        guard descriptor >= 0 else { throw RawClientError(what: "socket", errorNumber: errno) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = loopbackAddress(port: port)
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = RawClientError(what: "connect", errorNumber: errno)
            closeDescriptor(descriptor)
            throw error
        }
    }

    deinit { close() }

    func close() {
        if descriptor >= 0 { closeDescriptor(descriptor) }
        descriptor = -1
    }

    func sendText(_ text: String) throws { try sendBytes(Array(text.utf8)) }

    func sendBytes(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes {
                send(descriptor, $0.baseAddress! + offset, bytes.count - offset, noSignalFlag)
            }
            guard count > 0 else { throw RawClientError(what: "send", errorNumber: errno) }
            offset += count
        }
    }

    /// Reads more bytes; `false` at end of stream, on reset, or on timeout.
    private func fill() -> Bool {
        guard descriptor >= 0, !sawEndOfStream, !sawReset else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer += chunk[0..<count]
            return true
        }
        if count == 0 { sawEndOfStream = true } else if errno == ECONNRESET { sawReset = true }
        return false
    }

    private func find(_ pattern: [UInt8], from start: Int = 0) -> Int? {
        guard buffer.count >= pattern.count + start else { return nil }
        return (start...(buffer.count - pattern.count)).first { Array(buffer[$0..<($0 + pattern.count)]) == pattern }
    }

    private func readLine() -> String? {
        while true {
            if let end = find([13, 10]) {
                let line = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            guard fill() else { return nil }
        }
    }

    private func readExactly(_ count: Int) -> [UInt8] {
        while buffer.count < count {
            guard fill() else { break }
        }
        let taken = Array(buffer.prefix(count))
        buffer.removeFirst(taken.count)
        return taken
    }

    /// Reads one response (a `100 Continue` counts as one).
    func readResponse(method: String = "GET") -> RawResponse {
        var response = readMessage(method: method)
        response.closedByServer = sawEndOfStream
        response.reset = sawReset
        return response
    }

    private func readMessage(method: String) -> RawResponse {
        var response = RawResponse()
        while find([13, 10, 13, 10]) == nil {
            guard fill() else { return response }
        }
        response.statusLine = readLine() ?? ""
        let parts = response.statusLine.split(separator: " ", maxSplits: 2)
        if parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3 { response.status = Int(parts[1]) }
        while let line = readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            response.headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let status = response.status ?? 0
        if method == "HEAD" || (100..<200).contains(status) || status == 204 || status == 304 {
            response.complete = true
            return response
        }
        if response.headers["Transfer-Encoding"]?.lowercased() == "chunked" {
            while let line = readLine(), let size = Int(line.split(separator: ";").first ?? "", radix: 16) {
                if size == 0 {
                    while let trailer = readLine(), !trailer.isEmpty {}
                    response.complete = true
                    break
                }
                response.chunkSizes.append(size)
                let data = readExactly(size)
                response.body += data
                guard data.count == size, readLine() == "" else { break }
            }
        } else if let length = response.headers["Content-Length"].flatMap({ Int($0) }) {
            response.body = readExactly(length)
            response.complete = response.body.count == length
        } else {
            response.body = readUntilClosed()
            response.complete = sawEndOfStream
        }
        return response
    }

    /// Reads until the server closes (or resets, or 5 seconds pass without a byte).
    func readUntilClosed() -> [UInt8] {
        while fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// Whether the server closes the connection now (nothing more arrives before end of stream or a reset).
    func serverCloses() -> Bool {
        readUntilClosed().isEmpty && (sawEndOfStream || sawReset)
    }
}

private struct RawClientError: Error, CustomStringConvertible {
    var what: String
    var errorNumber: Int32
    var description: String { "\(what): \(String(cString: strerror(errorNumber)))" }
}

#if canImport(Glibc)
private let noSignalFlag = Int32(MSG_NOSIGNAL)
#else
private let noSignalFlag: Int32 = 0
#endif

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

private func makeTCPSocket() -> Int32 {
    #if canImport(Glibc)
    socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    #else
    socket(AF_INET, SOCK_STREAM, 0)
    #endif
}

private func loopbackAddress(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    return address
}

/// 0 when a connection to `port` succeeds, else the `errno` of `connect`.
private func connectionError(port: Int) -> Int32 {
    let descriptor = makeTCPSocket()
    defer { closeDescriptor(descriptor) }
    var address = loopbackAddress(port: port)
    let result = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    return result == 0 ? 0 : errno
}

/// Runs blocking work on a new thread, off Swift's cooperative pool.
private func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// Polls `condition` every 10 ms for at most `timeout`. Generous, since it returns as soon as the condition holds:
/// on a loaded two-core machine a task the condition waits for may wait seconds for a thread of the pool.
private func eventually(timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// Decodes a gzip member made of stored deflate blocks only, checking its CRC-32 and size.
private func inflateStoredGzip(_ bytes: [UInt8]) throws -> [UInt8] {
    struct Invalid: Error { var reason: String }
    guard bytes.count >= 18, bytes.starts(with: [0x1F, 0x8B, 0x08]) else { throw Invalid(reason: "header") }
    var position = 10
    var output: [UInt8] = []
    while true {
        guard position + 5 <= bytes.count else { throw Invalid(reason: "block header") }
        let blockHeader = bytes[position]
        guard blockHeader & 0b110 == 0 else { throw Invalid(reason: "not a stored block") }
        let length = Int(bytes[position + 1]) | Int(bytes[position + 2]) << 8
        let complement = Int(bytes[position + 3]) | Int(bytes[position + 4]) << 8
        guard length ^ complement == 0xFFFF, position + 5 + length <= bytes.count else { throw Invalid(reason: "LEN") }
        output += bytes[(position + 5)..<(position + 5 + length)]
        position += 5 + length
        if blockHeader & 1 == 1 { break }
    }
    guard bytes.count == position + 8 else { throw Invalid(reason: "trailer") }
    let littleEndian = { (offset: Int) in (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) } }
    guard littleEndian(position) == GzipStoredEncoder.crc32(output) else { throw Invalid(reason: "CRC-32") }
    guard littleEndian(position + 4) == UInt32(truncatingIfNeeded: output.count) else { throw Invalid(reason: "ISIZE") }
    return output
}

/// `gzip -dc` of `data`, through a temporary file.
private func runGunzip(_ executable: String, on data: Data) throws -> Data {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("loopback-\(UUID().uuidString).gz")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-dc", file.path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let decoded = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw RawClientError(what: "gzip -dc", errorNumber: 0) }
    return decoded
}
