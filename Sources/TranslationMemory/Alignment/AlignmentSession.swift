import Foundation

/// What `tm align` did: the pairs, and what went into the memory.
public struct AlignmentReport: Sendable, Codable, Hashable {
    public var indonesianFile: String
    public var englishFile: String
    public var pairs: [AlignedPair]
    /// Pairs added to the memory, pairs already there, pairs under the confidence threshold.
    public var stored: Int
    public var alreadyStored: Int
    public var belowThreshold: Int
    /// Pairs not stored because a text is too long for any TMX reader (over 10 MB).
    public var tooLong: Int = 0
    public var writtenTo: String?
    /// The run that stored the pairs (`tm undo` takes it back); nil when nothing was stored.
    public var run: String?
    /// Provenance found in the credits.
    public var translator: String?
    public var editor: String?
    public var source: String?
    /// Word pairs learned from the memory and from the first pass.
    public var learnedFromMemory: Int
    public var learnedFromFirstPass: Int
    public var lengthRatio: Double
    /// With `--apply`: pairs the translator left unticked on the review page.
    public var rejectedOnReview: Int? = nil
    /// Whether the two texts look like translations of each other.
    public var verdict: AlignmentVerdict
    /// True when the verdict was that they do not, and nothing was stored (no `--force`).
    public var rejected: Bool = false
}

/// Whether two documents look like translations of each other: the share of one text's
/// sentences that sit in pairs whose words translate each other more than chance explains
/// (`AlignmentBead.evidence` above 0). Two unrelated articles leave a stray pair or two (under 10%
/// on the yardstick's unrelated track); loose translations keep more than a quarter.
public struct AlignmentVerdict: Sendable, Codable, Hashable {
    /// Sentences of each text, and those in pairs with evidence.
    public var indonesianSentences: Int
    public var englishSentences: Int
    public var indonesianWithEvidence: Int
    public var englishWithEvidence: Int
    /// The larger of the two shares (an English summary of a long article still counts).
    public var share: Double
    public var minimumShare: Double
    public var looksTranslated: Bool { share >= minimumShare }

    public static let defaultMinimumShare = 0.15

    public init(_ result: AlignmentResult, minimumShare: Double = AlignmentVerdict.defaultMinimumShare) {
        indonesianSentences = result.indonesianSentences.count
        englishSentences = result.englishSentences.count
        var indonesian = 0, english = 0
        for bead in result.beads where !bead.indonesian.isEmpty && !bead.english.isEmpty && bead.evidence > 0 {
            indonesian += bead.indonesian.count
            english += bead.english.count
        }
        indonesianWithEvidence = indonesian
        englishWithEvidence = english
        share = max(Double(indonesian) / Double(max(1, indonesianSentences)), Double(english) / Double(max(1, englishSentences)))
        self.minimumShare = minimumShare
    }

    /// The verdict of a translator's review (`tm align --apply`): the pairs they chose are the
    /// evidence, whatever the aligner thought.
    public init(reviewedIndonesian indonesianSentences: Int, english englishSentences: Int, pairedIndonesian: Int, pairedEnglish: Int) {
        self.indonesianSentences = indonesianSentences
        self.englishSentences = englishSentences
        indonesianWithEvidence = pairedIndonesian
        englishWithEvidence = pairedEnglish
        share = max(Double(pairedIndonesian) / Double(max(1, indonesianSentences)), Double(pairedEnglish) / Double(max(1, englishSentences)))
        minimumShare = 0
    }

    /// What the user reads when the texts are rejected: the figures behind the verdict.
    public var explanation: String {
        "the files do not look like translations of each other: \(indonesianWithEvidence) of \(Plural.count(indonesianSentences, "Indonesian sentence")) "
            + "and \(englishWithEvidence) of \(englishSentences) English are in pairs whose words translate each other "
            + "(\(Int((share * 100).rounded()))%; at least \(Int((minimumShare * 100).rounded()))% needed)"
    }
}

/// The outcome of an alignment session.
public struct AlignmentOutcome: Sendable {
    public var result: AlignmentResult
    public var pairs: [AlignedPair]
    public var report: AlignmentReport
}

