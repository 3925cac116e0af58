import Foundation
public import TradeCreditHTTP

/// An in-memory `HTTPClient` for unit tests: it answers each request with a scripted handler and records every
/// request it received.
public final class MockHTTPClient: HTTPClient, @unchecked Sendable {
    /// Builds the answer to a request: return a response, or throw an `HTTPError` to simulate a transport failure.
    public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

    private let lock = NSLock()
    private var handler: Handler
    private var recorded: [HTTPRequest] = []
    private var queued: [Result<HTTPResponse, HTTPError>] = []

    /// A mock that answers with `handler` once the queue (``enqueue(_:)``) is empty.
    public init(handler: @escaping Handler = { request in HTTPResponse(status: 404, url: request.url) }) {
        self.handler = handler
    }

    /// Answers the next requests, in order, with these results before falling back to the handler.
    public func enqueue(_ results: [Result<HTTPResponse, HTTPError>]) {
        lock.withLock { queued += results }
    }

    /// Queues a response with `status`, `body` and `headers`, answered for the request's URL.
    public func enqueue(status: Int, body: String = "", headers: HTTPHeaders = [:]) {
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8), url: URL(string: "mock:")!)
        enqueue([.success(response)])
    }

    /// Replaces the fallback handler.
    public func setHandler(_ handler: @escaping Handler) {
        lock.withLock { self.handler = handler }
    }

    /// Every request received so far, in order.
    public var requests: [HTTPRequest] { lock.withLock { recorded } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        // Like a real client, report cancellation as the HTTP layer's error.
        if Task.isCancelled { throw HTTPError(.cancelled, method: request.method, url: request.url, detail: "the request was cancelled") }
        let (next, handler) = lock.withLock { () -> (Result<HTTPResponse, HTTPError>?, Handler) in
            recorded.append(request)
            return (queued.isEmpty ? nil : queued.removeFirst(), self.handler)
        }
        switch next {
        case .success(let response):
            // Answer for the URL actually requested, so redirects and errors name it.
            return HTTPResponse(status: response.status, headers: response.headers, body: response.body,
                                url: response.url.scheme == "mock" ? request.url : response.url,
                                isFromCache: response.isFromCache, httpVersion: response.httpVersion)
        case .failure(let error):
            throw error
        case nil:
            return try await handler(request)
        }
    }
}
