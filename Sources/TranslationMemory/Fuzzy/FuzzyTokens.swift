/// What kind of placeable a token is: a news quantity (`4,75 juta dolar AS`, `pukul 10.30 WIB`,
/// `Senin`, however many words it spans), or a number or month name the recogniser did not read
/// as one. Placeables are compared by kind, not by value, so a unit that differs from the query
/// only by a quantity still scores high, and its target is repaired with the query's value (SDL
/// Trados and memoQ call these "auto-localizable" placeables).
public enum FuzzyPlaceableKind: Sendable, Codable, Hashable {
    case number
    /// A month, 1…12.
    case month(Int)
    case quantity(QuantityKind)
}

/// A word of a segment as the fuzzy matcher sees it.
public struct FuzzyToken: Sendable, Hashable {
    /// The word as written.
    public var text: String
    /// The comparison key: the lower-cased word, or one shared key per placeable kind.
    public var key: String
    public var placeable: FuzzyPlaceableKind?
    /// The quantity the token is, with its value and form.
    public var quantity: Quantity?
    /// Offsets in Unicode scalars.
    public var start: Int
    public var end: Int

    init(text: String, key: String, placeable: FuzzyPlaceableKind?, quantity: Quantity? = nil, start: Int, end: Int) {
        self.text = text
        self.key = key
        self.placeable = placeable
        self.quantity = quantity
        self.start = start
        self.end = end
    }
}

/// A segment prepared for matching: its words and the punctuation and whitespace around them.
public struct FuzzySegment: Sendable, Hashable {
    public var text: String
    public var tokens: [FuzzyToken]
    /// The non-word, non-space characters in order (`,` `.` `"` `(` …): compared for the
    /// punctuation penalty.
    public var punctuation: [Unicode.Scalar]
    /// The text with every whitespace run collapsed to one space and trimmed.
    public var collapsedText: String

    /// Prepares `text`, trimmed of surrounding whitespace, written in `language` (which decides
    /// what its quantities are: `1.500` is fifteen hundred in Indonesian).
    public init(_ raw: String, language: ArticleLanguage) {
        let text = FuzzySegment.trim(raw)
        self.text = text
        let words = WordTokenizer.tokenize(text)
        self.tokens = FuzzyTokenizer.tokens(text, words: words, language: language)
        var punctuation: [Unicode.Scalar] = []
        var collapsed = String.UnicodeScalarView()
        var tokenIndex = 0
        var pendingSpace = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            while tokenIndex < words.count && words[tokenIndex].end <= offset { tokenIndex += 1 }
            let insideWord = tokenIndex < words.count && words[tokenIndex].start <= offset
            if FuzzySegment.isWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if pendingSpace && !collapsed.isEmpty { collapsed.append(" ") }
            pendingSpace = false
            collapsed.append(scalar)
            if !insideWord { punctuation.append(scalar) }
        }
        self.punctuation = punctuation
        self.collapsedText = String(collapsed)
    }

    public var keys: [String] { tokens.map(\.key) }

    static func trim(_ text: String) -> String {
        // Most texts start and end with a visible ASCII character, told by two bytes.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
              let last = scalars.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }
}

/// Turns words into comparison keys.
public enum FuzzyTokenizer {
    /// The key shared by every number.
    public static let numberKey = "\u{1}#"
    /// The key shared by every month name.
    public static let monthKey = "\u{1}M"

    /// Indonesian month names (with the older spelling `Nopember`).
    static let indonesianMonths: [String: Int] = [
        "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
        "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12,
    ]
    /// English month names and AP-style abbreviations. `May` and `March` are also English words,
    /// so English names count only when capitalised, and `May`/`March` only next to a number.
    static let englishMonths: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "july": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// The shapes (`QuantityLexicon.shape(of:)`) of the month names of both tables.
    static let monthShapes = QuantityLexicon.shapes(of: Array(indonesianMonths.keys) + Array(englishMonths.keys), inNFC: true)

