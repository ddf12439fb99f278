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
        search(query, prepared: units.map { ($0.position, FuzzySegment($0.source, language: options.side.articleLanguage)) }, options: options)
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
