import Foundation

extension AlignmentLexicon {
    /// Adds the glossary's one-word Indonesian terms (`Kemenlu` → Foreign Ministry, `AS` → U.S.,
    /// `Februari` → February) as lexical evidence, with their admitted alternatives. Multi-word
    /// terms are left out: the lexicon pairs single Indonesian words, and splitting a term such as
    /// `kemitraan strategis` word by word would guess at which English word renders which.
    ///
    /// - Returns: the number of glossary pairs added.
    @discardableResult
    public mutating func add(glossary: Glossary) -> Int {
        var added = 0
        for entry in glossary.entries {
            let words = WordTokenizer.tokenize(entry.source)
            guard words.count == 1, words[0].text == entry.source.trimmingCharacters(in: .whitespaces) else { continue }
            for target in [entry.target] + entry.alternativeTargets where !target.isEmpty {
                add(indonesian: entry.source, english: target)
                added += 1
            }
        }
        return added
    }
}