/// Gale & Church's length parameters measured on the memory's Indonesian–English units.
public enum AlignmentLengthModel {
    /// The ratio (English characters per Indonesian character) and variance per character, or nil
    /// when there are fewer than `minimumPairs` usable pairs.
    public static func estimate(from pairs: [(String, String)], minimumPairs: Int = 100) -> (ratio: Double, variance: Double)? {
        let lengths = pairs.map { (Double($0.0.unicodeScalars.count), Double($0.1.unicodeScalars.count)) }.filter { $0.0 >= 10 && $0.1 >= 10 }
        guard lengths.count >= minimumPairs else { return nil }
        let ratio = lengths.reduce(0) { $0 + $1.1 } / lengths.reduce(0) { $0 + $1.0 }
        var squares = lengths.map { pow($0.1 - ratio * $0.0, 2) / $0.0 }
        squares.sort()
        // Trim the worst 5%: the memory holds some loose translations.
        let kept = squares.prefix(max(1, squares.count * 95 / 100))
        let variance = kept.reduce(0, +) / Double(kept.count)
        return (min(1.3, max(0.6, ratio)), min(25, max(2, variance)))
    }
}

/// Aligns two documents and, when asked, stores the confident pairs in the memory with their
/// provenance: `creationid` the translator named in the credits (else the reporter, else the
/// user), props for the editor, the source, both file names and the confidence, a note for beads
/// other than 1-1. The memory's units teach the aligner (word pairs, length ratio) and are never
/// added twice.
public struct AlignmentSession: Sendable {
    public var indonesian: AlignmentDocument
    public var english: AlignmentDocument
    public var lexicon: AlignmentLexicon
    public var store: TranslationMemoryStore?
    public var parameters: AlignmentParameters
    /// Memory units read for learning (the rest are only checked for duplicates).
    public var learningLimit = 50_000
    public var user: String = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
    public var date = Date()

    public init(indonesian: AlignmentDocument, english: AlignmentDocument, lexicon: AlignmentLexicon,
                store: TranslationMemoryStore?, parameters: AlignmentParameters = AlignmentParameters()) {
        self.indonesian = indonesian
        self.english = english
        self.lexicon = lexicon
        self.store = store
        self.parameters = parameters
    }

    /// `reading` hears how far the read of the memory is, `progress` the share of the alignment done.
    ///
    /// - Complexity: O(memory size) to read the memory, plus `SentenceAligner.align`.
    ///
    /// When the two texts do not look like translations of each other (`AlignmentVerdict`), every
    /// pair gets confidence 0 and nothing is stored, unless `force`.
    public func run(minimumConfidence: Double, store storing: Bool, force: Bool = false, reading: ((ReadProgress) -> Void)? = nil,
                    progress: (@Sendable (Double) -> Void)? = nil) throws -> AlignmentOutcome {
        var lexicon = self.lexicon
        var parameters = self.parameters
        var existing = Set<UnitKey>()
        var learnedFromMemory = 0
        var lock: FileLock?
        if let store {
            if storing { lock = try store.lock() }
            var memoryPairs: [(String, String)] = []
            try store.forEachUnit(progress: reading) { unit, _ in
                existing.insert(UnitKey(unit))
                if memoryPairs.count < learningLimit, let pair = unit.indonesianEnglishPair {
                    memoryPairs.append((pair.indonesian, pair.english))
                }
            }
            if let model = AlignmentLengthModel.estimate(from: memoryPairs) {
                parameters.lengthRatio = model.ratio
                parameters.lengthVariance = model.variance
            }
            learnedFromMemory = lexicon.learn(fromPairs: memoryPairs, minimumCount: 2)
        }
        var aligner = SentenceAligner(lexicon: lexicon, parameters: parameters)
        aligner.progress = progress
        var result = aligner.align(indonesian: indonesian.paragraphs, english: english.paragraphs)
        let verdict = AlignmentVerdict(result)
        let rejected = !verdict.looksTranslated && !force
        if rejected {
            for index in result.beads.indices { result.beads[index].confidence = 0 }
        }
        let pairs = result.pairs
        var report = AlignmentReport(indonesianFile: indonesian.path, englishFile: english.path, pairs: pairs,
                                     stored: 0, alreadyStored: 0, belowThreshold: 0, writtenTo: nil,
                                     translator: indonesian.translator ?? english.translator,
                                     editor: indonesian.editor ?? english.editor,
                                     source: indonesian.source ?? english.source,
                                     learnedFromMemory: learnedFromMemory, learnedFromFirstPass: result.learnedPairs,
                                     lengthRatio: result.lengthRatio, verdict: verdict, rejected: rejected)
        var candidates: [TranslationUnit] = []
        let stamp = TMXDate.format(date)
        for pair in pairs where pair.isPair {
            guard !rejected else { report.belowThreshold += 1; continue }
            guard pair.confidence >= minimumConfidence else { report.belowThreshold += 1; continue }
            if store != nil { candidates.append(makeUnit(pair, stamp: stamp)) }
        }
        let units = unitsToAdd(candidates, existing: &existing, report: &report)
        if storing, let store { try append(units, to: store, report: &report) }
        // The writer lock is held from reading the memory to writing the new file.
        withExtendedLifetime(lock) {}
        return AlignmentOutcome(result: result, pairs: pairs, report: report)
    }

