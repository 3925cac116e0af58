// swift-tools-version: 6.1
import PackageDescription

// A separate package, so the SDK's own graph never contains benchmark-only code. Run it in release mode:
//   Benchmarks/QuoteBenchmark/run.sh
// See Documentation/Benchmarks.md, section 3.
let package = Package(
    name: "QuoteBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "TradeCredit", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "quote-benchmark",
            dependencies: [
                .product(name: "TradeCreditPricing", package: "TradeCredit"),
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
