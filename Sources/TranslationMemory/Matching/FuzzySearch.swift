/// Where a unit of the memory is: the segment (TMX file, in `tmxFiles()` order) and its position
/// among that file's Indonesian–English units. Ordered as `forEachUnit` reads them.
public struct FuzzyUnitPosition: Sendable, Codable, Hashable, Comparable {
    public var file: Int
    public var ordinal: Int

    public init(file: Int, ordinal: Int) {
        self.file = file
        self.ordinal = ordinal
    }

    public static func < (a: Self, b: Self) -> Bool { (a.file, a.ordinal) < (b.file, b.ordinal) }
}

/// A unit found by the fuzzy search, with its score.
public struct FuzzyRankedUnit: Sendable, Codable, Hashable {
    public var position: FuzzyUnitPosition
    public var score: FuzzyScore

    /// The result order: best score first, then memory order.
    static func precedes(_ a: FuzzyRankedUnit, _ b: FuzzyRankedUnit) -> Bool {
        a.score.score != b.score.score ? a.score.score > b.score.score : a.position < b.position
    }
}

/// What to search for.
public struct FuzzySearchOptions: Sendable, Hashable {
    /// The lowest score shown, 1…100 (CAT tools default to 50–75).
    public var minimum: Double = 50
    /// How many matches.
    public var limit: Int = 5
    /// The side the query is compared with.
    public var side: LookupSide = .indonesian
    /// False scores by word distance alone (`100 × (1 − d / max(m, n))`, no penalties): the measure
    /// the benchmark compares with rapidfuzz.
    public var penalties = true

