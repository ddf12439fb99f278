import Foundation

extension JobFile {
    /// The file's segments as the XLIFF pre-translation writer takes them: the best match and
    /// the others with their stored source, repaired target, memory file and provenance; the
    /// glossary terms with their notes.
    public var pretranslationSegments: [PretranslationSegment] {
        segments.map { segment in
            PretranslationSegment(id: segment.id, kind: PretranslationSegment.Kind(rawValue: segment.kind.rawValue) ?? .body,
                                  source: Segment(text: segment.source), best: segment.best.map(Self.match),
                                  others: segment.otherMatches.map(Self.match),
                                  glossary: segment.glossary.map { PretranslationTerm(source: $0.matched, target: $0.target, note: $0.note) })
        }
    }

    private static func match(_ match: JobMatch) -> PretranslationMatch {
        var provenance = [XMLAttribute("unit", "\(match.origin):\(match.provenance.line)")]
        if let creator = match.provenance.creationID { provenance.append(XMLAttribute("creationid", creator)) }
        if let date = match.provenance.creationDate { provenance.append(XMLAttribute("creationdate", date)) }
        return PretranslationMatch(target: Segment(text: match.target), source: Segment(text: match.source), score: match.score,
                                   origin: match.origin, provenance: provenance)
    }
}
