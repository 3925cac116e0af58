import Foundation
internal import CCurl
import Logging

/// The SDK's HTTP client, on libcurl's multi interface: one multi handle driven by one dedicated thread, so that no
/// blocking call ever runs on Swift's cooperative pool.
///
/// It reuses connections, speaks HTTP/2 when the server offers it, decodes compressed bodies, cancels a transfer
/// promptly when its task is cancelled, and enforces the limits of its ``Configuration``: timeouts, maximum
/// response size, http and https only, at most five redirects (with `Authorization`, `Proxy-Authorization` and
/// `Cookie` dropped when a redirect leaves the origin), TLS verification always on. Call ``shutdown()`` when done: it fails the requests in
/// flight with `.shutdown` and ends the thread.
public final class CurlHTTPClient: HTTPClient, @unchecked Sendable {
    private let configuration: Configuration
    private let engine: CurlMultiEngine
    private let nextID = IDCounter()

    /// Starts a client and its thread. - Throws: ``HTTPError`` when libcurl cannot be initialised.
    public init(configuration: Configuration = Configuration()) throws {
        self.configuration = configuration
        self.engine = try CurlMultiEngine(maximumConnectionsPerHost: max(1, configuration.maximumConnectionsPerHost),
                                          maximumTotalConnections: max(1, configuration.maximumTotalConnections))
    }

    deinit { engine.shutdown() }

    /// Fails every request in flight with `.shutdown`, ends the thread and frees libcurl's handles. Requests sent
    /// afterwards fail with `.shutdown`. Idempotent.
    public func shutdown() { engine.shutdown() }

    /// Whether the engine thread has ended and no transfer is left (for tests).
    var hasReleasedResources: Bool { engine.threadHasEnded && engine.activeCount == 0 }

    /// The libcurl version in use.
    public static var libcurlVersion: String { CurlGlobal.version }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let timeout = request.timeout ?? configuration.totalTimeout
        let deadline = ContinuousClock.now + timeout
        let started = ContinuousClock.now
        var current = request
        var redirects = 0
        while true {
            try validate(current.url, method: current.method)
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw HTTPError(.timeout, method: current.method, url: current.url, detail: "timed out after \(timeout)",
                                redactor: configuration.redactor)
            }
            let outcome = try await perform(current, timeout: remaining)
            let response = HTTPResponse(status: outcome.status, headers: outcome.headers, body: outcome.body,
                                        url: current.url, httpVersion: outcome.httpVersion)
            guard let next = try redirect(from: current, response: response, count: redirects) else {
                configuration.logger.debug("http response", metadata: [
                    "method": "\(request.method)", "url": "\(configuration.redactor.redact(url: current.url))",
                    "status": "\(response.status)", "redirects": "\(redirects)",
                    "duration": "\(ContinuousClock.now - started)",
                ])
                return response
            }
            redirects += 1
            current = next
        }
    }

    // MARK: Redirects

    /// The request to send next when `response` is a redirect, or `nil` when it is the final answer.
    private func redirect(from request: HTTPRequest, response: HTTPResponse, count: Int) throws -> HTTPRequest? {
        guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["Location"] else {
            return nil
        }
        guard count < configuration.maximumRedirects else {
            throw HTTPError(.redirect, method: request.method, url: request.url,
                            detail: "more than \(configuration.maximumRedirects) redirects", redactor: configuration.redactor)
        }
        guard let target = URL(string: location, relativeTo: request.url)?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https", target.host != nil else {
            throw HTTPError(.redirect, method: request.method, url: request.url,
                            detail: "redirect to a location that is not http or https", redactor: configuration.redactor)
        }
        var next = request
        next.url = target
        // 303, and 301/302 after a POST, turn into a GET without body (RFC 9110 §15.4); 307/308 keep both.
        if response.status == 303 && request.method != .head
            || (response.status == 301 || response.status == 302) && request.method == .post {
            next.method = .get
            next.body = nil
            next.headers.remove("Content-Type")
            next.headers.remove("Content-Length")
        }
        if !CurlHTTPClient.sameOrigin(request.url, target) {
            // Credentials belong to the origin they were meant for.
            for name in ["Authorization", "Proxy-Authorization", "Cookie"] { next.headers.remove(name) }
        }
        return next
    }

    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func port(_ url: URL) -> Int { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80) }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased()
            && port(a) == port(b)
    }

    private func validate(_ url: URL, method: HTTPMethod) throws {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else {
            throw HTTPError(.invalidURL, method: method, url: url, detail: "only absolute http and https URLs are allowed",
                            redactor: configuration.redactor)
        }
    }

    // MARK: One transfer

    private func perform(_ request: HTTPRequest, timeout: Duration) async throws -> CurlTransfer.Outcome {
        let transfer = try CurlTransfer(id: nextID.next(), request: request,
                                        maximumResponseSize: configuration.maximumResponseSize,
                                        redactor: configuration.redactor)
        try CurlEasySetup(configuration: configuration).apply(to: transfer, timeout: timeout)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.attach(continuation)
                do { try engine.submit(transfer) } catch { transfer.finish(.failure(error)) }
            }
        } onCancel: {
            engine.cancel(transfer)
        }
    }
}

/// Hands out transfer ids.
private final class IDCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64 = 0
    func next() -> UInt64 { lock.withLock { value += 1; return value } }
}
