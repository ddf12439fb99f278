// The speed half of the tm check benchmark (a target of the Benchmarks package, release build).
// usage: CheckBench REPO_ROOT
//
// A 1,000-word article pair (clean pairs of Benchmarks/check/heldout.tsv, in paragraphs of three
// sentences) checked with a 50,000-entry glossary: the set's own terms plus 1–3-word terms made
// of the shipped Indonesian word list (fixed seed). Prints JSON: the glossary's load time, and
// the aligner's lexicon's (with the glossary), and the check's time as pairs (QAChecker) and as
// two files (aligned first, then checked), p50 and max.
import Foundation
import TranslationMemory

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ start: UInt64) -> Double { Double(now() - start) / 1e6 }
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

struct SplitMix { // a fixed-seed generator: the same glossary every run
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: CheckBench REPO_ROOT\n".utf8))
    exit(64)
}
let root = arguments[1]
let words = try String(contentsOfFile: root + "/Sources/TranslationMemory/Resources/stemmer-id-words.txt", encoding: .utf8)
    .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
var entries = try Glossary.load(paths: [root + "/Benchmarks/check/glossary.tsv"]).entries
var random = SplitMix(state: 1)
var seen = Set(entries.map(\.sourceKey))
while entries.count < 50_000 {
    let length = 1 + Int(random.next() % 3)
    let source = (0..<length).map { _ in random.pick(words) }.joined(separator: " ")
    guard seen.insert(source).inserted else { continue }
    entries.append(GlossaryEntry(source: source, target: "term \(entries.count) \(random.pick(words))"))
}

// The article: clean pairs of the held-out part until 1,000 Indonesian words.
var pairs: [QAPair] = []
var wordCount = 0
for line in try String(contentsOfFile: root + "/Benchmarks/check/heldout.tsv", encoding: .utf8).split(separator: "\n") {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard fields[0] == "clean", wordCount < 1000 else { continue }
    wordCount += WordTokenizer.tokenize(fields[1]).count
    pairs.append(QAPair(number: pairs.count + 1, source: fields[1], target: fields[2]))
}
let englishWords = pairs.reduce(0) { $0 + WordTokenizer.tokenize($1.target).count }
func article(_ texts: [String]) -> String {
    stride(from: 0, to: texts.count, by: 3).map { texts[$0..<min($0 + 3, texts.count)].joined(separator: " ") }.joined(separator: "\n\n") + "\n"
}
let folder = NSTemporaryDirectory() + "checkbench-\(getpid())"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
try article(pairs.map(\.source)).write(toFile: folder + "/a.id.txt", atomically: true, encoding: .utf8)
try article(pairs.map(\.target)).write(toFile: folder + "/a.en.txt", atomically: true, encoding: .utf8)

let loadStart = now()
let glossary = Glossary(entries: entries)
let checker = QAChecker(glossary: try GlossaryMatcher(glossary: glossary))
_ = try IndonesianStemmer.shared
let loadMs = ms(loadStart)

var pairTimes: [Double] = []
var findings = 0
for _ in 0..<20 {
    let start = now()
    findings = checker.check(pairs).findings.count
    pairTimes.append(ms(start))
}
let lexiconStart = now()
let lexicon = try QAInput.lexicon(glossary: glossary)
let lexiconMs = ms(lexiconStart)
var fileTimes: [Double] = []
var alignedPairs = 0
for _ in 0..<5 {
    let start = now()
    let input = try QAInput.aligned(indonesianPath: folder + "/a.id.txt", englishPath: folder + "/a.en.txt", lexicon: lexicon, store: nil)
    _ = checker.check(input.pairs, creditPairs: input.creditPairs)
    fileTimes.append(ms(start))
    alignedPairs = input.pairs.count
}
let result: [String: Any] = [
    "glossary_entries": entries.count, "indonesian_words": wordCount, "english_words": englishWords, "pairs": pairs.count,
    "findings": findings, "glossary_load_ms": loadMs, "aligner_lexicon_load_ms": lexiconMs,
    "check_pairs_ms_p50": median(pairTimes), "check_pairs_ms_max": pairTimes.max()!,
    "align_and_check_ms_p50": median(fileTimes), "align_and_check_ms_max": fileTimes.max()!, "aligned_pairs": alignedPairs,
]
print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
