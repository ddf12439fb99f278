import Foundation

/// What a translator decided on the review page: which pairs to store, merged and split as they
/// chose. The page embeds the aligner's proposal; "Save decisions" downloads it with the chosen
/// pairs; `tm align --apply` stores them. Each file's SHA-256 ties the decisions to the text they
/// were made on: sentence numbers mean nothing once a file changes.
public struct AlignmentDecisions: Sendable, Codable, Hashable {
    public static let formatName = "tm-alignment-decisions"

    /// One input file as the aligner read it.
    public struct Side: Sendable, Codable, Hashable {
        /// Absolute, so that the decisions apply from any folder.
        public var path: String
        public var sha256: String
        /// The sentences the pairs count (from 0), in document order.
        public var sentences: [String]
        /// Credits found in the file: the units' provenance.
        public var translator: String?
        public var reporter: String?
        public var editor: String?
        public var source: String?

        public init(_ document: AlignmentDocument, sentences: [String], sha256: String) {
            path = URL(fileURLWithPath: document.path).standardizedFileURL.path
            self.sha256 = sha256
            self.sentences = sentences
            translator = document.translator
            reporter = document.reporter
            editor = document.editor
            source = document.source
        }

        /// The side of a document whose file is still on disk, hashed now.
        public init(reading document: AlignmentDocument, sentences: [String]) throws {
            self.init(document, sentences: sentences, sha256: try SHA256.hex(ofFile: document.path))
        }

        /// The document as `AlignmentSession` needs it for provenance.
        var document: AlignmentDocument {
            AlignmentDocument(path: path, paragraphs: [sentences], translator: translator, reporter: reporter, editor: editor, source: source)
        }
    }

    /// Indonesian sentences `indonesian` (an inclusive range, from 0) with English sentences `english`.
    public struct Pair: Sendable, Codable, Hashable {
        public var indonesian: ClosedRange<Int>
        public var english: ClosedRange<Int>

        public init(indonesian: ClosedRange<Int>, english: ClosedRange<Int>) {
            self.indonesian = indonesian
            self.english = english
        }

        /// The sentences of an aligned pair (the aligner's beads are contiguous).
        init(_ pair: AlignedPair) {
            self.init(indonesian: pair.indonesianSentences.first!...pair.indonesianSentences.last!,
                      english: pair.englishSentences.first!...pair.englishSentences.last!)
        }
    }

    public var format = AlignmentDecisions.formatName
    public var version = 1
    /// The aligner's pairs at or above it start ticked; they are stored as the aligner scored them.
    public var minimumConfidence: Double
    public var indonesian: Side
    public var english: Side
    /// The aligner's proposal, as `tm align --format json` lists it.
    public var aligned: [AlignedPair]
    /// The pairs to store.
    public var chosen: [Pair]
    /// Pairs the translator left unticked (kept for the record; never stored).
    public var rejected: [Pair]

    /// The decisions the page starts from: the aligner's pairs, those at or above the threshold chosen.
    public init(result: AlignmentResult, indonesian: Side, english: Side, minimumConfidence: Double) {
        self.minimumConfidence = minimumConfidence
        self.indonesian = indonesian
        self.english = english
        aligned = result.pairs
        let pairs = aligned.filter(\.isPair)
        chosen = pairs.filter { $0.confidence >= minimumConfidence }.map(Pair.init)
        rejected = pairs.filter { $0.confidence < minimumConfidence }.map(Pair.init)
    }

    /// Reads and checks a decisions file: its format, and chosen pairs that name existing
    /// sentences, each sentence at most once.
    public static func read(path: String) throws -> AlignmentDecisions {
        let decisions: AlignmentDecisions
        do {
            decisions = try JSONDecoder().decode(AlignmentDecisions.self, from: Data(TextDecoding.readFile(path).utf8))
        } catch let error as TMError {
            throw error
        } catch {
            throw TMError(.wrongFormat(format: "review decisions", reason: "expected the JSON that a review page's \"Save decisions\" writes"), path: path)
        }
        guard decisions.format == formatName, decisions.version == 1 else {
            throw TMError(.wrongFormat(format: "review decisions", reason: "format \(decisions.format) version \(decisions.version); this tm reads \(formatName) version 1"), path: path)
        }
        var usedIndonesian = Set<Int>(), usedEnglish = Set<Int>()
        for (number, pair) in decisions.chosen.enumerated() {
            guard pair.indonesian.lowerBound >= 0, pair.indonesian.upperBound < decisions.indonesian.sentences.count,
                  pair.english.lowerBound >= 0, pair.english.upperBound < decisions.english.sentences.count else {
                throw TMError(.invalidContent(reason: "chosen pair \(number + 1) names a sentence the file does not have"), path: path)
            }
            guard usedIndonesian.isDisjoint(with: pair.indonesian), usedEnglish.isDisjoint(with: pair.english) else {
                throw TMError(.invalidContent(reason: "chosen pair \(number + 1) repeats a sentence of an earlier pair"), path: path)
            }
            usedIndonesian.formUnion(pair.indonesian)
            usedEnglish.formUnion(pair.english)
        }
        return decisions
    }

