/// The small deductions, in percentage points, for differences that are not word edits.
public struct FuzzyPenalties: Sendable, Codable, Hashable {
    /// 1 point per word that differs only in case, at most 2 in all.
    public var letterCase = 0
    /// 1 point per quantity, number or month that differs (the target is repaired, but the
    /// translator should look).
    public var placeables = 0
    /// 1 point when the punctuation differs (`,` `.` `"` `(` … compared in order).
    public var punctuation = 0
    /// 1 point when the texts differ only in whitespace.
    public var whitespace = 0

    public var total: Int { letterCase + placeables + punctuation + whitespace }
}

/// One step of the word diff of the memory's source against the query.
public struct FuzzyDiffPiece: Sendable, Codable, Hashable {
    public enum Operation: String, Sendable, Codable {
        /// The same word.
        case equal
        /// The same word in another case, or another number/month (a placeable): `source` is the
        /// memory's, `query` the query's.
        case placeable
        /// A different word in the same place.
        case replace
        /// A query word the source lacks.
        case insert
        /// A source word the query lacks.
        case delete
    }
    public var operation: Operation
    public var source: String?
    public var query: String?
}

/// A repair of the stored target for a placeable the query changes: in the target, `from` became
/// `to`. When the target holds no quantity of the stored source's value (`placed` false), `from`
/// is the stored source's quantity and `to` what the target should say: the translator must put
/// it in.
public struct FuzzyPlaceableChange: Sendable, Codable, Hashable {
    public var kind: QuantityKind
    public var from: String
    public var to: String
    public var placed: Bool

    public init(kind: QuantityKind, from: String, to: String, placed: Bool) {
        self.kind = kind
        self.from = from
        self.to = to
        self.placed = placed
    }
}

/// The fuzzy-match score of one memory source against a query, with what it is made of.
public struct FuzzyScore: Sendable, Codable, Hashable {
    /// 0…100: `100 × (1 − d / max(m, n)) − penalties`, 100 only for the identical text.
    public var score: Double
    /// Word edits (insertions, deletions, substitutions) between the two key sequences.
    public var distance: Int
    public var penalties: FuzzyPenalties

    /// The percentage shown to the translator: rounded down, so 99.5 is never shown as 100.
    public var percent: Int { Int(score.rounded(.down)) }
}

/// The CAT-tool fuzzy-match score (as in OmegaT, Trados, memoQ, which all define it over words):
///
///     score = 100 × (1 − d / max(m, n)) − penalties,   floored at 0, capped at 99 unless identical
///
/// where `d` is the Levenshtein distance (Levenshtein 1966; Wagner & Fischer 1974) between the
/// query's `m` tokens and the unit's `n` tokens, each compared by key: a word lower-cased, a news
/// quantity (`4,75 juta dolar AS`, however many words) one token whose key is its kind, every
/// other number one key and every month one key (placeables). The penalties (`FuzzyPenalties`) keep case,
/// punctuation, whitespace and placeable differences visible without letting them outweigh a word.
public enum FuzzyScorer {
    /// The word-level score of `unit` against `query`.
    ///
    /// - Complexity: O(m × n) words.
    public static func score(query: FuzzySegment, unit: FuzzySegment) -> FuzzyScore {
        let alignment = align(query, unit)
        return score(query: query, unit: unit, alignment: alignment)
    }

