// swift-tools-version: 6.1
import PackageDescription

// A separate package, so the SDK's own graph never contains benchmark-only code. Run it in release mode:
//   swift run -c release --package-path Benchmarks/HTTPBenchmark http-benchmark
// See Documentation/Benchmarks.md.
let package = Package(
    name: "HTTPBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "TradeCredit", path: "../.."),
        // AsyncHTTPClient is measured too; its first release build takes about 5.5 minutes on 2 cores.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
    ],
    targets: [
        .executableTarget(
            name: "http-benchmark",
            dependencies: [
                .product(name: "TradeCreditHTTP", package: "TradeCredit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
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
