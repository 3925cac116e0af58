// swift-tools-version: 6.1
import PackageDescription

/// Upcoming language features every target opts into (see Documentation/Architecture.md).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "TradeCredit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TradeCreditModel", targets: ["TradeCreditModel"]),
        .library(name: "TradeCredit", targets: ["TradeCredit"]),
        .library(name: "TradeCreditRisk", targets: ["TradeCreditRisk"]),
        .library(name: "TradeCreditClaims", targets: ["TradeCreditClaims"]),
        .library(name: "TradeCreditPricing", targets: ["TradeCreditPricing"]),
        .library(name: "TradeCreditDiagnosis", targets: ["TradeCreditDiagnosis"]),
        .library(name: "TradeCreditHTTP", targets: ["TradeCreditHTTP"]),
        .library(name: "TradeCreditTesting", targets: ["TradeCreditTesting"]),
        .library(name: "TradeCreditECB", targets: ["TradeCreditECB"]),
        .library(name: "TradeCreditFrankfurter", targets: ["TradeCreditFrankfurter"]),
        .library(name: "TradeCreditFileBureau", targets: ["TradeCreditFileBureau"]),
        .library(name: "TradeCreditGLEIF", targets: ["TradeCreditGLEIF"]),
        .library(name: "TradeCreditCreditsafe", targets: ["TradeCreditCreditsafe"]),
        .library(name: "TradeCreditDnB", targets: ["TradeCreditDnB"]),
        .executable(name: "tradecredit", targets: ["tradecredit"]),
        .plugin(name: "ScaffoldAdapter", targets: ["ScaffoldAdapter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "TradeCreditModel",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditRisk",
            dependencies: ["TradeCreditModel"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditClaims",
            dependencies: ["TradeCreditModel"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditPricing",
            dependencies: ["TradeCreditModel", "TradeCreditRisk"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditDiagnosis",
            dependencies: ["TradeCreditModel", "TradeCreditRisk", "TradeCreditPricing"],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "TradeCreditHTTP",
            dependencies: [
                "CCurl",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "TradeCreditECB",
            dependencies: [
                "TradeCreditModel",
                "TradeCreditHTTP",
                "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Adapters/ECBRates",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditFrankfurter",
            dependencies: [
                "TradeCreditModel",
                "TradeCreditHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Adapters/FrankfurterRates",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditFileBureau",
            dependencies: ["TradeCreditModel"],
            path: "Sources/Adapters/FileBureau",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditGLEIF",
            dependencies: [
                "TradeCreditModel",
                "TradeCreditHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Adapters/GLEIFRegistry",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditCreditsafe",
            dependencies: [
                "TradeCreditModel",
                "TradeCreditHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Adapters/CreditsafeBureau",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditDnB",
            dependencies: [
                "TradeCreditModel",
                "TradeCreditHTTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Adapters/DnBBureau",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCreditTesting",
            dependencies: [
                "TradeCreditHTTP",
                "TradeCreditModel",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCredit",
            dependencies: [
                "TradeCreditModel", "TradeCreditHTTP", "TradeCreditECB", "TradeCreditFrankfurter",
                "TradeCreditFileBureau", "TradeCreditGLEIF", "TradeCreditCreditsafe", "TradeCreditDnB",
                "TradeCreditRisk", "TradeCreditClaims", "TradeCreditPricing", "TradeCreditDiagnosis",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "tradecredit",
            dependencies: [
                "TradeCredit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "ScaffoldAdapter",
            capability: .command(
                intent: .custom(
                    verb: "scaffold-adapter",
                    description: "Writes a TradeCredit adapter (--kind bureau|rates --name Acme), its error type and a "
                        + "conformance test with fixtures, and declares them in Package.swift (--print-only: prints the lines)"
                ),
                permissions: [
                    .writeToPackageDirectory(reason: "It creates the adapter's sources, test and fixtures, and appends "
                        + "their targets to Package.swift."),
                ]
            ),
            path: "Plugins/ScaffoldAdapter"
        ),
        .testTarget(
            name: "TradeCreditModelTests",
            dependencies: [
                "TradeCreditModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditRiskTests",
            dependencies: [
                "TradeCreditRisk",
                "TradeCreditModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditClaimsTests",
            dependencies: [
                "TradeCreditClaims",
                "TradeCreditModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditPricingTests",
            dependencies: [
                "TradeCreditPricing",
                "TradeCreditRisk",
                "TradeCreditModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditDiagnosisTests",
            dependencies: [
                "TradeCreditDiagnosis",
                "TradeCreditModel",
                "TradeCreditRisk",
                "TradeCreditPricing",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["HandComputed"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditHTTPTests",
            dependencies: [
                "TradeCreditHTTP",
                "TradeCreditTesting",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditTestingTests",
            dependencies: [
                "TradeCreditTesting",
                "TradeCreditHTTP",
                "TradeCreditModel",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditECBTests",
            dependencies: [
                "TradeCreditECB",
                "TradeCreditTesting",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditFrankfurterTests",
            dependencies: ["TradeCreditFrankfurter", "TradeCreditTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditFileBureauTests",
            dependencies: ["TradeCreditFileBureau", "TradeCreditTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditGLEIFTests",
            dependencies: ["TradeCreditGLEIF", "TradeCreditTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditCreditsafeTests",
            dependencies: ["TradeCreditCreditsafe", "TradeCreditTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditDnBTests",
            dependencies: ["TradeCreditDnB", "TradeCreditTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TradeCreditTests",
            dependencies: ["TradeCredit", "TradeCreditTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "tradecreditTests",
            dependencies: ["tradecredit", "TradeCreditTesting"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
