import Foundation

/// `credits`: a credit line (`Pewarta: Indra Arief`, `Reporter: …`, `Penerjemah:`, `Editor:`)
/// must name the same people in the translation, in a credit of the same kind. Names compare
/// without case and accents, an initial standing for a name (`Indra Arief P` = `Indra Arief
/// Pribadi`) and a shorter form for the full one.
public struct CreditsCheck: QACheck {
    public var id: String { "credits" }
    public var severity: QASeverity { .error }

    /// The kinds of credit whose names must correspond.
    static let kinds: Set<CreditKind> = [.reporter, .translator, .editor, .photographer]

    /// A credit line's kind and names, with the offset where its value starts; nil for any other text.
    static func credit(in text: String) -> (kind: CreditKind, names: [String], valueStart: Int)? {
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 32 else { return nil }
        let label = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let rest = text[text.index(after: colon)...]
        let value = rest.trimmingCharacters(in: .whitespaces)
        guard let kind = SegmenterCredits.labels[label], kinds.contains(kind), !value.isEmpty, value.count <= 120 else { return nil }
        let leading = rest.prefix { $0 == " " || $0 == "\t" }.unicodeScalars.count
        return (kind, SegmenterCredits.names(kind: kind, value), text[..<colon].unicodeScalars.count + 1 + leading)
    }

    /// Two spellings of one person's name.
    static func sameName(_ a: String, _ b: String) -> Bool {
        func words(_ name: String) -> [String] {
            name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split(whereSeparator: { $0 == " " || $0 == "." }).map(String.init)
        }
        let (x, y) = (words(a), words(b))
        guard let first = x.first, first == y.first else { return false }
        return zip(x, y).allSatisfy { u, v in u == v || (u.count == 1 && v.hasPrefix(u)) || (v.count == 1 && u.hasPrefix(v)) }
    }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        guard let source = Self.credit(in: pair.source), !pair.target.allSatisfy(\.isWhitespace) else { return [] }
        guard let target = Self.credit(in: pair.target), target.kind == source.kind else {
            return [finding(pair, "the source is a \(source.kind.rawValue) credit, the target is not")]
        }
        let missing = source.names.filter { name in !target.names.contains { Self.sameName(name, $0) } }
        let extra = target.names.filter { name in !source.names.contains { Self.sameName(name, $0) } }
        guard !missing.isEmpty || !extra.isEmpty else { return [] }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("source names \(missing.map { "`\($0)`" }.joined(separator: ", ")) not in the target") }
        if !extra.isEmpty { parts.append("target names \(extra.map { "`\($0)`" }.joined(separator: ", ")) not in the source") }
        let spans = [QASpan(side: .source, start: source.valueStart, end: pair.source.unicodeScalars.count,
                            text: String(String.UnicodeScalarView(pair.source.unicodeScalars.dropFirst(source.valueStart)))),
                     QASpan(side: .target, start: target.valueStart, end: pair.target.unicodeScalars.count,
                            text: String(String.UnicodeScalarView(pair.target.unicodeScalars.dropFirst(target.valueStart))))]
        return [finding(pair, "\(source.kind.rawValue): " + parts.joined(separator: "; "), spans)]
    }

    /// The credit lines of two articles paired by kind (the first of each kind on each side), as
    /// pairs to check; numbered from `firstNumber`, at the source's line.
    public static func pairs(source: [CreditLine], target: [CreditLine], sourcePath: String, firstNumber: Int) -> [QAPair] {
        var result: [QAPair] = []
        for kind in [CreditKind.reporter, .translator, .editor, .photographer] {
            guard let a = source.first(where: { $0.kind == kind }), let b = target.first(where: { $0.kind == kind }) else { continue }
            result.append(QAPair(number: firstNumber + result.count, source: "\(a.label): \(a.value)", target: "\(b.label): \(b.value)",
                                 file: sourcePath, line: a.line))
        }
        return result
    }
}
