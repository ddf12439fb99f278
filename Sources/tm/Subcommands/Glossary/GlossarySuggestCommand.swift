import ArgumentParser
import Foundation
import TranslationMemory

extension TermSuggestionMethod: ExpressibleByArgument {}

struct GlossarySuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose Indonesian–English terms mined from the memory's aligned units.",
        discussion: """
        Candidates are 1–4-word Indonesian n-grams not starting or ending with a function word, seen \
        at least --min-count times; each is paired with the English span its words align to (IBM \
        Model 1 both ways, grow-diag). Terms already in the glossary (in any form written) are left \
        out; general vocabulary (verbs such as mencapai, words such as tahun) ranks lower. --accept FILE \
        writes the suggestions shown (or those picked with --pick) to a glossary file.
        """
    )

    @OptionGroup var memory: MemoryOptions
    @OptionGroup var glossary: GlossaryOptions
    @Option(help: "Minimum occurrences of a candidate.") var minCount = 3
    @Option(name: .customShort("n", allowingJoined: true), help: "How many suggestions to show.") var n = 50
    @Option(help: "alignment (default) or baseline (most frequent n-grams + most co-occurring English word).") var method = TermSuggestionMethod.alignment
    @OptionGroup var output: OutputOptions<ReportFormat>
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
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil, low >= 1 else {
                throw ValidationError("--pick takes ranks like 1,3,5-8; found \(part)")
            }
            guard low <= high else { throw ValidationError("--pick: the range \(part) runs backwards; write \(high)-\(low)") }
            // Only the ranks shown can be picked: a range past them is a mistake, not a request.
            guard high <= limit else { throw ValidationError("--pick: rank \(high) is past the \(limit) suggestions shown (-n \(limit))") }
            result.formUnion(low...high)
        }
        return result
    }

    func run() throws {
        let store = memory.store
        if !FileManager.default.fileExists(atPath: store.path) { throw TMError(.noSuchMemory, path: store.path) }
        let known = try glossary.load(report: false)
        var options = TermSuggesterOptions(minCount: minCount, limit: n, method: method)
        options.maxWords = 4
        let reading = ProgressBar("reading", when: !output.isJSON), aligning = ProgressBar("aligning words", when: !output.isJSON)
        let result = try TermSuggester.suggest(store: store, glossary: known, options: options, progress: reading.isShown ? { stage in
            switch stage {
            case .reading(let read): reading.draw(read)
            case .aligning(let share):
                reading.finish()
                aligning.draw(share)
            }
        } : nil)
        reading.finish()
        aligning.finish()
        if output.isJSON {
            try Output.printJSON(result.suggestions)
        } else {
            if result.suggestions.isEmpty { Output.error("no suggestions: \(Plural.count(result.units, "Indonesian–English unit")) read") }
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
