import Foundation

/// One segment of an article as the job hands it to the XLIFF writer: its text and what the
/// memory and the glossary know of it. The job (segmenting and matching) fills it; this file
/// only turns it into XLIFF.
public struct PretranslationSegment: Sendable, Hashable {
    /// What part of the article the segment is.
    public enum Kind: String, Sendable, Codable, Hashable {
        case title, body, dateline, credit
    }

    public var id: String
    public var kind: Kind
    public var source: Segment
    /// The best match, if any (at or above the threshold or not: the writer decides).
    public var best: PretranslationMatch?
    /// The other matches, best first.
    public var others: [PretranslationMatch]
    public var glossary: [PretranslationTerm]

    public init(id: String, kind: Kind = .body, source: Segment, best: PretranslationMatch? = nil,
                others: [PretranslationMatch] = [], glossary: [PretranslationTerm] = []) {
        self.id = id
        self.kind = kind
        self.source = source
        self.best = best
        self.others = others
        self.glossary = glossary
    }
}

/// A match from the memory: its texts, score (0–100), the memory file it came from and who made it.
public struct PretranslationMatch: Sendable, Hashable {
    /// The target, placeables already repaired for the new source.
    public var target: Segment
    /// The stored source the score compares with.
    public var source: Segment
    public var score: Int
    /// The memory file (`origin`).
    public var origin: String
    /// The unit's provenance, shown to the translator: `creationid`, `creationdate`, the article, …
    /// as (name, value) in order.
    public var provenance: [XMLAttribute]

    public init(target: Segment, source: Segment, score: Int, origin: String, provenance: [XMLAttribute] = []) {
        self.target = target
        self.source = source
        self.score = score
        self.origin = origin
        self.provenance = provenance
    }
}

/// A glossary term found in a segment: `source` as the segment writes it (the job passes the
/// matched words, an inflected form included).
public struct PretranslationTerm: Sendable, Hashable {
    public var source: String
    public var target: String
    /// The glossary's note or definition, if any.
    public var note: String?

    public init(source: String, target: String, note: String? = nil) {
        self.source = source
        self.target = target
        self.note = note
    }
}

/// What the pre-translation XLIFF holds, for the command's summary.
public struct PretranslationSummary: Sendable, Codable, Hashable {
    public var units = 0
    public var exact = 0
    public var fuzzy = 0
    public var glossaryOnly = 0
    public var untranslated = 0
    public var alternatives = 0
}

/// Writes the pre-translation XLIFF of one article: one `trans-unit` per segment, the best match
/// at or above the threshold as the target (`needs-review-translation`: nobody has confirmed it, so
/// `tm import` leaves it out until a translator does), every match at or above the threshold as
/// an `alt-trans` with `match-quality` and `origin`, the glossary terms as notes.
public enum XLIFFPretranslation {
    public struct Job: Sendable, Hashable {
        /// The article's file name (`original`; `tm import` records it with the units).
        public var original: String
        public var sourceLanguage: String
        public var targetLanguage: String
        /// Matches below this score (1–100) are left out.
        public var threshold: Int
        /// Who ran the pre-translation (the phase's `contact-name`).
        public var user: String
        public var date: Date

        public init(original: String, sourceLanguage: String = "id-ID", targetLanguage: String = "en-US", threshold: Int = 75,
                    user: String = MemoryRun.currentUser(), date: Date = Date()) {
            self.original = original
            self.sourceLanguage = sourceLanguage
            self.targetLanguage = targetLanguage
            self.threshold = threshold
            self.user = user
            self.date = date
        }
    }

