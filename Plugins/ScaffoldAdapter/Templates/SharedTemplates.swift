/// The parts both kinds of adapter share: the error type, the HTTP and JSON helpers, and the test support. Tokens:
/// `__Name__` (Acme), `__name__` (acme), `__Type__` (AcmeBureau), `__Error__` (AcmeError), `__Date__`, and
/// `__NotFound__` (what `notFound` means for the kind).
enum SharedTemplates {
    /// The imports of an adapter's main file.
    static let adapterImports = """
        public import Foundation
        public import TradeCreditHTTP
        public import TradeCreditModel


        """

    /// The last paragraph of the adapter type's documentation; `role` is `bureau` or `provider`.
    static func adapterDocumentationEnd(role: String) -> String {
        """

        ///
        /// The shapes above are those the scaffold assumed: adapt them to __Name__'s documentation, and say here which
        /// were checked against the live API. The \(role) sends each request once: wrap `client` in a
        /// `RetryingHTTPClient` to retry `429`, `5xx` and transport failures.

        """
    }

    /// The stored properties through which an adapter reaches its source.
    static let connection = """

            private let baseURL: URL
            private let apiKey: String?
            private let client: any HTTPClient


        """

    /// The head of a conformance test file, up to the suite's first member.
    static let testHead = """
        import Foundation
        import Testing
        import __Type__
        import TradeCreditHTTP
        import TradeCreditModel
        import TradeCreditTesting

        /// __Type__ through the adapter conformance kit of TradeCreditTesting, on the fixtures in `Fixtures/`.
        @Suite("__Type__: conformance kit")
        struct __Type__ConformanceTests {

        """

    /// The end of a conformance suite's call: the factory, the run and the expectations.
    static let conformanceRun = #"""

                ) { env in
                    __Type__(baseURL: env.baseURL, apiKey: env.secret, client: env.client)
                }.run()
                #expect(report.failures.isEmpty, "\(report)")
                #expect(report.skipped.isEmpty, "\(report)")
            }

        """#

    static let error = #"""
public import TradeCreditModel

/// A failure of __Name__'s API or of its answer, as one of the shared ``TradeCreditModel/AdapterFailure`` kinds.
///
__NotFound__
///
/// Cancellation is not an error of this type: a cancelled request rethrows `CancellationError` or the HTTP layer's
/// `cancelled` error unchanged. Messages never carry the API key: credential failures are worded by the adapter, and
/// every text taken from the HTTP layer or from an answer goes through a `Redactor` that knows the key.
public struct __Error__: AdapterError, Hashable {
    /// The kind of failure.
    public let failure: AdapterFailure
    /// The HTTP status of the answer, when there was one.
    public let status: Int?
    /// The JSON path concerned (`rating.score`, `rates.USD`, `$` for the whole body), for `invalidResponse`.
    public let field: String?
    /// One line for a person, free of secrets.
    public let message: String

    /// An error of kind `failure`; `message` must already be free of secrets.
    public init(_ failure: AdapterFailure, status: Int? = nil, field: String? = nil, message: String) {
        self.failure = failure
        self.status = status
        self.field = field
        self.message = message
    }

    /// `__name__`.
    public var adapter: String { "__name__" }

    /// `__Type__ <failure>: field: message [HTTP status]`, one line.
    public var description: String {
        var text = "__Type__ \(failure): "
        if let field { text += "\(field): " }
        text += message
        if let status, !message.contains("HTTP \(status)") { text += " [HTTP \(status)]" }
        return text
    }
}

"""#

    /// The request and answer helpers of the adapter type, appended to its file.
    static let transport = #"""

// MARK: Requests and answers

