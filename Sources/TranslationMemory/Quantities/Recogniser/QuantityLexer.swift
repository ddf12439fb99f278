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
    /// Offsets in Unicode scalars.
    var start: Int
    var end: Int
}

/// Splits text into lexemes. Unlike `WordTokenizer`, letters and digits part (`Rp3,2` is `Rp` and
/// `3,2`; `78th` is `78` and `th`) and hyphens and slashes are lexemes of their own, because the
/// recogniser reads `ke-78`, `2-3` and `7/8` as patterns.
enum QuantityLexer {
    /// - Complexity: O(n) in the number of scalars.
    static func lex(_ scalars: [Unicode.Scalar]) -> [QuantityLexeme] {
        var lexemes: [QuantityLexeme] = []
        var index = 0
        let count = scalars.count
        // Lexemes are short and mostly ASCII: written as bytes, most are small strings with no
        // allocation (appending scalars to a view was the recogniser's largest cost).
        func text(_ start: Int, _ end: Int) -> String {
            if scalars[start..<end].allSatisfy({ $0.value < 0x80 }) {
                return String(unsafeUninitializedCapacity: end - start) { buffer in
                    for offset in start..<end { buffer[offset - start] = UInt8(truncatingIfNeeded: scalars[offset].value) }
                    return end - start
                }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
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
                lexemes.append(QuantityLexeme(kind: .number, text: text(start, index), start: start, end: index))
            } else if isLetter(scalar) {
                index += 1
                while index < count {
                    if isLetter(scalars[index]) { index += 1; continue }
                    let c = scalars[index]
                    if (c == "'" || c == "\u{2019}"), index + 1 < count, isLetter(scalars[index + 1]) { index += 2; continue }
                    break
                }
                lexemes.append(QuantityLexeme(kind: .word, text: text(start, index), start: start, end: index))
            } else if isSpace(scalar) {
                index += 1
            } else {
                index += 1
                lexemes.append(QuantityLexeme(kind: .symbol, text: text(start, index), start: start, end: index))
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
