// Glossary matching speed: a 1,000-word article against a generated 50,000-entry glossary, on a
// release build of the library. Run: Benchmarks/glossary/run.sh, or from Benchmarks/:
// swift package benchmark --target GlossaryBenchmark
import Benchmark
import Foundation
import TranslationMemory

/// The glossary and the article, the same on every run (seeded) so that runs compare.
struct GlossaryFixture: Sendable {
    let glossary: Glossary
    let article: String

    init() throws {
        var generator = SplitMix64(seed: 20_231_126)
        let words = Array(try IndonesianStemmer.shared.knownWords.filter { !$0.contains("-") }).sorted()
        // 50,000 entries of 1–3 known words (real vocabulary, so the article hits many of them).
        var entries: [GlossaryEntry] = []
        var seen = Set<String>()
        while entries.count < 50_000 {
            let length = Int.random(in: 1...3, using: &generator)
            let term = (0..<length).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            if seen.insert(term).inserted { entries.append(GlossaryEntry(source: term, target: "t\(entries.count)")) }
        }
        glossary = Glossary(entries: entries)
        // The sample ANTARA article (../shared/samples beside the repository) repeated to 1,000
        // words; without it, known words with suffixes.
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/samples/antara-china-russia.id.txt")
        var articleWords: [String] = []
        if let text = try? String(contentsOf: sample, encoding: .utf8) {
            let sampleWords = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            while articleWords.count < 1_000 { articleWords += sampleWords }
        } else {
            FileHandle.standardError.write(Data("glossary benchmark: \(sample.path) not found, generated article\n".utf8))
            while articleWords.count < 1_000 {
                articleWords.append(words.randomElement(using: &generator)! + ["", "", "nya", "lah"].randomElement(using: &generator)!)
            }
        }
        article = articleWords.prefix(1_000).joined(separator: " ")
    }
}

/// A seeded generator (SplitMix64): the standard library's generator cannot be seeded.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Glossary hits in the article: the same every iteration; shown so that a faster matcher that
/// finds less is seen at once.
let hitsMetric = BenchmarkMetric.custom("hits", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let matching = Benchmark.Configuration(
        // No CPU time: its clock ticks every 10 ms here.
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, hitsMetric],
        timeUnits: .microseconds, warmupIterations: 3, maxDuration: .seconds(10), maxIterations: 200)
    let building = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
        timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 5)

    Benchmark("tokenize the article", configuration: matching) { benchmark, fixture in
        for _ in benchmark.scaledIterations { blackHole(WordTokenizer.tokenize(fixture.article)) }
    } setup: {
        try GlossaryFixture()
    }
    for mode in IndonesianStemMode.allCases {
        Benchmark("build the matcher, 50,000 entries, \(mode.rawValue)", configuration: building) { benchmark, fixture in
            for _ in benchmark.scaledIterations { blackHole(try GlossaryMatcher(glossary: fixture.glossary, mode: mode)) }
        } setup: {
            try GlossaryFixture()
        }
        Benchmark("match a 1,000-word article, \(mode.rawValue)", configuration: matching) { (benchmark: Benchmark, setup: (matcher: GlossaryMatcher, article: String)) in
            var hits = 0
            for _ in benchmark.scaledIterations { hits = setup.matcher.matches(in: setup.article, language: .indonesian).count }
            benchmark.measurement(hitsMetric, hits)
        } setup: {
            let fixture = try GlossaryFixture()
            return (matcher: try GlossaryMatcher(glossary: fixture.glossary, mode: mode), article: fixture.article)
        }
    }
}
