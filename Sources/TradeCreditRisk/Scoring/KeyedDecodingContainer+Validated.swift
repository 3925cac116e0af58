extension KeyedDecodingContainer {
    /// Runs a validating initialiser for a type being decoded. An ``UnderwritingError`` it throws becomes
    /// `DecodingError.dataCorrupted` on the key its field starts with (`"bands[1]"` lands on `bands`), or on
    /// `fallback`. Decoding errors pass through unchanged.
    func validating<T>(orKey fallback: Key, _ make: () throws -> T) throws -> T {
        do {
            return try make()
        } catch let error as UnderwritingError {
            let head = error.field.prefix { $0 != "." && $0 != "[" }
            let key = Key(stringValue: String(head)) ?? fallback
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: error.description)
        }
    }
}
