/// Where a unit of the memory is: the shard (TMX file, in `tmxFiles()` order) and its position
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
    /// How many units the search may score before it counts overlaps, over the whole memory: the
    /// units of the rarest query words, which raise the bound early (`FuzzySearch.seed`). Only
    /// the amount of work depends on it, never the result.
    public var seedBudget = 1024
    /// The shortest posting list before which the search may probe (`ShardQuery.scan`): score
    /// the units that share the most of the rare words counted so far, to raise the bound before
    /// the longer lists are read. Like the seed budget, it changes the work, never the result.
    public var probeFloor = 256

    public init(minimum: Double = 50, limit: Int = 5, side: LookupSide = .indonesian, penalties: Bool = true) {
        self.minimum = minimum
        self.limit = limit
        self.side = side
        self.penalties = penalties
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