    /// The units to add: not too long for any TMX reader and not in the memory yet (`existing`);
    /// the others are counted in `report`.
    func unitsToAdd(_ candidates: [TranslationUnit], existing: inout Set<UnitKey>, report: inout AlignmentReport) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        for unit in candidates {
            if TMXWriter.oversizedText(in: unit) != nil { report.tooLong += 1; continue }
            let key = UnitKey(unit)
            if existing.contains(key) { report.alreadyStored += 1; continue }
            existing.insert(key)
            units.append(unit)
        }
        return units
    }

    /// Appends the units as one new file named after the Indonesian file. The caller holds the lock.
    func append(_ units: [TranslationUnit], to store: TranslationMemoryStore, report: inout AlignmentReport) throws {
        guard !units.isEmpty else { return }
        let name = "align-" + URL(fileURLWithPath: indonesian.path).deletingPathExtension().lastPathComponent
        let run = MemoryRun(command: "align", files: [indonesian.path, english.path], date: date)
        let written = try store.append(units, name: name, date: date, run: run)
        report.writtenTo = written?.file
        report.run = written?.run.id
        report.stored = units.count
    }

    /// The TMX unit for a pair, with its provenance.
    public func makeUnit(_ pair: AlignedPair) -> TranslationUnit {
        makeUnit(pair, stamp: TMXDate.format(date))
    }

    func makeUnit(_ pair: AlignedPair, stamp: String) -> TranslationUnit {
        let creator = indonesian.translator ?? english.translator ?? indonesian.reporter ?? english.reporter ?? user
        var unit = TranslationUnit(attributes: [
            XMLAttribute("srclang", "id-ID"),
            XMLAttribute("creationdate", stamp),
            XMLAttribute("creationid", creator),
            XMLAttribute("creationtool", "tm"),
            XMLAttribute("creationtoolversion", TMXWriter.toolVersion),
        ])
        if let editor = indonesian.editor ?? english.editor { unit.properties.append(Property(type: "x-editor", value: editor)) }
        if let source = indonesian.source ?? english.source { unit.properties.append(Property(type: "x-source", value: source)) }
        if let reporter = indonesian.reporter ?? english.reporter { unit.properties.append(Property(type: "x-reporter", value: reporter)) }
        unit.properties.append(Property(type: "x-indonesian-file", value: URL(fileURLWithPath: indonesian.path).lastPathComponent))
        unit.properties.append(Property(type: "x-english-file", value: URL(fileURLWithPath: english.path).lastPathComponent))
        unit.properties.append(Property(type: "x-alignment-confidence", value: AlignmentFormat.decimal(pair.confidence, places: 3)))
        if pair.kind != "1-1" {
            unit.notes.append(Note("aligned as \(pair.kind): \(pair.indonesianSentences.count) Indonesian sentence(s) to \(pair.englishSentences.count) English sentence(s)"))
        }
        unit.variants = [
            Variant(language: "id-ID", segment: Segment(text: pair.indonesian)),
            Variant(language: "en-US", segment: Segment(text: pair.english)),
        ]
        return unit
    }
}
