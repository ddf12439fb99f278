import Foundation

/// The pairs `tm check` reads: a TSV of pairs, two articles aligned, or the memory itself.
public enum QAInput {
    /// `INDONESIAN<TAB>ENGLISH` a line; pair N is line N (blank lines are no pair but keep the
    /// count). A line without a tab is a source with an empty target. Fields are taken as written:
    /// news sentences start with quotation marks, which CSV-style quoting would eat.
    public static func pairs(tsvPath path: String) throws -> [QAPair] {
        let text = try TextDecoding.readFile(path)
        var result: [QAPair] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            result.append(QAPair(number: index + 1, source: String(fields[0]), target: fields.count > 1 ? String(fields[1]) : "",
                                 file: path, line: index + 1))
        }
        return result
    }

    /// An article and its translation aligned as `tm align --dry-run` aligns them (files given the
    /// wrong way round are taken the right way), every aligned pair numbered in the aligner's order —
    /// a sentence left untranslated is a pair with an empty target — and the credit lines paired by
    /// kind after them.
    public static func aligned(indonesianPath: String, englishPath: String, lexicon: AlignmentLexicon, store: TranslationMemoryStore?)
        throws -> (pairs: [QAPair], creditPairs: [QAPair], swapped: Bool) {
        let (indonesian, english, swapped) = try AlignmentLanguageCheck.load(indonesianPath: indonesianPath, englishPath: englishPath,
                                                                             lexicon: lexicon) { path, language in
            try AlignmentDocument.segmented(path: path, language: language)
        }
        let session = AlignmentSession(indonesian: indonesian, english: english, lexicon: lexicon, store: store)
        let outcome = try session.run(minimumConfidence: 0, store: false, force: true)
        // Numbered as tm align --dry-run lists them; an English sentence without a source is no pair to check.
        let pairs = outcome.pairs.enumerated().filter { !$0.element.indonesian.isEmpty }.map { index, pair in
            QAPair(number: index + 1, source: pair.indonesian, target: pair.english, file: indonesian.path)
        }
        let credits = { (path: String, language: ArticleLanguage) in
            try SentenceSegmenter(language: language).segment(article: TextDecoding.readFile(path)).credits
        }
        let creditPairs = CreditsCheck.pairs(source: try credits(indonesian.path, .indonesian), target: try credits(english.path, .english),
                                             sourcePath: indonesian.path, firstNumber: outcome.pairs.count + 1)
        return (pairs, creditPairs, swapped)
    }

    /// The aligner's lexicon for `aligned`: the shipped one with the glossary's one-word terms, as
    /// `tm align` uses it. Built once for any number of article pairs.
    public static func lexicon(glossary: Glossary) throws -> AlignmentLexicon {
        var lexicon = try AlignmentLexicon.shipped()
        lexicon.add(glossary: glossary)
        return lexicon
    }

    /// The memory's Indonesian–English units in the order it is read, each with its file, line and id.
    public static func memory(_ store: TranslationMemoryStore) throws -> (pairs: [QAPair], skipped: [SkippedUnit]) {
        try store.checkExists()
        var pairs: [QAPair] = []
        let skipped = try store.forEachUnit { unit, origin in
            guard let (source, target) = unit.indonesianEnglishPair else { return }
            pairs.append(QAPair(number: pairs.count + 1, source: source, target: target, file: origin.path, line: origin.line,
                                id: unit.attribute("tuid")))
        }
        return (pairs, skipped)
    }
}
