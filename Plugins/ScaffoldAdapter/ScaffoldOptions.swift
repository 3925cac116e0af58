import PackagePlugin

/// What the command was asked: `--kind bureau|rates --name Acme [--print-only]`.
struct ScaffoldOptions {
    /// The port the adapter implements.
    enum Kind: String, CaseIterable {
        /// A `RatingBureau`.
        case bureau
        /// An `ExchangeRateProvider`.
        case rates
    }

    static let usage = "usage: swift package --allow-writing-to-package-directory scaffold-adapter "
        + "--kind bureau|rates --name Acme [--print-only]"

    static let help = """
        \(usage)

          --kind bureau   a RatingBureau: <Name>Bureau, <Name>Error
          --kind rates    an ExchangeRateProvider: <Name>Rates, <Name>RatesError
          --name Acme     the vendor, as in type names: an uppercase letter, then letters and digits
          --print-only    write the files but leave Package.swift alone, and print the lines to add to it

        It writes the adapter, its error type, a test running TradeCredit's conformance kit on fixtures, and the
        fixtures; it never overwrites a file. See Documentation/AdapterGuide.md of TradeCredit.
        """

    let kind: Kind
    /// The vendor's name as written in type names (`Acme`).
    let name: String
    /// Leave `Package.swift` alone and print the lines to add.
    let printOnly: Bool
    /// `--help` was asked: print the usage and nothing else.
    let help: Bool

    /// - Throws: ``ScaffoldError`` with one line saying what is wrong with the arguments.
    init(arguments: [String]) throws {
        var extractor = ArgumentExtractor(arguments)
        help = extractor.extractFlag(named: "help") > 0
        printOnly = extractor.extractFlag(named: "print-only") > 0
        let kinds = extractor.extractOption(named: "kind")
        let names = extractor.extractOption(named: "name")
        let unknown = extractor.unextractedOptionsOrFlags + extractor.remainingArguments
        if help {
            kind = .bureau
            name = ""
            return
        }
        if let first = unknown.first {
            throw ScaffoldError("unknown argument \(first); \(Self.usage)")
        }
        guard kinds.count == 1, let kind = Kind(rawValue: kinds[0]) else {
            let given = kinds.isEmpty ? "missing" : "\(kinds.joined(separator: ", ")) given"
            throw ScaffoldError("--kind must be given once, as bureau or rates (\(given)); \(Self.usage)")
        }
        guard names.count == 1 else {
            throw ScaffoldError("--name must be given once (\(names.isEmpty ? "missing" : "given \(names.count) times")); "
                + Self.usage)
        }
        try Self.check(name: names[0])
        self.kind = kind
        self.name = names[0]
    }

    /// A name is an identifier of ASCII letters and digits that starts with an uppercase letter: `Acme`, `Coface2`.
    static func check(name: String) throws {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, ("A"..."Z").contains(first) else {
            throw ScaffoldError("--name \"\(name)\" must start with an uppercase letter (A-Z), like Acme")
        }
        guard scalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
            throw ScaffoldError("--name \"\(name)\" may hold only the letters A-Z, a-z and the digits 0-9")
        }
        guard scalars.count <= 32 else {
            throw ScaffoldError("--name \"\(name)\" is longer than 32 characters (the longest provider name of an identifier)")
        }
    }
}

/// A failure of the command, already worded for the person who ran it (one line).
struct ScaffoldError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
