import Foundation

/// Runs a lookup on an open index: fuzzy matches with diff, adapted target and provenance, and
/// the concordance of short queries. A shard found corrupt while searching is rebuilt and the
/// search run again.
public enum LookupEngine {
    /// - Parameter glossary: the glossary whose terms are looked for in the query (by
    ///   `GlossaryMatcher`, across Indonesian word forms and English inflections).
    public static func run(_ request: LookupRequest, index: LookupIndex, glossary: GlossaryMatcher? = nil,
                           scratch: FuzzySearchScratch = FuzzySearchScratch()) throws -> LookupReport {
        let query = FuzzySegment(request.query, language: request.from.articleLanguage)
        guard !query.tokens.isEmpty else { throw TMError(.emptyQuery) }
        guard request.minimum >= 1 && request.minimum <= 100 else { throw TMError(.invalidThreshold(request.minimum)) }
        var attempts = 0
        while true {
            do {
                var report = try attempt(request, query: query, index: index, scratch: scratch)
                if let glossary {
                    let language = request.searchTarget ? request.from.other.language : request.from.language
                    let hits = GlossaryMatcher.preferLongest(glossary.matches(in: query.text, language: language))
                    report.glossary = hits.map { hit in
                        var others: [String] = []
                        for other in hits where other.start == hit.start && other.end == hit.end
                            && other.entry.sourceKey == hit.entry.sourceKey && other.entry.targetKey != hit.entry.targetKey
                            && !others.contains(other.entry.target) {
                            others.append(other.entry.target)
                        }
                        return LookupGlossaryTerm(matched: hit.matchedText, kind: hit.kind.rawValue, source: hit.entry.source,
                                                  target: hit.entry.target, alternatives: hit.entry.alternativeTargets,
                                                  forbidden: hit.entry.forbiddenTargets, note: hit.entry.note,
                                                  origin: hit.entry.origin?.description, conflictsWith: others.isEmpty ? nil : others)
                    }
                }
                return report
            } catch let error as TMError where { if case .corruptIndex = error.kind { return true }; return false }() {
                attempts += 1
                guard attempts <= index.shards.count, let path = error.path, let shard = index.shardIndex(path: path) else {
                    throw error
                }
                try index.rebuild(shardAt: shard)
            }
        }
    }

    static func attempt(_ request: LookupRequest, query: FuzzySegment, index: LookupIndex,
                        scratch: FuzzySearchScratch) throws -> LookupReport {
        let side = request.from
        var report = LookupReport(query: query.text, from: side.language.raw, minimum: request.minimum, matches: [])
        if !request.searchTarget {
            let found = try FuzzySearch.search(query, in: index.shards,
                                               options: FuzzySearchOptions(minimum: request.minimum, limit: request.limit, side: side),
                                               scratch: scratch)
            for ranked in found {
                let shard = index.shards[ranked.position.file]
                let record = try shard.record(ranked.position.ordinal)
                let unit = FuzzySegment(record.text(side), language: side.articleLanguage)
                let stored = record.text(side.other)
                let adapted = FuzzyPlaceables.repair(target: stored, pairs: FuzzyScorer.placeablePairs(query: query, unit: unit),
                                                     sourceLanguage: side.articleLanguage, targetLanguage: side.other.articleLanguage)
                report.matches.append(LookupMatch(
                    score: ranked.score.percent, exactScore: ranked.score.score, distance: ranked.score.distance,
                    penalties: ranked.score.penalties, source: record.text(side), target: adapted.text,
                    storedTarget: adapted.text == stored ? nil : stored, placeables: adapted.changes,
                    diff: FuzzyScorer.diff(query: query, unit: unit),
                    provenance: provenance(record, file: index.files[ranked.position.file])))
            }
        }
        if request.searchTarget || query.tokens.count <= request.concordanceMaxWords {
            let searched = request.searchTarget ? side.other : side
            let result = try Concordance.search(query, in: index.shards, side: searched, limit: request.concordanceLimit)
            var hits: [LookupConcordanceHit] = []
            for hit in result.hits {
                let record = try index.shards[hit.position.file].record(hit.position.ordinal)
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
