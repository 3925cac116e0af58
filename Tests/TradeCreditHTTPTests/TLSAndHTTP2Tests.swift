import Foundation
import Testing
@testable import TradeCreditHTTP

/// CurlHTTPClient against a real nginx with a CA made at test time: certificate verification (CA file, CA in memory,
/// wrong CA, IP and host-name matching), HTTP/2 negotiation and multiplexing, and compressed bodies.
@Suite("TLS and HTTP/2 against nginx", .nginxAvailableOrRequired, .sharedNginx)
struct TLSAndHTTP2Tests {
    /// A client that trusts the fixture's CA (from its file), unless `adjust` says otherwise.
    static func client(_ nginx: NginxFixture,
                       _ adjust: (inout CurlHTTPClient.Configuration) -> Void = { _ in }) throws -> CurlHTTPClient {
        try CurlHTTPClientTests.client { configuration in
            configuration.tls = CurlHTTPClient.TLSConfiguration(caFile: nginx.caFile)
            adjust(&configuration)
        }
    }

    @Test func caFileVerifiesAndNegotiatesHTTP2() async throws {
        let nginx = try NginxFixture.current()
        let client = try Self.client(nginx)
        defer { client.shutdown() }
        let response = try await client.send(.get(nginx.httpsURL("/data.json")))
        #expect(response.status == 200)
        #expect(response.httpVersion == "HTTP/2")
        #expect(response.body == nginx.jsonBody)
        let large = try await client.send(.get(nginx.httpsURL("/large.bin")))
        #expect(large.status == 200)
        #expect(large.httpVersion == "HTTP/2")
        #expect(large.body == nginx.largeBody)
    }

    @Test func caPEMInMemoryVerifies() async throws {
        let nginx = try NginxFixture.current()
        let client = try CurlHTTPClientTests.client { configuration in
            configuration.tls = CurlHTTPClient.TLSConfiguration(caPEM: nginx.caPEM)
        }
        defer { client.shutdown() }
        let response = try await client.send(.get(nginx.httpsURL("/data.json")))
        #expect(response.status == 200)
        #expect(response.httpVersion == "HTTP/2")
        #expect(response.body == nginx.jsonBody)
    }

    @Test func allowHTTP2FalseKeepsHTTP11() async throws {
        let nginx = try NginxFixture.current()
        let client = try Self.client(nginx) { $0.allowHTTP2 = false }
        defer { client.shutdown() }
        let response = try await client.send(.get(nginx.httpsURL("/large.bin")))
        #expect(response.status == 200)
        #expect(response.httpVersion == "HTTP/1.1")
        #expect(response.body == nginx.largeBody)
    }

    @Test func systemBundleRejectsTheTestCA() async throws {
        let nginx = try NginxFixture.current()
        let client = try CurlHTTPClientTests.client { $0.tls = .system }
        defer { client.shutdown() }
        let error = await CurlHTTPClientTests.httpError { _ = try await client.send(.get(nginx.httpsURL("/data.json"))) }
        #expect(error?.code == .tls)
    }

    @Test func unrelatedCARejectsTheServer() async throws {
        let nginx = try NginxFixture.current()
        let client = try CurlHTTPClientTests.client {
            $0.tls = CurlHTTPClient.TLSConfiguration(caFile: nginx.unrelatedCAFile)
        }
        defer { client.shutdown() }
        let error = await CurlHTTPClientTests.httpError { _ = try await client.send(.get(nginx.httpsURL("/data.json"))) }
        #expect(error?.code == .tls)
    }

    @Test func ipAddressMatchesTheIPSubjectAltName() async throws {
        let nginx = try NginxFixture.current()
        let client = try Self.client(nginx)
        defer { client.shutdown() }
        let response = try await client.send(.get(nginx.httpsURL("/data.json", host: "127.0.0.1")))
        #expect(response.status == 200)
        #expect(response.body == nginx.jsonBody)
    }

    /// A name that reaches 127.0.0.1 through /etc/hosts but is not in the certificate: verification must fail.
    @Test(.enabled(if: NginxFixture.hostNameNotInCertificate != nil,
                   "no alias of 127.0.0.1 other than localhost in /etc/hosts"))
    func hostNameNotInTheCertificateIsRejected() async throws {
        let nginx = try NginxFixture.current()
        let host = try #require(NginxFixture.hostNameNotInCertificate)
        let client = try Self.client(nginx)
        defer { client.shutdown() }
        let error = await CurlHTTPClientTests.httpError { _ = try await client.send(.get(nginx.httpsURL("/", host: host))) }
        #expect(error?.code == .tls, "host \(host)")
    }

    @Test func concurrentRequestsMultiplexOverFewConnections() async throws {
        let nginx = try NginxFixture.current()
        let client = try Self.client(nginx)
        defer { client.shutdown() }
        let run = UUID().uuidString
        let responses = try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            for index in 0..<20 {
                group.addTask { try await client.send(.get(nginx.httpsURL("/data.json?run=\(run)&i=\(index)"))) }
            }
            return try await group.reduce(into: [HTTPResponse]()) { $0.append($1) }
        }
        #expect(responses.count == 20)
        #expect(responses.allSatisfy { $0.status == 200 && $0.httpVersion == "HTTP/2" && $0.body == nginx.jsonBody })
        let entries = nginx.accessLog().filter { $0.uri.contains("run=\(run)") }
        #expect(entries.count == 20)
        #expect(entries.allSatisfy { $0.serverProtocol == "HTTP/2.0" })
        // PIPEWAIT: requests wait for the first connection and multiplex on it rather than opening one each.
        let connections = Set(entries.map(\.connection))
        #expect(connections.count <= 2, "20 requests used \(connections.count) connections")
    }

    @Test func gzipJSONIsDecoded() async throws {
        let nginx = try NginxFixture.current()
        let client = try Self.client(nginx)
        defer { client.shutdown() }
        for url in [nginx.httpsURL("/data.json"), nginx.httpURL("/data.json")] {
            let response = try await client.send(.get(url, headers: ["Accept": "application/json"]))
            #expect(response.status == 200)
            #expect(response.headers["Content-Encoding"] == "gzip", "\(url)")
            #expect(response.body == nginx.jsonBody, "\(url)")
            let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            #expect(object?["source"] as? String == "fixture")
        }
    }

    @Test func plainHTTPListenerSpeaksHTTP11() async throws {
        let nginx = try NginxFixture.current()
        let client = try Self.client(nginx)
        defer { client.shutdown() }
        let response = try await client.send(.get(nginx.httpURL("/large.bin")))
        #expect(response.status == 200)
        #expect(response.httpVersion == "HTTP/1.1")
        #expect(response.body == nginx.largeBody)
    }

    /// The fixture itself: after shutdown() the process is gone, its ports refuse, and its directory is removed.
    @Test func fixtureShutdownStopsNginx() throws {
        let nginx = try NginxFixture()
        #expect(nginx.isRunning)
        #expect(NginxFixture.accepts(port: nginx.httpsPort))
        nginx.shutdown()
        #expect(!nginx.isRunning)
        #expect(!NginxFixture.accepts(port: nginx.httpsPort))
        #expect(!NginxFixture.accepts(port: nginx.httpPort))
        #expect(!FileManager.default.fileExists(atPath: nginx.directory.path))
    }
}
