// The in-process half of the lookup benchmark (a target of the Benchmarks package, built in release
// by ../bench.py). usage: LookupBench MEMORY QUERIES OUT_DIR BRUTE_QUERIES
//
// Writes to OUT_DIR: keys.txt (each unit's word keys, memory order: the rapidfuzz peer's input),
// query-keys.txt, swift-top5.txt (distance-only top-5 per query: "unit:distance:longest" …), and
// prints JSON with latencies and the brute-force comparison.
import Foundation
import TranslationMemory

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

let arguments = CommandLine.arguments
guard arguments.count == 5, let bruteCount = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: LookupBench MEMORY QUERIES OUT_DIR BRUTE_QUERIES\n".utf8))
    exit(64)
}
let store = TranslationMemoryStore(path: arguments[1])
let outDir = arguments[3]
let openStart = now()
let index = try LookupIndex(memory: store)
let openMs = Double(now() - openStart) / 1e6
let queries = try String(contentsOfFile: arguments[2], encoding: .utf8).split(separator: "\n").map(String.init)

// Units in memory order, for the brute force and the peer.
var fileNumber: [String: Int] = [:]
for (number, file) in index.files.enumerated() { fileNumber[file] = number }
var fileOffsets = [Int](repeating: 0, count: index.files.count + 1)
for (number, shard) in index.shards.enumerated() { fileOffsets[number + 1] = fileOffsets[number] + shard.unitCount }
var units: [(position: FuzzyUnitPosition, source: String)] = []
units.reserveCapacity(fileOffsets.last!)
var ordinals = [Int](repeating: 0, count: index.files.count)
var keysText = ""
try store.forEachUnit { unit, origin in
    guard let pair = unit.indonesianEnglishPair, let file = fileNumber[origin.path] else { return }
    units.append((FuzzyUnitPosition(file: file, ordinal: ordinals[file]), pair.indonesian))
    ordinals[file] += 1
    keysText += FuzzyTokenizer.keys(pair.indonesian, language: .indonesian).joined(separator: " ") + "\n"
}
try keysText.write(toFile: outDir + "/keys.txt", atomically: true, encoding: .utf8)
let prepared = queries.map { FuzzySegment($0, language: .indonesian) }
try prepared.map { $0.keys.joined(separator: " ") }.joined(separator: "\n").appending("\n")
    .write(toFile: outDir + "/query-keys.txt", atomically: true, encoding: .utf8)

let scratch = FuzzySearchScratch()
@MainActor func run(penalties: Bool) throws -> (latencies: [Double], results: [[FuzzyRankedUnit]]) {
    var latencies: [Double] = []
    var results: [[FuzzyRankedUnit]] = []
    let options = FuzzySearchOptions(minimum: 50, limit: 5, side: .indonesian, penalties: penalties)
    for query in prepared {
        let start = now()
        let found = try FuzzySearch.search(query, in: index.shards, options: options, scratch: scratch)
        latencies.append(Double(now() - start) / 1e3)
        results.append(found)
    }
    return (latencies, results)
}
let firstPass = try run(penalties: true)
let full = try run(penalties: true)
let base = try run(penalties: false)

var lines = ""
for (query, found) in zip(prepared, base.results) {
    lines += found.map { ranked -> String in
        let global = fileOffsets[ranked.position.file] + ranked.position.ordinal
        let n = FuzzySegment(units[global].source, language: .indonesian).tokens.count
        return "\(global):\(ranked.score.distance):\(max(n, query.tokens.count))"
    }.joined(separator: " ") + "\n"
}
try lines.write(toFile: outDir + "/swift-top5.txt", atomically: true, encoding: .utf8)

// Brute force (penalties on) over every unit for the first BRUTE_QUERIES queries.
var identical = 0
var bruteMs: [Double] = []
let options = FuzzySearchOptions(minimum: 50, limit: 5, side: .indonesian, penalties: true)
let preparedUnits = bruteCount > 0 ? units.map { ($0.position, FuzzySegment($0.source, language: .indonesian)) } : []
// Half matched, half unmatched queries (the generator alternates them).
for number in 0..<min(bruteCount, prepared.count) {
    let start = now()
    let expected = FuzzyBruteForce.search(prepared[number], prepared: preparedUnits, options: options)
    bruteMs.append(Double(now() - start) / 1e6)
    if expected == full.results[number] { identical += 1 } else {
        FileHandle.standardError.write(Data("brute force differs on query \(number): \(expected) vs \(full.results[number])\n".utf8))
    }
}
let withGoodMatch = full.results.filter { ($0.first?.score.score ?? 0) >= 70 }.count
let report: [String: Any] = [
    "units": units.count,
    "queries": prepared.count,
    "queries_with_70_match": withGoodMatch,
    "open_ms": openMs,
    "first_pass_p50_us": percentile(firstPass.latencies, 0.5),
    "first_pass_p99_us": percentile(firstPass.latencies, 0.99),
    "p50_us": percentile(full.latencies, 0.5),
    "p99_us": percentile(full.latencies, 0.99),
    "max_us": full.latencies.max() ?? 0,
    "distance_only_p50_us": percentile(base.latencies, 0.5),
    "distance_only_p99_us": percentile(base.latencies, 0.99),
    "brute_force_queries": bruteMs.count,
    "brute_force_identical": identical,
    "brute_force_median_ms": bruteMs.isEmpty ? 0 : percentile(bruteMs, 0.5),
]
let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
print(String(decoding: data, as: UTF8.self))
