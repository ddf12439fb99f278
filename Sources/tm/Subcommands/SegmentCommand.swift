import ArgumentParser
import Foundation
import TranslationMemory

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a news article into sentences, with its title, dateline and credits.",
        discussion: """
        Prints one sentence a line and a blank line between paragraphs: the title first, then the \
        body (the dateline cut off its first sentence); the dateline and the credit lines \
        (Penerjemah:, Editor:, Sumber:, Copyright …) follow as '# kind: value' lines unless \
        --sentences-only is given. --json prints every part, each sentence with its offsets in \
        Unicode scalars. FILE '-' reads standard input.
        """
    )

    enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
        case id, en, auto
    }

    @Argument(help: ArgumentHelp("The article (UTF-8 or UTF-16 text); '-' for standard input.", valueName: "file"))
    var file: String?

    @Option(help: "The article's language: id, en or auto (guessed from its words).")
    var lang: LanguageChoice = .auto

    @OptionGroup var output: OutputOptions<ReportFormat>

    @Flag(help: "Print the sentences only, without the '# dateline:' and '# credit' lines.")
    var sentencesOnly = false

    @Option(name: .customLong("abbreviations"), help: ArgumentHelp("A file of extra abbreviations, one a line ('Kapt.' or 'No. numeric'); repeatable.", valueName: "file"))
    var abbreviationFiles: [String] = []

    @Option(name: .customLong("srx"), help: ArgumentHelp("An SRX 2.0 file whose rules for the language are applied on top of the built-in ones.", valueName: "file"))
    var srxFile: String?

    @Option(name: .customLong("export-srx"), help: ArgumentHelp("Write the built-in rules (with --abbreviations) for both languages as SRX 2.0 to this file.", valueName: "file"))
    var exportSRX: String?

    func validate() throws {
        if file == nil && exportSRX == nil { throw ValidationError("Name the article to segment (or '-' for standard input), or give --export-srx FILE.") }
        if output.isJSON && sentencesOnly { throw ValidationError("\(output.jsonSpelling) and --sentences-only do not go together.") }
    }

    func run() throws {
        var extra: [String] = []
        for path in abbreviationFiles {
            let lines = try SegmenterRules.readAbbreviationFile(path)
            var check = SegmenterRules(abbreviations: [:], starters: [])
            try check.add(abbreviationLines: lines, path: path)
            extra += lines
        }
        if let exportSRX {
            var rules: [ArticleLanguage: SegmenterRules] = [:]
            for language in ArticleLanguage.allCases {
                rules[language] = try SentenceSegmenter(language: language, extraAbbreviations: extra).rules
            }
            try SegmenterSRX.export(to: exportSRX, rules: rules)
            if file == nil { return }
        }
        guard let file else { return }
        let text: String
        if file == "-" {
            text = try TextDecoding.decode(FileHandle.standardInput.readDataToEndOfFile(), path: "<stdin>")
        } else {
            text = try TextDecoding.readFile(file)
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            throw TMError(.empty(what: "the file holds no text to segment"), path: file == "-" ? "<stdin>" : file)
        }
        let language: ArticleLanguage
        switch lang {
        case .id: language = .indonesian
        case .en: language = .english
        case .auto: language = SentenceSegmenter.detectLanguage(text)
        }
        var segmenter = try SentenceSegmenter(language: language, extraAbbreviations: extra)
        if let srxFile {
            try segmenter.add(srxRules: SegmenterSRX.read(srxFile, language: language))
            // A user's rule may backtrack without end: segment once before printing anything, and
            // fail naming the rule the segmenter had to stop.
            _ = segmenter.segment(article: text)
            if let rule = segmenter.srxRuleOverrun {
                throw TMError(.invalidContent(reason: "the rule before=\"\(rule.before)\" after=\"\(rule.after)\" takes too long on this text (its pattern backtracks without end); simplify it"), path: srxFile)
            }
        }
        if output.isJSON {
            try Output.printJSON(SegmentReport(segmenter.segment(article: text)))
        } else {
            SegmentPrinter(sentencesOnly: sentencesOnly).print(text, segmenter)
        }
    }
}

/// `--json` output: the article plus the credit names the memory records as provenance.
struct SegmentReport: Encodable {
    var language: ArticleLanguage
    var title: ArticleSentence?
    var dateline: Dateline?
    var paragraphs: [ArticleParagraph]
    var credits: [CreditLine]
    var translator: String?
    var reporter: String?
    var editor: String?
    var source: String?

    init(_ article: SegmentedArticle) {
        language = article.language
        title = article.title
        dateline = article.dateline
        paragraphs = article.paragraphs
        credits = article.credits
        translator = article.translator
        reporter = article.reporter
        editor = article.editor
        source = article.source
    }
}
