import Foundation

/// A value of a parsed JSON document and the path that leads to it, so that every error names its field.
struct CreditsafeJSON {
    /// The value (`nil` when the field is absent or JSON `null`).
    let value: Any?
    /// The JSON path from the document's root: `report.creditScore.currentCreditRating`.
    let path: String

    /// Parses `data` as a JSON object.
    /// - Throws: ``CreditsafeError`` `.invalidResponse` when the body is not a JSON object (not JSON, or cut short).
    static func parse(_ data: Data, what: String) throws -> CreditsafeJSON {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw CreditsafeError(.invalidResponse, field: "$",
                                  message: "the \(what) is not valid JSON (\(data.count) bytes; empty or cut short?)")
        }
        guard object is [String: Any] else {
            throw CreditsafeError(.invalidResponse, field: "$", message: "the \(what) is not a JSON object")
        }
        return CreditsafeJSON(value: object, path: "")
    }

    /// The member `key` of this object (absent when this is not an object).
    subscript(key: String) -> CreditsafeJSON {
        let child = path.isEmpty ? key : "\(path).\(key)"
        guard let object = value as? [String: Any], let member = object[key], !(member is NSNull) else {
            return CreditsafeJSON(value: nil, path: child)
        }
        return CreditsafeJSON(value: member, path: child)
    }

    /// Whether the field is present and not `null`.
    var isPresent: Bool { value != nil }

    /// The elements of this array.
    /// - Throws: `.invalidResponse` when the field is absent or not an array.
    func array() throws -> [CreditsafeJSON] {
        guard let array = value as? [Any] else { throw invalid(isPresent ? "is not an array" : "is missing") }
        return array.enumerated().map { CreditsafeJSON(value: $0.element is NSNull ? nil : $0.element,
                                                      path: "\(path)[\($0.offset)]") }
    }

    /// The string, or `nil` when absent. - Throws: `.invalidResponse` when present but not a string.
    func optionalString() throws -> String? {
        guard let value else { return nil }
        guard let text = value as? String else { throw invalid("is not a string") }
        return text
    }

    /// The string. - Throws: `.invalidResponse` when absent, empty or not a string.
    func string() throws -> String {
        guard let text = try optionalString() else { throw invalid("is missing") }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw invalid("is empty") }
        return text
    }

    /// A number given as a JSON number or as a string of digits (Creditsafe writes most numbers as strings), or
    /// `nil` when absent. - Throws: `.invalidResponse` when present but not an integer.
    func optionalInteger() throws -> Int? {
        guard let value else { return nil }
        if let number = numberValue, let integer = Int(exactly: number.doubleValue) { return integer }
        if let text = value as? String, let integer = Int(text.trimmingCharacters(in: .whitespaces)) { return integer }
        throw invalid("is not an integer")
    }

    /// The value when it is a JSON number (not a boolean, which Foundation also hands out as an `NSNumber`).
    var numberValue: NSNumber? {
        guard let value, type(of: value) != Bool.self, let number = value as? NSNumber else { return nil }
        return String(cString: number.objCType) == "c" ? nil : number
    }

    /// The error for this field.
    func invalid(_ problem: String) -> CreditsafeError {
        CreditsafeError(.invalidResponse, field: path.isEmpty ? "$" : path, message: "the field \(problem)")
    }
}
