import ArgumentParser
import Foundation
import TranslationMemory

struct GlossaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List glossary entries, with duplicates and conflicts reported on stderr (exit 2 when there are any)."
    )

    @Option(help: "Only entries whose source, target or note contains this text (case-insensitive).") var grep: String?
    @OptionGroup var output: OutputOptions<ReportFormat>
    @OptionGroup var glossary: GlossaryOptions

    func run() throws {
        let loaded = try glossary.load(report: false)
        var entries = loaded.entries
        if let grep, !grep.isEmpty {
            entries = entries.filter { entry in
                [entry.source, entry.target, entry.note ?? ""].contains { $0.range(of: grep, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            }
        }
        if output.isJSON {
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
