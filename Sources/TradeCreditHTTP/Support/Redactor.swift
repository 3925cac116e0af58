public import Foundation

/// Removes secrets from URLs, headers and text before they reach an error, a description or a log line.
///
/// It knows the usual places of secrets (the `Authorization`, `Cookie` and API-key headers; query parameters and
/// JSON or form fields named like `token`, `password`, `secret`, `key`, `signature`) and, in addition, any literal
/// secret it is given (an API key, a password), which it replaces wherever it appears.
public struct Redactor: Sendable, Hashable {
    /// The replacement text.
    public static let mask = "REDACTED"

    /// Header names whose values are always secret (lower case).
    public static let sensitiveHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "apikey",
        "x-auth-token", "x-access-token",
    ]

    /// Parts of field names that mark a value as secret (lower case).
    public static let sensitiveNameParts = ["token", "password", "passwd", "secret", "key", "signature", "auth",
                                            "credential", "session", "jwt"]

    /// Literal secrets to replace wherever they appear.
    public let secrets: [String]

    public init(secrets: [String] = []) {
        // Very short strings would mask ordinary text; credentials are longer than this.
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// The redactor that knows only the usual places.
    public static let standard = Redactor()

    /// A redactor that also replaces `more` literal secrets.
    public func adding(secrets more: [String]) -> Redactor { Redactor(secrets: secrets + more) }

    static func isSensitiveName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return sensitiveNameParts.contains { lower.contains($0) }
    }

    /// The URL without user-info, with secret query values masked.
    public func redact(url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return redact(text: url.absoluteString)
        }
        if components.user != nil || components.password != nil {
            components.user = nil
            components.password = nil
        }
        if let items = components.queryItems {
            components.queryItems = items.map { item in
                Redactor.isSensitiveName(item.name) ? URLQueryItem(name: item.name, value: Redactor.mask) : item
            }
        }
        return redact(text: components.string ?? url.absoluteString)
    }

    /// The headers with sensitive values masked.
    public func redact(_ headers: HTTPHeaders) -> HTTPHeaders {
        HTTPHeaders(headers.map { field in
            let sensitive = Redactor.sensitiveHeaders.contains(field.name.lowercased()) || Redactor.isSensitiveName(field.name)
            return (field.name, sensitive ? Redactor.mask : redact(text: field.value))
        })
    }

    /// Text with the literal secrets masked, and the values of JSON fields, form fields and bearer tokens that look
    /// secret.
    public func redact(text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacingOccurrences(of: secret, with: Redactor.mask) }
        result = Redactor.maskMatches(of: #"(?i)(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"#, in: result) { "\($0[1]) \(Redactor.mask)" }
        let names = Redactor.sensitiveNameParts.joined(separator: "|")
        // "access_token": "…"  and  access_token=…  (query strings, form bodies)
        result = Redactor.maskMatches(of: #"(?i)("[A-Za-z0-9_\-]*(?:"# + names + #")[A-Za-z0-9_\-]*"\s*:\s*)"(?:[^"\\]|\\.)*""#,
                                      in: result) { "\($0[1])\"\(Redactor.mask)\"" }
        result = Redactor.maskMatches(of: #"(?i)([?&\s]|^)([A-Za-z0-9_\-]*(?:"# + names + #")[A-Za-z0-9_\-]*=)[^&\s"]*"#,
                                      in: result) { "\($0[1])\($0[2])\(Redactor.mask)" }
        return result
    }

    private static func maskMatches(of pattern: String, in text: String, _ replacement: ([String]) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let source = text as NSString
        var output = ""
        var cursor = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            output += source.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let groups = (0..<match.numberOfRanges).map { index -> String in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : source.substring(with: range)
            }
            output += replacement(groups)
            cursor = match.range.location + match.range.length
        }
        output += source.substring(from: cursor)
        return output
    }
}
