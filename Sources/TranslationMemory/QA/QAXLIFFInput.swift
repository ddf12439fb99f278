import Foundation

/// An inline code of an XLIFF segment as QA compares it: what must come back in the translation
/// (`<g id="1">`, `<x id="2"/>`, `<ph>{0}</ph>`), and where it stands in the segment's plain text.
public struct QAInlineCode: Sendable, Codable, Hashable {
    /// What two sides' codes share when they are the same code: the element, its id (`g`, `x`,
    /// `bx`, `ex`; `bpt`/`ept` by their pairing id) and, for codes the reader keeps no id of
    /// (`ph`, `it`), the native code they hold.
    public var key: String
    /// How a report shows it: `<g id="1">`, `</g id="1">`, `<ph>{0}</ph>`.
    public var display: String
    /// The offset in the plain text (Unicode scalars) the code stands at.
    public var offset: Int

    public init(key: String, display: String, offset: Int) {
        self.key = key
        self.display = display
        self.offset = offset
    }

    /// The codes of a segment in order. Text inside `g`, `mrk` and TMX's `hi` is translatable and
    /// read on; the content of `bpt`/`ept`/`ph`/`it`/`ut` is native code (part of the key); `sub`
    /// flows inside native code are passed over. `mrk` (terms, comments) is annotation, no code.
    public static func codes(of segment: Segment) -> [QAInlineCode] {
        var result: [QAInlineCode] = []
        var offset = 0
        func walk(_ pieces: [InlineContent]) {
            for piece in pieces {
                switch piece {
                case .text(let text):
                    offset += text.unicodeScalars.count
                case .element(let element):
                    func value(_ name: String) -> String? { element.attributes.first { $0.name == name }?.value }
                    switch element.name {
                    case "bpt", "ept", "ph", "it", "ut":
                        let code = nativeText(element.children)
                        // `bpt`/`ept` pair by `i` (the reader maps XLIFF's rid/id to it); the others carry none.
                        let identity = value("i").map { " i=\"\($0)\"" } ?? value("pos").map { " pos=\"\($0)\"" } ?? ""
                        let key = element.name + identity + ">" + code
                        result.append(QAInlineCode(key: key, display: "<\(element.name)\(identity)>\(code)</\(element.name)>", offset: offset))
                    case "g", "hi":
                        let identity = value("id").map { " id=\"\($0)\"" } ?? ""
                        result.append(QAInlineCode(key: "<\(element.name)\(identity)>", display: "<\(element.name)\(identity)>", offset: offset))
                        walk(element.children)
                        result.append(QAInlineCode(key: "</\(element.name)\(identity)>", display: "</\(element.name)>", offset: offset))
                    case "x", "bx", "ex":
                        let identity = value("id").map { " id=\"\($0)\"" } ?? ""
                        result.append(QAInlineCode(key: "<\(element.name)\(identity)/>", display: "<\(element.name)\(identity)/>", offset: offset))
                    case "sub":
                        continue
                    default:
                        // `mrk` and anything else: its text is the segment's.
                        walk(element.children)
                    }
                }
            }
        }
        walk(segment.content)
        return result
    }

    /// The native code inside a code element, `sub` flows left out.
    private static func nativeText(_ pieces: [InlineContent]) -> String {
        pieces.map { piece -> String in
            switch piece {
            case .text(let text): return text
            case .element(let element): return element.name == "sub" ? "" : nativeText(element.children)
            }
        }.joined()
    }
}

/// What `tm check --xliff` reads from an XLIFF 1.2 file: the units with a target as pairs, the
/// units without one apart.
public struct QAXLIFFPairs: Sendable {
    /// Units with a target, numbered by their place among the file's units (1-based), each with
    /// the file, the line of its `<trans-unit>` and its id; Indonesian is the pair's source.
    public var pairs: [QAPair]
    /// Units with no `<target>` or an empty one: not checked, counted (and reported with
    /// `--untranslated`): the unit's source text as the pair's Indonesian or English, the other empty.
    public var notTranslated: [QAPair]
    /// Units the reader could not use (no id, no source), with their lines.
    public var skipped: [SkippedUnit]
    /// The files (`<file>`) that go from English to Indonesian, whose pairs were turned round.
    public var swappedFiles: [String]
}

