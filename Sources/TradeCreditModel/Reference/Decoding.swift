extension KeyedDecodingContainer {
    /// Runs a validating initialiser for a type being decoded. A ``ModelError`` it throws becomes
    /// `DecodingError.dataCorrupted` on the key named by the error's field (so `"dueDate"` lands on `dueDate`), or on
    /// `fallback` when no key has that name. Decoding errors pass through unchanged.
    func validated<T>(orKey fallback: Key, _ make: () throws -> T) throws -> T {
        do {
            return try make()
        } catch let error as ModelError {
            let key = error.field.flatMap(Key.init(stringValue:)) ?? fallback
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: error.description)
        }
    }
}

/// A decoding path as people read it: `invoices[2].netAmount.amount` (empty for the top level).
public enum CodingPathText {
    public static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
