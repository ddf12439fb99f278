import ArgumentParser
import Foundation
import TranslationMemory

/// `tm glossary …`: add, list, import, export and suggest glossary entries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Manage Indonesian–English glossaries (OmegaT TSV, CSV, TBX) and mine term suggestions from the memory.",
        discussion: """
        Glossaries are the .txt/.utf8/.tsv/.csv/.tbx files directly in Glossaries/ of the current \
        directory, or those given with --glossary (a file or folder, repeatable), or in $TM_GLOSSARY.
        """,
        subcommands: [GlossaryAdd.self, GlossaryList.self, GlossaryImport.self, GlossaryExport.self, GlossarySuggest.self, GlossaryStem.self]
    )
}

/// The `--glossary` option shared by the glossary commands.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp("A glossary file or folder (repeatable; default: $TM_GLOSSARY, else Glossaries/).", valueName: "path"))
    var paths: [String] = []

    var resolved: [String] { GlossaryLocation.resolve(paths) }
    var writableFile: String { GlossaryLocation.writableFile(resolved) }

    /// The glossary, with its duplicates and conflicts reported on stderr.
    func load(report: Bool = true) throws -> Glossary {
        let glossary = try Glossary.load(paths: resolved)
        if report { GlossaryOutput.report(glossary.problems) }
        return glossary
    }

    /// Loads the glossaries plus the file written to (which may lie outside them).
    func loadWithDestination() throws -> Glossary {
        let destination = writableFile
        // The file written to may not exist yet.
        var paths = resolved.filter { $0 != destination || FileManager.default.fileExists(atPath: $0) }
        let alreadyIncluded = try paths.flatMap { try GlossaryLocation.files(at: $0) }.contains(destination)
        if !alreadyIncluded, FileManager.default.fileExists(atPath: destination) { paths.append(destination) }
        return try Glossary.load(paths: paths)
    }
}

enum GlossaryOutput {
    static func report(_ problems: [GlossaryProblem], limit: Int = 30) {
        for problem in problems.prefix(limit) { Output.error("\(problem.description) [\(problem.kind.rawValue)]") }
        if problems.count > limit { Output.error("… and \(problems.count - limit) more problems") }
    }

    static func line(_ entry: GlossaryEntry) -> String {
        var text = "\(entry.source)\t\(entry.target)"
        var extras: [String] = []
        if let pos = entry.partOfSpeech { extras.append(pos) }
        if let domain = entry.domain { extras.append(domain) }
        if !entry.alternativeTargets.isEmpty { extras.append("also: " + entry.alternativeTargets.joined(separator: "; ")) }
        if !entry.forbiddenTargets.isEmpty { extras.append("not: " + entry.forbiddenTargets.joined(separator: "; ")) }
        if let note = entry.note { extras.append(note) }
        if !extras.isEmpty { text += "\t" + extras.joined(separator: " | ") }
        return text
    }
}

