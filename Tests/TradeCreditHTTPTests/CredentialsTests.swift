import Foundation
import Synchronization
import Testing
import TradeCreditHTTP
import TradeCreditTesting

/// A settable clock for token lifetimes.
private final class TokenClock: Sendable {
    private let date: Mutex<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { date = Mutex(start) }
    func now() -> Date { date.withLock { $0 } }
    func advance(seconds: TimeInterval) { date.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A thread-safe counter that escaping handlers can capture.
private final class CallCounter: Sendable {
    private let value = Mutex(0)
    /// The count before this call; then adds one.
    func next() -> Int { value.withLock { count in defer { count += 1 }; return count } }
}

private let tokenURL = URL(string: "https://plus.dnb.example/v2/token")!
private let loginURL = URL(string: "https://connect.creditsafe.example/v1/authenticate")!
private let apiURL = URL(string: "https://api.example.com/v1/companies/FR-X-552100554")!
private let clientSecret = "dnb-client-secret-Z9q!"
private let password = "creditsafe-P@ssw0rd-77"

/// A token endpoint that issues `tok-1`, `tok-2`… and counts its calls.
private func tokenEndpoint(expiresIn: Int = 3600, delay: Duration = .zero) -> MockHTTPClient {
    let issued = CallCounter()
    return MockHTTPClient { request in
        if delay > .zero { try await Task.sleep(for: delay) }
        let number = issued.next() + 1
        let body = #"{"access_token":"tok-\#(number)-abcdef","token_type":"Bearer","expires_in":\#(expiresIn)}"#
        return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8),
                            url: request.url)
    }
}

