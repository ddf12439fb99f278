import Foundation

/// A rule-based sentence segmenter for Indonesian and English news text.
///
/// A sentence may end at `.`, `?`, `!`, `…` (and runs of them), followed by closing quotes or
/// brackets, then white space, then a word that can open a sentence. The full stop is the hard
/// case: it is not an end after a listed abbreviation (`Dr.`, `Jl.`; `No.` before a number),
/// after an initial (`Antony J. Blinken`) or an ambiguous abbreviation (`U.S.`, `dll.`) unless a
/// typical sentence opener follows (the orthographic heuristic of Kiss & Strunk 2006), nor before
/// a lower-case word; numbers (`Rp1.500.000,50`, `10.30`), URLs and e-mail addresses never
/// contain "full stop + space" and so are never cut. Works on UTF-8 bytes.
public struct SentenceSegmenter: Sendable {
    public let language: ArticleLanguage
    public private(set) var rules: SegmenterRules
    /// Extra break / no-break rules from an SRX file, applied on top of the built-in rules.
    public private(set) var srxRules: [SRXSegmentationRule] = []
    /// `srxRules` compiled once.
    var srxCompiled: SRXCompiledRules?

    /// `extraAbbreviations` are lines as in the shipped lists: `Kapt.` or `No. numeric`;
    /// malformed ones are ignored (use `SegmenterRules.add(abbreviationLines:)` to report them).
    /// Throws `TMError` (`.missingResource`) when the shipped rules cannot be loaded.
    public init(language: ArticleLanguage, extraAbbreviations: [String] = []) throws {
        self.language = language
        var rules = try SegmenterRules.shipped(language)
        for line in extraAbbreviations {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let (key, kind) = SegmenterRules.parseAbbreviation(trimmed) { rules.abbreviations[key] = kind }
        }
        self.rules = rules
    }

    public init(language: ArticleLanguage, rules: SegmenterRules) {
        self.language = language
        self.rules = rules
    }

    /// Adds rules read from an SRX file (they take precedence over the built-in ones); throws
    /// when a rule is not a valid regular expression.
    /// The first SRX rule stopped for running too long (catastrophic backtracking) while this
    /// segmenter worked: what it produced is then not what the rules say, and the caller must
    /// fail naming the rule.
    public var srxRuleOverrun: SRXSegmentationRule? { srxCompiled?.overrun }

    public mutating func add(srxRules more: [SRXSegmentationRule]) throws {
        srxRules += more
        srxCompiled = srxRules.isEmpty ? nil : try SRXCompiledRules(srxRules)
    }

    /// Splits one paragraph into sentences, trimmed of surrounding white space.
    /// - Complexity: O(n) in the paragraph's UTF-8 length.
    public func sentences(in paragraph: String) -> [String] {
        var text = paragraph
        return text.withUTF8 { p in
            var ranges: [Range<Int>] = []
            splitRanges(p, 0, p.count, into: &ranges)
            return ranges.map { String(decoding: UnsafeBufferPointer(rebasing: p[$0]), as: UTF8.self) }
        }
    }

    /// Sentence byte ranges (trimmed) of `p[lo..<hi]`, appended to `out`.
    func splitRanges(_ p: SegmenterBytes.Buffer, _ lo: Int, _ hi: Int, into out: inout [Range<Int>]) {
        if let srxCompiled {
            splitWithSRX(p, lo, hi, srxCompiled, into: &out)
            return
        }
        var start = SegmenterBytes.skipSpace(p, lo, hi)
        var i = start
        while i < hi {
            i = SegmenterBytes.nextCandidate(p, i, hi)
            guard i < hi else { break }
            if p[i] == 0xE2 && !SegmenterBytes.isEllipsis(p, i, hi) { i += 1; continue }
            if let next = boundary(p, at: i, sentenceStart: start, hi) {
                out.append(start..<SegmenterBytes.trimEnd(p, start, next.end))
                start = next.nextStart
                i = next.nextStart
            } else {
                i = max(i + 1, skipTerminators(p, i, hi))
            }
        }
        let end = SegmenterBytes.trimEnd(p, start, hi)
        if end > start { out.append(start..<end) }
    }

