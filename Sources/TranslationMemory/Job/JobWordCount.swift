import Foundation

/// Words and characters of a segment, counted the way a CAT tool bills them.
public struct JobCount: Sendable, Codable, Hashable {
    public var segments: Int
    public var words: Int
    /// Characters without white space (and without inline codes).
    public var characters: Int
    public var charactersWithSpaces: Int

    public init(segments: Int = 0, words: Int = 0, characters: Int = 0, charactersWithSpaces: Int = 0) {
        self.segments = segments
        self.words = words
        self.characters = characters
        self.charactersWithSpaces = charactersWithSpaces
    }

    public static func + (lhs: JobCount, rhs: JobCount) -> JobCount {
        JobCount(segments: lhs.segments + rhs.segments, words: lhs.words + rhs.words, characters: lhs.characters + rhs.characters,
                 charactersWithSpaces: lhs.charactersWithSpaces + rhs.charactersWithSpaces)
    }
}

/// Whose analysis to reproduce: the bands and the word count differ between tools, and an
/// invoice or a check against the tool's own statistics needs the same ones.
public enum AnalysisProfile: String, Sendable, Codable, CaseIterable {
    /// Trados Studio: a number, date, time or money amount is one word; `he/she` two words,
    /// `up-to-date` one; inline codes are not counted. Credits are reported apart.
    case trados
    /// OmegaT 3.6 (`Statistics.numberOfWords`): the tokens of Java's word `BreakIterator`
    /// (as OmegaT's `WordIterator` joins them) that hold a letter or digit; characters are code
    /// points, spaces (`Character.isSpaceChar`) left out of `characters`. Credits are segments,
    /// since OmegaT sees them as such.
    case omegat

    /// Counts one segment.
    public func count(_ text: String) -> JobCount {
        switch self {
        case .trados: return JobWordCount.trados(text)
        case .omegat: return JobWordCount.omegat(text)
        }
    }
}

/// The two word counts.
public enum JobWordCount {
    /// Inline codes: XML-like tags (`<b>`, `</x>`, `<ph id="1"/>`) and OmegaT-style `{1}` codes.
    static let inlineCode = try! NSRegularExpression(pattern: "</?[A-Za-z][^<>]*>|\\{/?[0-9]+\\}")

    /// Trados Studio's count: the text without inline codes; each recognised quantity (a number,
    /// an amount of money, a date, a time, a percentage, a measure) one word; the rest split at
    /// white space and `/`, each piece holding a letter or digit one word (hyphens and
    /// apostrophes keep a word whole).
    public static func trados(_ text: String) -> JobCount {
        let ns = text as NSString
        let stripped = inlineCode.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: ns.length), withTemplate: " ")
        var scalars = Array(stripped.unicodeScalars)
        var words = 0
        for quantity in QuantityRecognizer(language: .indonesian).quantities(in: stripped) {
            words += 1
            // Blank the quantity so its pieces are not counted again.
            for offset in quantity.range where offset < scalars.count { scalars[offset] = " " }
        }
        var inWord = false
        for scalar in scalars {
            let isBreak = scalar.properties.isWhitespace || scalar == "/"
            if isBreak {
                inWord = false
            } else if !inWord && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                // Counted at the first letter or digit of a piece; punctuation alone is no word.
                words += 1
                inWord = true
            }
        }
        let plain = inlineCode.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: ns.length), withTemplate: "")
            .trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars
        let spaces = plain.filter { $0.properties.isWhitespace }.count
        return JobCount(segments: 1, words: words, characters: plain.count - spaces, charactersWithSpaces: plain.count)
    }

    /// OmegaT 3.6's count (see `AnalysisProfile.omegat`).
    public static func omegat(_ text: String) -> JobCount {
        let scalars = Array(text.unicodeScalars)
        var words = 0
        var index = 0
        while index < scalars.count {
            if let end = omegatToken(scalars, at: index) {
                words += 1
                index = end
            } else {
                index += 1
            }
        }
        // OmegaT leaves out U+0008, its stand-in for tags.
        let counted = scalars.filter { $0 != "\u{08}" }
        let spaces = counted.filter(isJavaSpaceChar).count
        return JobCount(segments: 1, words: words, characters: counted.count - spaces, charactersWithSpaces: counted.count)
    }

    /// The end of the word token starting at `start`, or nil when no word starts there. Java's
    /// word rules: letters joined by mid-word marks (dashes, `'`, `"`, `.`), digits by mid-number
    /// marks (`'`, `"`, `,`, `.`), letters and numbers alternating freely, a currency sign, `#`
    /// or `.` before a number, `%`, `&`, `‰` after one.
    static func omegatToken(_ s: [Unicode.Scalar], at start: Int) -> Int? {
        var i = start
        if isPreNumber(s[i]) {
            guard i + 1 < s.count, isDigit(s[i + 1]) else { return nil }
            i += 1
        } else if !isLetter(s[i]) && !isDigit(s[i]) {
            return nil
        }
        while i < s.count {
            if isLetter(s[i]) {
                while i < s.count && (isLetter(s[i]) || isMark(s[i])) { i += 1 }
                while i + 1 < s.count && isMidWord(s[i]) && isLetter(s[i + 1]) {
                    i += 1
                    while i < s.count && (isLetter(s[i]) || isMark(s[i])) { i += 1 }
                }
            } else if isDigit(s[i]) {
                while i < s.count && (isDigit(s[i]) || isMark(s[i])) { i += 1 }
                while i + 1 < s.count && isMidNumber(s[i]) && isDigit(s[i + 1]) {
                    i += 1
                    while i < s.count && (isDigit(s[i]) || isMark(s[i])) { i += 1 }
                }
                if i < s.count && isPostNumber(s[i]) { return i + 1 }
            } else {
                break
            }
        }
        return i
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .spacingMark: return true
        default: return c == "_"
        }
    }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
    private static func isMark(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }
    private static func isMidWord(_ c: Unicode.Scalar) -> Bool {
        c.properties.generalCategory == .dashPunctuation || c == "'" || c == "\"" || c == "." || c == "&"
            || c == "\u{00AD}" || c == "\u{2027}"
    }
    private static func isMidNumber(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\"" || c == "," || c == "." || c == "\u{066B}"
    }
    private static func isPreNumber(_ c: Unicode.Scalar) -> Bool {
        c.properties.generalCategory == .currencySymbol || c == "#" || c == "."
    }
    private static func isPostNumber(_ c: Unicode.Scalar) -> Bool {
        c == "%" || c == "&" || c == "\u{00A2}" || c == "\u{066A}" || c == "\u{2030}" || c == "\u{2031}"
    }

    /// Java's `Character.isSpaceChar`: space, line and paragraph separators (not tabs).
    static func isJavaSpaceChar(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