extension QAInput {
    /// The trans-units of an XLIFF 1.0–1.2 file (as `tm pretranslate`, OmegaT and Okapi write
    /// them), read through `XLIFFReader`. A `<file>` from Indonesian to English gives its units'
    /// source and target as they are; one from English to Indonesian is turned round, so that
    /// Indonesian is always the checked pair's source; any other language pair is an error naming
    /// the `<file>`'s line. Units marked `translate="no"` are not checked. A unit's inline codes
    /// go with its pair for the `tags` check.
    public static func xliff(path: String) throws -> QAXLIFFPairs {
        let reader = try XLIFFReader(path: path)
        var result = QAXLIFFPairs(pairs: [], notTranslated: [], skipped: [], swappedFiles: [])
        var number = 0
        var checkedFile: String?
        var swapped = false
        while let unit = try reader.next() {
            number += 1
            let file = reader.file!
            let fileKey = "\(file.original)\u{0}\(file.sourceLanguage)\u{0}\(file.targetLanguage ?? "")"
            if checkedFile != fileKey {
                swapped = try isTurnedRound(file, path: path, line: reader.lastUnitLine)
                if swapped && !result.swappedFiles.contains(file.original) { result.swappedFiles.append(file.original) }
                checkedFile = fileKey
            }
            guard unit.translatable else { continue }
            let sourceText = unit.source.plainText
            guard !sourceText.allSatisfy(\.isWhitespace) else { continue }
            guard let target = unit.target, !target.content.plainText.allSatisfy(\.isWhitespace) else {
                // Indonesian stays the pair's source: a file turned round lacks its Indonesian.
                result.notTranslated.append(QAPair(number: number, source: swapped ? "" : sourceText, target: swapped ? sourceText : "",
                                                   file: path, line: reader.lastUnitLine, id: unit.id))
                continue
            }
            let (indonesian, english) = swapped ? (target.content, unit.source) : (unit.source, target.content)
            var pair = QAPair(number: number, source: indonesian.plainText, target: english.plainText, file: path,
                              line: reader.lastUnitLine, id: unit.id)
            pair.sourceCodes = QAInlineCode.codes(of: indonesian)
            pair.targetCodes = QAInlineCode.codes(of: english)
            result.pairs.append(pair)
        }
        result.skipped = reader.skipped
        return result
    }

    /// True for a `<file>` from English to Indonesian; throws for one that is not between the two.
    private static func isTurnedRound(_ file: XLIFFFile, path: String, line: Int) throws -> Bool {
        let source = LanguageCode(file.sourceLanguage).primary
        let target = file.targetLanguage.map { LanguageCode($0).primary }
        switch (source, target) {
        case ("id", "en"?), ("id", nil): return false
        case ("en", "id"?): return true
        default:
            let pair = "\(file.sourceLanguage) → \(file.targetLanguage ?? "no target-language")"
            throw TMError(.invalidContent(reason: "<file original=\"\(file.original)\"> is \(pair): tm check compares Indonesian and English"),
                          path: path, line: line)
        }
    }
}

/// `tags`: the inline tags of the source are in the target, as often, and no others — tags written
/// as text (`<b>`, `</b>`, `<br/>`) and placeholders (`{0}`, `%s`, `%1$s`) in any input, and an
/// XLIFF file's inline codes (`g`, `x`, `bx`, `ex`, `bpt`, `ept`, `ph`, `it`) compared by id or,
/// where the file gives them none the reader keeps, by the native code they hold.
public struct TagsCheck: QACheck {
    public var id: String { MarkedSpanCheck.tags.id }
    public var severity: QASeverity { .error }

    public func findings(in pair: QAPairText) -> [QAFinding] {
        var result = MarkedSpanCheck.tags.findings(in: pair)
        guard let sourceCodes = pair.pair.sourceCodes, let targetCodes = pair.pair.targetCodes else { return result }
        var left = targetCodes
        for code in sourceCodes {
            if let i = left.firstIndex(where: { $0.key == code.key }) {
                left.remove(at: i)
            } else {
                result.append(finding(pair, "source tag `\(code.display)` is not in the target",
                                      [QASpan(side: .source, start: code.offset, end: code.offset, text: code.display)]))
            }
        }
        result += left.map { code in
            finding(pair, "target tag `\(code.display)` is not in the source",
                    [QASpan(side: .target, start: code.offset, end: code.offset, text: code.display)])
        }
        return result
    }
}