extension __Type__ {
    /// The characters kept as they are in a path segment; every other one is percent-encoded.
    private static let segmentCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `{baseURL}` followed by `segments`, each percent-encoded.
    /// - Throws: ``__Error__`` `invalidRequest` when the base URL is not an absolute http or https URL.
    private func url(_ segments: [String]) throws -> URL {
        var text = baseURL.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        text += segments.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? "" }
            .joined(separator: "/")
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw __Error__(.invalidRequest, message: "the base URL is not an absolute http or https URL")
        }
        return url
    }

    /// The body of a `2xx` answer to `GET url`, or `nil` for a `404`.
    /// - Throws: ``__Error__`` `unauthorized` (`401`, `403`), `rateLimited` (`429`), `invalidRequest` (another
    ///   `4xx`), `unavailable` (`5xx`, any other status, a transport failure). A cancelled request rethrows the HTTP
    ///   layer's `cancelled` error (or `CancellationError`) unchanged.
    private func fetch(_ url: URL) async throws -> Data? {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if let apiKey { headers.set("Authorization", "Bearer \(apiKey)") }
        let redactor = Redactor.standard.adding(secrets: apiKey.map { [$0] } ?? [])
        let response: HTTPResponse
        do {
            response = try await client.send(.get(url, headers: headers))
        } catch let error as HTTPError where error.code != .cancelled {
            throw __Error__(.unavailable, status: error.status, message: redactor.redact(text: error.description))
        }
        switch response.status {
        case 200..<300:
            return response.body
        case 404:
            return nil
        case 401, 403:
            // Worded here rather than copied from the answer, so that nothing the server echoes is repeated.
            throw __Error__(.unauthorized, status: response.status,
                            message: "__Name__ refused the API key (HTTP \(response.status))")
        default:
            break
        }
        // The HTTP layer's description of a status: the redacted URL and the first bytes of the body.
        let detail = redactor.redact(text: HTTPError.status(response).description)
        switch response.status {
        case 429: throw __Error__(.rateLimited, status: 429, message: detail)
        case 400..<500: throw __Error__(.invalidRequest, status: response.status, message: detail)
        default: throw __Error__(.unavailable, status: response.status, message: detail)
        }
    }

    /// `body` decoded as `Answer`.
    /// - Throws: ``__Error__`` `invalidResponse` naming the JSON path of the first problem (`$` when the body
    ///   is not JSON at all: empty, cut short, an HTML page).
    private static func decode<Answer: Decodable>(_ type: Answer.Type, from body: Data) throws -> Answer {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            let (path, problem): ([any CodingKey], String) = switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "is missing")
            case .valueNotFound(_, let context): (context.codingPath, "is null")
            case .typeMismatch(let expected, let context): (context.codingPath, "is not \(expected)")
            case .dataCorrupted(let context): (context.codingPath, "is not valid")
            @unknown default: ([], "is not valid")
            }
            guard !path.isEmpty else {
                throw __Error__(.invalidResponse, field: "$",
                                message: "the body is not the JSON expected (\(body.count) bytes; cut short?)")
            }
            let field = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw __Error__(.invalidResponse, field: field.hasPrefix(".") ? String(field.dropFirst()) : field,
                            message: "the field \(problem)")
        } catch {
            throw __Error__(.invalidResponse, field: "$", message: "the body is not JSON (\(body.count) bytes)")
        }
    }

    /// The error for an answer whose `field` is present but not usable.
    private static func invalid(_ field: String, _ problem: String) -> __Error__ {
        __Error__(.invalidResponse, field: field, message: problem)
    }
}

"""#

    /// Fixtures and a loopback server for the tests, appended to the test file.
    static let testSupport = #"""

/// The JSON bodies in `Fixtures/` (excluded from the build, read from the source tree).
private enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// `200` with the fixture `name` as a JSON body.
    static func ok(_ name: String) throws -> ScriptedResponse {
        .ok(json: try Data(contentsOf: folder.appendingPathComponent(name)))
    }
}

/// Runs `body` with a loopback server answering `routes` (404 otherwise) and a real libcurl client, then shuts both
/// down.
private func withLoopback<Result>(_ routes: [String: ScriptedResponse],
                                  _ body: (LoopbackHTTPServer, any HTTPClient) async throws -> Result)
    async throws -> Result {
    let server = try LoopbackHTTPServer(routes: routes)
    defer { server.shutdown() }
    var configuration = CurlHTTPClient.Configuration()
    configuration.proxy = .none  // never through a proxy set in the environment
    let curl = try CurlHTTPClient(configuration: configuration)
    defer { curl.shutdown() }
    return try await body(server, curl)
}

"""#

    /// `Fixtures/README.md`; `__Files__` is the list of fixtures.
    static let fixturesReadme = #"""
# Fixtures of __Type__

Bodies in the shape the scaffold assumed for __Name__'s API, with fictional values:

__Files__

Replace them with bodies written from __Name__'s public API documentation, and say here, for each, where its shape
comes from and whether it was checked against the live API ("unverified: written from the documentation of <date>"
until it is). Never paste a real customer's answer, and never an API key.

"""#
}
