import Foundation

extension AlignmentDocument {
    /// Segments a raw article with the project's segmenter: the title (when found) is a paragraph
    /// of its own, the body's paragraphs follow; the dateline and the credit lines are left out of
    /// the text to align and kept as provenance.
    public static func segmented(text: String, path: String, language: ArticleLanguage) throws -> AlignmentDocument {
        let article = try SentenceSegmenter(language: language).segment(article: text)
        var paragraphs: [[String]] = []
        if let title = article.title, !title.text.trimmingCharacters(in: .whitespaces).isEmpty {
            paragraphs.append([title.text])
        }
        for paragraph in article.paragraphs {
            let sentences = paragraph.sentences.map(\.text).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if !sentences.isEmpty { paragraphs.append(sentences) }
        }
        guard !paragraphs.isEmpty else { throw TMError(.nothingToAlign, path: path) }
        return AlignmentDocument(path: path, paragraphs: paragraphs, translator: article.translator,
                                 reporter: article.reporter, editor: article.editor, source: article.source,
                                 dateline: article.dateline?.text)
    }

    /// Reads and segments a raw article file (UTF-8/UTF-16 with BOM, CRLF accepted).
    public static func segmented(path: String, language: ArticleLanguage) throws -> AlignmentDocument {
        try segmented(text: TextDecoding.readFile(path), path: path, language: language)
    }
}
