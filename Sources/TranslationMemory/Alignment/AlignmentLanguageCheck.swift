import Foundation

/// Catches the two mistakes people make when they pass two files: the wrong order, and the same
/// language twice. Decides by the share of each language's commonest function words.
public enum AlignmentLanguageCheck {
    /// What the two files' text says about the order they were given in.
    public enum Finding: Sendable, Hashable {
        /// As given (or too short to tell).
        case asGiven
        /// The first file is English and the second Indonesian.
        case swapped
        /// Both files are in one language: `id` or `en`.
        case sameLanguage(String)
    }

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

    /// The finding for the text given as Indonesian (`first`) and as English (`second`).
    public static func check(first: [[String]], second: [[String]], lexicon: AlignmentLexicon) -> Finding {
        switch (guess(first, lexicon: lexicon), guess(second, lexicon: lexicon)) {
        case ("en", "id"): return .swapped
        case ("id", "id"): return .sameLanguage("id")
        case ("en", "en"): return .sameLanguage("en")
        default: return .asGiven
        }
    }

    /// Reads the two files of `tm align` in the right order: `read(path, language)` reads one as
    /// the given language. When the text says the English file came first, they are read the
    /// other way round and `swapped` is true.
    ///
    /// - Throws: `TMError.Kind.sameLanguage` when both files are in one language (nothing to align).
    public static func load(indonesianPath: String, englishPath: String, lexicon: AlignmentLexicon,
                            read: (String, ArticleLanguage) throws -> AlignmentDocument)
        throws -> (indonesian: AlignmentDocument, english: AlignmentDocument, swapped: Bool) {
        let first = try read(indonesianPath, .indonesian), second = try read(englishPath, .english)
        switch check(first: first.paragraphs, second: second.paragraphs, lexicon: lexicon) {
        case .asGiven:
            return (first, second, false)
        case .swapped:
            return (try read(englishPath, .indonesian), try read(indonesianPath, .english), true)
        case .sameLanguage(let language):
            let name = language == "id" ? "Indonesian" : "English"
            throw TMError(.sameLanguage(language: name, other: indonesianPath), path: englishPath)
        }
    }

    /// The note for the user when the files were swapped.
    public static func swappedNote(indonesian: AlignmentDocument, english: AlignmentDocument) -> String {
        "\(english.path) looks English and \(indonesian.path) Indonesian: aligned \(indonesian.path) as the Indonesian text (the Indonesian file comes first)"
    }
}
