import XCTest
import Foundation
import TranslationMemory

/// The matching benchmark (not a test: it asserts nothing about time). Runs only with
/// TM_GLOSSARY_BENCHMARK=1; see Benchmarks/glossary/run.sh, which builds it in release.
final class GlossaryBenchmarkTests: XCTestCase {
    func testMatchingArticleAgainstFiftyThousandEntries() throws {
        guard ProcessInfo.processInfo.environment["TM_GLOSSARY_BENCHMARK"] == "1" else {
            throw XCTSkip("benchmark: set TM_GLOSSARY_BENCHMARK=1 (Benchmarks/glossary/run.sh)")
        }
        var generator = BenchmarkRandom(seed: 20_231_126)
        let words = Array(try IndonesianStemmer.shared.knownWords.filter { !$0.contains("-") }).sorted()
        // 50,000 entries of 1–3 known words (real vocabulary, so the article hits many of them).
        var entries: [GlossaryEntry] = []
        var seen = Set<String>()
        while entries.count < 50_000 {
            let length = Int.random(in: 1...3, using: &generator)
            let term = (0..<length).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            if seen.insert(term).inserted { entries.append(GlossaryEntry(source: term, target: "t\(entries.count)")) }
        }
        let glossary = Glossary(entries: entries)
        // A 1,000-word article: the sample ANTARA article when present, repeated, else known words with suffixes.
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/samples/antara-china-russia.id.txt")
        var articleWords: [String] = []
        if let text = try? String(contentsOf: sample, encoding: .utf8) {
            let sampleWords = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            while articleWords.count < 1_000 { articleWords += sampleWords }
        } else {
            while articleWords.count < 1_000 { articleWords.append(words.randomElement(using: &generator)! + ["", "", "nya", "lah"].randomElement(using: &generator)!) }
        }
        let article = articleWords.prefix(1_000).joined(separator: " ")
        for mode in IndonesianStemMode.allCases {
            let buildStart = DispatchTime.now()
            let matcher = try GlossaryMatcher(glossary: glossary, mode: mode)
            let buildMs = Double(DispatchTime.now().uptimeNanoseconds - buildStart.uptimeNanoseconds) / 1e6
            var times: [Double] = []
            var hits = 0
            for _ in 0..<30 {
                let start = DispatchTime.now()
                hits = matcher.matches(in: article, language: .indonesian).count
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
            }
            times.sort()
            var tokenizeTimes: [Double] = []
            for _ in 0..<30 {
                let start = DispatchTime.now()
                _ = WordTokenizer.tokenize(article)
                tokenizeTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
            }
            tokenizeTimes.sort()
            print(String(format: "glossary-benchmark   of which tokenizing: %.2fms", tokenizeTimes[15]))
            print(String(format: "glossary-benchmark mode=%@ entries=%d words=%d build=%.0fms match-median=%.2fms match-p90=%.2fms hits=%d",
                         mode.rawValue, entries.count, 1_000, buildMs, times[times.count / 2], times[times.count * 9 / 10], hits))
        }
    }
}

/// A seeded generator (SplitMix64) so every run builds the same glossary.
struct BenchmarkRandom: RandomNumberGenerator {
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
