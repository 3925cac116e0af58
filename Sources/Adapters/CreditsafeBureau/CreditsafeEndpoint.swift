import Foundation

/// The Creditsafe Connect addresses the bureau uses, under a configurable base (`https://connect.creditsafe.com/v1/`).
struct CreditsafeEndpoint: Sendable {
    private let root: URLComponents

    /// Characters left as they are in a path segment or a query value; everything else is percent-encoded.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    /// Addresses under `baseURL`, which ends with the API version (`…/v1`, with or without a final `/`).
    init(baseURL: URL) {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) ?? URLComponents()
        while components.path.hasSuffix("/") { components.path.removeLast() }
        components.query = nil
        components.fragment = nil
        self.root = components
    }

    /// `authenticate` (`POST`).
    func authenticate() throws -> URL { try url("authenticate", query: []) }

    /// `companies?countries=…&regNo=…` (or `vatNo=…`).
    func search(_ key: CreditsafeSearchKey) throws -> URL {
        try url("companies", query: [("countries", key.country), (key.parameter, key.value)])
    }

    /// `companies/{connectId}`.
    func report(connectID: String) throws -> URL { try url("companies/" + Self.encode(connectID), query: []) }

    private func url(_ path: String, query: [(String, String)]) throws -> URL {
        var components = root
        components.percentEncodedPath = components.percentEncodedPath + "/" + path
        if !query.isEmpty {
            components.percentEncodedQuery = query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }
                .joined(separator: "&")
        }
        guard let url = components.url, url.scheme == "http" || url.scheme == "https" else {
            throw CreditsafeError(.invalidRequest, message: "the base URL is not an absolute http or https URL")
        }
        return url
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
