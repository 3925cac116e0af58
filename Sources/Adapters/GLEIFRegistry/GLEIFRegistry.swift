public import Foundation
public import Logging
public import TradeCreditHTTP
public import TradeCreditModel

/// The Global LEI Index (GLEIF API v1, `api.gleif.org`) as an `EntityRegistry`: it resolves an
/// LEI to the entity's legal name, the country of its legal address and its national registration number, and
/// searches entities by legal name or registration number. The API is free, needs no key, and its data is CC0.
///
/// - `entity(lei:)` asks `lei-records/{LEI}`; a `404` means GLEIF does not know the LEI and gives `nil`.
/// - `search(name:country:limit:)` asks `lei-records?filter[entity.legalName]=…` (and
///   `filter[entity.legalAddress.country]=…` with a country), page by page (`page[size]`, `page[number]`) until it
///   has `limit` entities or GLEIF says there is no next page (`meta.pagination.currentPage` reaching `lastPage`, or
///   no `links.next`). The next page is asked under the configured base URL, not at the address in `links.next`.
/// - `search(registrationNumber:country:)` does the same with `filter[entity.registeredAs]=…`, up to
///   ``registrationSearchLimit`` entities.
///
/// The payload shape read here (`data[].attributes.lei`, `attributes.entity.legalName.name`,
/// `entity.legalAddress.country`, `entity.registeredAt.id`, `entity.registeredAs`, `entity.status`,
/// `attributes.registration.lastUpdateDate`) follows GLEIF's public API documentation; it is **unverified against
/// the live API from here** (no network), and the tests use fixtures written in that documented shape.
///
/// Failures throw ``GLEIFError``: `.malformed` naming the JSON path of the bad field, `.invalidRequest` for a refused
/// request (a `4xx` other than a record's `404`), `.unavailable` for transport failures, `5xx` and `429`. Wrap the
/// client in a `RetryingHTTPClient` to retry `429`s (honouring `Retry-After`), `503`s and transport failures.
public struct GLEIFRegistry: EntityRegistry {
    /// The public GLEIF API, version 1.
    public static let defaultBaseURL = URL(string: "https://api.gleif.org/api/v1/")!

    /// The largest page GLEIF serves (`page[size]`); larger limits are fetched over several pages.
    public static let maximumPageSize = 200

    /// The most entities ``search(registrationNumber:country:)`` returns (one number rarely matches more than a few).
    public static let registrationSearchLimit = 200

    private let endpoint: GLEIFEndpoint
    private let fetcher: GLEIFFetcher
    private let pageSize: Int

    /// - Parameters:
    ///   - baseURL: the API's address including its version (`…/api/v1/`); a mirror may use another path.
    ///   - client: sends the requests; wrap it in a `RetryingHTTPClient` for retries.
    ///   - pageSize: the `page[size]` asked when searching, clamped to `1…`\(``maximumPageSize``); a search for fewer
    ///     entities asks for only as many.
    ///   - logger: receives a `.debug` line per response.
    public init(baseURL: URL = GLEIFRegistry.defaultBaseURL, client: any HTTPClient,
                pageSize: Int = GLEIFRegistry.maximumPageSize,
                logger: Logger = Logger(label: "tradecredit.gleif")) {
        self.endpoint = GLEIFEndpoint(baseURL: baseURL)
        self.fetcher = GLEIFFetcher(client: client, logger: logger)
        self.pageSize = min(max(pageSize, 1), Self.maximumPageSize)
    }

    /// The entity with this LEI, or `nil` when GLEIF answers `404`.
    /// - Throws: ``GLEIFError`` `.invalidRequest` when `lei` is not of scheme `lei` (no request made), `.malformed`
    ///   also when the record's LEI is not the one asked for; see the type's documentation for the rest.
    public func entity(lei: BuyerIdentifier) async throws -> LegalEntity? {
        guard lei.scheme == .lei else {
            throw GLEIFError(.invalidRequest, message: "GLEIF resolves LEIs, not \(lei.scheme.text) identifiers")
        }
        guard let body = try await fetcher.body(of: try endpoint.record(lei.value)) else { return nil }
        let entity = try GLEIFDocument.entity(from: body)
        guard entity.lei == lei else {
            throw GLEIFError(.malformed, field: "data.attributes.lei",
                             message: "asked for \(lei.value), answered with \(entity.lei.value)")
        }
        return entity
    }

    /// Up to `limit` entities whose legal name matches `name`, as GLEIF's `filter[entity.legalName]` matches it.
    /// - Throws: ``GLEIFError`` `.invalidRequest` for an empty name (no request made); see the type's documentation.
    public func search(name: String, country: CountryCode?, limit: Int) async throws -> [LegalEntity] {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw GLEIFError(.invalidRequest, message: "the name to search for is empty") }
        return try await search(filter: ("entity.legalName", name), country: country, limit: limit)
    }

    /// The entities registered under `registrationNumber` (`filter[entity.registeredAs]`), at most
    /// ``registrationSearchLimit``.
    /// - Throws: ``GLEIFError`` `.invalidRequest` for an empty number (no request made); see the type's
    ///   documentation.
    public func search(registrationNumber: String, country: CountryCode?) async throws -> [LegalEntity] {
        let number = registrationNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !number.isEmpty else {
            throw GLEIFError(.invalidRequest, message: "the registration number to search for is empty")
        }
        return try await search(filter: ("entity.registeredAs", number), country: country,
                                limit: Self.registrationSearchLimit)
    }

    private func search(filter: (String, String), country: CountryCode?, limit: Int) async throws -> [LegalEntity] {
        guard limit > 0 else { return [] }
        var filters = [filter]
        if let country { filters.append(("entity.legalAddress.country", country.code)) }
        let size = min(pageSize, limit)
        var found: [LegalEntity] = []
        var pageNumber = 1
        while found.count < limit {
            let url = try endpoint.search(filters: filters, pageSize: size, pageNumber: pageNumber)
            // A search that matches nothing is an empty page, but a 404 means the same.
            guard let body = try await fetcher.body(of: url) else { break }
            let page = try GLEIFDocument.page(from: body)
            found += page.entities.prefix(limit - found.count)
            guard page.hasNext, !page.entities.isEmpty else { break }
            pageNumber += 1
        }
        return found
    }
}
