import Foundation
import TradeCreditHTTP

/// The SDK's client: one `CurlHTTPClient` per concurrency, allowed as many connections as there are workers.
struct CurlHTTPClientLoad: ClientLoad {
    let client: CurlHTTPClient
    let url: URL
    let bodySize: Int

    init(url: URL, bodySize: Int, concurrency: Int) throws {
        var configuration = CurlHTTPClient.Configuration()
        configuration.proxy = .none
        configuration.totalTimeout = .seconds(30)
        configuration.maximumConnectionsPerHost = concurrency
        configuration.maximumTotalConnections = max(64, concurrency)
        client = try CurlHTTPClient(configuration: configuration)
        self.url = url
        self.bodySize = bodySize
    }

    func run(requests: Int, concurrency: Int) async throws -> LoadRun {
        let request = HTTPRequest.get(url)
        let client = client
        let bodySize = bodySize
        return await ConcurrentLoad.run(requests: requests, concurrency: concurrency) {
            let response = try await client.send(request)
            guard response.status == 200, response.body.count == bodySize else {
                throw BenchmarkError("unexpected response: \(response.status), \(response.body.count) bytes")
            }
        }
    }

    func shutdown() async { client.shutdown() }
}

/// A client under measurement, set up for one concurrency.
protocol ClientLoad: Sendable {
    /// One run of `requests` requests with `concurrency` workers.
    func run(requests: Int, concurrency: Int) async throws -> LoadRun
    /// Releases the client (its threads, connections).
    func shutdown() async
}
