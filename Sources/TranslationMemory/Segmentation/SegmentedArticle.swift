import Foundation

/// The two languages the segmenter has rules for.
public enum ArticleLanguage: String, Sendable, Codable, CaseIterable {
    case indonesian = "id", english = "en"
}

/// A sentence with its place in the original text: offsets are in Unicode scalars (code points)
/// from the start of the decoded text; `text` is exactly the scalars `start..<end`.
public struct ArticleSentence: Sendable, Codable, Hashable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// One paragraph of the body (a blank-line block, or one line of a one-paragraph-per-line text).
public struct ArticleParagraph: Sendable, Codable, Hashable {
    public var sentences: [ArticleSentence]

    public init(sentences: [ArticleSentence]) {
        self.sentences = sentences
    }
}

/// What a credit line at an article's foot (or a `Baca juga:` line between paragraphs) says.
public enum CreditKind: String, Sendable, Codable {
    case source, readAlso, translator, reporter, editor, photographer, copyright, other
}

/// A credit line: `Penerjemah: Kenzu Tandiah` → kind `.translator`, label `Penerjemah`,
/// value `Kenzu Tandiah`, names `["Kenzu Tandiah"]`; `line` is 1-based in the decoded text.
public struct CreditLine: Sendable, Codable, Hashable {
    public var kind: CreditKind
    public var label: String
    public var value: String
    public var names: [String]
    public var line: Int

    public init(kind: CreditKind, label: String, value: String, names: [String], line: Int) {
        self.kind = kind
        self.label = label
        self.value = value
        self.names = names
        self.line = line
    }
}

/// The dateline a news article opens with: `Shanghai (ANTARA) -` or `JAKARTA, 5 Feb (Reuters) -`.
public struct Dateline: Sendable, Codable, Hashable {
    public var text: String
    public var place: String
    public var agency: String?
    public var date: String?

    public init(text: String, place: String, agency: String?, date: String?) {
        self.text = text
        self.place = place
        self.agency = agency
        self.date = date
    }
}

/// An article cut into its parts: title, dateline, body paragraphs of sentences, credits.
public struct SegmentedArticle: Sendable, Codable, Hashable {
    public var language: ArticleLanguage
    public var title: ArticleSentence?
    public var dateline: Dateline?
    /// Body only: no title, no credits; the dateline is cut off the first sentence.
    public var paragraphs: [ArticleParagraph]
    public var credits: [CreditLine]

    public init(language: ArticleLanguage, title: ArticleSentence? = nil, dateline: Dateline? = nil,
                paragraphs: [ArticleParagraph] = [], credits: [CreditLine] = []) {
        self.language = language
        self.title = title
        self.dateline = dateline
        self.paragraphs = paragraphs
        self.credits = credits
    }

    /// Who translated the piece (`Penerjemah:` / `Translator:`).
    public var translator: String? { credit(.translator) }
    /// Who reported it (`Pewarta:` / `Reporter:`).
    public var reporter: String? { credit(.reporter) }
    /// Who edited it (`Editor:` / `Redaktur:`).
    public var editor: String? { credit(.editor) }
    /// Where it comes from (`Sumber:` / `Source:`).
    public var source: String? { credit(.source) }

    /// Every body sentence in document order.
    public var sentences: [ArticleSentence] { paragraphs.flatMap(\.sentences) }

    private func credit(_ kind: CreditKind) -> String? {
        guard let line = credits.first(where: { $0.kind == kind }) else { return nil }
        return line.names.isEmpty ? line.value : line.names.joined(separator: ", ")
    }
}
