/// Exact top-k fuzzy search over the index: returns the same units, scores and order as scoring
/// every unit (`FuzzyBruteForce`), while scoring only units that can still make the list.
///
/// Filters (each a necessary condition, so recall is guaranteed):
/// - **Length** (Arasu et al. 2006): `score ≥ s` needs `n ∈ [⌈m·s/100⌉, ⌊100·m/s⌋]`; units are
///   numbered by length, so this is a range of ids.
/// - **Count** (Gravano et al. 2001): `d ≥ max(m, n) − overlap`, so `score ≥ s` needs
///   `overlap ≥ ⌈max(m, n)·s/100⌉`; overlap is counted over the posting lists of the query's words.
/// - **Prefix** (Chaudhuri et al. 2006; Bayardo et al. 2007): with the words sorted rarest first,
///   a unit with that overlap shares one of the first `m − ⌈m·s/100⌉ + 1`; the long lists of
///   common words are never read, their weight is added as an upper bound.
///
/// `s` starts at the minimum and rises to the k-th best score found (candidates most likely to
/// score high are scored first), tightening every filter as the search goes.
public enum FuzzySearch {
    /// - Complexity: O(sum of the posting lists read + candidates × m × n); on a news memory a few
    ///   thousand list entries and tens of scored units per query.
    public static func search(_ query: FuzzySegment, in shards: [IndexShard],
                              options: FuzzySearchOptions, scratch: FuzzySearchScratch = FuzzySearchScratch()) throws -> [FuzzyRankedUnit] {
        guard !query.tokens.isEmpty, options.limit > 0 else { return [] }
        guard options.minimum >= 1 && options.minimum <= 100 else { throw TMError(.invalidThreshold(options.minimum)) }
        var top = FuzzyTopList(limit: options.limit, minimum: options.minimum)
        var views = shards.enumerated().map { ShardQuery(query, $0.element, file: $0.offset, options: options) }
        try seed(&views, top: &top, budget: options.seedBudget, scratch: scratch)
        for index in views.indices {
            try views[index].scan(top: &top, scratch: scratch)
        }
        return top.items
    }

    /// Seeding: scores the units of the memory's rarest query words first (up to
    /// `options.seedBudget` units in all shards together), so the bound rises before any shard is scanned. Done once
    /// for the whole memory rather than per shard: a memory kept in many files (the team server's
    /// mirror holds 50,000 units a file) would otherwise score a budget of units in every file,
    /// most of them for nothing once the first files have raised the bound. Seeding only orders
    /// the work; every unit that can enter the list is still found by the scan.
    static func seed(_ views: inout [ShardQuery], top: inout FuzzyTopList, budget: Int, scratch: FuzzySearchScratch) throws {
        // Each query word with its number of units in the whole memory.
        var totals: [String: Int] = [:]
        for view in views {
            for entry in view.distinct where entry.id != nil { totals[entry.key, default: 0] += entry.frequency }
        }
        var budget = budget
        for (key, total) in totals.sorted(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }) {
            guard total <= budget else { break }
            budget -= total
            for index in views.indices {
                try views[index].seed(key: key, top: &top, scratch: scratch)
            }
        }
    }

    @inline(__always)
    static func requiredOverlap(_ length: Int, _ score: Double) -> Int {
        Int((Double(length) * score / 100 - 1e-9).rounded(.up))
    }

    static func lengthRange(_ m: Int, _ score: Double) -> (Int, Int) {
        (requiredOverlap(m, score), Int((Double(m) * 100 / score + 1e-9).rounded(.down)))
    }
}

/// The query as one shard sees it (its words as the shard's ids, rarest first), and the search of
/// that shard.
struct ShardQuery {
    let query: FuzzySegment
    let shard: IndexShard
    let side: IndexShardSide
    let file: Int
    let options: FuzzySearchOptions
    /// The query's words as this shard's ids; a word the shard lacks gets an id no unit has.
    let ids: [UInt32]
    /// The query's distinct words, rarest in this shard first.
    let distinct: [(key: String, id: UInt32?, weight: Int, frequency: Int)]
    let pattern: FuzzyBitPattern?
    /// Units already scored by the seeding step.
    var seeded: Set<UInt32> = []
    /// Units whose distance-only score may enter the list, waiting for their full score.
    var pending: [(base: Double, distance: Int, position: FuzzyUnitPosition)] = []

