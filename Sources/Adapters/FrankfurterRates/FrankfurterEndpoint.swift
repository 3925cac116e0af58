import Foundation
import TradeCreditModel

/// The three Frankfurter v1 addresses the provider uses, always with `base=EUR` so that the rates are the ECB's own
/// (Frankfurter's rebased rates are rounded quotients; the model computes cross rates itself).
struct FrankfurterEndpoint: Sendable {
    private let root: URLComponents

    /// Addresses under `baseURL`, which may carry a path prefix (a mirror at `https://host/frankfurter`).
    init(baseURL: URL) {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) ?? URLComponents()
        while components.path.hasSuffix("/") { components.path.removeLast() }
        components.query = nil
        components.fragment = nil
        self.root = components
    }

    /// `/v1/latest?base=EUR`.
    func latest() throws -> URL { try url("latest") }

    /// `/v1/YYYY-MM-DD?base=EUR`.
    func day(_ date: CalendarDate) throws -> URL { try url(date.description) }

    /// `/v1/YYYY-MM-DD..YYYY-MM-DD?base=EUR`.
    func range(_ start: CalendarDate, _ end: CalendarDate) throws -> URL { try url("\(start)..\(end)") }

    private func url(_ segment: String) throws -> URL {
        var components = root
        components.path += "/v1/" + segment
        components.queryItems = [URLQueryItem(name: "base", value: "EUR")]
        guard let url = components.url, url.scheme == "http" || url.scheme == "https" else {
            throw FrankfurterError(.invalidRequest, message: "the base URL is not an absolute http or https URL")
        }
        return url
    }
}
