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
        .executable(name: "tradecredit", targets: ["tradecredit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "TradeCreditModel",
            swiftSettings: strictSettings
        ),
        .target(
            name: "TradeCredit",
            dependencies: ["TradeCreditModel"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "tradecredit",
            dependencies: [
                "TradeCredit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
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
            name: "TradeCreditTests",
            dependencies: ["TradeCredit"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "tradecreditTests",
            dependencies: ["tradecredit"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
