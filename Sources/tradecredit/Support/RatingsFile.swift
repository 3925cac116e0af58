import Foundation
import TradeCredit

/// The local ratings a command reads: a ratings file (`rating --bureau file:PATH`, `assess --ratings PATH`), or the
/// embedded sample ratings.
enum RatingsFile {
    /// The file bureau over the file at `path`, or over the embedded sample ratings when `path` is `nil`.
    /// - Throws: ``InputError`` naming the path as given, with the line (CSV) or index path (JSON) and the field.
    static func open(_ path: String?) throws -> FileRatingBureau {
        guard let path else { return FileRatingBureau.sample() }
        do { return try FileRatingBureau(contentsOf: URL(fileURLWithPath: path)) } catch let error as FileBureauError {
            throw InputError(file: path, line: error.line, field: error.field,
                             error.message + (error.value.map { " (\"\($0)\")" } ?? ""))
        }
    }
}
