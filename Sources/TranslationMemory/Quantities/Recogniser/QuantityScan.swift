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

    init(_ text: String, language: ArticleLanguage) {
        // An ASCII text's bytes are its scalars, and far quicker to read than the scalar view.
        var ascii = true
        var bytes: [Unicode.Scalar] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte < 0x80 else { ascii = false; break }
            bytes.append(Unicode.Scalar(byte))
        }
        scalars = ascii ? bytes : Array(text.unicodeScalars)
        lexemes = QuantityLexer.lex(scalars)
        self.language = language
        lexicon = QuantityLexicon.of(language)
    }

    var count: Int { lexemes.count }

    func isNumber(_ i: Int) -> Bool { i < count && lexemes[i].kind == .number }
    func isWord(_ i: Int) -> Bool { i < count && lexemes[i].kind == .word }
    func isSymbol(_ i: Int, _ symbol: String) -> Bool { i < count && lexemes[i].kind == .symbol && lexemes[i].text == symbol }
    func lower(_ i: Int) -> String { i < count ? lexemes[i].text.lowercased() : "" }

    /// Lexeme `i` touches the one before it (no white space between).
    func attached(_ i: Int) -> Bool { i > 0 && i < count && lexemes[i - 1].end == lexemes[i].start }

    /// The text of lexemes `start..<end`, as written.
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lexemes[start].start..<lexemes[end - 1].end])
        return String(view)
    }

    /// A plain integer: digits only, at most `digits` of them.
    func integer(_ i: Int, digits: Int) -> Int? {
        guard isNumber(i), lexemes[i].text.utf8.count <= digits, lexemes[i].text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(lexemes[i].text)
    }

    /// The case of the word at `i`.
    func letterCase(_ i: Int) -> LetterCase {
        let word = lexemes[i].text
        let letters = word.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count > 1 && letters.allSatisfy({ $0.properties.isUppercase }) { return .upper }
        return letters.first?.properties.isUppercase == true ? .capitalized : .lower
    }
}
