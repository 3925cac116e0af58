import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// swift-server's AsyncHTTPClient (SwiftNIO): one client per concurrency on NIO's shared event loop group, allowed
/// as many HTTP/1.1 connections as there are workers.
struct AsyncHTTPClientLoad: ClientLoad {
    let client: HTTPClient
    let url: URL
    let bodySize: Int

    init(url: URL, bodySize: Int, concurrency: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = concurrency
        configuration.proxy = nil
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.url = url
        self.bodySize = bodySize
    }

    func run(requests: Int, concurrency: Int) async throws -> LoadRun {
        let client = client
        let request = HTTPClientRequest(url: url.absoluteString)
        let bodySize = bodySize
        return await ConcurrentLoad.run(requests: requests, concurrency: concurrency) {
            let response = try await client.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1 << 20)
            guard response.status == .ok, body.readableBytes == bodySize else {
                throw BenchmarkError("unexpected response: \(response.status), \(body.readableBytes) bytes")
            }
        }
    }

    func shutdown() async { try? await client.shutdown() }
}
