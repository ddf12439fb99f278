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
    /// An ASCII text is lexed from its bytes (`lexASCII`).
    /// - Complexity: O(n) in the number of scalars.
    static func lex(_ scalars: [Unicode.Scalar]) -> [QuantityLexeme] {
        var lexemes: [QuantityLexeme] = []
        var index = 0
        let count = scalars.count
        lexemes.reserveCapacity(count / 4 + 4)
        func lexeme(_ kind: QuantityLexeme.Kind, _ start: Int, _ end: Int) -> QuantityLexeme {
            QuantityLexeme(kind: kind, isASCII: scalars[start..<end].allSatisfy { $0.value < 0x80 }, start: start, end: end)
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

    /// `lex(_:)` of an ASCII text, from its bytes: the same lexemes, without reading
    /// each byte as a scalar and asking its class three times (the lexer ran on every text
    /// with a figure that an index build reads).
    /// - Complexity: O(n) in the number of bytes.
    static func lexASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [QuantityLexeme] {
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
        var lexemes: [QuantityLexeme] = []
        let count = bytes.count
        // Room for most texts (a word and its space are six bytes on average): growing the
        // array cost more than the room, and room for one lexeme per byte more still.
        lexemes.reserveCapacity(count / 3 + 4)
        var index = 0
        while index < count {
            let byte = bytes[index]
            let start = index
            index += 1
            if isDigit(byte) {
                while index < count {
                    let c = bytes[index]
                    if isDigit(c) { index += 1; continue }
                    if c == 0x2E || c == 0x2C || c == 0x3A, index + 1 < count, isDigit(bytes[index + 1]) { index += 2; continue }
                    break
                }
                lexemes.append(QuantityLexeme(kind: .number, isASCII: true, start: start, end: index))
            } else if isLetter(byte) {
                while index < count {
                    let c = bytes[index]
                    if isLetter(c) { index += 1; continue }
                    if c == 0x27, index + 1 < count, isLetter(bytes[index + 1]) { index += 2; continue }
                    break
                }
                lexemes.append(QuantityLexeme(kind: .word, isASCII: true, start: start, end: index))
            } else if byte != 0x20 && (byte < 0x09 || byte > 0x0D) {
                lexemes.append(QuantityLexeme(kind: .symbol, isASCII: true, start: start, end: index))
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
