import Foundation

/// The scalars of a text with their offsets, for the checks that look at characters.
private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

private func span(_ side: QASide, _ s: [Unicode.Scalar], _ range: Range<Int>) -> QASpan {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: s[range])
    return QASpan(side: side, start: range.lowerBound, end: range.upperBound, text: String(view))
}

/// `end-punctuation`: the sentences end differently (`.` against `?`, or one without a mark).
/// Closing quotes and brackets after the mark do not count.
public struct EndPunctuationCheck: QACheck {
    public var id: String { "end-punctuation" }
    public var severity: QASeverity { .warning }

    static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]", "»"]

    /// The final mark (`.`, `?`, `!`, `:`, `;`, `…`) and where it stands, or nil and the end.
    static func ending(_ s: [Unicode.Scalar]) -> (mark: String?, at: Int) {
        var end = s.count
        while end > 0, s[end - 1].properties.isWhitespace || closers.contains(s[end - 1]) { end -= 1 }
        guard end > 0 else { return (nil, 0) }
        let last = s[end - 1]
        if last == "." && end >= 3 && s[end - 2] == "." && s[end - 3] == "." { return ("…", end - 3) }
        return [".", "?", "!", ":", ";", "…"].contains(last) ? (String(last), end - 1) : (nil, end)
    }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        guard !pair.target.allSatisfy(\.isWhitespace) else { return [] }
        let (s, t) = (scalars(pair.source), scalars(pair.target))
        let (a, b) = (Self.ending(s), Self.ending(t))
        guard a.mark != b.mark else { return [] }
        var spans: [QASpan] = []
        if a.mark != nil { spans.append(span(.source, s, a.at..<a.at + 1)) }
        if b.mark != nil { spans.append(span(.target, t, b.at..<b.at + 1)) }
        return [finding(pair, "the source ends with \(a.mark.map { "`\($0)`" } ?? "no mark"), the target with \(b.mark.map { "`\($0)`" } ?? "no mark")", spans)]
    }
}

/// `brackets`: a bracket of the target without its partner, where the source's are paired.
/// (A translation may drop a bracketed aside — `Senin (7/8)` becomes `on Monday` — so counts are not compared.)
public struct BracketsCheck: QACheck {
    public var id: String { "brackets" }
    public var severity: QASeverity { .error }

    static let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("(", ")"), ("[", "]"), ("{", "}")]

    /// Offsets of the brackets without a partner.
    static func unpaired(_ s: [Unicode.Scalar], _ open: Unicode.Scalar, _ close: Unicode.Scalar) -> [Int] {
        var stack: [Int] = []
        var stray: [Int] = []
        for (i, c) in s.enumerated() {
            if c == open { stack.append(i) } else if c == close { if stack.popLast() == nil { stray.append(i) } }
        }
        return stray + stack
    }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        let (s, t) = (scalars(pair.source), scalars(pair.target))
        var result: [QAFinding] = []
        for (open, close) in Self.pairs where Self.unpaired(s, open, close).isEmpty {
            for i in Self.unpaired(t, open, close) {
                result.append(finding(pair, "target `\(t[i])` at \(i) has no partner", [span(.target, t, i..<i + 1)]))
            }
        }
        return result
    }
}

/// `quotes`: the target's quotation marks do not pair up where the source's do, or the source
/// quotes someone and the target has no quotation mark at all.
public struct QuotesCheck: QACheck {
    public var id: String { "quotes" }
    public var severity: QASeverity { .warning }

    static func count(_ s: [Unicode.Scalar]) -> (straight: Int, open: Int, close: Int) {
        (s.filter { $0 == "\"" }.count, s.filter { $0 == "“" }.count, s.filter { $0 == "”" }.count)
    }

    static func balanced(_ c: (straight: Int, open: Int, close: Int)) -> Bool { c.straight % 2 == 0 && c.open == c.close }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        guard !pair.target.allSatisfy(\.isWhitespace) else { return [] }
        let (a, b) = (Self.count(scalars(pair.source)), Self.count(scalars(pair.target)))
        guard Self.balanced(a) else { return [] }
        if !Self.balanced(b) { return [finding(pair, "the target's quotation marks do not pair up")] }
        if a.straight + a.open > 0 && b.straight + b.open + b.close == 0 {
            return [finding(pair, "the source has a quotation, the target no quotation marks")]
        }
        return []
    }
}

/// `double-space`: two or more spaces in a row inside the target.
public struct DoubleSpaceCheck: QACheck {
    public var id: String { "double-space" }
    public var severity: QASeverity { .warning }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        let t = scalars(pair.target)
        var result: [QAFinding] = []
        var i = 0
        while i < t.count {
            guard t[i] == " " else { i += 1; continue }
            var j = i
            while j < t.count && t[j] == " " { j += 1 }
            if j - i >= 2 && i > 0 && j < t.count {
                result.append(finding(pair, "target has \(j - i) spaces in a row at \(i)", [span(.target, t, i..<j)]))
            }
            i = j
        }
        return result
    }
}

