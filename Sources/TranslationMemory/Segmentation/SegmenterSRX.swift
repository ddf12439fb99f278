import Foundation

/// One SRX 2.0 rule: a break (or no-break) between text matching `before` and text matching
/// `after` (LISA SRX 2.0, 2008; ICU/Java regular expressions).
public struct SRXSegmentationRule: Sendable, Codable, Hashable {
    public var isBreak: Bool
    public var before: String
    public var after: String

    public init(isBreak: Bool, before: String, after: String) {
        self.isBreak = isBreak
        self.before = before
        self.after = after
    }
}

/// Compiled SRX rules. A class to hold the compiled expressions, which never change after
/// `init`, and the first rule that ran out of time (behind a lock), so sharing across threads is
/// safe.
///
/// A user's rule can backtrack catastrophically (`(\w+\s?)*$` on 400 characters runs for
/// minutes in ICU's backtracking engine, which has no step limit reachable from Foundation).
/// Matching asks for progress reports and stops a rule that runs longer than `timeLimit` on
/// one paragraph; the rule is recorded so the command fails naming it.
final class SRXCompiledRules: @unchecked Sendable {
    let rules: [(isBreak: Bool, regex: NSRegularExpression)]
    let source: [SRXSegmentationRule]
    /// Seconds one rule may take on one paragraph.
    static let timeLimit: TimeInterval = 1
    private let lock = NSLock()
    private var firstOverrun: SRXSegmentationRule?

    /// The first rule stopped for taking too long, if any.
    var overrun: SRXSegmentationRule? { lock.withLock { firstOverrun } }

    func recordOverrun(_ index: Int) {
        lock.withLock { if firstOverrun == nil { firstOverrun = source[index] } }
    }

    init(_ source: [SRXSegmentationRule], path: String = "SRX") throws {
        self.source = source
        var compiled: [(Bool, NSRegularExpression)] = []
        for rule in source {
            let pattern = "(?:\(rule.before.isEmpty ? "" : rule.before))(?=\(rule.after.isEmpty ? "" : rule.after))"
            do {
                compiled.append((rule.isBreak, try NSRegularExpression(pattern: pattern, options: [])))
            } catch {
                throw TMError.invalidSRX(path: path, line: 0,
                                         reason: "rule before=\"\(rule.before)\" after=\"\(rule.after)\" is not a valid regular expression")
            }
        }
        rules = compiled
    }
}

/// Reads and writes SRX 2.0 files with the project's libxml2 stream classes.
public enum SegmenterSRX {
    /// The SRX rules that `path` gives for `language` (its `maprules` are matched against the
    /// language code `id` or `en`; with `cascade="yes"` every matching map applies, in order).
    public static func read(_ path: String, language: ArticleLanguage) throws -> [SRXSegmentationRule] {
        let reader: XMLStreamReader
        do { reader = try XMLStreamReader(path: path) } catch let problem as TMError {
            throw TMError.invalidSRX(path: path, line: problem.line ?? 0, reason: problem.kind.message)
        }
        var cascade = false
        var sawRoot = false
        var ruleSets: [String: [SRXSegmentationRule]] = [:]
        var maps: [(pattern: String, name: String, line: Int)] = []
        var currentSet: String?
        var currentRule: SRXSegmentationRule?
        do {
            while try reader.read() {
                guard reader.kind == .startElement else {
                    if reader.kind == .endElement {
                        if reader.nameIs("rule"), let rule = currentRule, let set = currentSet {
                            ruleSets[set, default: []].append(rule)
                            currentRule = nil
                        } else if reader.nameIs("languagerule") {
                            currentSet = nil
                        }
                    }
                    continue
                }
                let attributes = reader.attributes()
                func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
                switch reader.name {
                case "srx":
                    sawRoot = true
                case "header":
                    cascade = attribute("cascade") == "yes"
                case "languagerule":
                    currentSet = attribute("languagerulename") ?? ""
                    if reader.isEmptyElement { currentSet = nil }
                case "rule":
                    currentRule = SRXSegmentationRule(isBreak: attribute("break") != "no", before: "", after: "")
                    if reader.isEmptyElement, let rule = currentRule, let set = currentSet {
                        ruleSets[set, default: []].append(rule)
                        currentRule = nil
                    }
                case "beforebreak":
                    currentRule?.before = try reader.readElementText()
                case "afterbreak":
                    currentRule?.after = try reader.readElementText()
                case "languagemap":
                    maps.append((attribute("languagepattern") ?? "", attribute("languagerulename") ?? "", reader.line))
                default:
                    continue
                }
            }
        } catch let problem as TMError {
            throw TMError.invalidSRX(path: path, line: problem.line ?? 0, reason: problem.kind.message)
        }
        guard sawRoot else { throw TMError.invalidSRX(path: path, line: 0, reason: "not an SRX file (no <srx> root element)") }
        var result: [SRXSegmentationRule] = []
        for map in maps {
            let regex: NSRegularExpression
            do { regex = try NSRegularExpression(pattern: "^(?:\(map.pattern))$", options: [.caseInsensitive]) } catch {
                throw TMError.invalidSRX(path: path, line: map.line, reason: "languagepattern \"\(map.pattern)\" is not a valid regular expression")
            }
            let codes = language == .indonesian ? ["id", "id-ID", "in", "in-ID"] : ["en", "en-US", "en-GB"]
            guard codes.contains(where: { regex.firstMatch(in: $0, range: NSRange(location: 0, length: ($0 as NSString).length)) != nil }) else { continue }
            guard let rules = ruleSets[map.name] else {
                throw TMError.invalidSRX(path: path, line: map.line, reason: "languagemap names an unknown languagerule \"\(map.name)\"")
            }
            result += rules
            if !cascade { break }
        }
        _ = try SRXCompiledRules(result, path: path)   // report bad expressions now
        return result
    }

