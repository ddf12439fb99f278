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
        for (file, shard) in shards.enumerated() {
            try searchShard(query, shard, file: file, options: options, top: &top, scratch: scratch)
        }
        return top.items
    }

    @inline(__always)
    static func requiredOverlap(_ length: Int, _ score: Double) -> Int {
        Int((Double(length) * score / 100 - 1e-9).rounded(.up))
    }

    static func lengthRange(_ m: Int, _ score: Double) -> (Int, Int) {
        (requiredOverlap(m, score), Int((Double(m) * 100 / score + 1e-9).rounded(.down)))
    }

    static func searchShard(_ query: FuzzySegment, _ shard: IndexShard, file: Int, options: FuzzySearchOptions,
                              top: inout FuzzyTopList, scratch: FuzzySearchScratch) throws {
        let side = shard.side(options.side)
        guard side.unitCount > 0 else { return }
        let m = query.tokens.count
        // Query words as this shard's ids; a word the shard lacks gets an id no unit has.
        var ids = [UInt32](repeating: 0, count: m)
        var distinct: [(id: UInt32?, weight: Int, frequency: Int)] = []
        var slot: [String: Int] = [:]
        for (index, token) in query.tokens.enumerated() {
            if let existing = slot[token.key] {
                distinct[existing].weight += 1
                ids[index] = distinct[existing].id ?? UInt32.max - UInt32(existing)
                continue
            }
            let id = side.id(of: token.key)
            slot[token.key] = distinct.count
            ids[index] = id ?? UInt32.max - UInt32(distinct.count)
            distinct.append((id, 1, id.map { side.frequency($0) } ?? 0))
        }
        distinct.sort { $0.frequency < $1.frequency }
        scratch.prepare(units: side.unitCount)

        // Scoring is in two steps: the word distance from the index (cheap), then, for units whose
        // distance-only score could still enter the list, the full score with penalties from the
        // stored text, best first. Penalties only lower a score, so once the next distance-only
        // score is below the k-th full score, the rest cannot enter.
        var pending: [(base: Double, distance: Int, position: FuzzyUnitPosition)] = []
        let pattern = m <= 64 ? FuzzyBitPattern(ids) : nil
        func verify(_ unit: Int) throws {
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
        func flush() throws {
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

        // Seed: score the units of the rarest words first (up to a budget), so the bound rises
        // before the scan.
        var budget = 1024
        for entry in distinct {
            guard let id = entry.id else { continue }
            guard entry.frequency <= budget else { break }
            budget -= entry.frequency
            let (low, high) = lengthRange(m, top.bound)
            let list = try side.postingList(id)
            let first = side.firstUnit(withLength: low), end = side.firstUnit(withLength: high + 1)
            for unit in list where Int(unit) >= first && Int(unit) < end && !scratch.wasSeen(Int(unit)) {
                scratch.markSeen(Int(unit))
                try verify(Int(unit))
            }
            try flush()
        }

        // Count overlap over the rare lists (ScanCount), leaving the common words as a bound.
        let bound = top.bound
        let minimumOverlap = requiredOverlap(m, bound)
        let needed = m - minimumOverlap + 1
        let (low, high) = lengthRange(m, bound)
        let first = side.firstUnit(withLength: low), end = side.firstUnit(withLength: high + 1)
        guard first < end else { return }
        scratch.resetHistogram(m)
        var scanned = 0
        for entry in distinct {
            guard let id = entry.id else { scanned += entry.weight; continue }
            if scanned >= needed {
                // Reading this list costs one step per entry; it saves scoring (≈ 200 steps) the
                // candidates it would rule out: those just at the count needed that lack the word.
                let needCount = max(1, minimumOverlap - (m - scanned))
                var atEdge = 0
                for count in needCount..<min(needCount + entry.weight, scratch.histogram.count) { atEdge += scratch.histogram[count] }
                let inRange = max(1, end - first)
                let saved = Double(atEdge) * (1 - min(1, Double(entry.frequency) / Double(inRange)))
                if Double(entry.frequency) > 200 * saved { break }
            }
            let list = try side.postingList(id)
            list.withUnsafeBufferPointer { scratch.count($0, from: first, to: end, weight: entry.weight) }
            scanned += entry.weight
        }
        let remaining = m - scanned

        // Score the candidates, highest count first.
        var sinceFlush = 0
        for (count, unit) in scratch.candidatesByCount(atLeast: max(1, minimumOverlap - remaining)) {
            let bound = top.bound
            if count + remaining < requiredOverlap(m, bound) { break }
            let n = side.length(of: unit)
            let (low, high) = lengthRange(m, bound)
            guard n >= low && n <= high, count + remaining >= requiredOverlap(max(m, n), bound),
                  !scratch.wasSeen(unit) else { continue }
            try verify(unit)
            sinceFlush += 1
            if sinceFlush >= 256 || pending.count >= 64 {
                try flush()
                sinceFlush = 0
            }
        }
        try flush()
    }
}

/// Reusable per-query buffers: overlap counters, the units touched, the units already scored.
public final class FuzzySearchScratch {
    var counts: [UInt32] = []
    var touched: [UInt32] = []
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
        for unit in touched { counts[Int(unit)] = 0 }
        touched.removeAll(keepingCapacity: true)
        if counts.count < units {
            counts = [UInt32](repeating: 0, count: units)
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

    /// Adds `weight` to the counter of every unit of `list` in `from..<to`.
    func count(_ list: UnsafeBufferPointer<UInt32>, from: Int, to: Int, weight: Int) {
        // The list is ascending: binary search the start of the length range.
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if Int(list[middle]) < from { low = middle + 1 } else { high = middle }
        }
        let add = UInt32(clamping: weight)
        // Work on locals: a class's stored arrays touched in a hot loop pay a dynamic
        // exclusivity check on every access.
        var touched: [UInt32] = []
        var histogram: [Int] = []
        var counts: [UInt32] = []
        swap(&touched, &self.touched)
        swap(&histogram, &self.histogram)
        swap(&counts, &self.counts)
        let top = histogram.count - 1
        counts.withUnsafeMutableBufferPointer { counts in
            histogram.withUnsafeMutableBufferPointer { histogram in
                var index = low
                while index < list.count {
                    let unit = Int(list[index])
                    if unit >= to { break }
                    let old = counts[unit]
                    if old == 0 { touched.append(UInt32(unit)) } else { histogram[Int(old)] -= 1 }
                    let new = old &+ add
                    counts[unit] = new
                    histogram[min(Int(new), top)] += 1
                    index += 1
                }
            }
        }
        swap(&touched, &self.touched)
        swap(&histogram, &self.histogram)
        swap(&counts, &self.counts)
    }

    /// The touched units with a count of at least `minimum`, highest count first (a counting sort).
    func candidatesByCount(atLeast minimum: Int) -> [(Int, Int)] {
        var maximum = 0
        var selected = 0
        for unit in touched {
            let count = Int(counts[Int(unit)])
            if count >= minimum { maximum = max(maximum, count); selected += 1 }
        }
        guard selected > 0 else { return [] }
        var starts = [Int](repeating: 0, count: maximum + 2)
        for unit in touched where Int(counts[Int(unit)]) >= minimum { starts[maximum - Int(counts[Int(unit)]) + 1] += 1 }
        for index in 0...maximum { starts[index + 1] += starts[index] }
        var result = [(Int, Int)](repeating: (0, 0), count: selected)
        for unit in touched {
            let count = Int(counts[Int(unit)])
            guard count >= minimum else { continue }
            result[starts[maximum - count]] = (count, Int(unit))
            starts[maximum - count] += 1
        }
        return result
    }
}
