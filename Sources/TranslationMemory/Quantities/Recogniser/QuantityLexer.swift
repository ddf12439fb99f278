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
    var text: String
    /// `text.lowercased()`, made once: the readers and phrase tables compare lower-cased
    /// lexemes many times over.
    var lower: String
    /// Offsets in Unicode scalars.
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
        // Lexemes are short and mostly ASCII: written as bytes, most are small strings with no
        // allocation (appending scalars to a view was the recogniser's largest cost).
        func lexeme(_ kind: QuantityLexeme.Kind, _ start: Int, _ end: Int) -> QuantityLexeme {
            if isASCII || scalars[start..<end].allSatisfy({ $0.value < 0x80 }) {
                let text = String(unsafeUninitializedCapacity: end - start) { buffer in
                    for offset in start..<end { buffer[offset - start] = UInt8(truncatingIfNeeded: scalars[offset].value) }
                    return end - start
                }
                // Most words are written in lower case: then the text is its own lower case.
                let hasCapital = kind == .word && scalars[start..<end].contains { $0.value >= 0x41 && $0.value <= 0x5A }
                let lower = !hasCapital ? text : String(unsafeUninitializedCapacity: end - start) { buffer in
                    for offset in start..<end {
                        let byte = UInt8(truncatingIfNeeded: scalars[offset].value)
                        buffer[offset - start] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return end - start
                }
                return QuantityLexeme(kind: kind, text: text, lower: lower, start: start, end: end)
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let text = String(view)
            return QuantityLexeme(kind: kind, text: text, lower: text.lowercased(), start: start, end: end)
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
