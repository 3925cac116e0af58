import Foundation
import Testing
@testable import TradeCreditModel

// Assertions shared by the model's test files.

/// Asserts that `body` throws a ``ModelError`` with `code` and `field`, and returns it for further checks.
@discardableResult
func expectModelError(
    _ code: ModelError.Code, field: String?, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> some Any
) throws -> ModelError {
    let error = try #require(throws: ModelError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error.code == code, sourceLocation: sourceLocation)
    #expect(error.field == field, sourceLocation: sourceLocation)
    return error
}

/// Asserts that decoding `json` as `T` fails with `DecodingError.dataCorrupted` on the key `key`.
func expectDecodingFailure<T: Decodable>(
    _ type: T.Type, _ json: String, key: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let error = try #require(throws: DecodingError.self, sourceLocation: sourceLocation) {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }
    guard case .dataCorrupted(let context) = error else {
        Issue.record("expected dataCorrupted, got \(error)", sourceLocation: sourceLocation)
        return
    }
    #expect(context.codingPath.last?.stringValue == key, sourceLocation: sourceLocation)
}

/// Decodes `json` as `T`.
func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}

/// Encodes and decodes `value` again.
func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
}
