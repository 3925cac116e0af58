// swift-tools-version: 6.1
import PackageDescription

// A separate package, so the SDK's own graph never contains benchmark-only code. Run it in release mode:
//   swift build -c release --package-path Benchmarks/FXBenchmark
//   Benchmarks/FXBenchmark/run.sh
// See Documentation/Benchmarks.md.
let package = Package(
    name: "FXBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "TradeCredit", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "fx-benchmark",
            dependencies: [
                .product(name: "TradeCreditModel", package: "TradeCredit"),
                .product(name: "TradeCreditECB", package: "TradeCredit"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
