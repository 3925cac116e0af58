internal import CCurl

/// libcurl's process-wide initialisation, done once before the first handle.
enum CurlGlobal {
    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()

    /// Initialises libcurl if it is not yet; returns whether it succeeded.
    static func ensureInitialized() -> Bool { initialized }

    /// The libcurl version string (`libcurl/7.88.1 OpenSSL/3.0.x …`).
    static var version: String { String(cString: curl_version()) }
}