    /// Writes the XLIFF atomically to `path`.
    @discardableResult
    public static func write(_ segments: [PretranslationSegment], job: Job, to path: String) throws -> PretranslationSummary {
        var summary = PretranslationSummary()
        try AtomicFile.write(to: path) { temporary in
            summary = PretranslationSummary()
            let writer = try XLIFFWriter(path: temporary)
            try writer.startFile(XLIFFFile(original: job.original, sourceLanguage: job.sourceLanguage, targetLanguage: job.targetLanguage,
                                           date: job.date, phases: [XLIFFPhase(name: XLIFF.pretranslationPhase, process: "pre-translation",
                                                                               contactName: job.user, date: job.date)]))
            for segment in segments {
                let unit = self.unit(segment, job: job)
                summary.units += 1
                summary.alternatives += unit.alternatives.count
                switch unit.target?.stateQualifier {
                case "exact-match": summary.exact += 1
                case "fuzzy-match": summary.fuzzy += 1
                case "leveraged-glossary": summary.glossaryOnly += 1
                default: summary.untranslated += 1
                }
                try writer.write(unit)
            }
            try writer.finish()
        }
        return summary
    }

    /// The `trans-unit` of one segment.
    public static func unit(_ segment: PretranslationSegment, job: Job) -> XLIFFUnit {
        let restype: String? = switch segment.kind {
        case .credit: "x-credit"
        case .dateline: "x-dateline"
        case .title: "x-title"
        case .body: nil
        }
        var unit = XLIFFUnit(id: segment.id, restype: restype, source: segment.source)
        let matches = ([segment.best].compactMap { $0 } + segment.others).filter { $0.score >= job.threshold }
        var texts = [segment.source.plainText]
        if let best = matches.first {
            unit.target = XLIFFTarget(content: best.target, state: .needsReviewTranslation,
                                      stateQualifier: best.score >= 100 ? "exact-match" : "fuzzy-match", language: job.targetLanguage)
        } else if let draft = glossaryDraft(segment) {
            unit.target = XLIFFTarget(content: Segment(text: draft), state: .needsReviewTranslation,
                                      stateQualifier: "leveraged-glossary", language: job.targetLanguage)
        }
        for term in segment.glossary {
            let text = "\(term.source) → \(term.target)" + (term.note.map { " (\($0))" } ?? "")
            unit.notes.append(XLIFFNote(text, from: "tm glossary", annotates: "source"))
        }
        for match in matches {
            let provenance = match.provenance.map { "\($0.name): \($0.value)" }.joined(separator: "; ")
            unit.alternatives.append(XLIFFAlternative(
                matchQuality: String(match.score), origin: match.origin, source: match.source,
                target: XLIFFTarget(content: match.target, language: job.targetLanguage),
                notes: provenance.isEmpty ? [] : [XLIFFNote(provenance, from: "tm memory")]))
            texts += [match.source.plainText, match.target.plainText]
        }
        if let target = unit.target { texts.append(target.content.plainText) }
        unit.preservesSpace = texts.contains(where: XLIFFUnit.needsPreservedSpace)
        return unit
    }

    /// `target` in the case `written` shows: all capitals (a dateline's `JAKARTA`), or a capital
    /// first letter (the start of a sentence); else as the glossary has it.
    static func inCaseOf(_ written: String, _ target: String) -> String {
        if written.count > 1, written.contains(where: \.isLetter), written == written.uppercased() { return target.uppercased() }
        if let first = written.first, first.isUppercase, let start = target.first, start.isLowercase {
            return start.uppercased() + target.dropFirst()
        }
        return target
    }

    /// The source with each glossary term written as its target where the term stands in it as
    /// written (case aside); nil when no term does. A draft for the translator, never confirmed.
    static func glossaryDraft(_ segment: PretranslationSegment) -> String? {
        guard !segment.glossary.isEmpty, !segment.source.hasMarkup else { return nil }
        var text = segment.source.plainText
        var replaced = false
        for term in segment.glossary.sorted(by: { $0.source.count > $1.source.count }) where !term.source.isEmpty {
            guard let range = text.range(of: term.source, options: [.caseInsensitive]) else { continue }
            text.replaceSubrange(range, with: inCaseOf(String(text[range]), term.target))
            replaced = true
        }
        return replaced ? text : nil
    }
}