struct GlossaryAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entry to a glossary file (Glossaries/glossary.tsv unless --glossary names a file).",
        discussion: "An entry already present is refused; a different translation of a known source term is refused unless --allow-conflict."
    )

    @Argument(help: "The Indonesian term.") var source: String
    @Argument(help: "The English rendering.") var target: String
    @Option(help: "A note for translators.") var note: String?
    @Option(name: .customLong("pos"), help: "Part of speech (noun, verb, adjective, adverb, other).") var partOfSpeech: String?
    @Option(help: "Subject field (politics, health, …).") var domain: String?
    @Option(name: .customLong("forbidden"), help: "An English rendering not to use (repeatable).") var forbidden: [String] = []
    @Flag(help: "Add even if the source term already has another translation.") var allowConflict = false
    @OptionGroup var glossary: GlossaryOptions

    func validate() throws {
        if source.trimmingCharacters(in: .whitespaces).isEmpty || target.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("SOURCE and TARGET must not be empty")
        }
        if (source + target).contains(where: { $0 == "\t" || $0 == "\n" }) {
            throw ValidationError("SOURCE and TARGET must be on one line, without tabs")
        }
    }

    func run() throws {
        let destination = glossary.writableFile
        let lock = try GlossaryFile.lock(destination)
        defer { withExtendedLifetime(lock) {} }
        let existing = try glossary.loadWithDestination()
        let entry = GlossaryEntry(source: source.trimmingCharacters(in: .whitespaces), target: target.trimmingCharacters(in: .whitespaces),
                                  forbiddenTargets: forbidden, note: note, partOfSpeech: partOfSpeech, domain: domain,
                                  origin: GlossaryEntryOrigin(path: "command line", line: 0))
        let plan = GlossaryMerge.plan(incoming: [entry], existing: existing.entries, allowConflicts: allowConflict)
        if let duplicate = plan.duplicates.first {
            Output.error("tm: \(duplicate.message)")
            throw ExitCode.failure
        }
        if let conflict = plan.conflicts.first {
            Output.error("tm: \(conflict.message)" + (allowConflict ? " (added anyway)" : "; use --allow-conflict to add it anyway"))
            if !allowConflict { throw ExitCode.failure }
        }
        var clean = entry
        clean.origin = nil
        try GlossaryFile.append([clean], to: destination)
        print("added to \(destination): \(entry.source) → \(entry.target)")
    }
}

struct GlossaryList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List glossary entries, with duplicates and conflicts reported on stderr (exit 2 when there are any)."
    )

    @Option(help: "Only entries whose source, target or note contains this text (case-insensitive).") var grep: String?
    @Flag(help: "Print the entries as JSON.") var json = false
    @OptionGroup var glossary: GlossaryOptions

    func run() throws {
        let loaded = try glossary.load(report: false)
        var entries = loaded.entries
        if let grep, !grep.isEmpty {
            entries = entries.filter { entry in
                [entry.source, entry.target, entry.note ?? ""].contains { $0.range(of: grep, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            }
        }
        if json {
            try Output.printJSON(GlossaryListing(entries: entries, problems: loaded.problems))
        } else {
            for entry in entries { print(GlossaryOutput.line(entry)) }
        }
        GlossaryOutput.report(loaded.problems)
        if !loaded.problems.isEmpty { throw Output.finishedWithProblems }
    }
}

struct GlossaryListing: Codable {
    var entries: [GlossaryEntry]
    var problems: [GlossaryProblem]
}

struct GlossaryImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the entries of a TSV, CSV or TBX file to a glossary file.",
        discussion: "Duplicates are skipped and conflicting translations are skipped (unless --allow-conflicts); both are listed on stderr and the exit status is then 2."
    )

    @Argument(help: "The file to import (.txt/.utf8/.tsv/.csv/.tbx).") var file: String
    @Flag(help: "Import entries whose source already has another translation.") var allowConflicts = false
    @Flag(help: "Print what was done as JSON.") var json = false
    @OptionGroup var glossary: GlossaryOptions

    func run() throws {
        let incoming = try GlossaryFile.read(path: file)
        if incoming.entries.isEmpty {
            GlossaryOutput.report(incoming.problems)
            throw GlossaryError.empty(path: file)
        }
        let destination = glossary.writableFile
        let lock = try GlossaryFile.lock(destination)
        defer { withExtendedLifetime(lock) {} }
        let existing = try glossary.loadWithDestination()
        let plan = GlossaryMerge.plan(incoming: incoming.entries, existing: existing.entries, allowConflicts: allowConflicts)
        if !plan.added.isEmpty {
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: destination).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try GlossaryFile.append(plan.added.map { var e = $0; e.origin = nil; return e }, to: destination)
        }
        let problems = incoming.problems + plan.duplicates + plan.conflicts
        if json {
            try Output.printJSON(GlossaryImportReport(destination: destination, added: plan.added.count,
                                                      duplicates: plan.duplicates, conflicts: plan.conflicts, skippedRows: incoming.problems))
        } else {
            print("imported \(plan.added.count) of \(incoming.entries.count) entries into \(destination)"
                  + (plan.duplicates.isEmpty ? "" : "; \(plan.duplicates.count) duplicates skipped")
                  + (plan.conflicts.isEmpty ? "" : "; \(plan.conflicts.count) conflicts " + (allowConflicts ? "imported" : "skipped")))
        }
        GlossaryOutput.report(problems)
        if !problems.isEmpty { throw Output.finishedWithProblems }
    }
}

