// swift-tools-version:6.1
// The benchmarks, a package of their own so that the library's tests never build them and the
// benchmarks always run against a release build of the library (no -enable-testing, no hand-linking).
// Build: swift build -c release --package-path Benchmarks
// Run:   Benchmarks/glossary/run.sh, python3 Benchmarks/lookup/bench.py (see BENCHMARKS.md)
import PackageDescription

let package = Package(
    name: "tm-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // `name:` because a path dependency is otherwise known by its folder's name (the checkout's).
        .package(name: "tm", path: ".."),
        // Only the MallocInterposer trait (malloc counts, no jemalloc): the default RuntimeInterposer
        // trait would pull in ordo-one/swift-runtime-interposer, which is only for ARC metrics.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // An ordo-one benchmark (percentiles of every metric); glossary/run.sh runs it.
        .executableTarget(
            name: "GlossaryBenchmark",
            dependencies: [
                .product(name: "TranslationMemory", package: "tm"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "glossary",
            exclude: ["run.sh", "make-stemmer-words.py", "stemmer-vs-sastrawi.py", "suggest-eval.py",
                      "suggest-top50.md", "judgements.tsv"],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The in-process half of the lookup benchmark, driven by lookup/bench.py with the rapidfuzz
        // peer. One folder down: `swift package benchmark` runs every executable directly in Benchmarks/.
        .executableTarget(
            name: "LookupBench",
            dependencies: [.product(name: "TranslationMemory", package: "tm")],
            path: "lookup/LookupBench"
        ),
        // The speed half of the tm check benchmark (Benchmarks/check, BENCHMARKS.md).
        .executableTarget(
            name: "CheckBench",
            dependencies: [.product(name: "TranslationMemory", package: "tm")],
            path: "check/CheckBench"
        ),
    ]
)