    /// The key of a quantity token: numbers keep the key every number had before quantities were
    /// read, so a figure the recogniser passes over still pairs with one it reads.
    static func key(_ kind: QuantityKind) -> String {
        kind == .number ? numberKey : "\u{1}" + kind.rawValue
    }

    /// The comparison keys of a text, exactly as `FuzzySegment(text, language:).keys`: what the
    /// index stores, so that index and scorer count the same tokens.
    public static func keys(_ text: String, language: ArticleLanguage) -> [String] {
        var keys = FuzzyKeyList()
        appendKeys(text, language: language, to: &keys)
        return keys.strings
    }

    /// Appends the comparison keys of `text` (`keys(_:language:)`) to `keys`: the tokens' walk
    /// of `tokens(_:words:language:)` without making the tokens (their texts and quantities),
    /// which indexing a memory would make for every word and throw away. An ASCII text's words
    /// are split from its bytes and keyed as they are found, in one pass, written to `keys`
    /// lower-cased, with no string per word.
    static func appendKeys(_ text: String, language: ArticleLanguage, to keys: inout FuzzyKeyList) {
        var text = FuzzySegment.trim(text)
        let quantities = QuantityRecognizer(language: language).spans(in: text)
        let isASCII = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        guard isASCII else {
            let words = WordTokenizer.tokenizeScalars(text)
            walkKeys(wordCount: words.count, start: { words[$0].start }, end: { words[$0].end }, quantities: quantities,
                     keys: &keys) { index, keys in
                let word = words[index]
                let placeable = placeable(word, previous: index > 0 ? words[index - 1] : nil,
                                          next: index + 1 < words.count ? words[index + 1] : nil)
                keys.append(key(word, placeable))
            }
            return
        }
        text.withUTF8 { bytes in
            // Byte offsets are scalar offsets. Each word is keyed as `forEachWord` finds it,
            // walked as `walkKeys` walks words: a word inside the last quantity keyed is passed
            // over, a word a quantity overlaps is that quantity's key.
            let count = bytes.count
            @inline(__always) func isWord(_ index: Int) -> Bool { WordTokenizer.isASCIIWord(bytes[index]) }
            @inline(__always) func isDigit(_ index: Int) -> Bool { WordTokenizer.isASCIIDigit(bytes[index]) }
            var nextQuantity = 0
            var quantityEnd = 0
            var previousIsNumber = false
            WordTokenizer.forEachWord(count: count, isWord: isWord, isDigit: isDigit, value: { UInt32(bytes[$0]) }) { start, end in
                let isNumber = isDigit(start)
                defer { previousIsNumber = isNumber }
                if start < quantityEnd { return }
                while nextQuantity < quantities.count && quantities[nextQuantity].range.upperBound <= start { nextQuantity += 1 }
                if nextQuantity < quantities.count, quantities[nextQuantity].range.lowerBound < end {
                    keys.append(key(quantities[nextQuantity].kind))
                    quantityEnd = quantities[nextQuantity].range.upperBound
                    nextQuantity += 1
                    return
                }
                if isNumber {
                    keys.append(numberKey)
                    return
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // `placeable(_:previous:next:)` on the word's bytes: the shape is the same in
                // either case, and only a word of a month's shape is lower-cased into a string.
                if monthShapes[QuantityLexicon.shape(of: word)] {
                    let lower = WordTokenizer.asciiLowercasedString(word)
                    // The next word starts at the next word byte.
                    var next = end
                    while next < count && !isWord(next) { next += 1 }
                    if month(lower, capitalized: word[0] >= 0x41 && word[0] <= 0x5A,
                             besideNumber: previousIsNumber || (next < count && isDigit(next))) != nil {
                        keys.append(monthKey)
                        return
                    }
                }
                keys.appendLowercasedASCII(word)
            }
        }
    }

    /// The keys' walk over a text's words: each quantity (`QuantityRecognizer.spans`) one key
    /// over the words it overlaps, every other word passed to `word` by its index.
    @inline(__always)
    private static func walkKeys(wordCount: Int, start: (Int) -> Int, end: (Int) -> Int,
                                 quantities: [(kind: QuantityKind, range: Range<Int>)], keys: inout FuzzyKeyList,
                                 word: (Int, inout FuzzyKeyList) -> Void) {
        var next = 0
        var index = 0
        while index < wordCount {
            while next < quantities.count && quantities[next].range.upperBound <= start(index) { next += 1 }
            if next < quantities.count, quantities[next].range.lowerBound < end(index) {
                let quantity = quantities[next]
                var last = index
                while last + 1 < wordCount && start(last + 1) < quantity.range.upperBound { last += 1 }
                keys.append(key(quantity.kind))
                next += 1
                index = last + 1
                continue
            }
            word(index, &keys)
            index += 1
        }
    }

    /// The tokens of a trimmed text: each quantity one token over the words it spans, every
    /// other word one token.
    /// - Complexity: O(n) in the length of the text.
    static func tokens(_ text: String, words: [WordToken], language: ArticleLanguage) -> [FuzzyToken] {
        var tokens: [FuzzyToken] = []
        tokens.reserveCapacity(words.count)
        // Quantities need a figure or a word the recogniser knows; most texts have figures, so
        // the recogniser runs on every text and the words are merged by their offsets.
        let quantities = QuantityRecognizer(language: language).quantities(in: text)
        var next = 0
        var index = 0
        let scalars = quantities.isEmpty ? [] : Array(text.unicodeScalars)
        while index < words.count {
            let word = words[index]
            while next < quantities.count && quantities[next].range.upperBound <= word.start { next += 1 }
            if next < quantities.count, quantities[next].range.lowerBound < word.end {
                let quantity = quantities[next]
                var last = index
                while last + 1 < words.count && words[last + 1].start < quantity.range.upperBound { last += 1 }
                let start = min(word.start, quantity.range.lowerBound)
                let end = max(words[last].end, quantity.range.upperBound)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<end])
                tokens.append(FuzzyToken(text: String(view), key: key(quantity.kind), placeable: .quantity(quantity.kind),
                                         quantity: quantity, start: start, end: end))
                next += 1
                index = last + 1
                continue
            }
            tokens.append(token(word, previous: index > 0 ? words[index - 1] : nil,
                                next: index + 1 < words.count ? words[index + 1] : nil))
            index += 1
        }
        return tokens
    }

    static func token(_ word: WordToken, previous: WordToken?, next: WordToken?) -> FuzzyToken {
        let placeable = placeable(word, previous: previous, next: next)
        return FuzzyToken(text: word.text, key: key(word, placeable), placeable: placeable, start: word.start, end: word.end)
    }

    /// The key of a word that is no quantity: the shared key of its placeable, or the word.
    @inline(__always)
    static func key(_ word: WordToken, _ placeable: FuzzyPlaceableKind?) -> String {
        switch placeable {
        case .number?: return numberKey
        case .month?: return monthKey
        default: return word.normalized
        }
    }

    /// What placeable a word the recogniser did not read is: a number, a month name, or none.
    static func placeable(_ word: WordToken, previous: WordToken?, next: WordToken?) -> FuzzyPlaceableKind? {
        if word.isNumber { return .number }
        let lower = word.normalized
        // Most words are no month: their shape tells it without hashing them.
        guard monthShapes[QuantityLexicon.shape(of: lower)] else { return nil }
        return month(lower, capitalized: word.text.first?.isUppercase == true,
                     besideNumber: previous?.isNumber == true || next?.isNumber == true).map { .month($0) }
    }

    /// The month a lower-cased word names: any Indonesian name; an English one only when
    /// capitalised, and `May`/`March` only beside a number.
    static func month(_ lower: String, capitalized: Bool, besideNumber: @autoclosure () -> Bool) -> Int? {
        if let month = indonesianMonths[lower] { return month }
        guard let month = englishMonths[lower], capitalized else { return nil }
        let ambiguous = lower == "may" || lower == "march"
        return !ambiguous || besideNumber() ? month : nil
    }
}
