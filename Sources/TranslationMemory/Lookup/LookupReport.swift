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
    /// The stored target repaired with the query's quantities, numbers and months.
    public var target: String
    /// The target as stored, when it was repaired.
    public var storedTarget: String?
    /// Each quantity the query changes: what the target said and says now, or, `placed` false,
    /// what it should say where no place for it was found.
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
    /// The other translations that entries for the same source give at the same place: the
    /// glossary conflicts there, and the translator must choose (absent when it does not).
    public var conflictsWith: [String]?
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