    init(_ query: FuzzySegment, _ shard: IndexShard, file: Int, options: FuzzySearchOptions) {
        self.query = query
        self.shard = shard
        self.file = file
        self.options = options
        let side = shard.side(options.side)
        self.side = side
        let m = query.tokens.count
        var ids = [UInt32](repeating: 0, count: m)
        var distinct: [(key: String, id: UInt32?, weight: Int, frequency: Int)] = []
        var slot: [String: Int] = [:]
        for (index, token) in query.tokens.enumerated() {
            if let existing = slot[token.key] {
                distinct[existing].weight += 1
                ids[index] = distinct[existing].id ?? UInt32.max - UInt32(existing)
                continue
            }
            let id = side.unitCount > 0 ? side.id(of: token.key) : nil
            slot[token.key] = distinct.count
            ids[index] = id ?? UInt32.max - UInt32(distinct.count)
            distinct.append((token.key, id, 1, id.map { side.frequency($0) } ?? 0))
        }
        distinct.sort { $0.frequency < $1.frequency }
        self.ids = ids
        self.distinct = distinct
        pattern = m <= 64 ? FuzzyBitPattern(ids) : nil
    }

    /// Scores the units of `key`'s list in the length range the bound allows.
    mutating func seed(key: String, top: inout FuzzyTopList, scratch: FuzzySearchScratch) throws {
        guard let entry = distinct.first(where: { $0.key == key }), let id = entry.id else { return }
        let (low, high) = FuzzySearch.lengthRange(query.tokens.count, top.bound)
        let list = try side.postingList(id)
        let first = side.firstUnit(withLength: low), end = side.firstUnit(withLength: high + 1)
        for unit in list where Int(unit) >= first && Int(unit) < end && !seeded.contains(unit) {
            seeded.insert(unit)
            try verify(Int(unit), top: &top, scratch: scratch)
        }
        try flush(top: &top)
    }

    // Scoring is in two steps: the word distance from the index (cheap), then, for units whose
    // distance-only score could still enter the list, the full score with penalties from the
    // stored text, best first. Penalties only lower a score, so once the next distance-only
    // score is below the k-th full score, the rest cannot enter.
    mutating func verify(_ unit: Int, top: inout FuzzyTopList, scratch: FuzzySearchScratch) throws {
        let m = query.tokens.count
        let bound = top.bound
        let n = side.length(of: unit)
        let longest = max(m, n)
        let maxDistance = Int((Double(longest) * (1 - bound / 100) + 1e-9).rounded(.down))
        guard abs(m - n) <= maxDistance else { return }
        let (ordinal, tokens) = try side.unit(unit)
        let distance: Int
        if let pattern {
            distance = tokens.withUnsafeBufferPointer { pattern.distance(to: $0) }
            guard distance <= maxDistance else { return }
        } else {
            guard let bounded = tokens.withUnsafeBufferPointer({
                FuzzyEditDistance.bounded(ids, $0, maxDistance: maxDistance, row: &scratch.row)
            }) else { return }
            distance = bounded
        }
        let base = FuzzyScorer.baseScore(distance: distance, queryLength: m, unitLength: n)
        let position = FuzzyUnitPosition(file: file, ordinal: ordinal)
        guard top.admits(score: base, position: position) else { return }
        if options.penalties {
            pending.append((base, distance, position))
        } else {
            top.offer(FuzzyRankedUnit(position: position, score: FuzzyScore(score: base, distance: distance, penalties: FuzzyPenalties())))
        }
    }

