import Foundation
import TradeCredit

/// Decodes a JSON input file, turning every failure into an ``InputError`` naming the file and the JSON path
/// (`invoices[2].dueDate`).
enum JSONInput {
    static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            throw InputError(file: file, field: path.isEmpty ? nil : path, message)
        } catch let error as ModelError {
            throw InputError(file: file, line: nil, error)
        }
    }

    /// The policy terms of a PolicyTerms JSON file (`-` for standard input), decoded and validated.
    /// - Throws: ``InputError`` naming the file and the JSON path of the field.
    static func policy(at path: String) throws -> PolicyTerms {
        let name = InputFile.displayName(path)
        let terms = try decode(PolicyTerms.self, from: try InputFile.text(at: path), file: name)
        do { try terms.validate() } catch let error as ModelError { throw InputError(file: name, line: nil, error) }
        return terms
    }

    /// The path and a message for a decoding error.
    static func describe(_ error: DecodingError) -> (path: String, message: String) {
        switch error {
        case .typeMismatch(let type, let context):
            return (render(context.codingPath), "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return (render(context.codingPath), "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            return (render(context.codingPath + [key]), "required field missing")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return ("", "not valid JSON") }
            // Foundation's message for an unknown enumeration value names the Swift type: say it plainly.
            if let range = context.debugDescription.range(of: "from invalid String value ") {
                return (render(context.codingPath),
                        "unknown value (\"\(context.debugDescription[range.upperBound...])\")")
            }
            return (render(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", "not valid JSON")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "\(type)"
        }
    }

    /// `invoices[2].netAmount.amount`.
    static func render(_ path: [any CodingKey]) -> String {
        CodingPathText.render(path)
    }
}
