/// An ``HTTPClient`` that revalidates GET requests with the validators of the last `200` (RFC 9110 §13), so an
/// unchanged resource costs a `304` instead of a body.
///
/// For a GET whose URL is in the cache it adds `If-None-Match` (ETag) and `If-Modified-Since` (Last-Modified). A `304`
/// comes back as the cached body with status `200` and ``HTTPResponse/isFromCache`` set, its headers updated with
/// those of the `304`. A `200` with a validator is stored (unless `Cache-Control: no-store`); a `200` without one
/// drops the entry. Other statuses, other methods, and requests that already carry a conditional header pass
/// through untouched.
public struct ConditionalHTTPClient: HTTPClient {
    private static let conditionalHeaders = ["If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since"]
    /// Fields of a `304` that describe the transfer, not the stored representation.
    private static let transferHeaders: Set<String> = ["content-length", "content-encoding", "transfer-encoding",
                                                        "content-type", "connection"]

    private let client: any HTTPClient
    private let cache: ConditionalRequestCache

    /// Wraps `client`, remembering validators in `cache`.
    public init(wrapping client: any HTTPClient, cache: ConditionalRequestCache) {
        self.client = client
        self.cache = cache
    }

    /// Sends `request`, conditional when it is a GET with a cached validator.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .get, !Self.conditionalHeaders.contains(where: { request.headers.contains($0) }) else {
            return try await client.send(request)
        }
        let cached = await cache.entry(for: request.url)
        var conditional = request
        if let etag = cached?.etag { conditional.headers.set("If-None-Match", etag) }
        if let lastModified = cached?.lastModified { conditional.headers.set("If-Modified-Since", lastModified) }

        let response = try await client.send(conditional)
        switch response.status {
        case 304:
            guard var entry = cached else { return response }
            entry.headers = Self.refreshed(entry.headers, with: response.headers)
            entry.etag = entry.headers["ETag"]
            entry.lastModified = entry.headers["Last-Modified"]
            await cache.store(entry, for: request.url)
            return HTTPResponse(status: 200, headers: entry.headers, body: entry.body, url: response.url,
                                isFromCache: true, httpVersion: response.httpVersion)
        case 200:
            let entry = ConditionalRequestCache.Entry(etag: response.headers["ETag"],
                                                      lastModified: response.headers["Last-Modified"],
                                                      headers: response.headers, body: response.body)
            let noStore = response.headers.values("Cache-Control").contains { $0.lowercased().contains("no-store") }
            if entry.hasValidator && !noStore {
                await cache.store(entry, for: request.url)
            } else if cached != nil {
                await cache.removeEntry(for: request.url)
            }
            return response
        default:
            return response
        }
    }

    /// The stored headers with every field the `304` carries replaced by its value (RFC 9111 §4.3.4).
    private static func refreshed(_ stored: HTTPHeaders, with update: HTTPHeaders) -> HTTPHeaders {
        var headers = stored
        var replaced: Set<String> = []
        for field in update where !transferHeaders.contains(field.name.lowercased()) {
            if replaced.insert(field.name.lowercased()).inserted { headers.remove(field.name) }
            headers.add(field.name, field.value)
        }
        return headers
    }
}