    /// The diff of the unit's source against the query, in source order. Words are aligned as
    /// the score aligns them; the text between aligned words (punctuation, white space, and the
    /// words only one side has) is compared as it stands, so `Myanmar.` against `Myanmar!` shows
    /// the stop. Joining the pieces' `source` texts gives the unit's source exactly, and joining
    /// their `query` texts gives the query.
    public static func diff(query: FuzzySegment, unit: FuzzySegment) -> [FuzzyDiffPiece] {
        let source = Array(unit.text.unicodeScalars), asked = Array(query.text.unicodeScalars)
        var pieces: [FuzzyDiffPiece] = []
        var sourceFrom = 0, queryFrom = 0
        for step in align(query, unit).steps {
            guard let q = step.query, let u = step.unit else { continue }
            let qt = query.tokens[q], ut = unit.tokens[u]
            pieces += between(source[sourceFrom..<ut.start], asked[queryFrom..<qt.start])
            if qt.key != ut.key {
                pieces.append(FuzzyDiffPiece(operation: .replace, source: ut.text, query: qt.text))
            } else {
                pieces.append(FuzzyDiffPiece(operation: qt.text == ut.text ? .equal : .placeable, source: ut.text, query: qt.text))
            }
            sourceFrom = ut.end
            queryFrom = qt.end
        }
        pieces += between(source[sourceFrom...], asked[queryFrom...])
        return pieces
    }

    /// The pieces for the text between two aligned words: what both sides share at its ends stays
    /// equal, the rest is a deletion, an insertion or a replacement. A one-sided change ending in
    /// the space that precedes it is slid back by that space (`a[- b-] c`, not `a [-b -]c`).
    static func between(_ source: ArraySlice<Unicode.Scalar>, _ query: ArraySlice<Unicode.Scalar>) -> [FuzzyDiffPiece] {
        func text<C: Collection<Unicode.Scalar>>(_ scalars: C) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
        if source.elementsEqual(query) { return source.isEmpty ? [] : [FuzzyDiffPiece(operation: .equal, source: text(source), query: text(query))] }
        var prefix = zip(source, query).prefix { $0 == $1 }.count
        let suffix = zip(source.dropFirst(prefix).reversed(), query.dropFirst(prefix).reversed()).prefix { $0 == $1 }.count
        var s = source.dropFirst(prefix).dropLast(suffix), q = query.dropFirst(prefix).dropLast(suffix)
        var trailing = suffix
        let changed = s.isEmpty ? q : s
        if s.isEmpty != q.isEmpty, prefix > 0, let last = changed.last, last == source[source.startIndex + prefix - 1],
           FuzzySegment.isWhitespace(last) {
            prefix -= 1
            trailing += 1
            s = source.dropFirst(prefix).dropLast(trailing)
            q = query.dropFirst(prefix).dropLast(trailing)
        }
        var pieces: [FuzzyDiffPiece] = []
        if prefix > 0 { pieces.append(FuzzyDiffPiece(operation: .equal, source: text(source.prefix(prefix)), query: text(source.prefix(prefix)))) }
        switch (s.isEmpty, q.isEmpty) {
        case (false, false): pieces.append(FuzzyDiffPiece(operation: .replace, source: text(s), query: text(q)))
        case (false, true): pieces.append(FuzzyDiffPiece(operation: .delete, source: text(s), query: nil))
        case (true, false): pieces.append(FuzzyDiffPiece(operation: .insert, source: nil, query: text(q)))
        case (true, true): break
        }
        if trailing > 0 { pieces.append(FuzzyDiffPiece(operation: .equal, source: text(source.suffix(trailing)), query: text(source.suffix(trailing)))) }
        return pieces
    }

    /// The aligned tokens of the unit whose value the query changes, in source order: placeables
    /// of one kind with another value, and a quantity standing where the query has another kind
    /// of quantity (`5 persen` for `Rp5.000`), which the target needs repaired as much.
    public static func placeablePairs(query: FuzzySegment, unit: FuzzySegment) -> [(query: FuzzyToken, unit: FuzzyToken)] {
        var pairs: [(query: FuzzyToken, unit: FuzzyToken)] = []
        for step in align(query, unit).steps {
            guard let q = step.query, let u = step.unit else { continue }
            let qt = query.tokens[q], ut = unit.tokens[u]
            if let asked = qt.quantity, let stored = ut.quantity {
                if !asked.sameValue(as: stored) { pairs.append((qt, ut)) }
                continue
            }
            guard qt.key == ut.key, let kind = ut.placeable, let queryKind = qt.placeable else { continue }
            switch (kind, queryKind) {
            case let (.month(a), .month(b)) where a != b:
                pairs.append((qt, ut))
            case (.month, _), (_, .month):
                break
            default:
                if qt.text != ut.text { pairs.append((qt, ut)) }
            }
        }
        return pairs
    }

