import ArgumentParser
import Foundation
import TranslationMemory

/// `tm check`'s output formats.
enum CheckFormat: String, OutputFormat {
    case text, json, tsv
    static let formatHelp = "Output: text (grouped by check), json, or tsv (one finding a line)."
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations: figures, dates, glossary terms, consistency, formatting and credits.",
        discussion: """
        Input: an article and its translation (ID_FILE EN_FILE, aligned as tm align --dry-run aligns them), \
        --pairs FILE.tsv (INDONESIAN<TAB>ENGLISH a line; pair N is line N), --xliff FILE.xlf (an XLIFF 1.2 file as \
        tm pretranslate, OmegaT or Okapi write it: every trans-unit with a target, reported with its line and id; \
        units without a target are counted, and reported with --untranslated), or --memory (the memory itself). \
        With files or --pairs, the memory (--tm, $TM_PATH, else TMX/ when it exists) is what the inconsistent-* \
        checks compare against. Figures, money, percentages, ranges, dates, times, weekdays, years, ordinals and \
        measures are compared by value and unit, in each language's own conventions. Glossary terms (--glossary, \
        $TM_GLOSSARY, else Glossaries/) are found through Indonesian word forms and English inflections. \
        Checks: \(QACatalog.allIDs.joined(separator: ", ")). \
        Exit status: 0 nothing found, 2 findings, 1 failure, 64 usage error.
        """
    )

    @Argument(help: ArgumentHelp("The Indonesian article.", valueName: "id-file"))
    var indonesianFile: String?

    @Argument(help: ArgumentHelp("Its English translation.", valueName: "en-file"))
    var englishFile: String?

    @Option(help: ArgumentHelp("Check the pairs of a TSV file: INDONESIAN<TAB>ENGLISH a line.", valueName: "file.tsv"))
    var pairs: String?

    @Option(help: ArgumentHelp("Check the trans-units of an XLIFF 1.2 file (Indonesian–English either way).", valueName: "file.xlf"))
    var xliff: String?

    @Flag(help: "With --xliff: also report the units that have no translation (otherwise only counted).")
    var untranslated = false

    @Flag(name: .customLong("memory"), help: "Check the memory's own units.")
    var checkMemory = false

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var glossary: GlossaryOptions

    @Option(help: ArgumentHelp("Leave out accepted findings: lines CHECK<TAB>SOURCE<TAB>TARGET.", valueName: "file"))
    var ignore: String?

    @Option(help: ArgumentHelp("Run only these checks (comma-separated ids; repeatable).", valueName: "ids"))
    var only: [String] = []

    @Option(help: ArgumentHelp("Do not run these checks (comma-separated ids; repeatable).", valueName: "ids"))
    var skip: [String] = []

    @OptionGroup var output: OutputOptions<CheckFormat>

    @Option(help: ArgumentHelp("Also write the report as a self-contained HTML page.", valueName: "file.html"))
    var html: String?

    static func ids(_ lists: [String]) -> [String] {
        lists.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        let inputs = [indonesianFile != nil, pairs != nil, xliff != nil, checkMemory].filter { $0 }.count
        guard inputs == 1 else { throw ValidationError("Give one input: ID_FILE EN_FILE, --pairs FILE.tsv, --xliff FILE.xlf, or --memory.") }
        if untranslated && xliff == nil { throw ValidationError("--untranslated goes with --xliff (other inputs report empty targets always).") }
        if indonesianFile != nil && englishFile == nil { throw ValidationError("Missing expected argument '<en-file>'") }
        let unknown = QAChecker.unknown(Self.ids(only) + Self.ids(skip))
        if !unknown.isEmpty {
            throw ValidationError("Unknown check \(unknown.joined(separator: ", ")); checks: \(QACatalog.allIDs.joined(separator: ", ")).")
        }
    }

    func run() throws {
        let terms = try glossary.load(report: false)
        var checker = QAChecker(glossary: try terms.entries.isEmpty ? nil : GlossaryMatcher(glossary: terms))
        if let ignore { checker.suppressions = try QASuppressions.read(path: ignore) }
        let chosen = Self.ids(only)
        checker.enabled = Set(chosen.isEmpty ? QACatalog.allIDs : chosen).subtracting(Self.ids(skip))

        let input: [QAPair]
        var creditPairs: [QAPair] = []
        var skipped: [SkippedUnit] = []
        var xliffPairs: QAXLIFFPairs?
        let store = memory.store
        if checkMemory {
            (input, skipped) = try QAInput.memory(store)
        } else {
            if let pairs {
                input = try QAInput.pairs(tsvPath: pairs)
            } else if let xliff {
                let read = try QAInput.xliff(path: xliff)
                for file in read.swappedFiles { Output.error("note: \(xliff): <file original=\"\(file)\"> goes from English to Indonesian: checked with Indonesian as the source") }
                xliffPairs = read
                input = read.pairs
            } else {
                let aligned = try QAInput.aligned(indonesianPath: indonesianFile!, englishPath: englishFile!,
                                                  lexicon: try QAInput.lexicon(glossary: terms),
                                                  store: memoryExists(store) ? store : nil)
                if aligned.swapped { Output.error("note: \(englishFile!) looks Indonesian and \(indonesianFile!) English: checked them the other way round") }
                (input, creditPairs) = (aligned.pairs, aligned.creditPairs)
            }
            if try memoryExists(store) {
                let read = try QAMemoryTranslations.read(store, for: input)
                checker.memory = read.0
                skipped += read.1
            }
        }
        if let xliffPairs { skipped = xliffPairs.skipped + skipped }
        let report = xliffPairs.map { checker.check(xliff: $0, reportNotTranslated: untranslated) }
            ?? checker.check(input, creditPairs: creditPairs)
        if let html {
            let title = pairs ?? xliff ?? indonesianFile.map { "\($0) — \(englishFile!)" } ?? store.path
            try AtomicFile.write(Data(QAReportPage.html(report, title: title).utf8), to: html)
        }
        switch output.format {
        case .json: try Output.printJSON(report)
        case .tsv: FileHandle.standardOutput.write(Data(report.tsv.utf8))
        case .text: CheckPrinter(colours: .forStdout, idLabel: xliff == nil ? "tuid" : "id", reportsNotTranslated: untranslated).print(report)
        }
        if !skipped.isEmpty { Output.reportSkipped(skipped) }
        if !report.findings.isEmpty || !skipped.isEmpty { throw Output.finishedWithProblems }
    }

    /// The memory is optional for files and --pairs: a missing default is none, a missing
    /// memory asked for by --tm is an error.
    private func memoryExists(_ store: TranslationMemoryStore) throws -> Bool {
        if FileManager.default.fileExists(atPath: store.path) { return true }
        if memory.path != nil { try store.checkExists() }
        return false
    }
}
