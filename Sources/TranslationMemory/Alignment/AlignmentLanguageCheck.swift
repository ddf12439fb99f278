import Foundation

/// Catches the two mistakes people make when they pass two files: the wrong order, and the same
/// language twice. Decides by the share of each language's commonest function words.
public enum AlignmentLanguageCheck {
    /// The language a text looks like: `id`, `en`, or nil when it is too short or neither.
    public static func guess(_ paragraphs: [[String]], lexicon: AlignmentLexicon) -> String? {
        var indonesian = 0, english = 0, words = 0
        outer: for paragraph in paragraphs {
            for sentence in paragraph {
                for token in WordTokenizer.tokenize(sentence) where !token.isNumber {
                    words += 1
                    if lexicon.indonesianFunctionWords.contains(token.normalized) { indonesian += 1 }
                    if lexicon.englishFunctionWords.contains(token.normalized) { english += 1 }
                    if words >= 5000 { break outer }
                }
            }
        }
        guard words >= 8, indonesian + english >= 3 else { return nil }
        if Double(indonesian) >= 2 * Double(english) { return "id" }
        if Double(english) >= 2 * Double(indonesian) { return "en" }
        return nil
    }

    /// Warnings for the user (empty when the files look right).
    public static func warnings(indonesian: AlignmentDocument, english: AlignmentDocument,
                                lexicon: AlignmentLexicon) -> [String] {
        let first = guess(indonesian.paragraphs, lexicon: lexicon)
        let second = guess(english.paragraphs, lexicon: lexicon)
        switch (first, second) {
        case ("en", "id"):
            return ["\(indonesian.path) looks English and \(english.path) looks Indonesian: are the files swapped? (the Indonesian file comes first)"]
        case ("id", "id"):
            return ["both files look Indonesian (\(english.path) should be the English text)"]
        case ("en", "en"):
            return ["both files look English (\(indonesian.path) should be the Indonesian text)"]
        default:
            return []
        }
    }
}
