/// A piece of text as the quantity recogniser reads it: a figure, a word or one symbol.
struct QuantityLexeme: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// ASCII digits, with `.` `,` `:` between digits (`1.500.000,50`, `10:30`).
        case number
        /// Letters, with apostrophes between letters (`Jum'at`).
        case word
        /// Any other scalar that is not white space: `$`, `%`, `-`, `/`, `(`, `.`, `½`.
        case symbol
    }

    var kind: Kind
    /// Every scalar of the lexeme is ASCII: its scalars are its UTF-8 bytes.
    var isASCII: Bool
    /// Offsets in Unicode scalars. The lexeme's text is read from the scanned scalars
    /// (`QuantityScan.written(_:)`, `lower(_:)`) only where a reader asks for it: a string per
    /// lexeme, made for every word of every text an index build reads, was most of the lexer's
    /// time.
    var start: Int
    var end: Int
}

/// Splits text into lexemes. Unlike `WordTokenizer`, letters and digits part (`Rp3,2` is `Rp` and
/// `3,2`; `78th` is `78` and `th`) and hyphens and slashes are lexemes of their own, because the
/// recogniser reads `ke-78`, `2-3` and `7/8` as patterns.
enum QuantityLexer {
    /// `isASCII`: every scalar is known to be ASCII (spares a check per lexeme).
    /// - Complexity: O(n) in the number of scalars.
    static func lex(_ scalars: [Unicode.Scalar], isASCII: Bool = false) -> [QuantityLexeme] {
        var lexemes: [QuantityLexeme] = []
        var index = 0
        let count = scalars.count
        lexemes.reserveCapacity(count / 4 + 4)
        func lexeme(_ kind: QuantityLexeme.Kind, _ start: Int, _ end: Int) -> QuantityLexeme {
            QuantityLexeme(kind: kind, isASCII: isASCII || scalars[start..<end].allSatisfy { $0.value < 0x80 }, start: start, end: end)
        }
        while index < count {
            let scalar = scalars[index]
            let start = index
            if isDigit(scalar) {
                index += 1
                while index < count {
                    if isDigit(scalars[index]) { index += 1; continue }
                    let c = scalars[index]
                    if (c == "." || c == "," || c == ":"), index + 1 < count, isDigit(scalars[index + 1]) { index += 2; continue }
                    break
                }
                lexemes.append(lexeme(.number, start, index))
            } else if isLetter(scalar) {
                index += 1
                while index < count {
                    if isLetter(scalars[index]) { index += 1; continue }
                    let c = scalars[index]
                    if (c == "'" || c == "\u{2019}"), index + 1 < count, isLetter(scalars[index + 1]) { index += 2; continue }
                    break
                }
                lexemes.append(lexeme(.word, start, index))
            } else if isSpace(scalar) {
                index += 1
            } else {
                index += 1
                lexemes.append(lexeme(.symbol, start, index))
            }
        }
        return lexemes
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s == " " || (s.value >= 0x09 && s.value <= 0x0D) : s.properties.isWhitespace
    }
}