    /// The shipped rules of `language` as SRX rules: no-break rules for abbreviations, initials and
    /// lower-case continuations, then the break rule for sentence punctuation.
    public static func rules(for language: ArticleLanguage, from rules: SegmenterRules) -> [SRXSegmentationRule] {
        let closers = "[\"'”’»›\\)\\]]*"
        let openers = "[\"'“‘„«‹\\(\\[]*"
        let starters = rules.starters.sorted().map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        let notStarter = "\\s+(?!\(openers.dropLast())]|(?:\(starters))\\b)"
        let continuations = rules.continuations.sorted().map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        let continuing = "\\s+(?:\\p{N}|\\p{Lu}[\\p{Lu}\\p{N}]+\\b|(?:\(continuations))\\b)"
        var result: [SRXSegmentationRule] = []
        for (word, kind) in rules.abbreviations.sorted(by: { $0.key < $1.key }) {
            let before = "(?<![\\p{L}\\p{N}.])" + NSRegularExpression.escapedPattern(for: word + ".")
            switch kind {
            case .title: result.append(SRXSegmentationRule(isBreak: false, before: before, after: "\\s"))
            case .numeric: result.append(SRXSegmentationRule(isBreak: false, before: before, after: "\\s+\\p{N}"))
            case .ambiguous: result.append(SRXSegmentationRule(isBreak: false, before: before, after: notStarter))
            case .final: result.append(SRXSegmentationRule(isBreak: false, before: before, after: continuing))
            }
        }
        // Initials (Antony J. Blinken, J.K. Rowling) unless a sentence opener follows.
        result.append(SRXSegmentationRule(isBreak: false, before: "(?<![\\p{L}\\p{N}.])\\p{Lu}(?:\\.\\p{L})*\\.", after: notStarter))
        // Lower-case dotted abbreviations (a.n., p.m.) unless a sentence opener follows.
        result.append(SRXSegmentationRule(isBreak: false, before: "(?<![\\p{L}\\p{N}.])\\p{Ll}(?:\\.\\p{Ll})+\\.", after: notStarter))
        // A list number at the start of a paragraph.
        result.append(SRXSegmentationRule(isBreak: false, before: "^\\s*(?:\\d{1,3}|\\p{Ll})\\.", after: "\\s"))
        // Nothing ends before a lower-case word.
        result.append(SRXSegmentationRule(isBreak: false, before: "[.?!…]+\(closers)", after: "\\s+\(openers)\\p{Ll}"))
        // Sentence punctuation followed by white space ends a sentence.
        result.append(SRXSegmentationRule(isBreak: true, before: "[.?!…]+\(closers)", after: "\\s"))
        return result
    }

