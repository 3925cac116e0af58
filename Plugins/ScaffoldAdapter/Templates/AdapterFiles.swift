import Foundation

/// One file the command creates, by its path relative to the package.
struct GeneratedFile {
    let path: String
    let contents: String
}

/// The files of one adapter: its sources, its conformance test and the test's fixtures, from the templates.
struct AdapterFiles {
    let layout: ScaffoldLayout
    /// `YYYY-MM-DD`, the date of the illustrative PD map.
    let date: String

    var files: [GeneratedFile] {
        let (adapter, notFound, tests, fixtures) = switch layout.options.kind {
        case .bureau: (BureauTemplates.adapter, BureauTemplates.notFound, BureauTemplates.tests, BureauTemplates.fixtures)
        case .rates: (RatesTemplates.adapter, RatesTemplates.notFound, RatesTemplates.tests, RatesTemplates.fixtures)
        }
        let sources = layout.sourceFolder
        let fixtureFolder = layout.testFolder + "/Fixtures"
        let listing = fixtures.map { "- `\($0.name)`" }.joined(separator: "\n")
        let texts = [
            ("\(sources)/\(layout.target).swift", adapter + SharedTemplates.transport),
            ("\(sources)/\(layout.errorType).swift", SharedTemplates.error.replacingOccurrences(of: "__NotFound__", with: notFound)),
            ("\(layout.testFolder)/\(layout.target)ConformanceTests.swift", tests + SharedTemplates.testSupport),
            ("\(fixtureFolder)/README.md", SharedTemplates.fixturesReadme.replacingOccurrences(of: "__Files__", with: listing)),
        ] + fixtures.map { ("\(fixtureFolder)/\($0.name)", $0.contents + "\n") }
        return texts.map { GeneratedFile(path: $0.0, contents: render($0.1)) }
    }

    /// `text` with every token replaced.
    private func render(_ text: String) -> String {
        let name = layout.options.name
        let tokens = [
            "__Type__": layout.target, "__Error__": layout.errorType, "__Name__": name, "__name__": name.lowercased(),
            "__NAME__": name.uppercased(), "__Date__": date,
        ]
        return tokens.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}
