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
        var problems = loaded.problems
        if let grep, !grep.isEmpty {
            entries = entries.filter { entry in
                [entry.source, entry.target, entry.note ?? ""].contains { $0.range(of: grep, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
            }
            problems = Self.problems(problems, about: entries, in: loaded.entries)
        }
        if output.isJSON {
            try Output.printJSON(GlossaryListing(entries: entries, problems: problems))
        } else {
            for entry in entries { print(GlossaryOutput.line(entry)) }
        }
        if loaded.entries.isEmpty { Output.error(whereLooked()) }
        GlossaryOutput.report(problems)
        if !problems.isEmpty { throw Output.finishedWithProblems }
    }

    /// The duplicates and conflicts among the entries shown (those of a source `shown` has);
    /// rows that could not be read are kept, as they may hold what was searched for.
    static func problems(_ problems: [GlossaryProblem], about shown: [GlossaryEntry], in all: [GlossaryEntry]) -> [GlossaryProblem] {
        let sources = Set(shown.map(\.sourceKey))
        var sourceAt: [GlossaryEntryOrigin: String] = [:]
        for entry in all { if let origin = entry.origin { sourceAt[origin] = entry.sourceKey } }
        return problems.filter { problem in
            problem.kind == .skippedRow || sourceAt[GlossaryEntryOrigin(path: problem.path, line: problem.line)].map(sources.contains) == true
        }
    }

    /// For an empty listing: the places read and why they gave nothing.
    func whereLooked() -> String {
        let places = glossary.resolved.map { path -> String in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "\(path) (not there)" }
            guard isDirectory.boolValue else { return "\(path) (no entries)" }
            let files = (try? GlossaryLocation.files(at: path)) ?? []
            return files.isEmpty ? "\(path) (no .tsv, .txt, .csv or .tbx file in it)" : "\(path) (no entries in \(Plural.count(files.count, "file")))"
        }
        let chosen = !glossary.paths.isEmpty ? "--glossary" : ProcessInfo.processInfo.environment["TM_GLOSSARY"].map { $0.isEmpty ? "the default" : "$TM_GLOSSARY" } ?? "the default"
        return "no glossary entries: looked in \(places.joined(separator: ", ")), from \(chosen); "
            + "name a glossary file or folder with --glossary PATH or $TM_GLOSSARY, or add entries with tm glossary add"
    }
}

struct GlossaryListing: Codable {
    var entries: [GlossaryEntry]
    var problems: [GlossaryProblem]
}
