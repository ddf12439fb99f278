import Foundation

/// What one reader found at a lexeme: a quantity spanning lexemes `start..<end`.
struct QuantityMatch {
    var kind: QuantityKind
    var start: Int
    var end: Int
    /// The value and form, in a box of their own: a match (or none) is passed back through
    /// the readers a lexeme is tried with, and unboxed the pair took 300 bytes, copied at each
    /// step for every figure of every text an index build reads.
    private let reading: Reading

    private final class Reading: Sendable {
        let value: QuantityValue
        let form: QuantityForm

        init(value: QuantityValue, form: QuantityForm) {
            self.value = value
            self.form = form
        }
    }

    var value: QuantityValue { reading.value }
    var form: QuantityForm { reading.form }

    init(kind: QuantityKind, value: QuantityValue, form: QuantityForm, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        reading = Reading(value: value, form: form)
    }
}

/// One text being read: its scalars, lexemes and language. The readers (amounts, money, dates,
/// times, ordinals) are extensions of this type, each in the folder of its concept.
struct QuantityScan {
    let scalars: [Unicode.Scalar]
    let lexemes: [QuantityLexeme]
    let language: ArticleLanguage
    let lexicon: QuantityLexicon
    /// Every scalar is ASCII.
    let isASCII: Bool

    init(_ text: String, language: ArticleLanguage) {
        // An ASCII text's bytes are its scalars, and far quicker to read than the scalar view.
        var text = text
        let ascii = text.withUTF8 { bytes -> (scalars: [Unicode.Scalar], lexemes: [QuantityLexeme])? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for index in bytes.indices { buffer[index] = Unicode.Scalar(bytes[index]) }
                count = bytes.count
            }
            return (scalars, QuantityLexer.lexASCII(bytes))
        }
        if let ascii {
            (scalars, lexemes) = ascii
            isASCII = true
        } else {
            scalars = Array(text.unicodeScalars)
            isASCII = false
            lexemes = QuantityLexer.lex(scalars)
        }
        self.language = language
        lexicon = QuantityLexicon.of(language)
    }

    var count: Int { lexemes.count }

    func isNumber(_ i: Int) -> Bool { i < count && lexemes[i].kind == .number }
    func isWord(_ i: Int) -> Bool { i < count && lexemes[i].kind == .word }
    /// Lexeme `i` is the symbol `symbol` (a symbol lexeme is one scalar).
    func isSymbol(_ i: Int, _ symbol: Unicode.Scalar) -> Bool {
        i < count && lexemes[i].kind == .symbol && scalars[lexemes[i].start] == symbol
    }

    /// Lexeme `i` as written; empty past the last lexeme.
    func written(_ i: Int) -> String { i < count ? text(i, i + 1) : "" }

    /// Lexeme `i` lower-cased; empty past the last lexeme. The readers and phrase tables compare
    /// lexemes in lower case; an ASCII one is lower-cased from its scalars as it is written out.
    func lower(_ i: Int) -> String {
        guard i < count else { return "" }
        let lexeme = lexemes[i]
        guard lexeme.isASCII else { return written(i).lowercased() }
        return String(unsafeUninitializedCapacity: lexeme.end - lexeme.start) { buffer in
            for offset in lexeme.start..<lexeme.end {
                buffer[offset - lexeme.start] = WordTokenizer.asciiLowercased(UInt8(truncatingIfNeeded: scalars[offset].value))
            }
            return lexeme.end - lexeme.start
        }
    }

    /// `QuantityLexicon.shape(of: lower(i))`, read from an ASCII lexeme's scalars without
    /// lower-casing it (`& 31` is the same for a letter in either case).
    @inline(__always)
    func shape(_ i: Int) -> Int {
        let lexeme = lexemes[i]
        guard lexeme.isASCII else { return QuantityLexicon.shape(of: lower(i)) }
        let first = Int(scalars[lexeme.start].value & 31)
        let last = Int(scalars[lexeme.end - 1].value & 31)
        return (min(lexeme.end - lexeme.start, 31) << 10) | (first << 5) | last
    }

    /// The number of scalars of lexeme `i`: the bytes of a figure, which is ASCII.
    func width(_ i: Int) -> Int { lexemes[i].end - lexemes[i].start }

    /// Lexeme `i` touches the one before it (no white space between).
    func attached(_ i: Int) -> Bool { i > 0 && i < count && lexemes[i - 1].end == lexemes[i].start }

    /// The text of lexemes `start..<end`, as written.
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        let range = lexemes[start].start..<lexemes[end - 1].end
        // ASCII (most figures and their words): the scalars are the bytes, written in place.
        if end - start == 1 ? lexemes[start].isASCII : scalars[range].allSatisfy({ $0.value < 0x80 }) {
            return String(unsafeUninitializedCapacity: range.count) { buffer in
                for offset in range { buffer[offset - range.lowerBound] = UInt8(truncatingIfNeeded: scalars[offset].value) }
                return range.count
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// Lexeme `i` is a figure of digits only (no `.` `,` `:`).
    func isDigits(_ i: Int) -> Bool {
        isNumber(i) && scalars[lexemes[i].start..<lexemes[i].end].allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    }

    /// A plain integer: digits only, at most `digits` of them (and at most 18, which an `Int`
    /// holds; the readers ask for 6 at most).
    func integer(_ i: Int, digits: Int) -> Int? {
        guard isNumber(i), width(i) <= min(digits, 18) else { return nil }
        var value = 0
        for offset in lexemes[i].start..<lexemes[i].end {
            let digit = scalars[offset].value &- 0x30
            guard digit <= 9 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// The case of the word at `i`.
    func letterCase(_ i: Int) -> LetterCase { QuantityScan.letterCase(of: written(i)) }

    static func letterCase(of word: String) -> LetterCase {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the letters are A–Z and a–z, the capitals A–Z; no scalar array to build.
            var letters = 0, capitals = 0
            var firstIsCapital: Bool?
            for byte in word.utf8 where (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                letters += 1
                if byte <= 0x5A { capitals += 1 }
                if firstIsCapital == nil { firstIsCapital = byte <= 0x5A }
            }
            if letters > 1 && capitals == letters { return .upper }
            return firstIsCapital == true ? .capitalized : .lower
        }
        return letterCaseByScalars(word)
    }

    /// `letterCase(of:)` from the scalars' Unicode properties: any text.
    static func letterCaseByScalars(_ word: String) -> LetterCase {
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count > 1 && letters.allSatisfy({ $0.properties.isUppercase }) { return .upper }
        return letters.first?.properties.isUppercase == true ? .capitalized : .lower
    }
}
