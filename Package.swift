// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tm",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TranslationMemory", targets: ["TranslationMemory"]),
        .library(name: "TranslationMemoryClient", targets: ["TranslationMemoryClient"]),
        .executable(name: "tm", targets: ["tm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // glibc's allocator settings (`MemoryAllocator`).
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "TranslationMemory",
            dependencies: ["CLibXML2", "CMalloc"],
            resources: [.copy("Resources")]
        ),
        // The `--server` clients and push/pull: HTTP (FoundationNetworking) kept out of the library.
        .target(
            name: "TranslationMemoryClient",
            dependencies: ["TranslationMemory"]
        ),
        // `tm serve`: the shared memory on PostgreSQL behind an HTTP API. Kept out of
        // TranslationMemory so that the library stays free of server dependencies.
        .target(
            name: "TranslationMemoryServer",
            dependencies: [
                "TranslationMemory",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "tm",
            dependencies: [
                "TranslationMemory",
                "TranslationMemoryClient",
                "TranslationMemoryServer",
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
        .testTarget(
            name: "ServerTests",
            dependencies: ["TranslationMemoryServer", "tm"],
            // The Python script that drives the editors' page in a browser.
            exclude: ["Support"]
        ),
    ]
)
