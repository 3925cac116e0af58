import Foundation
import TradeCredit

/// Reads the text of a file named on the command line, turning every failure into an ``InputError``.
enum InputFile {
    /// Files larger than this are refused rather than read whole (64 MiB).
    static let maximumSize = 64 * 1024 * 1024

    /// How errors name the input: `<stdin>` for `-`, else the path as given.
    static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    static func text(at path: String) throws -> String {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maximumSize else { throw InputError(file: "<stdin>", "input too large") }
            guard let text = String(data: data, encoding: .utf8) else { throw InputError(file: "<stdin>", "not UTF-8 text") }
            return text
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, "is a directory, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumSize else {
            throw InputError(file: path, "file too large (\(size) bytes; at most \(maximumSize))")
        }
        let data: Data
        if let contents = try? Data(contentsOf: url) {
            data = contents
        } else if let handle = FileHandle(forReadingAtPath: path) {
            // A pipe (`<(command)`, /dev/fd/N) is not a regular file: read it to its end.
            defer { try? handle.close() }
            data = handle.readDataToEndOfFile()
            guard data.count <= maximumSize else { throw InputError(file: path, "input too large") }
        } else {
            throw InputError(file: path, "cannot be read (permission?)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(file: path, "not UTF-8 text") }
        return text
    }
}