struct GlossaryImportReport: Codable {
    var destination: String
    var added: Int
    var duplicates: [GlossaryProblem]
    var conflicts: [GlossaryProblem]
    var skippedRows: [GlossaryProblem]
}

extension GlossaryFormat: ExpressibleByArgument {}

struct GlossaryExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the glossary as OmegaT TSV, CSV, TBX-Basic v3 (tbx) or TBX v2 martif (tbx2).",
        discussion: "TSV keeps source, target and note only; CSV and TBX keep part of speech, domain, alternatives and forbidden variants."
    )

    @Option(help: "tsv, csv, tbx (TBX-Basic v3) or tbx2 (martif).") var format: GlossaryFormat
    @Option(help: "The file to write (atomically); - for standard output (tsv and csv only).") var out: String
    @OptionGroup var glossary: GlossaryOptions

    func validate() throws {
        if out == "-" && (format == .tbx || format == .tbx2) { throw ValidationError("--out - (standard output) works with tsv and csv only") }
    }

    func run() throws {
        let loaded = try glossary.load()
        if loaded.entries.isEmpty { throw GlossaryError.empty(path: glossary.resolved.joined(separator: ", ")) }
        if out == "-" {
            let text = format == .csv ? GlossaryFile.csvHeaderLineText + loaded.entries.map { GlossaryFile.csvLine($0) + "\n" }.joined()
                                      : loaded.entries.map { GlossaryFile.tsvLine($0) + "\n" }.joined()
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            try GlossaryFile.write(loaded.entries, to: out, format: format)
            Output.error("wrote \(loaded.entries.count) entries to \(out)")
        }
        if !loaded.problems.isEmpty { throw Output.finishedWithProblems }
    }
}

extension TermSuggestionMethod: ExpressibleByArgument {}

