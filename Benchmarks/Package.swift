// swift-tools-version:6.1
// The benchmarks, a package of their own so that the library's tests never build them and the
// benchmarks always run against a release build of the library (no -enable-testing, no hand-linking).
// Build: swift build -c release --package-path Benchmarks
// Run:   python3 Benchmarks/lookup/bench.py (see BENCHMARKS.md)
import PackageDescription

let package = Package(
    name: "tm-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // `name:` because a path dependency is otherwise known by its folder's name (the checkout's).
        .package(name: "tm", path: ".."),
    ],
    targets: [
        // The in-process half of the lookup benchmark, driven by lookup/bench.py with the rapidfuzz
        // peer. One folder down: `swift package benchmark` runs every executable directly in Benchmarks/.
        .executableTarget(
            name: "LookupBench",
            dependencies: [.product(name: "TranslationMemory", package: "tm")],
            path: "lookup/LookupBench"
        ),
    ]
)
