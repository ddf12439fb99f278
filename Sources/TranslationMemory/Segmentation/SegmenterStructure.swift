import Foundation

/// One part of an article, with byte ranges into its UTF-8 text (see `forEachPart`).
public enum SegmenterPart: Sendable {
    case title(Range<Int>)
    case dateline(Dateline)
    /// A new body paragraph; its sentences follow.
    case paragraph
    case sentence(Range<Int>)
    case credit(CreditLine)
}

extension SentenceSegmenter {
    /// Cuts a whole article into its parts: the title line, the dateline, body paragraphs of
    /// sentences, and the credit lines (`Penerjemah:`, `Baca juga:`, `Copyright © ANTARA 2023`).
    ///
    /// Paragraphs are blank-line blocks; inside a block, each line is a paragraph of its own
    /// (one-paragraph-per-line texts) unless the block is hard-wrapped or the next line goes on
    /// in lower case. Bullets and numbered items are paragraphs of their own.
    /// - Complexity: O(n) in the text's UTF-8 length.
    public func segment(article text: String) -> SegmentedArticle {
        var copy = text
        return copy.withUTF8 { p in
            var article = SegmentedArticle(language: language)
            var counter = SegmenterScalarCounter()
            func sentence(_ r: Range<Int>) -> ArticleSentence {
                let start = counter.offset(p, byte: r.lowerBound)
                let end = counter.offset(p, byte: r.upperBound)
                return ArticleSentence(text: String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self), start: start, end: end)
            }
            forEachPart(utf8: p) { part in
                switch part {
                case .title(let r): article.title = sentence(r)
                case .dateline(let dateline): article.dateline = dateline
                case .paragraph: article.paragraphs.append(ArticleParagraph(sentences: []))
                case .sentence(let r): article.paragraphs[article.paragraphs.count - 1].sentences.append(sentence(r))
                case .credit(let credit): article.credits.append(credit)
                }
            }
            return article
        }
    }

    private struct Line {
        var start: Int
        var end: Int       // without the line feed
        var number: Int
        var blank: Bool
    }

    /// The article's parts as byte ranges into `p` (valid UTF-8), in this order: the title, the
    /// dateline, each body paragraph followed by its sentences, then the credits. For callers
    /// that print or index bytes without building strings (`tm segment` on 100 MB).
    /// - Complexity: O(n) in the text's UTF-8 length.
    public func forEachPart(utf8 p: UnsafeBufferPointer<UInt8>, _ body: (SegmenterPart) -> Void) {
        let n = p.count

        // Lines.
        var lines: [Line] = []
        var s = 0
        var number = 1
        while s <= n {
            let e = SegmenterBytes.nextLineFeed(p, s, n)
            let first = SegmenterBytes.skipSpace(p, s, e)
            lines.append(Line(start: s, end: e, number: number, blank: first >= e))
            number += 1
            s = e + 1
        }

        // Paragraph spans (byte ranges) in order; credit lines taken out.
        var spans: [(Int, Int)] = []
        var credits: [CreditLine] = []
        var index = 0
        while index < lines.count {
            if lines[index].blank { index += 1; continue }
            var blockEnd = index
            while blockEnd < lines.count && !lines[blockEnd].blank { blockEnd += 1 }
            let block = lines[index..<blockEnd]
            let wrapped = isHardWrapped(p, block)
            var open: (Int, Int)?
            for line in block {
                if let found = SegmenterCredits.parse(p, line.start, line.end, line: line.number, language: language) {
                    if let o = open { spans.append(o); open = nil }
                    credits += found
                    continue
                }
                let first = SegmenterBytes.skipSpace(p, line.start, line.end)
                let item = isListItem(p, first, line.end)
                if let o = open, !item,
                   wrapped || SegmenterBytes.letterCase(p, first, line.end) == .lower {
                    open = (o.0, line.end)
                } else {
                    if let o = open { spans.append(o) }
                    open = (line.start, line.end)
                }
            }
            if let o = open { spans.append(o) }
            index = blockEnd
        }
        lines = []

        var ranges: [Range<Int>] = []
        var firstBody = true
        for (number, span) in spans.enumerated() {
            ranges.removeAll(keepingCapacity: true)
            var lo = span.0
            if number == 0 && spans.count > 1 && isTitle(p, span.0, span.1) {
                let a = SegmenterBytes.skipSpace(p, span.0, span.1)
                body(.title(a..<SegmenterBytes.trimEnd(p, a, span.1)))
                continue
            }
            if firstBody {
                firstBody = false
                if let (dateline, after) = SegmenterDateline.parse(p, span.0, span.1) {
                    body(.dateline(dateline))
                    lo = after
                }
            }
            splitRanges(p, lo, span.1, into: &ranges)
            if ranges.isEmpty { continue }
            body(.paragraph)
            for r in ranges { body(.sentence(r)) }
        }
        for credit in credits { body(.credit(credit)) }
    }

    /// A block of three lines or more whose lines (but the last) are all 40–110 bytes long, most
    /// of them ending inside a sentence, is text wrapped at a fixed width: its lines are joined.
    private func isHardWrapped(_ p: SegmenterBytes.Buffer, _ block: ArraySlice<Line>) -> Bool {
        guard block.count >= 3 else { return false }
        var endingSentence = 0
        for line in block.dropLast() {
            let length = line.end - line.start
            if length < 40 || length > 110 { return false }
            var e = SegmenterBytes.trimEnd(p, line.start, line.end)
            while e > line.start, SegmenterBytes.closerLength(p, e - 1, line.end) == 1 { e -= 1 }
            if e > line.start, p[e - 1] == 0x2E || p[e - 1] == 0x3F || p[e - 1] == 0x21 { endingSentence += 1 }
        }
        // Wrapped lines mostly break inside sentences; a list of one-sentence lines does not.
        return endingSentence * 2 < block.count - 1
    }

    /// `- `, `• `, `* `, `1. `, `2) `, `a. ` at the start of a line.
    private func isListItem(_ p: SegmenterBytes.Buffer, _ a: Int, _ e: Int) -> Bool {
        guard a < e else { return false }
        let b = p[a]
        if (b == 0x2D || b == 0x2A || b == 0x2B), a + 1 < e, p[a + 1] == 0x20 { return true }
        if b == 0xE2, a + 3 < e, p[a + 1] == 0x80, p[a + 2] == 0xA2 || p[a + 2] == 0x93 || p[a + 2] == 0x94 { return true }   // • – —
        if b == 0xC2, a + 2 < e, p[a + 1] == 0xB7 { return true }   // ·
        var k = a
        while k < e, k - a < 3, p[k] >= 0x30, p[k] <= 0x39 { k += 1 }
        if k == a, k < e, (p[k] >= 0x61 && p[k] <= 0x7A) { k += 1 }
        if k > a, k + 1 < e, (p[k] == 0x2E || p[k] == 0x29), p[k + 1] == 0x20 { return true }
        return false
    }

    /// A title: one short line, not ending with a full stop, that is one sentence.
    private func isTitle(_ p: SegmenterBytes.Buffer, _ a0: Int, _ b0: Int) -> Bool {
        let a = SegmenterBytes.skipSpace(p, a0, b0)
        let b = SegmenterBytes.trimEnd(p, a, b0)
        guard b > a, b - a <= 250 else { return false }
        for k in a..<b where p[k] == 0x0A { return false }
        var end = b
        while end > a, SegmenterBytes.closerLength(p, end - 1, b) == 1 { end -= 1 }
        guard end > a else { return false }
        if p[end - 1] == 0x2E || p[end - 1] == 0x3A || p[end - 1] == 0x2C || p[end - 1] == 0x3B { return false }
        if SegmenterDateline.parse(p, a, b) != nil { return false }
        var ranges: [Range<Int>] = []
        splitRanges(p, a, b, into: &ranges)
        return ranges.count == 1
    }
}