struct GlossarySuggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose Indonesian–English terms mined from the memory's aligned units.",
        discussion: """
        Candidates are 1–4-word Indonesian n-grams not starting or ending with a function word, seen \
        at least --min-count times; each is paired with the English span its words align to (IBM \
        Model 1 both ways, grow-diag). Terms already in the glossary are left out. --accept FILE \
        writes the suggestions shown (or those picked with --pick) to a glossary file.
        """
    )

    @OptionGroup var memory: MemoryOptions
    @OptionGroup var glossary: GlossaryOptions
    @Option(help: "Minimum occurrences of a candidate.") var minCount = 3
    @Option(name: .short, help: "How many suggestions to show.") var n = 50
    @Option(help: "alignment (default) or baseline (most frequent n-grams + most co-occurring English word).") var method = TermSuggestionMethod.alignment
    @Flag(help: "Print the suggestions as JSON.") var json = false
    @Option(help: "Write the suggestions to this glossary file (appended; duplicates and conflicts skipped and reported).") var accept: String?
    @Option(help: "With --accept: the ranks to accept, e.g. 1,3,5-8 (default: all shown).") var pick: String?

    func validate() throws {
        if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
        if n < 1 { throw ValidationError("-n must be at least 1") }
        if pick != nil && accept == nil { throw ValidationError("--pick needs --accept FILE") }
        if let accept, GlossaryFormat.forPath(accept) == nil { throw ValidationError("--accept needs a .tsv, .txt, .csv or .tbx file") }
        _ = try ranks(limit: n)
    }

    func ranks(limit: Int) throws -> Set<Int>? {
        guard let pick else { return nil }
        var result = Set<Int>()
        for part in pick.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0 != nil && $0! >= 1 }) else {
                throw ValidationError("--pick takes ranks like 1,3,5-8; found \(part)")
            }
            result.formUnion(bounds[0]!...(bounds.last!)!)
        }
        return result
    }

    func run() throws {
        let store = memory.store
        if !FileManager.default.fileExists(atPath: store.path) { throw TMError(.noSuchMemory, path: store.path) }
        let known = try glossary.load(report: false)
        var options = TermSuggesterOptions(minCount: minCount, limit: n, method: method)
        options.maxWords = 4
        let result = try TermSuggester.suggest(store: store, glossary: known, options: options)
        if json {
            try Output.printJSON(result.suggestions)
        } else {
            if result.suggestions.isEmpty { Output.error("no suggestions: \(result.units) Indonesian–English units read") }
            for (rank, s) in result.suggestions.enumerated() {
                print("\(rank + 1)\t\(s.source)\t\(s.target)\tfrequency \(s.frequency)\tconfidence \(String(format: "%.2f", s.confidence))")
                if let example = s.example {
                    print("\t  id: \(example.indonesian)")
                    print("\t  en: \(example.english)" + (example.origin.map { "  (\($0.path):\($0.line))" } ?? ""))
                }
            }
        }
        var problems = false
        if let accept {
            let chosen = try ranks(limit: n)
            let accepted = result.suggestions.enumerated().filter { chosen?.contains($0.offset + 1) ?? true }.map { rank, s in
                GlossaryEntry(source: s.source, target: s.target,
                              note: "suggested from the memory: \(s.frequency) occurrences, confidence \(String(format: "%.2f", s.confidence))",
                              origin: GlossaryEntryOrigin(path: "suggestion", line: rank + 1))
            }
            let lock = try GlossaryFile.lock(accept)
            defer { withExtendedLifetime(lock) {} }
            var existing = known.entries
            if FileManager.default.fileExists(atPath: accept),
               !(try glossary.resolved.flatMap { try GlossaryLocation.files(at: $0) }.contains(accept)) {
                existing += try GlossaryFile.read(path: accept).entries
            }
            let plan = GlossaryMerge.plan(incoming: accepted, existing: existing, allowConflicts: false)
            if !plan.added.isEmpty {
                try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: accept).deletingLastPathComponent().path, withIntermediateDirectories: true)
                try GlossaryFile.append(plan.added.map { var e = $0; e.origin = nil; return e }, to: accept)
            }
            Output.error("accepted \(plan.added.count) suggestions into \(accept)")
            GlossaryOutput.report(plan.duplicates + plan.conflicts)
            problems = !(plan.duplicates.isEmpty && plan.conflicts.isEmpty)
        }
        Output.reportSkipped(result.skipped)
        if problems || !result.skipped.isEmpty { throw Output.finishedWithProblems }
    }
}

extension IndonesianStemMode: ExpressibleByArgument {}

struct GlossaryStem: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Show how the Indonesian stemmer reduces words (the words given, else one per line on stdin).",
        discussion: "Prints word<TAB>stem<TAB>form. Useful to see why a glossary term matched or did not."
    )

    @Option(help: "inflectional (default: particles, possessives, reduplication) or derivational (affixes, to the root).")
    var mode = IndonesianStemMode.inflectional
    @Argument(help: "Words to stem.") var words: [String] = []

    func run() throws {
        let stemmer = try IndonesianStemmer.shared
        func show(_ word: String) {
            let analysis = stemmer.analyse(word, mode: mode)
            print("\(word)\t\(analysis.stem)\t\(analysis.formDescription)")
        }
        if !words.isEmpty {
            words.forEach(show)
            return
        }
        while let line = readLine() {
            let word = line.trimmingCharacters(in: .whitespaces)
            if !word.isEmpty { show(word) }
        }
    }
}
