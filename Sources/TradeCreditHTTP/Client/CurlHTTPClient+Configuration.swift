public import Logging

extension CurlHTTPClient {
    /// Where a CA bundle for TLS verification comes from. Verification itself is always on.
    public struct TLSConfiguration: Sendable, Hashable {
        /// A PEM file of trusted CA certificates, replacing the system bundle.
        public var caFile: String?
        /// PEM text of trusted CA certificates, held in memory, replacing the system bundle.
        public var caPEM: String?

        public init(caFile: String? = nil, caPEM: String? = nil) {
            self.caFile = caFile
            self.caPEM = caPEM
        }

        /// The system's CA bundle.
        public static let system = TLSConfiguration()
    }

    /// How requests reach the network.
    public enum ProxyConfiguration: Sendable, Hashable {
        /// The standard variables `http_proxy`, `https_proxy`, `all_proxy` and `no_proxy` (libcurl reads them; it
        /// ignores upper-case `HTTP_PROXY`, which a web server may set from a request header).
        case environment
        /// No proxy, whatever the environment says.
        case none
        /// This proxy (`http://proxy:3128`), with hosts to reach directly (`no_proxy` syntax), if any.
        case url(String, noProxy: String? = nil)
    }

    /// The limits and settings of a client; every value has a safe default.
    public struct Configuration: Sendable {
        /// Time allowed to establish a connection (10 s).
        public var connectTimeout: Duration = .seconds(10)
        /// Time allowed for a whole request, redirects included, unless the request sets its own (60 s).
        public var totalTimeout: Duration = .seconds(60)
        /// Abort a transfer slower than ``lowSpeedLimit`` bytes per second for ``lowSpeedTime`` (1 B/s, 30 s).
        public var lowSpeedLimit: Int = 1
        /// See ``lowSpeedLimit``.
        public var lowSpeedTime: Duration = .seconds(30)
        /// The largest response body accepted, decompressed (16 MiB); more is `HTTPError.tooLarge`.
        public var maximumResponseSize: Int = 16 * 1024 * 1024
        /// Redirects followed before `HTTPError.redirect` (5). Only to http and https.
        public var maximumRedirects: Int = 5
        /// Connections open to one host at once (8); more requests wait their turn.
        public var maximumConnectionsPerHost: Int = 8
        /// Connections open at once across hosts (64).
        public var maximumTotalConnections: Int = 64
        /// Offer HTTP/2 on https (used when the server agrees); `false` keeps HTTP/1.1.
        public var allowHTTP2: Bool = true
        /// Trusted certificates.
        public var tls: TLSConfiguration = .system
        /// Proxy settings.
        public var proxy: ProxyConfiguration = .environment
        /// The `User-Agent` header.
        public var userAgent: String = "TradeCredit/0.1 (+libcurl)"
        /// Where the client logs (redacted URLs, statuses, durations; never headers or bodies).
        public var logger: Logger = Logger(label: "tradecredit.http")
        /// Extra literal secrets to keep out of errors and logs.
        public var redactor: Redactor = .standard

        public init() {}
    }
}