    public init(minimum: Double = 50, limit: Int = 5, side: LookupSide = .indonesian, penalties: Bool = true) {
        self.minimum = minimum
        self.limit = limit
        self.side = side
        self.penalties = penalties
    }
}

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
    public static func search(_ query: FuzzySegment, in segments: [LookupSegment],
                              options: FuzzySearchOptions, scratch: FuzzySearchScratch = FuzzySearchScratch()) throws -> [FuzzyRankedUnit] {
        guard !query.tokens.isEmpty, options.limit > 0 else { return [] }
        guard options.minimum >= 1 && options.minimum <= 100 else { throw LookupIndexError.invalidThreshold(options.minimum) }
        var top = FuzzyTopList(limit: options.limit, minimum: options.minimum)
        for (file, segment) in segments.enumerated() {
            try searchSegment(query, segment, file: file, options: options, top: &top, scratch: scratch)
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

    static func searchSegment(_ query: FuzzySegment, _ segment: LookupSegment, file: Int, options: FuzzySearchOptions,
                              top: inout FuzzyTopList, scratch: FuzzySearchScratch) throws {
        let side = segment.side(options.side)
        guard side.unitCount > 0 else { return }
        let m = query.tokens.count
        // Query words as this segment's ids; a word the segment lacks gets an id no unit has.
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
                distance = pattern.distance(to: tokens)
                guard distance <= maxDistance else { return }
            } else {
                guard let bounded = FuzzyEditDistance.bounded(ids, tokens, maxDistance: maxDistance, row: &scratch.row) else { return }
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
                let record = try segment.record(candidate.position.ordinal)
                top.offer(FuzzyRankedUnit(position: candidate.position,
                                          score: FuzzyScorer.score(query: query, unit: FuzzySegment(record.text(options.side)))))
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
            scratch.count(list, from: first, to: end, weight: entry.weight)
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

/// The best `limit` units so far, best first, and the score a new unit must reach.
struct FuzzyTopList {
    let limit: Int
    let minimum: Double
    private(set) var items: [FuzzyRankedUnit] = []

    init(limit: Int, minimum: Double) {
        self.limit = limit
        self.minimum = minimum
    }

    /// The lowest score that can still enter the list (ties enter by memory order).
    var bound: Double { items.count >= limit ? items[items.count - 1].score.score : minimum }

    /// Whether a unit scoring at most `score` could enter.
    func admits(score: Double, position: FuzzyUnitPosition) -> Bool {
        guard score >= minimum else { return false }
        guard items.count >= limit, let last = items.last else { return true }
        return score > last.score.score || (score == last.score.score && position < last.position)
    }

    mutating func offer(_ unit: FuzzyRankedUnit) {
        guard admits(score: unit.score.score, position: unit.position) else { return }
        let index = items.firstIndex { FuzzyRankedUnit.precedes(unit, $0) } ?? items.count
        items.insert(unit, at: index)
        if items.count > limit { items.removeLast() }
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

/// Word-level Levenshtein distance of a query of up to 64 words against any unit, bit-parallel
/// (Myers 1999, in the global form of Hyyrö 2001): one pass over the unit's words with a few word
/// operations each, instead of the m × n table.
struct FuzzyBitPattern {
    let length: Int
    private var keys: [UInt32]
    private var masks: [UInt64]
    private let slots: Int

    /// `ids` of the query words; ids no unit can have (`UInt32.max - k`) match nothing.
    init(_ ids: [UInt32]) {
        precondition(ids.count <= 64)
        length = ids.count
        slots = 128
        keys = [UInt32](repeating: UInt32.max, count: slots)
        masks = [UInt64](repeating: 0, count: slots)
        for (position, id) in ids.enumerated() where id < UInt32.max - 1 << 20 {
            var slot = Int(id &* 2654435761 >> 25) & (slots - 1)
            while keys[slot] != UInt32.max && keys[slot] != id { slot = (slot + 1) & (slots - 1) }
            keys[slot] = id
            masks[slot] |= 1 << UInt64(position)
        }
    }

    @inline(__always)
    func mask(_ id: UInt32) -> UInt64 {
        var slot = Int(id &* 2654435761 >> 25) & (slots - 1)
        while true {
            let key = keys[slot]
            if key == id { return masks[slot] }
            if key == UInt32.max { return 0 }
            slot = (slot + 1) & (slots - 1)
        }
    }

    func distance(to text: UnsafeBufferPointer<UInt32>) -> Int {
        let m = length
        guard m > 0 else { return text.count }
        let all: UInt64 = m == 64 ? ~0 : (1 << UInt64(m)) - 1
        let high: UInt64 = 1 << UInt64(m - 1)
        var positive = all, negative: UInt64 = 0
        var score = m
        for id in text {
            let equal = mask(id)
            let xv = equal | negative
            let xh = (((equal & positive) &+ positive) ^ positive) | equal
            var ph = negative | ~(xh | positive)
            var mh = positive & xh
            if ph & high != 0 { score += 1 } else if mh & high != 0 { score -= 1 }
            ph = (ph << 1) | 1
            mh <<= 1
            positive = (mh | ~(xv | ph)) & all
            negative = ph & xv & all
        }
        return score
    }
}

/// Word-level Levenshtein distance with a ceiling: gives up as soon as every cell of a row exceeds it.
enum FuzzyEditDistance {
    static func bounded(_ a: [UInt32], _ b: UnsafeBufferPointer<UInt32>, maxDistance: Int, row: inout [Int32]) -> Int? {
        let m = a.count, n = b.count
        if abs(m - n) > maxDistance { return nil }
        if n == 0 { return m <= maxDistance ? m : nil }
        if m == 0 { return n <= maxDistance ? n : nil }
        if row.count < n + 1 { row = [Int32](repeating: 0, count: n + 1) }
        let ceiling = Int32(maxDistance)
        return a.withUnsafeBufferPointer { a -> Int? in
            row.withUnsafeMutableBufferPointer { row -> Int? in
                for j in 0...n { row[j] = Int32(j) }
                for i in 1...m {
                    var diagonal = row[0]
                    row[0] = Int32(i)
                    var rowMinimum = row[0]
                    let word = a[i - 1]
                    for j in 1...n {
                        let above = row[j]
                        let value = min(diagonal + (word == b[j - 1] ? 0 : 1), min(above, row[j - 1]) + 1)
                        diagonal = above
                        row[j] = value
                        rowMinimum = min(rowMinimum, value)
                    }
                    if rowMinimum > ceiling { return nil }
                }
                return row[n] <= ceiling ? Int(row[n]) : nil
            }
        }
    }
}

/// Scores every unit: the reference the index must equal (tests and benchmark).
public enum FuzzyBruteForce {
    /// - Complexity: O(units × m × n).
    public static func search(_ query: FuzzySegment, units: [(position: FuzzyUnitPosition, source: String)],
                              options: FuzzySearchOptions) -> [FuzzyRankedUnit] {
        search(query, prepared: units.map { ($0.position, FuzzySegment($0.source)) }, options: options)
    }

    /// The same over sources already prepared.
    public static func search(_ query: FuzzySegment, prepared units: [(position: FuzzyUnitPosition, source: FuzzySegment)],
                              options: FuzzySearchOptions) -> [FuzzyRankedUnit] {
        guard !query.tokens.isEmpty else { return [] }
        var top = FuzzyTopList(limit: options.limit, minimum: options.minimum)
        for unit in units {
            var score = FuzzyScorer.score(query: query, unit: unit.source)
            if !options.penalties {
                score = FuzzyScore(score: FuzzyScorer.baseScore(distance: score.distance, queryLength: query.tokens.count,
                                                                unitLength: unit.source.tokens.count),
                                   distance: score.distance, penalties: FuzzyPenalties())
            }
            top.offer(FuzzyRankedUnit(position: unit.position, score: score))
        }
        return top.items
    }
}
