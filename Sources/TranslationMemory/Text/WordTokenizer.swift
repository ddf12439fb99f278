/// A word of a text, with where it stands.
public struct WordToken: Sendable, Codable, Hashable {
    /// The word as written.
    public var text: String
    /// Lower-cased form used for matching, in Unicode NFC: a word typed or saved in NFD (macOS,
    /// some CMSs) keys, indexes and compares like the same word in NFC. `text` stays as written.
    public var normalized: String
    /// Offsets in Unicode scalars (code points) from the start of the text.
    public var start: Int
    public var end: Int
    public var isNumber: Bool
}

/// Splits text into words for matching and alignment: runs of letters and digits, keeping inside a
/// word the joiners news text uses — hyphens of reduplication (`negara-negara`, `isu-isu`),
/// apostrophes (`Qur'an`, `don't`), and the separators inside numbers (`1.500.000,50`, `10.30`,
/// `2-3`). Punctuation and symbols are not words. The one home of these rules: the fuzzy matcher,
/// the index, the glossary, the term suggester and the aligner all split text here.
///
/// - Complexity: O(n) in the length of the text.
public enum WordTokenizer {
    /// The words of `text`. ASCII text (most news text) is split from its bytes, without the
    /// Unicode property look-ups that are most of the cost of indexing a memory; the result is the
    /// same as `tokenizeScalars`.
    public static func tokenize(_ text: String) -> [WordToken] {
        var text = text
        let ascii = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
        return ascii ? tokenizeASCII(&text) : tokenizeScalars(text)
    }

    /// True when `joiner` between two word characters stays inside the word: a hyphen always, an
    /// apostrophe between letters, `.`/`,`/`:` between digits.
    @inline(__always)
    static func joins(_ joiner: UInt32, previousIsDigit: Bool, nextIsDigit: Bool) -> Bool {
        switch joiner {
        case 0x2D, 0x2010, 0x2011: return true                        // - ‐ ‑
        case 0x27, 0x2019: return !previousIsDigit && !nextIsDigit     // ' ’
        case 0x2E, 0x2C, 0x3A: return previousIsDigit && nextIsDigit   // . , :
        default: return false
        }
    }

    @inline(__always) static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    /// An ASCII byte lower-cased (A–Z; every other byte as it is).
    @inline(__always) static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The lower case of an ASCII word whose string is `written`: `written` itself when it has no
    /// capital, else its bytes lower-cased.
    @inline(__always)
    static func asciiLowercased(_ word: UnsafeBufferPointer<UInt8>, written: String) -> String {
        word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? asciiLowercasedString(word) : written
    }

    /// ASCII bytes lower-cased into a string written in place (a short one needs no allocation).
    static func asciiLowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = asciiLowercased(byte) }
            return bytes.count
        }
    }

    @inline(__always) static func isASCIIWord(_ byte: UInt8) -> Bool {
        isASCIIDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    /// A digit: any scalar with a numeric type (`٣`, `½` too).
    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isASCIIDigit(UInt8(scalar.value)) : scalar.properties.numericType != nil
    }

    /// A word character: alphabetic, numeric, or a combining mark (NFD accents stay in the word).
    @inline(__always) static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return isASCIIWord(UInt8(scalar.value)) }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// The word boundaries of a text of `count` units (scalars or ASCII bytes) described by
    /// `isWord`, `isDigit` and `value`: calls `word(start, end)` for each word, in order.
    @inline(__always)
    static func forEachWord(count: Int, isWord: (Int) -> Bool, isDigit: (Int) -> Bool, value: (Int) -> UInt32,
                            _ word: (_ start: Int, _ end: Int) -> Void) {
        var index = 0
        while index < count {
            guard isWord(index) else { index += 1; continue }
            let start = index
            index += 1
            while index < count {
                if isWord(index) { index += 1; continue }
                if index + 1 < count, isWord(index + 1),
                   joins(value(index), previousIsDigit: isDigit(index - 1), nextIsDigit: isDigit(index + 1)) {
                    index += 1
                    continue
                }
                break
            }
            word(start, index)
        }
    }

    /// The general path, scalar by scalar.
    static func tokenizeScalars(_ text: String) -> [WordToken] {
        var text = text
        var scalars: [Unicode.Scalar] = []
        // The UTF-8 offset of each scalar and of the end: a word's text is copied from the
        // text's bytes, not rebuilt scalar by scalar.
        var offsets: [Int] = []
        let byteCount = text.utf8.count
        scalars.reserveCapacity(byteCount)
        offsets.reserveCapacity(byteCount + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        return text.withUTF8 { bytes -> [WordToken] in
            var tokens: [WordToken] = []
            forEachWord(count: scalars.count, isWord: { isWord(scalars[$0]) }, isDigit: { isDigit(scalars[$0]) }, value: { scalars[$0].value }) { start, end in
                let wordBytes = UnsafeBufferPointer(rebasing: bytes[offsets[start]..<offsets[end]])
                let word = String(decoding: wordBytes, as: UTF8.self)
                // An ASCII word (as many bytes as scalars) of a text with other scalars (curly
                // quotes, a dash, an accented name) is lower-cased as the ASCII path does: it is
                // its own NFC, with no Unicode case mapping or normalisation to ask for.
                let normalized = offsets[end] - offsets[start] == end - start
                    ? asciiLowercased(wordBytes, written: word) : TextNormalization.nfc(word.lowercased())
                tokens.append(WordToken(text: word, normalized: normalized, start: start, end: end, isNumber: isDigit(scalars[start])))
            }
            return tokens
        }
    }

    /// The ASCII path: byte offsets are scalar offsets.
    static func tokenizeASCII(_ text: inout String) -> [WordToken] {
        text.withUTF8 { bytes -> [WordToken] in
            var tokens: [WordToken] = []
            tokens.reserveCapacity(bytes.count / 5 + 4)
            forEachWord(count: bytes.count, isWord: { isASCIIWord(bytes[$0]) }, isDigit: { isASCIIDigit(bytes[$0]) }, value: { UInt32(bytes[$0]) }) { start, end in
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // Written in place: no array per word (small strings need no allocation at all).
                let text = String(decoding: word, as: UTF8.self)
                tokens.append(WordToken(text: text, normalized: asciiLowercased(word, written: text), start: start, end: end,
                                        isNumber: isASCIIDigit(bytes[start])))
            }
            return tokens
        }
    }
}