/// `double-word`: a word written twice in a row (`the the`), in either text. Figures are not
/// words here, and English `that that` and `had had` are grammatical.
public struct DoubleWordCheck: QACheck {
    public var id: String { "double-word" }
    public var severity: QASeverity { .warning }

    static let allowed: Set<String> = ["that", "had"]

    public func findings(in pair: QAPairText) -> [QAFinding] {
        var result: [QAFinding] = []
        for (side, text) in [(QASide.source, pair.source), (.target, pair.target)] {
            let tokens = WordTokenizer.tokenize(text)
            let s = scalars(text)
            for (a, b) in zip(tokens, tokens.dropFirst()) where a.normalized == b.normalized && !a.isNumber && !Self.allowed.contains(a.normalized) {
                guard s[a.end..<b.start].allSatisfy({ $0 == " " }) else { continue }
                result.append(finding(pair, "\(side.rawValue) repeats `\(a.text)`", [span(side, s, a.start..<b.end)]))
            }
        }
        return result
    }
}

/// `urls`, `emails` and `tags`: every address and every inline tag (`<b>`, `</b>`, `<br/>`) of
/// the source is in the target, as often, and no other.
public struct MarkedSpanCheck: QACheck {
    public let id: String
    let noun: String
    let pattern: NSRegularExpression
    /// A full stop or comma ending a sentence is not part of an address.
    let trimsPunctuation: Bool
    /// What two spellings of one address or tag share.
    let key: @Sendable (String) -> String
    public var severity: QASeverity { .error }

    public static let urls = MarkedSpanCheck(id: "urls", noun: "URL", pattern: try! NSRegularExpression(pattern: #"(?:https?://|www\.)[^\s<>"”)]+"#, options: [.caseInsensitive]),
                                             trimsPunctuation: true, key: { $0.lowercased() })
    public static let emails = MarkedSpanCheck(id: "emails", noun: "e-mail address", pattern: try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#),
                                               trimsPunctuation: true, key: { $0.lowercased() })
    /// `</B >` and `</b>` are one tag; attributes count. Placeholders written as text (`{0}`,
    /// `%s`, `%1$s`; not `50%` before a word) are tags too.
    public static let tags = MarkedSpanCheck(id: "tags", noun: "tag", pattern: try! NSRegularExpression(
        pattern: #"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|\{[0-9]+\}|(?<![0-9])%(?:[0-9]+\$)?[sd@](?![A-Za-z])"#),
                                             trimsPunctuation: false, key: { $0.lowercased().replacingOccurrences(of: " ", with: "") })

    /// The spans of `text` the pattern finds.
    func spans(_ text: String, _ side: QASide) -> [QASpan] {
        let s = scalars(text)
        let ns = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            var found = ns.substring(with: match.range)
            while trimsPunctuation, let last = found.last, ".,;:!?".contains(last) { found.removeLast() }
            let start = ns.substring(to: match.range.location).unicodeScalars.count
            return span(side, s, start..<start + found.unicodeScalars.count)
        }
    }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        guard !pair.target.allSatisfy(\.isWhitespace) else { return [] }
        var target = spans(pair.target, .target)
        var result: [QAFinding] = []
        for item in spans(pair.source, .source) {
            if let i = target.firstIndex(where: { key($0.text) == key(item.text) }) {
                target.remove(at: i)
            } else {
                result.append(finding(pair, "source \(noun) `\(item.text)` is not in the target", [item]))
            }
        }
        result += target.map { finding(pair, "target \(noun) `\($0.text)` is not in the source", [$0]) }
        return result
    }
}

/// `length-ratio`: a target far shorter or longer than its source, a sign of a sentence left out
/// or added. English runs at about 0.9 of the Indonesian's length; below half or over twice is
/// reported, for sources of 40 characters or more (shorter ones vary too much).
public struct LengthRatioCheck: QACheck {
    public var id: String { "length-ratio" }
    public var severity: QASeverity { .warning }
    public var minimum = 0.5
    public var maximum = 2.0
    public var shortest = 40

    public func findings(in pair: QAPairText) -> [QAFinding] {
        let (a, b) = (pair.source.count, pair.target.count)
        guard a >= shortest, !pair.target.allSatisfy(\.isWhitespace) else { return [] }
        let ratio = Double(b) / Double(a)
        guard ratio < minimum || ratio > maximum else { return [] }
        return [finding(pair, "the target is \(String(format: "%.2f", ratio)) times the source's length (\(b) against \(a) characters)")]
    }
}