    /// Throws `changedSinceReview` naming the first file whose bytes are not those reviewed.
    public func checkFiles() throws {
        for side in [indonesian, english] where try SHA256.hex(ofFile: side.path) != side.sha256 {
            throw TMError(.changedSinceReview, path: side.path)
        }
    }

    /// The chosen pairs to store. One the translator kept as the aligner proposed it (ticked, at
    /// or above the threshold) keeps the aligner's confidence; one they made, changed or ticked
    /// below the threshold is theirs: confidence 1, `reviewed`, and no evidence figures.
    public func chosenPairs() -> [(pair: AlignedPair, reviewed: Bool)] {
        var proposed: [Pair: AlignedPair] = [:]
        for pair in aligned where pair.isPair && pair.confidence >= minimumConfidence { proposed[Pair(pair)] = pair }
        return chosen.map { choice in
            if let pair = proposed[choice] { return (pair, false) }
            let pair = AlignedPair(indonesian: indonesian.sentences[choice.indonesian].joined(separator: " "),
                                   english: english.sentences[choice.english].joined(separator: " "),
                                   confidence: 1, kind: "\(choice.indonesian.count)-\(choice.english.count)",
                                   indonesianSentences: Array(choice.indonesian), englishSentences: Array(choice.english),
                                   coverage: 0, lengthScore: 0)
            return (pair, true)
        }
    }
}

extension AlignmentSession {
    /// A session over the files the decisions were made on; their credits give the provenance.
    public init(decisions: AlignmentDecisions, store: TranslationMemoryStore?) {
        self.init(indonesian: decisions.indonesian.document, english: decisions.english.document,
                  lexicon: AlignmentLexicon(), store: store)
    }

    /// Stores the chosen pairs as `run` stores pairs (provenance, no duplicates, one new file,
    /// under the writer lock), after checking that the files are those reviewed. A pair the
    /// translator made or changed carries `x-alignment-reviewed` (who applied the review).
    public func apply(_ decisions: AlignmentDecisions, store storing: Bool) throws -> AlignmentReport {
        try decisions.checkFiles()
        let chosen = decisions.chosenPairs()
        var report = AlignmentReport(indonesianFile: decisions.indonesian.path, englishFile: decisions.english.path,
                                     pairs: chosen.map(\.pair), stored: 0, alreadyStored: 0, belowThreshold: 0,
                                     writtenTo: nil, translator: indonesian.translator ?? english.translator,
                                     editor: indonesian.editor ?? english.editor, source: indonesian.source ?? english.source,
                                     learnedFromMemory: 0, learnedFromFirstPass: 0, lengthRatio: 0,
                                     rejectedOnReview: decisions.rejected.count,
                                     verdict: AlignmentVerdict(reviewedIndonesian: decisions.indonesian.sentences.count,
                                                               english: decisions.english.sentences.count,
                                                               pairedIndonesian: chosen.reduce(0) { $0 + $1.pair.indonesianSentences.count },
                                                               pairedEnglish: chosen.reduce(0) { $0 + $1.pair.englishSentences.count }))
        guard let store else { return report }
        let lock = storing ? try store.lock() : nil
        var existing = Set<UnitKey>()
        try store.forEachUnit { unit, _ in existing.insert(UnitKey(unit)) }
        let stamp = TMXDate.format(date)
        let candidates = chosen.map { choice in
            var unit = makeUnit(choice.pair, stamp: stamp)
            if choice.reviewed { unit.properties.append(Property(type: "x-alignment-reviewed", value: user)) }
            return unit
        }
        let units = unitsToAdd(candidates, existing: &existing, report: &report)
        if storing { try append(units, to: store, report: &report) }
        withExtendedLifetime(lock) {}
        return report
    }
}
