import Foundation

/// Reads claims from a JWT (RFC 7519) without verifying it: the client only needs to know when to refresh.
enum JSONWebToken {
    /// The `exp` claim of `token` (`header.payload.signature`, base64url JSON payload), or `nil` when the token is not
    /// a JWT or has no numeric `exp`.
    static func expiry(of token: String) -> Date? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = decodeBase64URL(parts[1]),
              let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any],
              let exp = claims["exp"] as? NSNumber else { return nil }
        return Date(timeIntervalSince1970: exp.doubleValue)
    }

    /// Decodes base64url without padding (RFC 7515 §2).
    static func decodeBase64URL(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
