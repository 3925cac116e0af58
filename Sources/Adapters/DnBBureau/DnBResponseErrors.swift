import Foundation
import TradeCreditHTTP

/// Turns D&B's non-2xx answers into ``DnBError``s, quoting its error envelope.
enum DnBResponseErrors {
    /// D&B's error envelope: `{"transactionDetail":{…},"error":{"errorCode":"…","errorMessage":"…"}}`.
    struct Envelope: Decodable {
        struct Detail: Decodable {
            let errorCode: String?
            let errorMessage: String?

            enum CodingKeys: String, CodingKey { case errorCode, errorMessage }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                // The code is documented as a string; a number is tolerated.
                if let text = try? container.decodeIfPresent(String.self, forKey: .errorCode) {
                    errorCode = text
                } else {
                    errorCode = (try? container.decodeIfPresent(Int.self, forKey: .errorCode)).flatMap { $0.map(String.init) }
                }
                errorMessage = try? container.decodeIfPresent(String.self, forKey: .errorMessage)
            }
        }
        let error: Detail?
    }

    /// The error code and message of the envelope in `body`, when it is one.
    static func envelope(in body: Data) -> (code: String?, message: String?) {
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: body), let detail = envelope.error else {
            return (nil, nil)
        }
        return (detail.errorCode, detail.errorMessage)
    }

    /// `HTTP 404: D&B error 40105: message`, redacted; the first bytes of the body when it is no envelope.
    static func summary(_ response: HTTPResponse, redactor: Redactor) -> (text: String, code: String?) {
        let (code, message) = envelope(in: response.body)
        var text = "HTTP \(response.status)"
        if code != nil || message != nil {
            if let code { text += ": D&B error \(code)" }
            if let message { text += ": \(message)" }
        } else if !response.body.isEmpty {
            text += ": " + String(decoding: response.body.prefix(200), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        }
        return (redactor.redact(text: text), code)
    }

    /// The error for a non-2xx answer of the token endpoint.
    static func tokenFailure(_ response: HTTPResponse, redactor: Redactor) -> DnBError {
        let (text, code) = summary(response, redactor: redactor)
        switch response.status {
        case 400, 401, 403:
            return DnBError(.unauthorized, status: response.status, dnbErrorCode: code,
                            message: "D&B refused the client credentials (\(text)); they are not sent again")
        case 429:
            return DnBError(.rateLimited, status: 429, dnbErrorCode: code,
                            retryAfterSeconds: retryAfterSeconds(response), message: "token request: \(text)")
        default:
            return DnBError(.unavailable, status: response.status, dnbErrorCode: code,
                            message: "token request: \(text)")
        }
    }

    /// The error for a non-2xx answer to a data request (a `401` here is the one left after the replay).
    static func dataFailure(_ response: HTTPResponse, duns: String, notFoundCodes: Set<String>,
                            redactor: Redactor) -> DnBError {
        let (text, code) = summary(response, redactor: redactor)
        if response.status == 404 || code.map(notFoundCodes.contains) == true {
            return DnBError(.notFound, status: response.status, dnbErrorCode: code,
                            message: "D&B does not know D-U-N-S \(duns) (\(text))")
        }
        return requestFailure(response, text: text, code: code, request: "data request", product: "these data blocks")
    }

    /// The error for a non-2xx answer to an identity-resolution request that is not "no match" (the caller has
    /// turned a `404` or one of ``DnBBureau/matchNotFoundErrorCodes`` into `[]`).
    static func matchFailure(_ response: HTTPResponse, redactor: Redactor) -> DnBError {
        let (text, code) = summary(response, redactor: redactor)
        return requestFailure(response, text: text, code: code, request: "match request",
                              product: "identity resolution (cleanseMatch)")
    }

    /// Whether a non-2xx answer says that nothing matched: a `404`, or one of `noMatchCodes` in D&B's envelope.
    static func isNoMatch(_ response: HTTPResponse, noMatchCodes: Set<String>) -> Bool {
        response.status == 404 || envelope(in: response.body).code.map(noMatchCodes.contains) == true
    }

    private static func requestFailure(_ response: HTTPResponse, text: String, code: String?, request: String,
                                       product: String) -> DnBError {
        switch response.status {
        case 401:
            return DnBError(.unauthorized, status: 401, dnbErrorCode: code,
                            message: "\(request) still refused after a token refresh (\(text))")
        case 403:
            return DnBError(.unauthorized, status: 403, dnbErrorCode: code,
                            message: "the credential is not entitled to \(product) (\(text))")
        case 429:
            return DnBError(.rateLimited, status: 429, dnbErrorCode: code,
                            retryAfterSeconds: retryAfterSeconds(response), message: text)
        case 400..<500:
            return DnBError(.invalidRequest, status: response.status, dnbErrorCode: code, message: text)
        default:
            return DnBError(.unavailable, status: response.status, dnbErrorCode: code, message: text)
        }
    }

    private static func retryAfterSeconds(_ response: HTTPResponse) -> Int? {
        response.retryAfter().map { Int($0.components.seconds) }
    }
}
