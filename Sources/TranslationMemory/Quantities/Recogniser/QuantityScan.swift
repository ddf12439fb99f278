import Foundation

/// What one reader found at a lexeme: a quantity spanning lexemes `start..<end`.
struct QuantityMatch {
    var kind: QuantityKind
    var value: QuantityValue
    var form: QuantityForm
    var start: Int
    var end: Int
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
        let ascii = text.withUTF8 { bytes -> [Unicode.Scalar]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for index in bytes.indices { buffer[index] = Unicode.Scalar(bytes[index]) }
                count = bytes.count
            }
        }
        scalars = ascii ?? Array(text.unicodeScalars)
        isASCII = ascii != nil
        lexemes = QuantityLexer.lex(scalars, isASCII: isASCII)
        self.language = language
        lexicon = QuantityLexicon.of(language)
    }

    var count: Int { lexemes.count }

    func isNumber(_ i: Int) -> Bool { i < count && lexemes[i].kind == .number }
    func isWord(_ i: Int) -> Bool { i < count && lexemes[i].kind == .word }
    func isSymbol(_ i: Int, _ symbol: String) -> Bool { i < count && lexemes[i].kind == .symbol && lexemes[i].text == symbol }
    func lower(_ i: Int) -> String { i < count ? lexemes[i].lower : "" }

    /// Lexeme `i` touches the one before it (no white space between).
    func attached(_ i: Int) -> Bool { i > 0 && i < count && lexemes[i - 1].end == lexemes[i].start }

    /// The text of lexemes `start..<end`, as written.
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        let range = lexemes[start].start..<lexemes[end - 1].end
        // ASCII (most figures and their words): the scalars are the bytes, written in place.
        if scalars[range].allSatisfy({ $0.value < 0x80 }) {
            return String(unsafeUninitializedCapacity: range.count) { buffer in
                for offset in range { buffer[offset - range.lowerBound] = UInt8(truncatingIfNeeded: scalars[offset].value) }
                return range.count
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// A plain integer: digits only, at most `digits` of them.
    func integer(_ i: Int, digits: Int) -> Int? {
        guard isNumber(i), lexemes[i].text.utf8.count <= digits, lexemes[i].text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(lexemes[i].text)
    }

    /// The case of the word at `i`.
    func letterCase(_ i: Int) -> LetterCase { QuantityScan.letterCase(of: lexemes[i].text) }

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
