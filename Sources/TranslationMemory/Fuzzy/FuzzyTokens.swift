/// What kind of placeable a word is: a number (amounts, dates, times, ranges) or a month name.
/// Placeables are compared by kind, not by value, so a unit that differs from the query only by a
/// number still scores high, and its target is shown with the query's value put in (SDL Trados and
/// memoQ call these "auto-localizable" placeables).
public enum FuzzyPlaceableKind: Sendable, Codable, Hashable {
    case number
    /// A month, 1…12.
    case month(Int)
}

/// A word of a segment as the fuzzy matcher sees it.
public struct FuzzyToken: Sendable, Hashable {
    /// The word as written.
    public var text: String
    /// The comparison key: the lower-cased word, or one shared key per placeable kind.
    public var key: String
    public var placeable: FuzzyPlaceableKind?
    /// Offsets in Unicode scalars.
    public var start: Int
    public var end: Int
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

    /// Prepares `text`, trimmed of surrounding whitespace.
    public init(_ raw: String) {
        let text = FuzzySegment.trim(raw)
        self.text = text
        let words = WordTokenizer.tokenize(text)
        var tokens: [FuzzyToken] = []
        tokens.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            tokens.append(FuzzyTokenizer.token(word, previous: index > 0 ? words[index - 1] : nil,
                                               next: index + 1 < words.count ? words[index + 1] : nil))
        }
        self.tokens = tokens
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

    static func token(_ word: WordToken, previous: WordToken?, next: WordToken?) -> FuzzyToken {
        if word.isNumber {
            return FuzzyToken(text: word.text, key: numberKey, placeable: .number, start: word.start, end: word.end)
        }
        let lower = word.normalized
        if let month = indonesianMonths[lower] {
            return FuzzyToken(text: word.text, key: monthKey, placeable: .month(month), start: word.start, end: word.end)
        }
        if let month = englishMonths[lower], word.text.first?.isUppercase == true {
            let ambiguous = lower == "may" || lower == "march"
            if !ambiguous || previous?.isNumber == true || next?.isNumber == true {
                return FuzzyToken(text: word.text, key: monthKey, placeable: .month(month), start: word.start, end: word.end)
            }
        }
        return FuzzyToken(text: word.text, key: lower, placeable: nil, start: word.start, end: word.end)
    }
}
