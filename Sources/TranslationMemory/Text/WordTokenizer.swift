/// A word of a text, with where it stands.
public struct WordToken: Sendable, Codable, Hashable {
    /// The word as written.
    public var text: String
    /// Lower-cased form used for matching.
    public var normalized: String
    /// Offsets in Unicode scalars (code points) from the start of the text.
    public var start: Int
    public var end: Int
    public var isNumber: Bool
}

/// Splits text into words for matching and alignment: runs of letters and digits, keeping inside a
/// word the joiners news text uses — hyphens of reduplication (`negara-negara`, `isu-isu`),
/// apostrophes (`Qur'an`, `don't`), and the separators inside numbers (`1.500.000,50`, `10.30`,
/// `2-3`). Punctuation and symbols are not words.
///
/// - Complexity: O(n) in the length of the text.
public enum WordTokenizer {
    public static func tokenize(_ text: String) -> [WordToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [WordToken] = []
        var index = 0
        let count = scalars.count
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
        }
        while index < count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            index += 1
            while index < count {
                let scalar = scalars[index]
                if isWordScalar(scalar) { index += 1; continue }
                // A joiner stays inside the word when a word character follows it.
                if index + 1 < count, isWordScalar(scalars[index + 1]) {
                    let previous = scalars[index - 1]
                    let next = scalars[index + 1]
                    let previousIsDigit = previous.properties.numericType != nil
                    let nextIsDigit = next.properties.numericType != nil
                    switch scalar {
                    case "-", "\u{2010}", "\u{2011}":
                        index += 1; continue
                    case "'", "\u{2019}":
                        if !previousIsDigit && !nextIsDigit { index += 1; continue }
                    case ".", ",", ":":
                        if previousIsDigit && nextIsDigit { index += 1; continue }
                    default:
                        break
                    }
                }
                break
            }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<index])
            let text = String(word)
            let isNumber = scalars[start].properties.numericType != nil
            tokens.append(WordToken(text: text, normalized: text.lowercased(), start: start, end: index, isNumber: isNumber))
        }
        return tokens
    }
}
