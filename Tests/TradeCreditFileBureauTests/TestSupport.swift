import Foundation
import Testing
import TradeCreditFileBureau
import TradeCreditModel

/// The URL of a file in `Fixtures/`.
func fixtureURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
}

func id(_ text: String) throws -> BuyerIdentifier { try BuyerIdentifier(parsing: text) }

func query(_ texts: String...) throws -> BuyerQuery { BuyerQuery(identifiers: try texts.map(id)) }

func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

/// Runs `body` and returns the ``FileBureauError`` it throws, recording an issue when it throws none or another.
func fileError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> FileBureauError? {
    do {
        try body()
        Issue.record("expected a FileBureauError", sourceLocation: sourceLocation)
    } catch let error as FileBureauError {
        return error
    } catch {
        Issue.record("expected a FileBureauError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A CSV file with the standard header and `rows`.
func csv(_ rows: String...) -> String {
    (["identifiers,scale,rated_on,value,suggested_limit,currency,adverse"] + rows).joined(separator: "\n")
}

/// A JSON file with `ratings` (each a JSON object's text).
func json(_ ratings: String...) -> Data {
    Data(#"{"version":1,"ratings":[\#(ratings.joined(separator: ","))]}"#.utf8)
}
