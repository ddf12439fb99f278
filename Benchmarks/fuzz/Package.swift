// swift-tools-version:6.0
// A libFuzzer target for the TMX reader, kept out of the root package so `swift build` and
// `swift test` never see the fuzzer flags. Build and run it with `run.sh` in this folder.
import PackageDescription

let package = Package(
    name: "tm-fuzz",
    dependencies: [
        .package(name: "tm", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "TMXReaderFuzz",
            dependencies: [.product(name: "TranslationMemory", package: "tm")],
            // gold fails with an internal error on libFuzzer with ASan; lld links it.
            linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
        ),
    ]
)
