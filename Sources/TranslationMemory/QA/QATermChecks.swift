import Foundation

/// `terms`: a glossary term found in the source (through Indonesian word forms: `kemitraan
/// strategisnya`) whose translation, or an alternative, is not in the target (through English
/// inflections: `strategic partnerships`). Entries with the same source count as one. A term
/// written in lower case in the glossary that stands capitalised inside a longer name (`Badan
/// Nasional Penanggulangan Bencana` holds `penanggulangan bencana`) is part of that name, which
/// has its own translation.
public struct TermsCheck: QACheck {
    public var id: String { "terms" }
    public var severity: QASeverity { .error }

    static func isCapitalised(_ word: String) -> Bool { word.first?.isUppercase ?? false }

    static func insideName(_ hit: GlossaryHit, _ tokens: [WordToken]) -> Bool {
        guard !isCapitalised(hit.term), tokens[hit.firstWord..<hit.endWord].allSatisfy({ isCapitalised($0.text) }) else { return false }
        let before = hit.firstWord > 0 && isCapitalised(tokens[hit.firstWord - 1].text) && hit.firstWord - 1 > 0
        let after = hit.endWord < tokens.count && isCapitalised(tokens[hit.endWord].text)
        return before || after
    }

    /// A glossary word in `-ing` or `-ed` is a word of its own (`downstreaming`, `funding`,
    /// `meeting`), not an inflection of its stem: the target must keep the ending (`meetings` may).
    static func keepsDerivation(_ hit: GlossaryHit) -> Bool {
        guard hit.kind != .exact else { return true }
        let written = WordTokenizer.tokenize(hit.matchedText).map(\.normalized)
        let glossary = WordTokenizer.tokenize(hit.term).map(\.normalized)
        return zip(written, glossary).allSatisfy { text, term in
            ["ing", "ed"].allSatisfy { !term.hasSuffix($0) || text.hasSuffix($0) || text.hasSuffix($0 + "s") }
        }
    }

    /// A month, weekday or currency word (`Februari`, `dolar AS`) is part of a date or an amount,
    /// which the figure checks compare by value (`Feb. 2`, `US$5 billion`).
    static func insideQuantity(_ hit: GlossaryHit, _ quantities: [Quantity]) -> Bool {
        quantities.contains { $0.range.lowerBound <= hit.start && hit.end <= $0.range.upperBound }
    }

    /// A one-word name the target writes as its possessive or adjective: `Indonesia's`,
    /// `Indonesian`, `Vietnamese` for `Indonesia`, `Vietnam`.
    static func nameInOtherForm(_ entry: GlossaryEntry, _ tokens: [WordToken]) -> Bool {
        ([entry.target] + entry.alternativeTargets).contains { name in
            guard isCapitalised(name), !name.contains(" ") else { return false }
            return tokens.contains { $0.text.hasPrefix(name) && $0.text.count <= name.count + 3 }
        }
    }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        guard !pair.target.isEmpty else { return [] }
        var reported = Set<String>()
        var result: [QAFinding] = []
        let tokens = pair.sourceTerms.isEmpty ? [] : WordTokenizer.tokenize(pair.source)
        let targetTokens = WordTokenizer.tokenize(pair.target)
        for hit in pair.sourceTerms where hit.role == .source && !Self.insideName(hit, tokens) && !Self.insideQuantity(hit, pair.sourceQuantities) {
            let key = hit.entry.sourceKey
            guard reported.insert(key).inserted else { continue }
            let rendered = pair.targetTerms.contains { $0.role != .forbidden && $0.entry.sourceKey == key && Self.keepsDerivation($0) }
                || Self.nameInOtherForm(hit.entry, targetTokens)
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
