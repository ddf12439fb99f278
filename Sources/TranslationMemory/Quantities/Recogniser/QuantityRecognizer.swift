/// Finds the quantities of news copy — figures, money, percentages, ranges, clock times, dates,
/// weekdays, years, ordinals and measures — in Indonesian or English text, each with its value
/// and the form it was written in.
///
/// The text is lexed (figures, words, symbols; offsets in Unicode scalars), then read left to
/// right: at each lexeme the readers are tried in a fixed order — time, date, money with its
/// currency first, a measure with its unit first, ordinal, then a figure and what follows it
/// (currency, percent, unit, a second figure of a range) and last a weekday — and the first that
/// reads something wins; reading resumes after it. A figure glued to letters or other figures
/// (`G20`, `COVID-19`, `5G`, `1990s`, a score `3-1`, a reference `11/2020`) is no quantity.
///
///     let found = QuantityRecognizer(language: .indonesian).quantities(in: "Rp3,2 triliun pada Senin (7/8)")
///     // money IDR 3.2 × 10¹², weekday Monday, date 7 August
public struct QuantityRecognizer: Sendable {
    public let language: ArticleLanguage

    public init(language: ArticleLanguage) {
        self.language = language
    }

    /// True when `word` (lower-cased) can be part of a quantity, so that a text holding it may
    /// not hold it as a word of its own: a figure, a scale, currency, unit, month, weekday, time
    /// or range word. The concordance cannot look such words up in the index.
    public func mayBePartOfQuantity(_ word: String) -> Bool {
        let words = QuantityLexicon.of(language).words
        if words.contains(word) { return true }
        guard !word.unicodeScalars.allSatisfy(QuantityLexer.isLetter) else { return false }
        return word.unicodeScalars.contains { QuantityLexer.isDigit($0) }
            || word.split { !$0.unicodeScalars.allSatisfy(QuantityLexer.isLetter) }.contains { words.contains(String($0)) }
    }

    /// False when `text` can hold no quantity: an ASCII text with no figure and no word of
    /// `QuantityLexicon.figurelessTriggers`, told from its bytes without lexing it (most texts
    /// of a memory have no quantity on one side or the other, and indexing reads them all).
    /// True for any text that is not ASCII.
    /// - Complexity: O(n) in the UTF-8 length, no allocation for words shorter than 16 bytes.
    func mayHoldQuantity(_ text: String) -> Bool {
        var text = text
        let lexicon = QuantityLexicon.of(language)
        return text.withUTF8 { bytes -> Bool in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x80 { return true }
                if byte >= 0x30 && byte <= 0x39 { return true }
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                    // A word as `QuantityLexer` reads it: letters, apostrophes between letters.
                    let start = index
                    index += 1
                    while index < count {
                        let c = bytes[index]
                        if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { index += 1; continue }
                        if c == 0x27, index + 1 < count, (bytes[index + 1] | 0x20) >= 0x61 && (bytes[index + 1] | 0x20) <= 0x7A {
                            index += 2
                            continue
                        }
                        break
                    }
                    // The shape of the lower-cased word (first and last bytes are letters).
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    if lexicon.figurelessTriggerShapes[QuantityLexicon.shape(of: word)] {
                        let lower = WordTokenizer.asciiLowercasedString(word)
                        if lexicon.figurelessTriggers.contains(lower) { return true }
                    }
                    continue
                }
                if lexicon.figurelessTriggerSymbols[Int(byte)] { return true }
                index += 1
            }
            return false
        }
    }

    /// The quantities of `text` in order, none overlapping.
    /// - Complexity: O(n) in the length of the text (each reader looks a bounded number of
    ///   lexemes ahead).
    public func quantities(in text: String) -> [Quantity] {
        mayHoldQuantity(text) ? readQuantities(in: text) : []
    }

    /// `quantities(in:)` without the byte pre-scan: every text lexed and read.
    /// `everyLexeme`: the readers are tried at every lexeme, not only where a quantity can start
    /// (what tests compare the start words with).
    func readQuantities(in text: String, everyLexeme: Bool = false) -> [Quantity] {
        let scan = QuantityScan(text, language: language)
        var found: [Quantity] = []
        scan.forEachMatch(everyLexeme: everyLexeme) { match in
            found.append(Quantity(kind: match.kind, range: scan.range(of: match), text: scan.text(match.start, match.end),
                                  language: language, value: match.value, form: match.form))
        }
        return found
    }

    /// The kind and range (in Unicode scalars) of each quantity of `text`, as `quantities(in:)`
    /// finds them, without their texts: what a text's comparison keys need
    /// (`FuzzyTokenizer.keys`), made for every text of a memory being indexed.
    func spans(in text: String) -> [(kind: QuantityKind, range: Range<Int>)] {
        guard mayHoldQuantity(text) else { return [] }
        let scan = QuantityScan(text, language: language)
        var found: [(kind: QuantityKind, range: Range<Int>)] = []
        scan.forEachMatch { match in
            found.append((match.kind, scan.range(of: match)))
        }
        return found
    }
}