    /// Writes the shipped rules of both languages (with the user's additions) as SRX 2.0, which
    /// OmegaT and Okapi load. Atomic: the file is complete or untouched.
    public static func export(to path: String, rules: [ArticleLanguage: SegmenterRules]) throws {
        try AtomicFile.write(to: path) { temporary in
            let writer = try XMLStreamWriter(path: temporary)
            try writer.startDocument()
            try writer.startElement("srx")
            try writer.attribute("xmlns", "http://www.lisa.org/srx20")
            try writer.attribute("version", "2.0")
            try writer.layout("\n  ")
            try writer.startElement("header")
            try writer.attribute("segmentsubflows", "yes")
            try writer.attribute("cascade", "no")
            for (type, include) in [("start", "no"), ("end", "yes"), ("isolated", "no")] {
                try writer.layout("\n    ")
                try writer.startElement("formathandle")
                try writer.attribute("type", type)
                try writer.attribute("include", include)
                try writer.endElement()
            }
            try writer.layout("\n  ")
            try writer.fullEndElement()
            try writer.layout("\n  ")
            try writer.startElement("body")
            try writer.layout("\n    ")
            try writer.startElement("languagerules")
            let languages = ArticleLanguage.allCases.filter { rules[$0] != nil }
            for language in languages {
                try writer.layout("\n      ")
                try writer.startElement("languagerule")
                try writer.attribute("languagerulename", ruleName(language))
                for rule in self.rules(for: language, from: rules[language]!) {
                    try writer.layout("\n        ")
                    try writer.startElement("rule")
                    try writer.attribute("break", rule.isBreak ? "yes" : "no")
                    try writer.element("beforebreak", text: rule.before)
                    try writer.element("afterbreak", text: rule.after)
                    try writer.fullEndElement()
                }
                try writer.layout("\n      ")
                try writer.fullEndElement()
            }
            try writer.layout("\n    ")
            try writer.fullEndElement()
            try writer.layout("\n    ")
            try writer.startElement("maprules")
            for language in languages {
                try writer.layout("\n      ")
                try writer.startElement("languagemap")
                try writer.attribute("languagepattern", language == .indonesian ? "(id|in)([-_].*)?" : "en([-_].*)?")
                try writer.attribute("languagerulename", ruleName(language))
                try writer.endElement()
            }
            try writer.layout("\n    ")
            try writer.fullEndElement()
            try writer.layout("\n  ")
            try writer.fullEndElement()
            try writer.layout("\n")
            try writer.fullEndElement()
            try writer.endDocument()
        }
    }

    private static func ruleName(_ language: ArticleLanguage) -> String {
        language == .indonesian ? "Indonesian (tm news)" : "English (tm news)"
    }
}

extension SentenceSegmenter {
    /// Splits with the SRX rules on top of the built-in ones: at every position where an SRX rule
    /// matches, the first matching rule decides (SRX 2.0 semantics); elsewhere the built-in rules do.
    func splitWithSRX(_ p: SegmenterBytes.Buffer, _ lo: Int, _ hi: Int, _ compiled: SRXCompiledRules, into out: inout [Range<Int>]) {
        var plain = self
        plain.srxCompiled = nil
        var builtIn: [Range<Int>] = []
        plain.splitRanges(p, lo, hi, into: &builtIn)
        var breaks = Set(builtIn.dropLast().map(\.upperBound))
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[lo..<hi]), as: UTF8.self)
        // UTF-16 offset → byte offset.
        var byteAt: [Int] = []
        byteAt.reserveCapacity(hi - lo + 1)
        var offset = lo
        for scalar in text.unicodeScalars {
            let bytes = UTF8.width(scalar)
            byteAt.append(offset)
            if scalar.value > 0xFFFF { byteAt.append(offset) }
            offset += bytes
        }
        byteAt.append(offset)
        var decided: [Int: Bool] = [:]
        let range = NSRange(location: 0, length: (text as NSString).length)
        for (index, (isBreak, regex)) in compiled.rules.enumerated() {
            let deadline = Date().addingTimeInterval(SRXCompiledRules.timeLimit)
            regex.enumerateMatches(in: text, options: [.reportProgress], range: range) { match, _, stop in
                if Date() > deadline {
                    compiled.recordOverrun(index)
                    stop.pointee = true
                    return
                }
                guard let match else { return }
                let position = byteAt[match.range.location + match.range.length]
                if decided[position] == nil { decided[position] = isBreak }
            }
        }
        for (position, isBreak) in decided {
            if isBreak { breaks.insert(position) } else { breaks.remove(position) }
        }
        var start = SegmenterBytes.skipSpace(p, lo, hi)
        for position in breaks.sorted() where position > start && position < hi {
            let end = SegmenterBytes.trimEnd(p, start, position)
            if end > start { out.append(start..<end) }
            start = SegmenterBytes.skipSpace(p, position, hi)
        }
        let end = SegmenterBytes.trimEnd(p, start, hi)
        if end > start { out.append(start..<end) }
    }
}