    private func skipTerminators(_ p: SegmenterBytes.Buffer, _ i: Int, _ hi: Int) -> Int {
        var j = i
        while j < hi {
            let c = p[j]
            if c == 0x2E || c == 0x3F || c == 0x21 { j += 1 } else if SegmenterBytes.isEllipsis(p, j, hi) { j += 3 } else { break }
        }
        return j
    }

    /// Decides whether the terminator run starting at `i` ends a sentence. Returns the sentence's
    /// end (after closing quotes) and where the next sentence starts, or nil.
    func boundary(_ p: SegmenterBytes.Buffer, at i: Int, sentenceStart: Int, _ hi: Int)
        -> (end: Int, nextStart: Int)? {
        var j = i
        var dots = 0
        var marks = 0      // ? and !
        var ellipsis = false
        while j < hi {
            let c = p[j]
            if c == 0x2E { dots += 1; j += 1 } else if c == 0x3F || c == 0x21 { marks += 1; j += 1 } else if SegmenterBytes.isEllipsis(p, j, hi) { ellipsis = true; j += 3 } else { break }
        }
        var closers = 0
        var closingQuotes = 0   // `."` ends a quoted sentence; `.)` may close `(Purn.)`
        while j < hi {
            let n = SegmenterBytes.closerLength(p, j, hi)
            if n == 0 { break }
            if !(n == 1 && (p[j] == 0x29 || p[j] == 0x5D || p[j] == 0x7D)) { closingQuotes += 1 }
            j += n
            closers += 1
        }
        let end = j
        guard j < hi else { return nil }   // end of paragraph: the caller closes the sentence
        guard SegmenterBytes.spaceLength(p, j, hi) > 0 else { return nil }
        let k = SegmenterBytes.skipSpace(p, j, hi)
        guard k < hi else { return nil }
        let yes = (end: end, nextStart: k)
        // The next word, past opening quotes and brackets.
        var w = k
        var openers = 0
        var quotes = 0     // opening quotes only: `(BBRI)` after `Tbk.` opens no sentence
        while w < hi {
            let n = SegmenterBytes.openerLength(p, w, hi)
            if n == 0 { break }
            if !(n == 1 && (p[w] == 0x28 || p[w] == 0x5B || p[w] == 0x7B)) { quotes += 1 }
            w += n
            openers += 1
        }
        guard w < hi else { return yes }
        var nextCase = SegmenterBytes.letterCase(p, w, hi)
        if nextCase == .lower && hasInnerCapital(p, w, hi) { nextCase = .upper }   // mRNA, iPhone
        if marks > 0 {
            // `?` `!` end a sentence; before a lower-case word only when nothing closed after them
            // and the word is no attribution (`"Siapa?" tanya dia`, `Why? he asked`).
            if nextCase == .lower {
                return closers == 0 && !isAttribution(p, w, hi) ? yes : nil
            }
            // `"Is it fair?" Widodo asked.`: a quoted question with a name and a speech verb.
            if closers > 0 && nextCase == .upper && isAttribution(p, w, hi, firstWordLimit: 20) { return nil }
            return yes
        }
        if nextCase == .lower { return nil }
        // An ellipsis, or a stop after an abbreviation's own stop (`D.C..`, `Tbk..`).
        if ellipsis || dots >= 2 { return yes }
        // A full stop (or two). Look at the word before it.
        var t = i
        while t > sentenceStart {
            let c = p[t - 1]
            if SegmenterBytes.spaceLength(p, t - 1, hi) > 0 { break }
            if c == 0x28 || c == 0x5B || c == 0x22 || c == 0x27 || c == 0x2F { break }
            if c >= 0x80, t - 3 >= sentenceStart, SegmenterBytes.openerLength(p, t - 3, hi) == 3 { break }
            if c == 0xA0, t - 2 >= sentenceStart, p[t - 2] == 0xC2 { break }
            t -= 1
        }
        if t == i { return yes }          // ". X": nothing before the stop
        if closingQuotes > 0 { return yes }   // `…kata dia." Lalu`: a quotation closed after the stop
        let token = String(decoding: UnsafeBufferPointer(rebasing: p[t..<i]), as: UTF8.self)
        if let kind = rules.kind(of: token) {
            switch kind {
            case .title:
                return nil
            case .numeric:
                return nextCase == .digit ? nil : yes
            case .ambiguous:
                return quotes > 0 || rules.starters.contains(word(p, w, hi)) ? yes : nil
            case .final:
                if quotes > 0 || nextCase == .other { return yes }
                if nextCase == .digit { return nil }
                // `Jl. M.H. Thamrin`: degree letters after a title or a street word are a name's
                // initials, read as any initial.
                if isDottedInitials(p, t, i), followsNamePrefix(p, t, sentenceStart) {
                    return rules.starters.contains(word(p, w, hi)) ? yes : nil
                }
                let next = word(p, w, hi)
                if isCapitals(next) || rules.continuations.contains(next) { return nil }
                // Another abbreviation follows (`S.H. M.H.`, `dll. Dr.`): read as one list.
                let after = w + next.utf8.count
                if next.utf8.count <= 4, after < hi, p[after] == 0x2E { return nil }
                return yes
            }
        }
        let length = i - t
        let first = SegmenterBytes.letterCase(p, t, hi)
        // An initial: `Antony J. Blinken`, `J.K. Rowling` — unless a sentence opener follows or
        // the letter names a thing (`vitamin C. The`, `protein S. Umumnya`).
        if first == .upper && (length == 1 || SegmenterBytes.scalar(p, t, hi).1 == length || isDottedInitials(p, t, i)) {
            if quotes > 0 || rules.starters.contains(word(p, w, hi)) { return yes }
            if length <= 2, nextCase == .upper, rules.letterNouns.contains(previousWord(p, t, sentenceStart).lowercased()) { return yes }
            return nil
        }
        // A list number or letter at the start of a sentence: `1. Pertama`, `a. Sabun`.
        if t == sentenceStart && length <= 3 {
            var allDigits = true
            for q in t..<i where !(p[q] >= 0x30 && p[q] <= 0x39) { allDigits = false }
            if allDigits || (length == 1 && first == .lower) { return nil }
        }
        // Dotted lower-case abbreviations not listed (`u.p.`, `s.d.`): like ambiguous ones.
        if first == .lower, isDottedInitials(p, t, i) {
            return quotes > 0 || rules.starters.contains(word(p, w, hi)) ? yes : nil
        }
        return yes
    }