    mutating func flush(top: inout FuzzyTopList) throws {
        guard !pending.isEmpty else { return }
        pending.sort { $0.base != $1.base ? $0.base > $1.base : $0.position < $1.position }
        for candidate in pending {
            if candidate.base < top.bound { break }
            guard top.admits(score: candidate.base, position: candidate.position) else { continue }
            let record = try shard.record(candidate.position.ordinal)
            top.offer(FuzzyRankedUnit(position: candidate.position,
                                      score: FuzzyScorer.score(query: query, unit: FuzzySegment(record.text(options.side), language: options.side.articleLanguage))))
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Counts overlap over the rare lists (ScanCount), leaving the common words as a bound, then
    /// scores the candidates, highest count first.
    ///
    /// Probes keep the lists read short on a large memory: once a few of the rarest words are
    /// counted, the units that share the most of them are scored (a near-duplicate shares nearly
    /// all of them), and the bound they raise shortens the prefix, so the longer lists of the more
    /// common words are not read at all. Scoring a unit early only orders the work: a unit that
    /// can enter the list shares one of the words of the final prefix, and is counted.
    mutating func scan(top: inout FuzzyTopList, scratch: FuzzySearchScratch) throws {
        guard side.unitCount > 0 else { return }
        let m = query.tokens.count
        scratch.prepare(units: side.unitCount)
        for unit in seeded { scratch.markSeen(Int(unit)) }
        // Lengths outside the range of the bound at the start cannot enter; the bound only rises.
        let (low, high) = FuzzySearch.lengthRange(m, top.bound)
        let first = side.firstUnit(withLength: low), end = side.firstUnit(withLength: high + 1)
        guard first < end else { return }
        scratch.resetHistogram(m)
        var scanned = 0
        var probes = 0
        for entry in distinct {
            guard let id = entry.id else { scanned += entry.weight; continue }
            if probes < ShardQuery.probeLimit && scanned >= 2 << probes && entry.frequency >= options.probeFloor {
                probes += 1
                try probe(top: &top, scratch: scratch, scanned: scanned)
            }
            let minimumOverlap = FuzzySearch.requiredOverlap(m, top.bound)
            if scanned >= m - minimumOverlap + 1 {
                // Reading this list costs one step per entry; it saves scoring (≈ 200 steps) the
                // candidates it would rule out: those just at the count needed that lack the word.
                let needCount = max(1, minimumOverlap - (m - scanned))
                var atEdge = 0
                for count in needCount..<min(needCount + entry.weight, scratch.histogram.count) { atEdge += scratch.histogram[count] }
                let inRange = max(1, end - first)
                let saved = Double(atEdge) * (1 - min(1, Double(entry.frequency) / Double(inRange)))
                if Double(entry.frequency) > 200 * saved { break }
            }
            try scratch.count(from: first, weight: entry.weight) { add in try side.forEachPosting(id, below: end, add) }
            scanned += entry.weight
        }
        let remaining = m - scanned

        var sinceFlush = 0
        for (count, unit) in scratch.candidatesByCount(atLeast: max(1, FuzzySearch.requiredOverlap(m, top.bound) - remaining)) {
            let bound = top.bound
            if count + remaining < FuzzySearch.requiredOverlap(m, bound) { break }
            let n = side.length(of: unit)
            let (low, high) = FuzzySearch.lengthRange(m, bound)
            guard n >= low && n <= high, count + remaining >= FuzzySearch.requiredOverlap(max(m, n), bound),
                  !scratch.wasSeen(unit) else { continue }
            try verify(unit, top: &top, scratch: scratch)
            sinceFlush += 1
            if sinceFlush >= 256 || pending.count >= 64 {
                try flush(top: &top)
                sinceFlush = 0
            }
        }
        try flush(top: &top)
    }

    /// At most this many probes a shard, each scoring at most `probeUnits` units. Probes come
    /// once the rarest 2, 4 and 8 words are counted, before a list of at least
    /// `options.probeFloor` units (a shorter one costs less to read than a probe).
    static let probeLimit = 3
    static let probeUnits = 16

    /// Scores the units that share the most of the lists counted so far (at least half of their
    /// weight), and marks them scored.
    mutating func probe(top: inout FuzzyTopList, scratch: FuzzySearchScratch, scanned: Int) throws {
        guard scanned > 0 else { return }
        var scored = 0
        for (_, unit) in scratch.candidatesByCount(atLeast: max(1, (scanned + 1) / 2)) {
            guard scored < ShardQuery.probeUnits else { break }
            guard !scratch.wasSeen(unit) else { continue }
            let n = side.length(of: unit)
            let (shortest, longest) = FuzzySearch.lengthRange(query.tokens.count, top.bound)
            guard n >= shortest && n <= longest else { continue }
            scratch.markSeen(unit)
            scored += 1
            try verify(unit, top: &top, scratch: scratch)
        }
        try flush(top: &top)
    }
}

/// Reusable per-query buffers: overlap counters, the units touched, the units already scored.
/// The hot loops work on unsafe buffers: a class's stored arrays touched in a loop pay a dynamic
/// exclusivity check (and a uniqueness check to append) on every access.
public final class FuzzySearchScratch {
    var counts: [UInt32] = []
    /// The units with a count, in the order first counted: the first `touchedCount` entries.
    var touched: [UInt32] = []
    var touchedCount = 0
    var seen: [UInt32] = []
    var generation: UInt32 = 0
    var row: [Int32] = []
    /// How many touched units have each count.
    var histogram: [Int] = []

    public init() {}

    func resetHistogram(_ m: Int) {
        histogram = [Int](repeating: 0, count: m + 2)
    }

    func prepare(units: Int) {
        let touchedCount = self.touchedCount
        touched.withUnsafeBufferPointer { touched in
            counts.withUnsafeMutableBufferPointer { counts in
                for index in 0..<touchedCount { counts[Int(touched[index])] = 0 }
            }
        }
        self.touchedCount = 0
        if counts.count < units {
            counts = [UInt32](repeating: 0, count: units)
            touched = [UInt32](repeating: 0, count: units)
            seen = [UInt32](repeating: 0, count: units)
            generation = 0
        }
        generation &+= 1
        if generation == 0 {
            for index in seen.indices { seen[index] = 0 }
            generation = 1
        }
    }

    @inline(__always) func markSeen(_ unit: Int) { seen[unit] = generation }
    @inline(__always) func wasSeen(_ unit: Int) -> Bool { seen[unit] == generation }

    /// Adds `weight` to the counter of every unit from `from` on that `postings` hands over
    /// (units below the `prepare`d count, each once).
    func count(from: Int, weight: Int, _ postings: ((Int) -> Void) throws -> Void) rethrows {
        let add = UInt32(clamping: weight)
        var touchedCount = self.touchedCount
        // Kept even when the list turns out corrupt, so that `prepare` clears every counter set.
        defer { self.touchedCount = touchedCount }
        let top = histogram.count - 1
        try counts.withUnsafeMutableBufferPointer { counts in
            try histogram.withUnsafeMutableBufferPointer { histogram in
                try touched.withUnsafeMutableBufferPointer { touched in
                    try postings { unit in
                        guard unit >= from else { return }
                        let old = counts[unit]
                        if old == 0 {
                            touched[touchedCount] = UInt32(truncatingIfNeeded: unit)
                            touchedCount += 1
                        } else {
                            histogram[Int(old)] -= 1
                        }
                        let new = old &+ add
                        counts[unit] = new
                        histogram[min(Int(new), top)] += 1
                    }
                }
            }
        }
    }

    /// The touched units with a count of at least `minimum`, highest count first (a counting sort).
    func candidatesByCount(atLeast minimum: Int) -> [(Int, Int)] {
        let touchedCount = self.touchedCount
        return touched.withUnsafeBufferPointer { touched in
            counts.withUnsafeBufferPointer { counts in
                var maximum = 0
                var selected = 0
                for index in 0..<touchedCount {
                    let count = Int(counts[Int(touched[index])])
                    if count >= minimum { maximum = max(maximum, count); selected += 1 }
                }
                guard selected > 0 else { return [] }
                var starts = [Int](repeating: 0, count: maximum + 2)
                for index in 0..<touchedCount {
                    let count = Int(counts[Int(touched[index])])
                    if count >= minimum { starts[maximum - count + 1] += 1 }
                }
                for index in 0...maximum { starts[index + 1] += starts[index] }
                return [(Int, Int)](unsafeUninitializedCapacity: selected) { result, initialized in
                    for index in 0..<touchedCount {
                        let unit = Int(touched[index])
                        let count = Int(counts[unit])
                        guard count >= minimum else { continue }
                        (result.baseAddress! + starts[maximum - count]).initialize(to: (count, unit))
                        starts[maximum - count] += 1
                    }
                    initialized = selected
                }
            }
        }
    }
}
