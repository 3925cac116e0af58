import PackagePlugin

/// Where the adapter goes in the package being scaffolded, and how its targets name TradeCredit's modules.
///
/// - In the TradeCredit repository itself (the package has a target `TradeCreditModel`): sources under
///   `Sources/Adapters/<Target>`, tests under `Tests/<Target>Tests`, dependencies by target name, and the manifest's
///   `strictSettings`.
/// - In an adapter author's package: `Sources/<Target>` and `Tests/<Target>Tests`, dependencies as
///   `.product(name:package:)` of the dependency that provides `TradeCreditModel`, under its package identity
///   (a path dependency's identity is its folder name, lowercased), and the upcoming features spelled out.
struct ScaffoldLayout {
    /// How the generated targets reach TradeCredit's modules.
    enum Home {
        /// Inside the TradeCredit repository; `strictSettings` says whether the manifest defines that constant.
        case tradeCreditRepository(strictSettings: Bool)
        /// In another package that depends on TradeCredit under `identity`.
        case dependent(identity: String)
    }

    /// The upcoming features every TradeCredit target opts into, which the generated code compiles with.
    static let upcomingFeatures = ["ExistentialAny", "MemberImportVisibility", "InternalImportsByDefault"]

    let options: ScaffoldOptions
    let home: Home

    /// - Throws: ``ScaffoldError`` when the package neither is TradeCredit nor depends on it.
    init(options: ScaffoldOptions, package: Package, manifest: String?) throws {
        self.options = options
        if package.targets.contains(where: { $0.name == "TradeCreditModel" }) {
            home = .tradeCreditRepository(strictSettings: manifest?.contains("strictSettings") ?? false)
            return
        }
        let provider = package.dependencies.first { dependency in
            dependency.package.products.contains { $0.name == "TradeCreditModel" }
        }
        guard let provider else {
            throw ScaffoldError("the package \(package.displayName) does not depend on TradeCredit: add "
                + "TradeCredit to its dependencies (.package(url: …) or .package(path: …)) and run the command again")
        }
        home = .dependent(identity: provider.package.id)
    }

    /// `AcmeBureau` or `AcmeRates`: the target, the product and the main type.
    var target: String { options.name + (options.kind == .bureau ? "Bureau" : "Rates") }
    /// `AcmeBureauTests`.
    var testTarget: String { target + "Tests" }
    /// `AcmeError` for a bureau, `AcmeRatesError` for rates (so that both modules can be imported together).
    var errorType: String { options.kind == .bureau ? options.name + "Error" : target + "Error" }

    /// The folder of the sources, relative to the package.
    var sourceFolder: String {
        if case .tradeCreditRepository = home { return "Sources/Adapters/\(target)" }
        return "Sources/\(target)"
    }

    /// The folder of the tests, relative to the package.
    var testFolder: String { "Tests/\(testTarget)" }

    /// The lines that declare the targets and the product, appended to the manifest (or printed).
    var manifestBlock: String {
        let settings: String
        let library: [String]
        let testing: [String]
        switch home {
        case .tradeCreditRepository(let strict):
            settings = strict ? "strictSettings" : Self.spelledOutSettings
            library = ["\"TradeCreditModel\"", "\"TradeCreditHTTP\""]
            testing = ["\"TradeCreditTesting\""]
        case .dependent(let identity):
            settings = Self.spelledOutSettings
            library = ["TradeCreditModel", "TradeCreditHTTP"].map { ".product(name: \"\($0)\", package: \"\(identity)\")" }
            testing = [".product(name: \"TradeCreditTesting\", package: \"\(identity)\")"]
        }
        var path = ""
        if case .tradeCreditRepository = home { path = "\n        path: \"\(sourceFolder)\"," }
        func list(_ items: [String]) -> String { items.map { "\n            \($0)," }.joined() }
        return """

        // Added by `swift package scaffold-adapter --kind \(options.kind.rawValue) --name \(options.name)`.
        package.targets += [
            .target(
                name: "\(target)",
                dependencies: [\(list(library))
                ],\(path)
                swiftSettings: \(settings)
            ),
            .testTarget(
                name: "\(testTarget)",
                dependencies: [\(list(["\"\(target)\""] + testing + library))
                ],
                exclude: ["Fixtures"],
                swiftSettings: \(settings)
            ),
        ]
        package.products += [.library(name: "\(target)", targets: ["\(target)"])]

        """
    }

    /// The upcoming features as a `swiftSettings` array, indented for a target of the block.
    private static var spelledOutSettings: String {
        "[" + upcomingFeatures.map { "\n            .enableUpcomingFeature(\"\($0)\")," }.joined() + "\n        ]"
    }
}
