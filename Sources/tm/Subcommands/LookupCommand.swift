import ArgumentParser
import Foundation
import TranslationMemory
import TranslationMemoryClient

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look a sentence or phrase up in the memory: fuzzy matches and concordance.",
        discussion: """
        Fuzzy score = 100 × (1 − d / max(m, n)) over words (d: word edit distance; m, n: word counts), \
        minus 1 point per number/month that differs (the target shows the query's value), per word \
        differing only in case (at most 2), for different punctuation, and for whitespace-only \
        differences; 100 only for the identical text. Queries of up to 8 words also get a concordance \
        (units containing the words in order). Glossary terms in the query are shown first (from \
        --glossary, $TM_GLOSSARY or Glossaries/). The index is kept in .tm-index/ next to the memory and \
        rebuilt for files that changed.
        """
    )

    @Argument(help: "The sentence or phrase to look up; '-' reads it from standard input.")
    var query: String?

    @Option(help: ArgumentHelp("Read the query from this file (UTF-8 or UTF-16): for texts too long for the command line.", valueName: "file"))
    var queryFile: String?

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var remote: ServerOptions

    @OptionGroup var glossary: GlossaryOptions

    @Option(name: .customLong("min"), help: "The lowest fuzzy score shown, 1–100.")
    var minimum: Double = 50

    @Option(name: .customShort("n", allowingJoined: true), help: "How many fuzzy matches (and 2× as many concordance lines).")
    var limit: Int = 5

    @Option(name: .customLong("from"), help: ArgumentHelp("The query's language: id (Indonesian → English) or en.", valueName: "id|en"))
    var from = QueryLanguage(.indonesian)

    @Flag(name: .customLong("target"), help: "Search the target side's concordance (the query is in the target language).")
    var target = false

    @OptionGroup var output: OutputOptions<ReportFormat>

    func validate() throws {
        try remote.validate(against: memory)
        switch (query, queryFile) {
        case (nil, nil): throw ValidationError("Give the query, '-' to read it from standard input, or --query-file FILE.")
        case (.some, .some): throw ValidationError("Give the query or --query-file, not both.")
        case (.some(let text), nil) where text != "-":
            guard !WordTokenizer.tokenize(text).isEmpty else { throw ValidationError("the query has no words to look up") }
        default: break
        }
        guard minimum >= 1 && minimum <= 100 else { throw ValidationError("--min must be between 1 and 100") }
        guard limit >= 1 && limit <= 1000 else { throw ValidationError("-n must be between 1 and 1000") }
    }

    /// The query from the command line, standard input or a file; a query of any length (the
    /// kernel limits a command line to about 128 KiB per argument).
    func resolvedQuery() throws -> String {
        let text: String
        if let queryFile {
            text = try TextDecoding.readFile(queryFile)
        } else if query == "-" {
            text = try TextDecoding.decode(FileHandle.standardInput.readDataToEndOfFile(), path: "<stdin>")
        } else {
            return query ?? ""
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !WordTokenizer.tokenize(trimmed).isEmpty else { throw ValidationError("the query has no words to look up") }
        return trimmed
    }

    func run() throws {
        let query = try resolvedQuery()
        let request = LookupRequest(query: query, minimum: minimum, limit: limit, from: from.side,
                                    searchTarget: target, concordanceLimit: limit * 2)
        if let server = try remote.client() {
            // The server's memory and glossary answer, in the same report.
            try print(server.lookup(request))
            return
        }
        let bar = ProgressBar("indexing", when: !output.isJSON)
        let index = try LookupIndex(memory: memory.store, progress: bar.reporter)
        bar.finish()
        for note in index.notes { Output.error("note: \(note)") }
        if !index.skipped.isEmpty { Output.reportSkipped(index.skipped) }

        let terms = try glossary.load(report: false)
        let matcher = try terms.entries.isEmpty ? nil : GlossaryMatcher(glossary: terms)
        try print(LookupEngine.run(request, index: index, glossary: matcher))
    }

    private func print(_ report: LookupReport) throws {
        if output.isJSON {
            try Output.printJSON(report)
        } else {
            LookupPrinter(colours: .forStdout, searchTarget: target).print(report)
        }
    }
}

/// `--from`: any code whose primary subtag is Indonesian (`id`, legacy `in`) or English, in any
/// case and with any region (`id-ID`, `in`, `EN-us`); anything else is a usage error.
struct QueryLanguage: ExpressibleByArgument {
    var side: LookupSide

    init(_ side: LookupSide) { self.side = side }

    init?(argument: String) {
        switch LanguageCode(argument).primary {
        case "id": side = .indonesian
        case "en": side = .english
        default: return nil
        }
    }

    var defaultValueDescription: String { side == .indonesian ? "id" : "en" }
}
