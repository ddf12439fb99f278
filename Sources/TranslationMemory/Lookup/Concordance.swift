/// A unit containing the query's words in order, shown keyword-in-context.
public struct ConcordanceHit: Sendable, Codable, Hashable {
    public var position: FuzzyUnitPosition
    /// Words between the first and last query word that are not query words (0: the exact phrase).
    public var gaps: Int
    /// The unit's length in words.
    public var length: Int
    /// The searched text around the match.
    public var left: String
    public var match: String
    public var right: String
}

/// The concordance of a phrase.
public struct ConcordanceResult: Sendable, Codable, Hashable {
    public var hits: [ConcordanceHit]
    /// Units containing the words in order, counted so far.
    public var count: Int
    /// False when the search stopped early because the shown hits could no longer change.
    public var complete: Bool
}

/// Concordance search (as OmegaT's and memoQ's concordance): every unit whose text contains the
/// query words in order, ranked exact phrase first, then fewest words in between, then shortest
/// unit, then memory order.
///
/// Candidates are the intersection of the query words' posting lists (rarest first, each other
/// list probed by binary search); each is checked on its text.
public enum Concordance {
    /// - Complexity: O(r log p) for the intersection (r: rarest list, p: longest list), plus
    ///   O(text) per candidate until the shown hits are settled.
    public static func search(_ query: FuzzySegment, in shards: [IndexShard], side: LookupSide,
                              limit: Int, context: Int = 40) throws -> ConcordanceResult {
        let queryWords = WordTokenizer.tokenize(query.text)
        let words = queryWords.map { $0.text.lowercased() }
        // The index holds a quantity as one token, so a word that can be part of one
        // (`triliun`, `Senin`, `2023`) is not looked up: the units are read for it instead.
        let recognizer = QuantityRecognizer(language: side.articleLanguage)
        let keys = Set(queryWords.map(\.normalized).filter { !recognizer.mayBePartOfQuantity($0) })
        guard !words.isEmpty, limit > 0 else { return ConcordanceResult(hits: [], count: 0, complete: true) }
        var hits: [ConcordanceHit] = []
        var count = 0
        var complete = true
        func rank(_ a: ConcordanceHit, _ b: ConcordanceHit) -> Bool {
            (a.gaps, a.length, a.position.file, a.position.ordinal) < (b.gaps, b.length, b.position.file, b.position.ordinal)
        }
        for (file, shard) in shards.enumerated() {
            let view = shard.side(side)
            var lists: [[UInt32]] = []
            var missing = false
            for key in keys {
                guard let id = view.id(of: key) else { missing = true; break }
                lists.append(try view.postingList(id))
            }
            if missing { continue }
            lists.sort { $0.count < $1.count }
            let first = view.firstUnit(withLength: keys.count)
            let all = lists.isEmpty ? Array(UInt32(first)..<UInt32(view.unitCount)) : []
            candidates: for unit in lists.first.map(Array.init) ?? all where Int(unit) >= first {
                for other in lists.dropFirst() where !contains(other, unit) { continue candidates }
                let length = view.length(of: Int(unit))
                // Units come shortest first: once the shown hits are all exact phrases in units
                // no longer than this one, nothing later can displace them.
                if hits.count == limit, let last = hits.last, last.gaps == 0, length > last.length {
                    complete = false
                    break candidates
                }
                let ordinal = try view.ordinal(of: Int(unit))
                let text = try shard.record(ordinal).text(side)
                guard var hit = locate(words, in: text, context: context) else { continue }
                hit.position = FuzzyUnitPosition(file: file, ordinal: ordinal)
                count += 1
                let index = hits.firstIndex { rank(hit, $0) } ?? hits.count
                if index < limit {
                    hits.insert(hit, at: index)
                    if hits.count > limit { hits.removeLast() }
                }
            }
        }
        return ConcordanceResult(hits: hits, count: count, complete: complete)
    }

    static func contains(_ list: [UInt32], _ value: UInt32) -> Bool {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == value
    }

    /// The tightest occurrence of `words` in order in `text`, keyword-in-context.
    static func locate(_ words: [String], in text: String, context: Int) -> ConcordanceHit? {
        let tokens = WordTokenizer.tokenize(FuzzySegment.trim(text))
        let lowered = tokens.map(\.normalized)
        var best: (start: Int, end: Int)?
        for start in lowered.indices where lowered[start] == words[0] {
            var position = start
            var matched = 1
            var cursor = start + 1
            while matched < words.count && cursor < lowered.count {
                if lowered[cursor] == words[matched] { matched += 1; position = cursor }
                cursor += 1
            }
            guard matched == words.count else { break }
            if best == nil || position - start < best!.end - best!.start { best = (start, position) }
            if position - start + 1 == words.count { break }
        }
        guard let best else { return nil }
        let scalars = Array(FuzzySegment.trim(text).unicodeScalars)
        let from = tokens[best.start].start, to = tokens[best.end].end
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        // The context is cut at a word boundary.
        var leftStart = max(0, from - context)
        if leftStart > 0 {
            while leftStart < from && !FuzzySegment.isWhitespace(scalars[leftStart - 1]) { leftStart += 1 }
        }
        var rightEnd = min(scalars.count, to + context)
        if rightEnd < scalars.count {
            while rightEnd > to && !FuzzySegment.isWhitespace(scalars[rightEnd]) { rightEnd -= 1 }
        }
        let left = (leftStart > 0 ? "…" : "") + string(leftStart..<from)
        let right = string(to..<rightEnd) + (rightEnd < scalars.count ? "…" : "")
        return ConcordanceHit(position: FuzzyUnitPosition(file: 0, ordinal: 0), gaps: best.end - best.start + 1 - words.count,
                              length: tokens.count, left: left, match: string(from..<to), right: right)
    }
}
