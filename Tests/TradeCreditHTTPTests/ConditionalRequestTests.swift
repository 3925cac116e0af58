import Foundation
import Testing
import TradeCreditHTTP
import TradeCreditTesting

private let ratesURL = URL(string: "https://api.frankfurter.example/v1/latest?base=EUR")!
private let ratesBody = #"{"amount":1.0,"base":"EUR","date":"2026-10-30","rates":{"USD":1.1172}}"#

@Suite("Conditional requests: ETag and Last-Modified revalidation")
struct ConditionalRequestTests {
    @Test("the first GET stores the ETag; the second sends If-None-Match and a 304 returns the cached body")
    func etagRevalidation() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 200, body: ratesBody, headers: ["ETag": #""v1""#, "Content-Type": "application/json"])
        mock.enqueue(status: 304, headers: ["ETag": #""v1""#, "Date": "Fri, 30 Oct 2026 16:05:00 GMT"])
        let cache = ConditionalRequestCache()
        let client = ConditionalHTTPClient(wrapping: mock, cache: cache)

        let first = try await client.send(.get(ratesURL))
        #expect(first.status == 200)
        #expect(!first.isFromCache)
        #expect(mock.requests[0].headers["If-None-Match"] == nil)
        #expect(await cache.entry(for: ratesURL)?.etag == #""v1""#)

        let second = try await client.send(.get(ratesURL))
        #expect(mock.requests[1].headers["If-None-Match"] == #""v1""#)
        #expect(second.status == 200)
        #expect(second.isFromCache)
        #expect(String(decoding: second.body, as: UTF8.self) == ratesBody)
        #expect(second.headers["Content-Type"] == "application/json")
        #expect(second.headers["Date"] == "Fri, 30 Oct 2026 16:05:00 GMT")
    }

    @Test("Last-Modified is sent back as If-Modified-Since")
    func lastModifiedRevalidation() async throws {
        let lastModified = "Fri, 30 Oct 2026 15:00:00 GMT"
        let mock = MockHTTPClient()
        mock.enqueue(status: 200, body: ratesBody, headers: ["Last-Modified": lastModified])
        mock.enqueue(status: 304)
        let client = ConditionalHTTPClient(wrapping: mock, cache: ConditionalRequestCache())
        _ = try await client.send(.get(ratesURL))
        let second = try await client.send(.get(ratesURL))
        #expect(mock.requests[1].headers["If-Modified-Since"] == lastModified)
        #expect(mock.requests[1].headers["If-None-Match"] == nil)
        #expect(second.isFromCache)
        #expect(String(decoding: second.body, as: UTF8.self) == ratesBody)
    }

    @Test("a changed resource: the new 200 replaces the entry")
    func changedResourceReplacesEntry() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 200, body: "old", headers: ["ETag": #""v1""#])
        mock.enqueue(status: 200, body: "new", headers: ["ETag": #""v2""#])
        let cache = ConditionalRequestCache()
        let client = ConditionalHTTPClient(wrapping: mock, cache: cache)
        _ = try await client.send(.get(ratesURL))
        let second = try await client.send(.get(ratesURL))
        #expect(!second.isFromCache)
        #expect(String(decoding: second.body, as: UTF8.self) == "new")
        #expect(await cache.entry(for: ratesURL)?.etag == #""v2""#)
    }

    @Test("a POST is never made conditional nor stored")
    func postNeverConditional() async throws {
        let mock = MockHTTPClient { HTTPResponse(status: 200, headers: ["ETag": #""p1""#], url: $0.url) }
        let cache = ConditionalRequestCache()
        let client = ConditionalHTTPClient(wrapping: mock, cache: cache)
        let post = HTTPRequest.postJSON(ratesURL, body: Data("{}".utf8))
        _ = try await client.send(post)
        _ = try await client.send(post)
        #expect(mock.requests.allSatisfy { $0.headers["If-None-Match"] == nil })
        #expect(await cache.count == 0)
    }

    @Test("a 200 without validators is not stored, and other statuses pass through")
    func otherResponsesPassThrough() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 200, body: ratesBody)
        mock.enqueue(status: 200, body: ratesBody, headers: ["ETag": #""v1""#])
        mock.enqueue(status: 500, body: "oops")
        mock.enqueue(status: 304)
        let cache = ConditionalRequestCache()
        let client = ConditionalHTTPClient(wrapping: mock, cache: cache)
        _ = try await client.send(.get(ratesURL))
        #expect(await cache.count == 0)
        _ = try await client.send(.get(ratesURL))
        let failed = try await client.send(.get(ratesURL))
        #expect(failed.status == 500)
        #expect(!failed.isFromCache)
        #expect(await cache.entry(for: ratesURL) != nil)
        #expect(try await client.send(.get(ratesURL)).isFromCache)
    }

    @Test("Cache-Control: no-store is not stored")
    func noStore() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 200, body: ratesBody, headers: ["ETag": #""v1""#, "Cache-Control": "private, no-store"])
        let cache = ConditionalRequestCache()
        _ = try await ConditionalHTTPClient(wrapping: mock, cache: cache).send(.get(ratesURL))
        #expect(await cache.count == 0)
    }

    @Test("a caller's own If-None-Match passes through, and its 304 stays a 304")
    func callerConditionalUntouched() async throws {
        let mock = MockHTTPClient()
        mock.enqueue(status: 200, body: ratesBody, headers: ["ETag": #""v1""#])
        mock.enqueue(status: 304)
        let client = ConditionalHTTPClient(wrapping: mock, cache: ConditionalRequestCache())
        _ = try await client.send(.get(ratesURL))
        let response = try await client.send(.get(ratesURL, headers: ["If-None-Match": #""mine""#]))
        #expect(response.status == 304)
        #expect(!response.isFromCache)
        #expect(mock.requests[1].headers.values("If-None-Match") == [#""mine""#])
    }

    @Test("the cache evicts the least recently used URL")
    func leastRecentlyUsedEviction() async throws {
        let cache = ConditionalRequestCache(capacity: 2)
        let urls = (1...3).map { URL(string: "https://example.com/\($0)")! }
        let entry = ConditionalRequestCache.Entry(etag: #""e""#, lastModified: nil, headers: [:], body: Data())
        await cache.store(entry, for: urls[0])
        await cache.store(entry, for: urls[1])
        _ = await cache.entry(for: urls[0])
        await cache.store(entry, for: urls[2])
        #expect(await cache.count == 2)
        #expect(await cache.entry(for: urls[0]) != nil)
        #expect(await cache.entry(for: urls[1]) == nil)
        #expect(await cache.entry(for: urls[2]) != nil)
    }
}
