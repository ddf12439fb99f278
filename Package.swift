// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tm",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TranslationMemory", targets: ["TranslationMemory"]),
        .library(name: "TranslationMemoryClient", targets: ["TranslationMemoryClient"]),
        .executable(name: "tm", targets: ["tm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "TranslationMemory",
            dependencies: ["CLibXML2"],
            resources: [.copy("Resources")]
        ),
        // The `--server` clients and push/pull: HTTP (FoundationNetworking) kept out of the library.
        .target(
            name: "TranslationMemoryClient",
            dependencies: ["TranslationMemory"]
        ),
        .executableTarget(
            name: "tm",
            dependencies: [
                "TranslationMemory",
                "TranslationMemoryClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TranslationMemoryTests",
            dependencies: ["TranslationMemory"],
            resources: [.copy("Fixtures/quantities-id-en.tsv")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["tm"],
            // The Python script that drives a browser (ReviewPageTests).
            exclude: ["Support"]
        ),
    ]
)
