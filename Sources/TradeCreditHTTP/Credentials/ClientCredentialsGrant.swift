import Foundation

/// One OAuth 2.0 client-credentials token request (RFC 6749 §4.4) and the parsing of its answer.
struct ClientCredentialsGrant: Sendable {
    let tokenURL: URL
    let clientID: String
    let clientSecret: String
    let scope: String?
    let authentication: OAuth2ClientCredentials.ClientAuthentication
    let client: any HTTPClient
    let refreshMargin: Duration
    let now: @Sendable () -> Date
    let redactor: Redactor

    /// The token endpoint's answer (RFC 6749 §5.1).
    private struct TokenResponse: Decodable {
        let accessToken: String
        let tokenType: String?
        let expiresIn: Double?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", tokenType = "token_type", expiresIn = "expires_in"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            accessToken = try container.decode(String.self, forKey: .accessToken)
            tokenType = try container.decodeIfPresent(String.self, forKey: .tokenType)
            // Some servers send the lifetime as a string.
            if let seconds = try? container.decodeIfPresent(Double.self, forKey: .expiresIn) {
                expiresIn = seconds
            } else {
                expiresIn = (try? container.decodeIfPresent(String.self, forKey: .expiresIn)).flatMap { $0.flatMap(Double.init) }
            }
        }
    }

    /// The client id and secret as HTTP Basic credentials, each form-encoded first (RFC 6749 §2.3.1).
    static func basicCredential(clientID: String, clientSecret: String) -> String {
        Data("\(FormEncoding.escape(clientID)):\(FormEncoding.escape(clientSecret))".utf8).base64EncodedString()
    }

    /// The request to the token endpoint.
    var request: HTTPRequest {
        var fields = [("grant_type", "client_credentials")]
        if let scope, !scope.isEmpty { fields.append(("scope", scope)) }
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"]
        switch authentication {
        case .basic:
            headers.set("Authorization", "Basic \(Self.basicCredential(clientID: clientID, clientSecret: clientSecret))")
        case .requestBody:
            fields += [("client_id", clientID), ("client_secret", clientSecret)]
        }
        // Asking for a token has no side effect: a retry policy may repeat it (it never repeats a 400 or 401).
        return HTTPRequest(method: .post, url: tokenURL, headers: headers, body: FormEncoding.body(fields),
                           isRetryable: true)
    }

    /// Asks for a token.
    func fetch() async throws -> IssuedToken {
        let issuedAt = now()
        let response = try await client.send(request)
        guard response.isSuccess else {
            throw TokenEndpointError.forStatus(response, url: tokenURL, redactor: redactor)
        }
        guard let token = try? JSONDecoder().decode(TokenResponse.self, from: response.body),
              !token.accessToken.isEmpty else {
            throw TokenEndpointError.malformed(url: tokenURL, detail: "token response is not JSON with an access_token",
                                               redactor: redactor)
        }
        if let type = token.tokenType, type.lowercased() != "bearer" {
            throw TokenEndpointError.malformed(url: tokenURL, detail: "unsupported token_type \(type)", redactor: redactor)
        }
        let lifetime = token.expiresIn.flatMap { $0 > 0 ? Duration.milliseconds(Int64($0 * 1000)) : nil }
        return IssuedToken(value: token.accessToken, issuedAt: issuedAt, lifetime: lifetime, margin: refreshMargin)
    }
}
