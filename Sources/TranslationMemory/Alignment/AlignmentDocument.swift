import Foundation

/// One side of an alignment: the body as paragraphs of sentences, and what the article says about
/// itself (credits, dateline, title) for the provenance of the units.
public struct AlignmentDocument: Sendable, Codable, Hashable {
    public var path: String
    public var paragraphs: [[String]]
    /// Translator (`Penerjemah:`/`Translator:`), reporter, editor and source (`Sumber: Reuters`)
    /// named in the credit lines, when the article was segmented from raw text.
    public var translator: String?
    public var reporter: String?
    public var editor: String?
    public var source: String?
    public var dateline: String?

    public init(path: String, paragraphs: [[String]], translator: String? = nil, reporter: String? = nil,
                editor: String? = nil, source: String? = nil, dateline: String? = nil) {
        self.path = path
        self.paragraphs = paragraphs
        self.translator = translator
        self.reporter = reporter
        self.editor = editor
        self.source = source
        self.dateline = dateline
    }

    public var sentenceCount: Int { paragraphs.reduce(0) { $0 + $1.count } }

    /// Reads hunalign's pre-segmented format: one segment a line, a line `<p>` (or a blank line)
    /// between paragraphs. Runs of white space inside a line are kept as written.
    public static func presegmented(text: String, path: String) throws -> AlignmentDocument {
        var paragraphs: [[String]] = []
        var current: [String] = []
        var sawMark = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = AlignmentDocument.trimmed(line)
            let isMark = trimmed.utf8.count == 3 && trimmed.lowercased() == "<p>"
            if trimmed.isEmpty || isMark {
                if isMark { sawMark = true }
                if !current.isEmpty { paragraphs.append(current); current = [] }
                continue
            }
            current.append(trimmed.contains("\t") ? String(trimmed.map { $0 == "\t" ? " " : $0 }) : String(trimmed))
        }
        if !current.isEmpty { paragraphs.append(current) }
        if paragraphs.isEmpty {
            throw TMError(sawMark ? .onlyParagraphMarks : .nothingToAlign, path: path)
        }
        return AlignmentDocument(path: path, paragraphs: paragraphs)
    }

    /// The line without leading and trailing white space (pure Swift: Foundation's trimming is
    /// slow on long inputs).
    static func trimmed(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(scalars[first...last])
    }

    /// Reads a pre-segmented file (UTF-8/UTF-16 with BOM, CRLF accepted).
    public static func presegmented(path: String) throws -> AlignmentDocument {
        try presegmented(text: TextDecoding.readFile(path), path: path)
    }
}
