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

let prepared = queries.map { FuzzySegment($0, language: .indonesian) }
try prepared.map { $0.keys.joined(separator: " ") }.joined(separator: "\n").appending("\n")
    .write(toFile: outDir + "/query-keys.txt", atomically: true, encoding: .utf8)

// One pass over the memory in file order: each unit's keys go to keys.txt (the peer's input) as
// they are read, its word count is kept for the top-5 lines, and for the brute force the units
// are prepared a chunk at a time and scored against the first BRUTE_QUERIES queries, each
// chunk's top 5 merged into the query's. Memory stays flat whatever the memory's size: the
// top 5 of the union is among the union of the chunks' top 5s.
var fileNumber: [String: Int] = [:]
for (number, file) in index.files.enumerated() { fileNumber[file] = number }
var fileOffsets = [Int](repeating: 0, count: index.files.count + 1)
for (number, shard) in index.shards.enumerated() { fileOffsets[number + 1] = fileOffsets[number] + shard.unitCount }
var tokenCounts = [Int32](repeating: 0, count: fileOffsets.last!)
var ordinals = [Int](repeating: 0, count: index.files.count)
let bruteQueries = Array(prepared.prefix(bruteCount))
let bruteOptions = FuzzySearchOptions(minimum: 50, limit: 5, side: .indonesian, penalties: true)
var bruteFound = [[FuzzyRankedUnit]](repeating: [], count: bruteQueries.count)
var bruteSeconds = [Double](repeating: 0, count: bruteQueries.count)
var chunk: [(position: FuzzyUnitPosition, source: FuzzySegment)] = []
let chunkSize = 1 << 13
@MainActor func scoreChunk() {
    for (number, query) in bruteQueries.enumerated() {
        let start = now()
        let merged = (bruteFound[number] + FuzzyBruteForce.search(query, prepared: chunk, options: bruteOptions)).sorted {
            $0.score.score != $1.score.score ? $0.score.score > $1.score.score : $0.position < $1.position
        }
        bruteFound[number] = Array(merged.prefix(bruteOptions.limit))
        bruteSeconds[number] += Double(now() - start) / 1e9
    }
    chunk.removeAll(keepingCapacity: true)
}
FileManager.default.createFile(atPath: outDir + "/keys.txt", contents: nil)
let keysFile = try FileHandle(forWritingTo: URL(fileURLWithPath: outDir + "/keys.txt"))
var keysText = ""
var units = 0
try store.forEachUnit { unit, origin in
    guard let pair = unit.indonesianEnglishPair, let file = fileNumber[origin.path] else { return }
    let position = FuzzyUnitPosition(file: file, ordinal: ordinals[file])
    ordinals[file] += 1
    let keys: [String]
    if bruteQueries.isEmpty {
        keys = FuzzyTokenizer.keys(pair.indonesian, language: .indonesian)
    } else {
        let segment = FuzzySegment(pair.indonesian, language: .indonesian)
        keys = segment.keys
        chunk.append((position, segment))
        if chunk.count >= chunkSize { scoreChunk() }
    }
    tokenCounts[fileOffsets[file] + position.ordinal] = Int32(keys.count)
    units += 1
    keysText += keys.joined(separator: " ") + "\n"
    if keysText.utf8.count >= 1 << 20 {
        keysFile.write(Data(keysText.utf8))
        keysText = ""
    }
}
if !chunk.isEmpty { scoreChunk() }
keysFile.write(Data(keysText.utf8))
try keysFile.close()

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
        let n = Int(tokenCounts[global])
        return "\(global):\(ranked.score.distance):\(max(n, query.tokens.count))"
    }.joined(separator: " ") + "\n"
}
try lines.write(toFile: outDir + "/swift-top5.txt", atomically: true, encoding: .utf8)

// The brute force (penalties on) of the pass above against the index's answers.
var identical = 0
for (number, expected) in bruteFound.enumerated() {
    if expected == full.results[number] { identical += 1 } else {
        FileHandle.standardError.write(Data("brute force differs on query \(number): \(expected) vs \(full.results[number])\n".utf8))
    }
}
let bruteMs = bruteSeconds.map { $0 * 1000 }
let withGoodMatch = full.results.filter { ($0.first?.score.score ?? 0) >= 70 }.count
let report: [String: Any] = [
    "units": units,
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
