import Foundation

/// `terms`: a glossary term found in the source (through Indonesian word forms: `kemitraan
/// strategisnya`) whose translation, or an alternative, is not in the target (through English
/// inflections: `strategic partnerships`). Entries with the same source count as one.
public struct TermsCheck: QACheck {
    public var id: String { "terms" }
    public var severity: QASeverity { .error }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        guard !pair.target.isEmpty else { return [] }
        var reported = Set<String>()
        var result: [QAFinding] = []
        for hit in pair.sourceTerms where hit.role == .source {
            let key = hit.entry.sourceKey
            guard reported.insert(key).inserted else { continue }
            let rendered = pair.targetTerms.contains { $0.role != .forbidden && $0.entry.sourceKey == key }
            // A forbidden rendering is forbidden-term's finding, said better there.
            let forbidden = pair.targetTerms.contains { $0.role == .forbidden && $0.entry.sourceKey == key }
            if rendered || forbidden { continue }
            let expected = ([hit.entry.target] + hit.entry.alternativeTargets).map { "`\($0)`" }.joined(separator: " or ")
            let form = hit.forms.isEmpty ? "" : " (\(hit.forms.joined(separator: ", ")))"
            result.append(finding(pair, "source `\(hit.matchedText)`\(form) is translated \(expected) in the glossary; not in the target",
                                  [QASpan(side: .source, start: hit.start, end: hit.end, text: hit.matchedText)]))
        }
        return result
    }
}

/// `forbidden-term`: the target uses a rendering the glossary forbids (TBX deprecated or superseded).
public struct ForbiddenTermCheck: QACheck {
    public var id: String { "forbidden-term" }
    public var severity: QASeverity { .error }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        pair.targetTerms.filter { $0.role == .forbidden }.map { hit in
            finding(pair, "target `\(hit.matchedText)` is forbidden for `\(hit.entry.source)`; use `\(hit.entry.target)`",
                    [QASpan(side: .target, start: hit.start, end: hit.end, text: hit.matchedText)])
        }
    }
}
