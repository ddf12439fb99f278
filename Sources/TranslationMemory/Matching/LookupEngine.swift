import Foundation

/// What the translator asked.
public struct LookupRequest: Sendable, Hashable {
    public var query: String
    public var minimum: Double
    public var limit: Int
    /// The language of the query (the memory's source side for fuzzy matching).
    public var from: LookupSide
    /// Search the concordance of the other side (the query is then in the target language) and
    /// skip fuzzy matching.
    public var searchTarget: Bool
    /// Queries up to this many words also get a concordance.
    public var concordanceMaxWords: Int
    public var concordanceLimit: Int

    public init(query: String, minimum: Double = 50, limit: Int = 5, from: LookupSide = .indonesian,
                searchTarget: Bool = false, concordanceMaxWords: Int = 8, concordanceLimit: Int = 10) {
        self.query = query
        self.minimum = minimum
        self.limit = limit
        self.from = from
        self.searchTarget = searchTarget
        self.concordanceMaxWords = concordanceMaxWords
        self.concordanceLimit = concordanceLimit
    }
}

/// Where a unit came from and who made it.
public struct LookupProvenance: Sendable, Codable, Hashable {
    public var file: String
    public var line: Int
    public var creationID: String?
    public var creationDate: String?
}

/// A fuzzy match as shown to the translator.
public struct LookupMatch: Sendable, Codable, Hashable {
    /// The percentage (rounded down).
    public var score: Int
    public var exactScore: Double
    public var distance: Int
    public var penalties: FuzzyPenalties
    public var source: String
    /// The stored target with the query's numbers and months put in.
    public var target: String
    /// The target as stored, when placeables were substituted.
    public var storedTarget: String?
    public var placeables: [FuzzyPlaceableChange]
    /// The word diff of the source against the query.
    public var diff: [FuzzyDiffPiece]
    public var provenance: LookupProvenance
}

/// A concordance hit as shown.
public struct LookupConcordanceHit: Sendable, Codable, Hashable {
    public var left: String
    public var match: String
    public var right: String
    public var gaps: Int
    /// The unit's other side.
    public var translation: String
    public var provenance: LookupProvenance
}

public struct LookupConcordance: Sendable, Codable, Hashable {
    /// `id` or `en`: the side searched.
    public var language: String
    public var count: Int
    public var complete: Bool
    public var hits: [LookupConcordanceHit]
}

/// A glossary term found in the query.
public struct LookupGlossaryTerm: Sendable, Codable, Hashable {
    /// The words of the query that matched.
    public var matched: String
    /// How: `exact`, `inflection`, `derivation` (see `GlossaryMatchKind`).
    public var kind: String
    public var source: String
    public var target: String
    public var alternatives: [String]
    public var forbidden: [String]
    public var note: String?
    /// `file:line` of the entry.
    public var origin: String?
}

/// The answer to `tm lookup`.
public struct LookupReport: Sendable, Codable, Hashable {
    public var query: String
    public var from: String
    public var minimum: Double
    /// Glossary terms in the query, in query order (longest term at each place).
    public var glossary: [LookupGlossaryTerm] = []
    public var matches: [LookupMatch]
    public var concordance: LookupConcordance?
}

/// Runs a lookup on an open index: fuzzy matches with diff, adapted target and provenance, and
/// the concordance of short queries. A segment found corrupt while searching is rebuilt and the
/// search run again.
public enum LookupEngine {
    /// - Parameter glossary: the glossary whose terms are looked for in the query (by
    ///   `GlossaryMatcher`, across Indonesian word forms and English inflections).
    public static func run(_ request: LookupRequest, index: LookupIndex, glossary: GlossaryMatcher? = nil,
                           scratch: FuzzySearchScratch = FuzzySearchScratch()) throws -> LookupReport {
        let query = FuzzySegment(request.query)
        guard !query.tokens.isEmpty else { throw LookupIndexError.emptyQuery }
        guard request.minimum >= 1 && request.minimum <= 100 else { throw LookupIndexError.invalidThreshold(request.minimum) }
        var attempts = 0
        while true {
            do {
                var report = try attempt(request, query: query, index: index, scratch: scratch)
                if let glossary {
                    let language = request.searchTarget ? request.from.other.language : request.from.language
                    report.glossary = GlossaryMatcher.preferLongest(glossary.matches(in: query.text, language: language)).map { hit in
                        LookupGlossaryTerm(matched: hit.matchedText, kind: hit.kind.rawValue, source: hit.entry.source,
                                           target: hit.entry.target, alternatives: hit.entry.alternativeTargets,
                                           forbidden: hit.entry.forbiddenTargets, note: hit.entry.note,
                                           origin: hit.entry.origin?.description)
                    }
                }
                return report
            } catch LookupIndexError.corrupt(let path, let reason) {
                attempts += 1
                guard attempts <= index.segments.count, let segment = index.segmentIndex(path: path) else {
                    throw LookupIndexError.corrupt(path: path, reason: reason)
                }
                try index.rebuild(segmentAt: segment)
            }
        }
    }

    static func attempt(_ request: LookupRequest, query: FuzzySegment, index: LookupIndex,
                        scratch: FuzzySearchScratch) throws -> LookupReport {
        let side = request.from
        var report = LookupReport(query: query.text, from: side.language.raw, minimum: request.minimum, matches: [])
        if !request.searchTarget {
            let found = try FuzzySearch.search(query, in: index.segments,
                                               options: FuzzySearchOptions(minimum: request.minimum, limit: request.limit, side: side),
                                               scratch: scratch)
            for ranked in found {
                let segment = index.segments[ranked.position.file]
                let record = try segment.record(ranked.position.ordinal)
                let unit = FuzzySegment(record.text(side))
                let changes = FuzzyScorer.placeableChanges(query: query, unit: unit)
                let stored = record.text(side.other)
                let adapted = FuzzyPlaceables.substitute(target: stored, changes: changes, sourceLanguage: side.language,
                                                         targetLanguage: side.other.language)
                report.matches.append(LookupMatch(
                    score: ranked.score.percent, exactScore: ranked.score.score, distance: ranked.score.distance,
                    penalties: ranked.score.penalties, source: record.text(side), target: adapted.text,
                    storedTarget: adapted.applied.isEmpty ? nil : stored, placeables: adapted.applied,
                    diff: FuzzyScorer.diff(query: query, unit: unit),
                    provenance: provenance(record, file: index.files[ranked.position.file])))
            }
        }
        if request.searchTarget || query.tokens.count <= request.concordanceMaxWords {
            let searched = request.searchTarget ? side.other : side
            let result = try Concordance.search(query, in: index.segments, side: searched, limit: request.concordanceLimit)
            var hits: [LookupConcordanceHit] = []
            for hit in result.hits {
                let record = try index.segments[hit.position.file].record(hit.position.ordinal)
                hits.append(LookupConcordanceHit(left: hit.left, match: hit.match, right: hit.right, gaps: hit.gaps,
                                                 translation: record.text(searched.other),
                                                 provenance: provenance(record, file: index.files[hit.position.file])))
            }
            report.concordance = LookupConcordance(language: searched.language.raw, count: result.count,
                                                   complete: result.complete, hits: hits)
        }
        return report
    }

    static func provenance(_ record: LookupUnitRecord, file: String) -> LookupProvenance {
        LookupProvenance(file: file, line: record.line, creationID: record.creationID.isEmpty ? nil : record.creationID,
                         creationDate: record.creationDate.isEmpty ? nil : record.creationDate)
    }
}
