import Foundation

extension PretranslationSegment {
    /// The segment of a translation job (`Job/`), with its matches and glossary terms, as the
    /// pre-translation XLIFF writes it.
    public init(_ segment: JobSegment) {
        let kind: Kind = switch segment.kind {
        case .title: .title
        case .dateline: .dateline
        case .body: .body
        case .credit: .credit
        }
        self.init(id: segment.id, kind: kind, source: Segment(text: segment.source), best: segment.best.map(PretranslationMatch.init),
                  others: segment.otherMatches.map(PretranslationMatch.init),
                  glossary: segment.glossary.map { term in
                      PretranslationTerm(source: term.source, target: term.target, matched: term.matched == term.source ? nil : term.matched,
                                         note: term.note)
                  })
    }
}

extension PretranslationMatch {
    /// A job's match: its repaired target, the stored source, the memory file and who made the unit.
    public init(_ match: JobMatch) {
        var provenance: [XMLAttribute] = []
        if let creator = match.provenance.creationID { provenance.append(XMLAttribute("creationid", creator)) }
        if let date = match.provenance.creationDate { provenance.append(XMLAttribute("creationdate", date)) }
        provenance.append(XMLAttribute("unit", "\(match.provenance.file):\(match.provenance.line)"))
        self.init(target: Segment(text: match.target), source: Segment(text: match.source), score: match.score,
                  origin: match.origin, provenance: provenance)
    }
}

extension XLIFFPretranslation {
    /// Writes the pre-translation XLIFF of one article of a job (`original` is its file name).
    @discardableResult
    public static func write(_ file: JobFile, threshold: Int, to path: String, user: String = MemoryRun.currentUser(),
                             date: Date = Date()) throws -> PretranslationSummary {
        let job = Job(original: URL(fileURLWithPath: file.path).lastPathComponent, threshold: threshold, user: user, date: date)
        return try write(file.segments.map(PretranslationSegment.init), job: job, to: path)
    }
}
