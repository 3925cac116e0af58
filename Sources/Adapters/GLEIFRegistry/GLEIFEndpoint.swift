import Foundation

/// The GLEIF API addresses the registry uses, under a configurable base (`https://api.gleif.org/api/v1/`).
struct GLEIFEndpoint: Sendable {
    private let root: URLComponents

    /// Characters left as they are in a query name or value; everything else is percent-encoded, brackets included.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    /// Addresses under `baseURL`, which ends with the API version (`…/api/v1`, with or without a final `/`).
    init(baseURL: URL) {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) ?? URLComponents()
        while components.path.hasSuffix("/") { components.path.removeLast() }
        components.query = nil
        components.fragment = nil
        self.root = components
    }

    /// `lei-records/{lei}`.
    func record(_ lei: String) throws -> URL { try url("lei-records/" + lei, query: []) }

    /// `lei-records?filter[…]=…&page[size]=…&page[number]=…`, the filters in the order given.
    func search(filters: [(String, String)], pageSize: Int, pageNumber: Int) throws -> URL {
        var query = filters.map { ("filter[\($0.0)]", $0.1) }
        query.append(("page[size]", String(pageSize)))
        query.append(("page[number]", String(pageNumber)))
        return try url("lei-records", query: query)
    }

    private func url(_ path: String, query: [(String, String)]) throws -> URL {
        var components = root
        components.path += "/" + path
        if !query.isEmpty {
            components.percentEncodedQuery = query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }
                .joined(separator: "&")
        }
        guard let url = components.url, url.scheme == "http" || url.scheme == "https" else {
            throw GLEIFError(.invalidRequest, message: "the base URL is not an absolute http or https URL")
        }
        return url
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
