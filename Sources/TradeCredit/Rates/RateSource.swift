public import Foundation
import TradeCreditHTTP
import TradeCreditECB
import TradeCreditFrankfurter

/// Where exchange rates come from, as the CLI's `--rates` flag names it: `embedded`, `ecb`, `frankfurter`, or the
/// path of an ECB file (CSV, XML or zip).
public enum RateSource: Sendable, Hashable, CustomStringConvertible {
    /// The ECB history shipped with the SDK (no network).
    case embedded
    /// The ECB's files, fetched over HTTP.
    case ecb
    /// The Frankfurter API, fetched over HTTP.
    case frankfurter
    /// A local ECB file.
    case file(String)

    /// Reads the flag's value; anything that is not a source name is a path.
    public init(parsing text: String) {
        switch text.lowercased() {
        case "embedded": self = .embedded
        case "ecb": self = .ecb
        case "frankfurter": self = .frankfurter
        default: self = .file(text)
        }
    }

    public var description: String {
        switch self {
        case .embedded: return "embedded"
        case .ecb: return "ecb"
        case .frankfurter: return "frankfurter"
        case .file(let path): return path
        }
    }

    /// Whether the source needs the network.
    public var isRemote: Bool { self == .ecb || self == .frankfurter }
}

/// An open rate provider and the HTTP client behind it, if any; call ``close()`` when done.
public final class RateConnection: Sendable {
    /// The provider.
    public let provider: any ExchangeRateProvider
    private let client: CurlHTTPClient?

    /// Opens `source`. Remote sources get a libcurl client with the standard retry policy; `baseURL` replaces the
    /// source's default address (a mirror, a test server).
    /// - Throws: `ECBRatesError` for an unreadable or malformed file, `HTTPError` when libcurl cannot start.
    public init(_ source: RateSource, baseURL: URL? = nil) throws {
        switch source {
        case .embedded:
            provider = try OfflineRateProvider.embedded()
            client = nil
        case .file(let path):
            provider = try OfflineRateProvider(contentsOf: URL(fileURLWithPath: path))
            client = nil
        case .ecb:
            let curl = try CurlHTTPClient()
            client = curl
            provider = ECBRateProvider(baseURL: baseURL ?? ECBRateProvider.defaultBaseURL,
                                       client: RetryingHTTPClient(wrapping: curl))
        case .frankfurter:
            let curl = try CurlHTTPClient()
            client = curl
            provider = FrankfurterRateProvider(baseURL: baseURL ?? FrankfurterRateProvider.defaultBaseURL,
                                               client: RetryingHTTPClient(wrapping: curl))
        }
    }

    /// Shuts the HTTP client down (no-op for offline sources).
    public func close() { client?.shutdown() }
}
