import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory scaffold-adapter --kind bureau|rates --name Acme
/// [--print-only]`: writes a small working adapter of TradeCredit (a `RatingBureau` or an `ExchangeRateProvider` over
/// `TradeCreditHTTP`), its error type, and a test that runs the conformance kit of `TradeCreditTesting` on fixtures,
/// then declares the targets in `Package.swift` (or, with `--print-only`, prints the lines to add).
///
/// It never overwrites: when any file or folder it would create exists, it writes nothing and fails naming it.
/// See Documentation/AdapterGuide.md.
@main
struct ScaffoldAdapterPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        do {
            try run(package: context.package, arguments: arguments)
        } catch let error as ScaffoldError {
            // One line, then a non-zero exit. Throwing instead would make SwiftPM print the message a second time.
            Diagnostics.error("scaffold-adapter: \(error.description)")
            exit(1)
        }
    }

    private func run(package: Package, arguments: [String]) throws {
        let options = try ScaffoldOptions(arguments: arguments)
        if options.help {
            print(ScaffoldOptions.help)
            return
        }
        let root = package.directoryURL
        let manifestURL = root.appending(path: "Package.swift")
        let manifest = try? String(contentsOf: manifestURL, encoding: .utf8)
        let layout = try ScaffoldLayout(options: options, package: package, manifest: manifest)
        let files = AdapterFiles(layout: layout, date: Self.today()).files

        // Check everything before writing anything.
        let fileManager = FileManager.default
        // The folders too: a target takes in every source file of its folder.
        for path in files.map(\.path) + [layout.sourceFolder, layout.testFolder]
        where fileManager.fileExists(atPath: root.appending(path: path).path(percentEncoded: false)) {
            throw ScaffoldError("\(path) already exists; nothing was written (remove it or choose another --name)")
        }

        for file in files {
            let url = root.appending(path: file.path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw ScaffoldError("could not write \(file.path): \(error.localizedDescription)")
            }
            print("created \(file.path)")
        }
        try declare(layout, manifest: manifest, at: manifestURL, printOnly: options.printOnly)
        print("next: swift test --filter \(layout.testTarget)")
    }

    /// Appends the targets to the manifest, or prints them when that is not wanted or not safe.
    private func declare(_ layout: ScaffoldLayout, manifest: String?, at url: URL, printOnly: Bool) throws {
        let block = layout.manifestBlock
        let reason: String
        if printOnly {
            reason = "--print-only"
        } else if let manifest {
            if !manifest.contains("let package = Package(") {
                reason = "it has no `let package = Package(` to append to"
            } else if manifest.contains("\"\(layout.target)\"") {
                reason = "it already mentions \"\(layout.target)\""
            } else {
                return try append(block, to: url, manifest: manifest, target: layout.target)
            }
        } else {
            reason = "it could not be read"
        }
        print("Package.swift left unchanged (\(reason)); add these lines to its end:")
        print(block)
    }

    private func append(_ block: String, to url: URL, manifest: String, target: String) throws {
        let separator = manifest.hasSuffix("\n") ? "" : "\n"
        do {
            try Data((manifest + separator + block).utf8).write(to: url, options: .atomic)
        } catch {
            throw ScaffoldError("could not update Package.swift: \(error.localizedDescription); add the targets by hand:\n\(block)")
        }
        print("updated Package.swift: targets \(target) and \(target)Tests, library product \(target)")
    }

    /// Today's date (UTC) as `YYYY-MM-DD`: the date of the scaffolded PD map.
    private static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 2026, parts.month ?? 1, parts.day ?? 1)
    }
}
