import Foundation

/// `application/x-www-form-urlencoded` (WHATWG URL §5): unreserved characters stay, a space becomes `+`, every other
/// byte is percent-encoded.
enum FormEncoding {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*".utf8)

    /// One name or value, encoded.
    static func escape(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                output.append(Character(Unicode.Scalar(byte)))
            } else if byte == UInt8(ascii: " ") {
                output.append("+")
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    /// A form body of `fields`, in order.
    static func body(_ fields: [(String, String)]) -> Data {
        Data(fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&").utf8)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
