import Foundation

/// What part of an article a job segment is: analyses report credits apart, and a
/// pre-translation writer marks credits and the dateline (XLIFF `restype`).
public enum JobSegmentKind: String, Sendable, Codable, CaseIterable {
    case title, dateline, body, credit
}

/// A memory match for a job segment: the target with the segment's numbers and months put in
/// (placeables repaired), and where the unit came from.
public struct JobMatch: Sendable, Codable, Hashable {
    /// The percentage (rounded down); 100 only for the identical text.
    public var score: Int
    public var exactScore: Double
    /// The stored source (Indonesian).
    public var source: String
    /// The stored target with placeables repaired: what a translator would insert.
    public var target: String
    /// The target as stored (differs from `target` when placeables were repaired).
    public var storedTarget: String
    public var placeables: [FuzzyPlaceableChange]
    /// The memory file the unit is in.
    public var origin: String
    /// The unit's line in that file, its creator and date.
    public var provenance: LookupProvenance

    init(_ match: LookupMatch) {
        score = match.score
        exactScore = match.exactScore
        source = match.source
        target = match.target
        storedTarget = match.storedTarget ?? match.target
        placeables = match.placeables
        origin = match.provenance.file
        provenance = match.provenance
    }
}

/// One segment of a job, scored against the memory.
public struct JobSegment: Sendable, Codable, Hashable {
    /// Unique in the job: `FILE.N` (1-based file, 1-based segment in document order); a
    /// pre-translation file's unit id.
    public var id: String
    public var kind: JobSegmentKind
    /// The Indonesian text as segmented (NFC, as the memory stores it).
    public var source: String
    /// Where the text is in the decoded article, in Unicode scalars (a draft replaces it there).
    public var start: Int
    public var end: Int
    /// The id of the earlier segment of the job with the same text (NFC): this one is a repetition.
    public var repetitionOf: String?
    /// The best match at or above the job's minimum, if any.
    public var best: JobMatch?
    /// The other matches at or above the minimum, best first.
    public var otherMatches: [JobMatch]
    /// Glossary terms found in the segment (longest at each place).
    public var glossary: [LookupGlossaryTerm]

    /// The best score, 0 when nothing reached the minimum.
    public var score: Int { best?.score ?? 0 }
}

/// One article of a job.
public struct JobFile: Sendable, Codable, Hashable {
    public var path: String
    /// The decoded text (a draft is written from it).
    public var text: String
    public var article: SegmentedArticle
    /// Title, dateline, body sentences and credit lines, in document order.
    public var segments: [JobSegment]
}

/// How a job looks segments up.
public struct JobOptions: Sendable, Hashable {
    /// The lowest score kept (analysis bands start at 50).
    public var minimum: Double
    /// How many matches per segment.
    public var limit: Int

    public init(minimum: Double = 50, limit: Int = 5) {
        self.minimum = minimum
        self.limit = limit
    }
}

/// Articles segmented as `tm segment` does and every segment scored against the memory: what
/// `tm analyze` counts and what a pre-translation (OmegaT project, draft, XLIFF) is written from.
/// A repetition is not looked up again: it carries its first occurrence's matches.
public struct TranslationJob: Sendable, Codable, Hashable {
    public var files: [JobFile]
    public var minimum: Double

    /// Every segment of every file, in job order.
    public var segments: [JobSegment] { files.flatMap(\.segments) }

    /// Segments and scores `articles` (path and decoded text each) against `index`.
    public static func prepare(articles: [(path: String, text: String)], index: LookupIndex, glossary: GlossaryMatcher? = nil,
                               options: JobOptions = JobOptions()) throws -> TranslationJob {
        let segmenter = try SentenceSegmenter(language: .indonesian)
        let scratch = FuzzySearchScratch()
        var seen: [String: JobSegment] = [:]
        var files: [JobFile] = []
        for (fileNumber, article) in articles.enumerated() {
            let segmented = segmenter.segment(article: article.text)
            var segments: [JobSegment] = []
            for (kind, text, range) in pieces(of: segmented, text: article.text) {
                let source = TextNormalization.nfc(text)
                var segment = JobSegment(id: "\(fileNumber + 1).\(segments.count + 1)", kind: kind, source: source,
                                         start: range.lowerBound, end: range.upperBound, repetitionOf: nil, best: nil,
                                         otherMatches: [], glossary: [])
                if let first = seen[source] {
                    segment.repetitionOf = first.id
                    segment.best = first.best
                    segment.otherMatches = first.otherMatches
                    segment.glossary = first.glossary
                } else {
                    try lookUp(&segment, index: index, glossary: glossary, options: options, scratch: scratch)
                    seen[source] = segment
                }
                segments.append(segment)
            }
            files.append(JobFile(path: article.path, text: article.text, article: segmented, segments: segments))
        }
        return TranslationJob(files: files, minimum: options.minimum)
    }

    private static func lookUp(_ segment: inout JobSegment, index: LookupIndex, glossary: GlossaryMatcher?,
                               options: JobOptions, scratch: FuzzySearchScratch) throws {
        guard !FuzzySegment(segment.source, language: .indonesian).tokens.isEmpty else { return }
        let request = LookupRequest(query: segment.source, minimum: options.minimum, limit: options.limit,
                                    concordanceMaxWords: 0)
        let report = try LookupEngine.run(request, index: index, glossary: glossary, scratch: scratch)
        let matches = report.matches.map(JobMatch.init)
        segment.best = matches.first
        segment.otherMatches = Array(matches.dropFirst())
        segment.glossary = report.glossary
    }

    /// The article's parts in document order, each with its range in Unicode scalars. The
    /// dateline and credit lines carry no offsets of their own: they are found in the text.
    static func pieces(of article: SegmentedArticle, text: String) -> [(JobSegmentKind, String, Range<Int>)] {
        var result: [(JobSegmentKind, String, Range<Int>)] = []
        if let title = article.title { result.append((.title, title.text, title.start..<title.end)) }
        let sentences = article.sentences
        let scalars = Array(text.unicodeScalars)
        if let dateline = article.dateline {
            let limit = sentences.first?.start ?? scalars.count
            if let found = find(Array(dateline.text.unicodeScalars), in: scalars, from: article.title?.end ?? 0, before: limit) {
                result.append((.dateline, dateline.text, found))
            }
        }
        for sentence in sentences { result.append((.body, sentence.text, sentence.start..<sentence.end)) }
        let lines = lineRanges(scalars)
        for credit in article.credits where credit.line >= 1 && credit.line <= lines.count {
            var range = lines[credit.line - 1]
            while range.lowerBound < range.upperBound, scalars[range.lowerBound].properties.isWhitespace { range = range.lowerBound + 1..<range.upperBound }
            while range.lowerBound < range.upperBound, scalars[range.upperBound - 1].properties.isWhitespace { range = range.lowerBound..<range.upperBound - 1 }
            guard !range.isEmpty else { continue }
            result.append((.credit, String(String.UnicodeScalarView(scalars[range])), range))
        }
        return result.sorted { $0.2.lowerBound < $1.2.lowerBound }
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int, before limit: Int) -> Range<Int>? {
        guard !needle.isEmpty, from <= limit else { return nil }
        var start = from
        while start + needle.count <= limit {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
            start += 1
        }
        return nil
    }

    private static func lineRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
            ranges.append(start..<offset)
            start = offset + 1
        }
        ranges.append(start..<scalars.count)
        return ranges
    }
}