/// An API that answers 200 to a request carrying one of `accepted` bearer tokens, 401 otherwise.
private func api(accepting accepted: Set<String>) -> MockHTTPClient {
    MockHTTPClient { request in
        let ok = accepted.contains(request.headers["Authorization"] ?? "")
        return HTTPResponse(status: ok ? 200 : 401, body: Data((ok ? "{}" : #"{"message":"token expired"}"#).utf8),
                            url: request.url)
    }
}

private func oauth(_ tokens: MockHTTPClient, clock: TokenClock = TokenClock(),
                   authentication: OAuth2ClientCredentials.ClientAuthentication = .basic) -> OAuth2ClientCredentials {
    OAuth2ClientCredentials(tokenURL: tokenURL, clientID: "client-one", clientSecret: clientSecret, scope: "read",
                            client: tokens, authentication: authentication, now: { clock.now() })
}

/// A JWT with `claims` as payload (unsigned: the client never verifies it).
private func makeJWT(claims: [String: Any]) throws -> String {
    func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
    let header = try JSONSerialization.data(withJSONObject: ["alg": "HS256", "typ": "JWT"])
    let payload = try JSONSerialization.data(withJSONObject: claims)
    return "\(base64URL(header)).\(base64URL(payload)).\(base64URL(Data("signature".utf8)))"
}

/// A login endpoint that returns `tokens` in turn (repeating the last) and counts its calls.
private func loginEndpoint(_ tokens: [String], field: String = "token") -> MockHTTPClient {
    let index = CallCounter()
    return MockHTTPClient { request in
        let token = tokens[min(index.next(), tokens.count - 1)]
        let body = try JSONSerialization.data(withJSONObject: [field: token])
        return HTTPResponse(status: 200, body: body, url: request.url)
    }
}

private func login(_ endpoint: MockHTTPClient, clock: TokenClock = TokenClock(),
                   tokenField: String = "token") -> LoginTokenAuthorizer {
    LoginTokenAuthorizer(loginURL: loginURL, username: "analyst@example.com", password: password, client: endpoint,
                         tokenField: tokenField, now: { clock.now() })
}

@Suite("Credentials: API key, OAuth2 client credentials, login tokens")
struct CredentialsTests {
    // MARK: API key

    @Test("an API key is sent in its header and listed as a secret")
    func apiKeyHeader() async throws {
        let mock = MockHTTPClient { HTTPResponse(status: 200, url: $0.url) }
        let authorizer = APIKeyAuthorizer(headerName: "X-Api-Key", key: "key-123456")
        _ = try await AuthorizingHTTPClient(wrapping: mock, authorizer: authorizer).send(.get(apiURL))
        #expect(mock.requests.first?.headers["x-api-key"] == "key-123456")
        #expect(authorizer.secrets == ["key-123456"])
    }

    // MARK: OAuth2

    @Test("the token request is a form POST with HTTP Basic client authentication")
    func oauthTokenRequestShape() async throws {
        let tokens = tokenEndpoint()
        _ = try await oauth(tokens).accessToken()
        let request = try #require(tokens.requests.first)
        #expect(request.method == .post)
        #expect(request.url == tokenURL)
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self) == "grant_type=client_credentials&scope=read")
        let basic = Data("client-one:dnb-client-secret-Z9q%21".utf8).base64EncodedString()
        #expect(request.headers["Authorization"] == "Basic \(basic)")
    }

    @Test("client credentials can go in the body instead")
    func oauthCredentialsInBody() async throws {
        let tokens = tokenEndpoint()
        _ = try await oauth(tokens, authentication: .requestBody).accessToken()
        let request = try #require(tokens.requests.first)
        #expect(request.headers["Authorization"] == nil)
        #expect(String(decoding: request.body ?? Data(), as: UTF8.self)
                == "grant_type=client_credentials&scope=read&client_id=client-one&client_secret=dnb-client-secret-Z9q%21")
    }

    @Test("20 concurrent requests share one token fetch")
    func oauthSingleFlight() async throws {
        let tokens = tokenEndpoint(delay: .milliseconds(50))
        let service = api(accepting: ["Bearer tok-1-abcdef"])
        let client = AuthorizingHTTPClient(wrapping: service, authorizer: oauth(tokens))
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await client.send(.get(apiURL)).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 20))
        #expect(tokens.requests.count == 1)
        #expect(service.requests.count == 20)
    }

    @Test("the token is reused until expiry minus the margin, then refreshed")
    func oauthRefreshAfterExpiry() async throws {
        let clock = TokenClock()
        let tokens = tokenEndpoint(expiresIn: 3600)
        let authorizer = oauth(tokens, clock: clock)
        #expect(try await authorizer.accessToken() == "tok-1-abcdef")
        clock.advance(seconds: 3539)
        #expect(try await authorizer.accessToken() == "tok-1-abcdef")
        clock.advance(seconds: 2)
        #expect(try await authorizer.accessToken() == "tok-2-abcdef")
        #expect(tokens.requests.count == 2)
    }

    @Test("a 401 refreshes the token and replays the request once")
    func oauthRefreshOn401() async throws {
        let tokens = tokenEndpoint()
        let service = api(accepting: ["Bearer tok-2-abcdef"])
        let client = AuthorizingHTTPClient(wrapping: service, authorizer: oauth(tokens))
        let response = try await client.send(.get(apiURL))
        #expect(response.status == 200)
        #expect(tokens.requests.count == 2)
        #expect(service.requests.map { $0.headers["Authorization"] } == ["Bearer tok-1-abcdef", "Bearer tok-2-abcdef"])
    }

    @Test("a second 401 throws .unauthorized without the secret or the tokens")
    func oauthSecond401() async throws {
        let tokens = tokenEndpoint()
        let service = MockHTTPClient { request in
            let echo = #"{"message":"rejected \#(request.headers["Authorization"] ?? "") for client_secret=\#(clientSecret)"}"#
            return HTTPResponse(status: 401, body: Data(echo.utf8), url: request.url)
        }
        let client = AuthorizingHTTPClient(wrapping: service, authorizer: oauth(tokens))
        let error = await #expect(throws: HTTPError.self) { try await client.send(.get(apiURL)) }
        #expect(error?.code == .unauthorized)
        #expect(error?.status == 401)
        #expect(service.requests.count == 2)
        #expect(tokens.requests.count == 2)
        let text = String(describing: try #require(error))
        for secret in [clientSecret, "tok-1-abcdef", "tok-2-abcdef"] { #expect(!text.contains(secret)) }
    }

    @Test("a refused client credential: .unauthorized, one token call, never sent again", arguments: [400, 401])
    func oauthTokenEndpointRefuses(status: Int) async throws {
        let tokens = MockHTTPClient { request in
            let body = #"{"error":"invalid_client","hint":"\#(clientSecret) is wrong"}"#
            return HTTPResponse(status: status, body: Data(body.utf8), url: request.url)
        }
        let service = MockHTTPClient { HTTPResponse(status: 200, url: $0.url) }
        let client = AuthorizingHTTPClient(wrapping: service, authorizer: oauth(tokens))
        let error = await #expect(throws: HTTPError.self) { try await client.send(.get(apiURL)) }
        #expect(error?.code == .unauthorized)
        #expect(error?.status == status)
        let basic = Data("client-one:dnb-client-secret-Z9q%21".utf8).base64EncodedString()
        let text = String(describing: try #require(error))
        #expect(!text.contains(clientSecret))
        #expect(!text.contains(basic))
        await #expect(throws: HTTPError.self) { try await client.send(.get(apiURL)) }
        #expect(tokens.requests.count == 1)
        #expect(service.requests.isEmpty)
    }

    @Test("a token response without access_token is a decoding error",
          arguments: [#"{"token_type":"Bearer"}"#, "not json", #"{"access_token":"x1234","token_type":"mac"}"#])
    func oauthMalformedToken(body: String) async throws {
        let tokens = MockHTTPClient()
        tokens.enqueue(status: 200, body: body)
        let error = await #expect(throws: HTTPError.self) { try await oauth(tokens).accessToken() }
        #expect(error?.code == .decoding)
    }

    @Test("a 503 from the token endpoint is a .status error, and the next call tries again")
    func oauthTokenEndpointDown() async throws {
        let tokens = MockHTTPClient()
        tokens.enqueue(status: 503)
        tokens.enqueue(status: 200, body: #"{"access_token":"tok-after-outage","expires_in":60}"#)
        let authorizer = oauth(tokens)
        let error = await #expect(throws: HTTPError.self) { try await authorizer.accessToken() }
        #expect(error?.code == .status)
        #expect(try await authorizer.accessToken() == "tok-after-outage")
    }

    @Test("the secrets list the client secret and the current token")
    func oauthSecrets() async throws {
        let authorizer = oauth(tokenEndpoint())
        _ = try await authorizer.accessToken()
        #expect(authorizer.secrets.contains(clientSecret))
        #expect(authorizer.secrets.contains("tok-1-abcdef"))
    }

    // MARK: Login token (Creditsafe)

    @Test("the login POSTs the username and password as JSON and sends the token as Bearer")
    func loginRequestShape() async throws {
        let endpoint = loginEndpoint(["opaque-token-1"])
        let service = MockHTTPClient { HTTPResponse(status: 200, url: $0.url) }
        _ = try await AuthorizingHTTPClient(wrapping: service, authorizer: login(endpoint)).send(.get(apiURL))
        let request = try #require(endpoint.requests.first)
        #expect(request.method == .post)
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(!request.isRetryable)
        let body = try #require(try JSONSerialization.jsonObject(with: request.body ?? Data()) as? [String: String])
        #expect(body == ["username": "analyst@example.com", "password": password])
        #expect(service.requests.first?.headers["Authorization"] == "Bearer opaque-token-1")
    }

    @Test("the JWT's exp decides when to log in again")
    func loginReadsJWTExpiry() async throws {
        let clock = TokenClock()
        let start = clock.now().timeIntervalSince1970
        let first = try makeJWT(claims: ["sub": "analyst", "exp": start + 600])
        let second = try makeJWT(claims: ["sub": "analyst", "exp": start + 1200])
        let endpoint = loginEndpoint([first, second])
        let authorizer = login(endpoint, clock: clock)
        #expect(try await authorizer.token() == first)
        clock.advance(seconds: 539)
        #expect(try await authorizer.token() == first)
        clock.advance(seconds: 2)
        #expect(try await authorizer.token() == second)
        #expect(endpoint.requests.count == 2)
    }

    @Test("a token without a readable exp lives one hour by default", arguments: [true, false])
    func loginDefaultValidity(isJWT: Bool) async throws {
        let clock = TokenClock()
        let token = isJWT ? try makeJWT(claims: ["sub": "analyst"]) : "opaque-session-token"
        let endpoint = loginEndpoint([token, "second-token"])
        let authorizer = login(endpoint, clock: clock)
        _ = try await authorizer.token()
        clock.advance(seconds: 3539)
        #expect(try await authorizer.token() == token)
        clock.advance(seconds: 2)
        #expect(try await authorizer.token() == "second-token")
        #expect(endpoint.requests.count == 2)
    }

    @Test("the token field is configurable")
    func loginTokenField() async throws {
        let authorizer = login(loginEndpoint(["field-token"], field: "access"), tokenField: "access")
        #expect(try await authorizer.token() == "field-token")
    }

    @Test("a bad password: .unauthorized, exactly one login call, never repeated")
    func loginBadPassword() async throws {
        let endpoint = MockHTTPClient { request in
            HTTPResponse(status: 401, body: Data(#"{"message":"Invalid credentials"}"#.utf8), url: request.url)
        }
        let service = MockHTTPClient { HTTPResponse(status: 200, url: $0.url) }
        let client = AuthorizingHTTPClient(wrapping: service, authorizer: login(endpoint))
        for _ in 0..<3 {
            let error = await #expect(throws: HTTPError.self) { try await client.send(.get(apiURL)) }
            #expect(error?.code == .unauthorized)
            #expect(!String(describing: try #require(error)).contains(password))
        }
        #expect(endpoint.requests.count == 1)
        #expect(service.requests.isEmpty)
    }

    @Test("a login through a retrying client is not retried on a 503 either")
    func loginNotRetried() async throws {
        let endpoint = MockHTTPClient()
        endpoint.enqueue(status: 503)
        endpoint.enqueue(status: 200, body: #"{"token":"late-token"}"#)
        let retrying = RetryingHTTPClient(wrapping: endpoint, clock: ManualRetryClock())
        let authorizer = LoginTokenAuthorizer(loginURL: loginURL, username: "analyst", password: password,
                                              client: retrying)
        let error = await #expect(throws: HTTPError.self) { try await authorizer.token() }
        #expect(error?.code == .status)
        #expect(endpoint.requests.count == 1)
    }
}
