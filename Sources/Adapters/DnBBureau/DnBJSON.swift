import Foundation
import TradeCreditModel

/// Decodes D&B answers, turning a `DecodingError` into a ``DnBError`` `.invalidResponse` that names the JSON path.
enum DnBJSON {
    /// Decodes `body` as `type`.
    /// - Throws: ``DnBError`` `.invalidResponse` naming the path of the first bad field, or saying the body is not
    ///   JSON (a truncated body, say).
    static func decode<T: Decodable>(_ type: T.Type, from body: Data, status: Int) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch let error as DecodingError {
            switch error {
            case .typeMismatch(let type, let context):
                throw invalid(context, status: status, "expected \(describe(type))")
            case .valueNotFound(let type, let context):
                throw invalid(context, status: status, "expected \(describe(type)), found null")
            case .keyNotFound(let key, let context):
                let path = render(context.codingPath + [key])
                throw DnBError(.invalidResponse, status: status, field: path, message: "missing")
            case .dataCorrupted(let context):
                if context.codingPath.isEmpty {
                    throw DnBError(.invalidResponse, status: status, field: "$",
                                   message: "the body is not a complete JSON document (\(body.count) bytes)")
                }
                throw invalid(context, status: status, "unreadable value")
            @unknown default:
                throw DnBError(.invalidResponse, status: status, field: "$", message: "undecodable body")
            }
        }
    }

    private static func invalid(_ context: DecodingError.Context, status: Int, _ message: String) -> DnBError {
        DnBError(.invalidResponse, status: status, field: render(context.codingPath), message: message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        default: return "\(type)"
        }
    }

    /// `organization.businessTrading[0].summary[0].paydexScore`.
    private static func render(_ path: [any CodingKey]) -> String {
        let text = CodingPathText.render(path)
        return text.isEmpty ? "$" : text
    }
}