extension QuantityScan {
    /// The offsets (in Unicode scalars) of what `match` read.
    @inline(__always)
    func range(of match: QuantityMatch) -> Range<Int> {
        lexemes[match.start].start..<lexemes[match.end - 1].end
    }

    /// Calls `body` with each quantity read, left to right. `everyLexeme`: the readers are
    /// tried at every lexeme, starting words or not (the same quantities, more slowly).
    @inline(__always)
    func forEachMatch(everyLexeme: Bool = false, _ body: (QuantityMatch) -> Void) {
        var index = 0
        while index < count {
            // Every quantity starts at a figure, a starting symbol (`$`, `½`) or a starting word
            // (`QuantityLexicon.startWords`): other words and symbols are passed over without
            // trying the readers (indexing a memory reads every text of it).
            let kind = lexemes[index].kind
            if kind == .word, !everyLexeme, !isStartWord(index) {
                index += 1
                continue
            }
            if kind == .symbol, !everyLexeme, !startsQuantity(symbol: index) {
                index += 1
                continue
            }
            guard let match = read(at: index) else {
                index = skipIdentifier(at: index)
                continue
            }
            body(match)
            index = match.end
        }
    }
}

extension QuantityScan {
    /// Word lexeme `i` is one of `lexicon.startWords`; an ASCII word of a shape none of them
    /// has is told apart without lower-casing and hashing it.
    @inline(__always)
    func isStartWord(_ i: Int) -> Bool {
        if lexemes[i].isASCII, !lexicon.startWordShapes[shape(i)] { return false }
        return lexicon.startWords.contains(lower(i))
    }

    /// Symbol lexeme `i` (one scalar) is one a quantity can start at (`QuantityLexicon.startSymbols`).
    @inline(__always)
    func startsQuantity(symbol i: Int) -> Bool {
        let value = scalars[lexemes[i].start].value
        return value < 0x80 ? lexicon.asciiStartSymbols[Int(value)] : lexicon.startSymbols.contains(lower(i))
    }

    /// The quantity that starts at lexeme `i`, if any.
    func read(at i: Int) -> QuantityMatch? {
        guard !startsInsideIdentifier(i) else { return nil }
        guard let match = firstReading(at: i) else { return nil }
        if endsInsideIdentifier(match.end) { return nil }
        if isNumber(i), match.end < identifierEnd(i) { return nil }
        return match
    }

    /// What the first reader that reads something at lexeme `i` reads. The readers are called
    /// in turn: from an array of closures, each would copy the scan, and through a chain of `??`
    /// each level would copy the match (a value, a form and their strings) once more.
    private func firstReading(at i: Int) -> QuantityMatch? {
        if let match = readTime(at: i) { return match }
        if let match = readDate(at: i) { return match }
        if let match = readMoneyWithCurrencyFirst(at: i) { return match }
        if let match = readMeasureWithUnitFirst(at: i) { return match }
        if let match = readOrdinal(at: i) { return match }
        if let match = readFigureLed(at: i) { return match }
        return readWeekday(at: i)
    }

    /// A figure glued to letters or figures before it: `G20`, `COVID-19`, `B-52`.
    func startsInsideIdentifier(_ i: Int) -> Bool {
        guard isNumber(i), attached(i) else { return false }
        if lexemes[i - 1].kind != .symbol { return true }
        guard isSymbol(i - 1, "-") || isSymbol(i - 1, "/"), attached(i - 1) else { return false }
        return lexemes[i - 2].kind != .symbol
    }

    /// A quantity ending where a word or figure is glued on (`5G`, `1990s`).
    func endsInsideIdentifier(_ end: Int) -> Bool {
        end < count && attached(end) && lexemes[end].kind != .symbol && lexemes[end - 1].kind != .word
    }

    /// The end of a chain of figures joined by `-`, `/` or `–` without spaces (`3-1`,
    /// `11/2020`, `5/2023/PN`); `i + 1` when there is none.
    func identifierEnd(_ i: Int) -> Int {
        var end = i + 1
        while end + 1 < count, attached(end), attached(end + 1), isSymbol(end, "-") || isSymbol(end, "/") || isSymbol(end, "–"),
              lexemes[end + 1].kind != .symbol {
            end += 2
        }
        return end
    }

    /// Where to go on after lexeme `i` read nothing: past a whole chain of figures, so that no
    /// part of a score or reference number is read as a quantity.
    func skipIdentifier(at i: Int) -> Int {
        isNumber(i) ? identifierEnd(i) : i + 1
    }
}
