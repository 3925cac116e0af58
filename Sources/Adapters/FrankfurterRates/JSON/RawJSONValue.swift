/// A JSON value as ``RawJSONScanner`` read it, with every number kept as the exact text of its literal.
///
/// Frankfurter's rates are JSON numbers; reading them as `Double` would turn `1.0892` into
/// `1.0892000000000000348…`. Keeping the literal lets the adapter build an exact decimal with the digits as
/// published.
indirect enum RawJSONValue: Sendable, Hashable {
    /// An object; keys are unique (the scanner rejects a repeated key).
    case object([String: RawJSONValue])
    /// An array, in order.
    case array([RawJSONValue])
    /// A string, unescaped.
    case string(String)
    /// A number, as the literal's text (`1.0892`, `-0.5e3`), already checked against the JSON grammar.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The members when the value is an object.
    var objectValue: [String: RawJSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The text when the value is a string.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The literal's text when the value is a number.
    var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }

    /// A short name of the value's kind, for error messages.
    var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