    /// The word (letters, digits, apostrophes) at `w`, at most 24 bytes; "" when longer.
    private func word(_ p: SegmenterBytes.Buffer, _ w: Int, _ hi: Int) -> String {
        var e = w
        while e < hi, e - w <= 24, SegmenterBytes.isWordByte(p[e]) || p[e] == 0x27 { e += 1 }
        guard e > w, e - w <= 24 else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: p[w..<e]), as: UTF8.self)
    }

    /// `tanya dia`, `he asked`: a speech verb, or a short word (a pronoun, a name) and then one.
    private func isAttribution(_ p: SegmenterBytes.Buffer, _ w: Int, _ hi: Int, firstWordLimit: Int = 6) -> Bool {
        let first = word(p, w, hi)
        if rules.attributions.contains(first) { return true }
        let after = w + first.utf8.count
        guard !first.isEmpty, first.utf8.count <= firstWordLimit, after < hi, p[after] == 0x20 else { return false }
        return rules.attributions.contains(word(p, after + 1, hi))
    }

    /// The word before the token starting at `t` (after white space), or "". With
    /// `keepingStop`, a full stop right after the word is dropped and reported (`Jl.` → `Jl`, true).
    private func previousWord(_ p: SegmenterBytes.Buffer, _ t: Int, _ lo: Int) -> String {
        previousWord(p, t, lo, keepingStop: false).word
    }

    private func previousWord(_ p: SegmenterBytes.Buffer, _ t: Int, _ lo: Int, keepingStop: Bool) -> (word: String, stop: Bool) {
        var e = t
        while e > lo, p[e - 1] == 0x20 { e -= 1 }
        let stop = keepingStop && e > lo && p[e - 1] == 0x2E
        if stop { e -= 1 }
        var s = e
        while s > lo, e - s < 24, SegmenterBytes.isWordByte(p[s - 1]) { s -= 1 }
        guard s < e else { return ("", stop) }
        while s < e, p[s] & 0xC0 == 0x80 { s += 1 }
        return (String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self), stop)
    }

    /// True when the token at `t` follows a title abbreviation (`Jl.`, `Dr.`) or a word that
    /// opens a place's name (`Jalan`), with white space between.
    private func followsNamePrefix(_ p: SegmenterBytes.Buffer, _ t: Int, _ lo: Int) -> Bool {
        guard t > lo, p[t - 1] == 0x20 else { return false }
        let (previous, stop) = previousWord(p, t, lo, keepingStop: true)
        guard !previous.isEmpty else { return false }
        return stop ? rules.kind(of: previous) == .title : rules.namePrefixes.contains(previous)
    }

    /// `WIB`, `EST`, `PBB`: two or more capitals (digits allowed), no lower case.
    private func isCapitals(_ word: String) -> Bool {
        word.utf8.count >= 2 && word.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// `mRNA`, `iPhone`, `e-KTP`: a lower-case word with a capital inside (after at most one
    /// hyphen right behind a one-letter prefix).
    private func hasInnerCapital(_ p: SegmenterBytes.Buffer, _ w: Int, _ hi: Int) -> Bool {
        var e = w + 1
        if e + 1 < hi, p[e] == 0x2D { e += 1 }
        while e < hi, e - w < 12 {
            let c = p[e]
            if c >= 0x41 && c <= 0x5A { return true }
            if !(c >= 0x61 && c <= 0x7A) { return false }
            e += 1
        }
        return false
    }

    /// `J.K`, `A.S`, `a.n`: single letters joined by full stops.
    private func isDottedInitials(_ p: SegmenterBytes.Buffer, _ t: Int, _ i: Int) -> Bool {
        guard i - t >= 3 else { return false }
        var q = t
        var letters = 0
        while q < i {
            let c = p[q]
            let isLetter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            guard isLetter else { return false }
            letters += 1
            q += 1
            if q == i { break }
            guard p[q] == 0x2E else { return false }
            q += 1
        }
        return letters >= 2
    }

    /// Tells Indonesian from English by counting frequent function words in the first 64 KB.
    /// - Complexity: O(min(n, 65 536)).
    public static func detectLanguage(_ text: String) -> ArticleLanguage {
        var indonesian = 0
        var english = 0
        var word: [UInt8] = []
        func count() {
            guard word.count >= 2, word.count <= 7 else { return }
            if indonesianMarkers.contains(word) { indonesian += 1 }
            if englishMarkers.contains(word) { english += 1 }
        }
        for b in text.utf8.prefix(65_536) {
            if (b >= 0x61 && b <= 0x7A) { word.append(b) } else if b >= 0x41 && b <= 0x5A { word.append(b | 0x20) } else {
                count()
                word.removeAll(keepingCapacity: true)
            }
        }
        count()
        return indonesian > english ? .indonesian : .english
    }

    private static let indonesianMarkers: Set<[UInt8]> = Set(["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari",
        "pada", "tidak", "akan", "dalam", "adalah", "ke", "juga", "bahwa", "oleh", "kata", "telah", "dia", "mereka",
        "karena", "atau", "sudah", "ada", "kami", "saat", "tersebut", "sebagai", "bisa", "lebih"].map { Array($0.utf8) })
    private static let englishMarkers: Set<[UInt8]> = Set(["the", "and", "of", "to", "in", "is", "that", "for", "with",
        "on", "was", "are", "it", "by", "this", "be", "from", "has", "have", "said", "will", "were", "which",
        "at", "an", "not", "their", "he", "she", "they"].map { Array($0.utf8) })
}
