import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Foundation's URLSession (FoundationNetworking on Linux, itself on libcurl): an ephemeral session without a cache,
/// `httpMaximumConnectionsPerHost` = the concurrency.
struct URLSessionLoad: ClientLoad {
    let session: URLSession
    let url: URL
    let bodySize: Int

    init(url: URL, bodySize: Int, concurrency: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = concurrency
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(configuration: configuration)
        self.url = url
        self.bodySize = bodySize
    }

    func run(requests: Int, concurrency: Int) async throws -> LoadRun {
        let session = session
        let request = URLRequest(url: url)
        let bodySize = bodySize
        return await ConcurrentLoad.run(requests: requests, concurrency: concurrency) {
            let (data, response) = try await session.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200, data.count == bodySize else {
                throw BenchmarkError("unexpected response: \(response), \(data.count) bytes")
            }
        }
    }

    func shutdown() async { session.invalidateAndCancel() }
}