    /// `100 × (1 − d / max(m, n))`: the score before penalties, from the word distance.
    @inline(__always)
    public static func baseScore(distance: Int, queryLength m: Int, unitLength n: Int) -> Double {
        let longest = max(m, n)
        guard longest > 0 else { return 100 }
        return 100 * (1 - Double(distance) / Double(longest))
    }

    // MARK: - Alignment

    struct Alignment {
        var distance: Int
        /// Pairs of word indexes, in order; nil on one side for an insertion or deletion.
        var steps: [(query: Int?, unit: Int?)]
    }

    static func align(_ query: FuzzySegment, _ unit: FuzzySegment) -> Alignment {
        var ids: [String: Int32] = [:]
        let a = query.tokens.map { token -> Int32 in
            if let id = ids[token.key] { return id }
            let id = Int32(ids.count)
            ids[token.key] = id
            return id
        }
        let b = unit.tokens.map { ids[$0.key] ?? -1 }
        return align(a, b)
    }

    /// Wagner–Fischer with a deterministic backtrace (match, then substitution, then insertion).
    static func align(_ a: [Int32], _ b: [Int32]) -> Alignment {
        let m = a.count, n = b.count
        let width = n + 1
        var table = [Int32](repeating: 0, count: (m + 1) * width)
        for j in 0...n { table[j] = Int32(j) }
        if m > 0 {
            for i in 1...m {
                table[i * width] = Int32(i)
                if n > 0 {
                    for j in 1...n {
                        let cost: Int32 = a[i - 1] == b[j - 1] ? 0 : 1
                        table[i * width + j] = min(table[(i - 1) * width + j - 1] + cost,
                                                   min(table[(i - 1) * width + j], table[i * width + j - 1]) + 1)
                    }
                }
            }
        }
        var steps: [(query: Int?, unit: Int?)] = []
        var i = m, j = n
        while i > 0 || j > 0 {
            let here = table[i * width + j]
            if i > 0 && j > 0 {
                let diagonal = table[(i - 1) * width + j - 1]
                if a[i - 1] == b[j - 1] && diagonal == here || diagonal + 1 == here {
                    steps.append((i - 1, j - 1)); i -= 1; j -= 1; continue
                }
            }
            if i > 0 && table[(i - 1) * width + j] + 1 == here {
                steps.append((i - 1, nil)); i -= 1
            } else {
                steps.append((nil, j - 1)); j -= 1
            }
        }
        return Alignment(distance: Int(table[m * width + n]), steps: steps.reversed())
    }

    static func score(query: FuzzySegment, unit: FuzzySegment, alignment: Alignment) -> FuzzyScore {
        if query.text == unit.text {
            return FuzzyScore(score: 100, distance: 0, penalties: FuzzyPenalties())
        }
        var penalties = FuzzyPenalties()
        var caseDifferences = 0
        for step in alignment.steps {
            guard let q = step.query, let u = step.unit else { continue }
            let qt = query.tokens[q], ut = unit.tokens[u]
            guard qt.key == ut.key, qt.text != ut.text else { continue }
            if qt.text.lowercased() == ut.text.lowercased() {
                caseDifferences += 1
            } else {
                penalties.placeables += 1
            }
        }
        penalties.letterCase = min(caseDifferences, 2)
        if query.punctuation != unit.punctuation { penalties.punctuation = 1 }
        if query.collapsedText == unit.collapsedText { penalties.whitespace = 1 }
        let base = baseScore(distance: alignment.distance, queryLength: query.tokens.count, unitLength: unit.tokens.count)
        let value = min(99, max(0, base - Double(penalties.total)))
        return FuzzyScore(score: value, distance: alignment.distance, penalties: penalties)
    }
}
