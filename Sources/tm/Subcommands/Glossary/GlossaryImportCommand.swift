import ArgumentParser
import Foundation
import TranslationMemory

struct GlossaryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the entries of a TSV, CSV or TBX file to a glossary file.",
        discussion: "Every field is kept (see glossary add). Rows and concepts that are not entries, duplicates and conflicting translations (unless --allow-conflicts) are skipped; each is listed on stderr as path:line: reason, and the exit status is then 2."
    )

    @Argument(help: "The file to import (.txt/.utf8/.tsv/.csv/.tbx).") var file: String
    @Flag(help: "Import entries whose source already has another translation.") var allowConflicts = false
    @OptionGroup var output: OutputOptions<ReportFormat>
    @OptionGroup var glossary: GlossaryOptions

    func run() throws {
        let incoming = try GlossaryFile.read(path: file)
        if incoming.entries.isEmpty {
            GlossaryOutput.report(incoming.problems, limit: .max)
            throw TMError(.noGlossaryEntries, path: file)
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
        if output.isJSON {
            try Output.printJSON(GlossaryImportReport(destination: destination, added: plan.added.count,
                                                      duplicates: plan.duplicates, conflicts: plan.conflicts, skippedRows: incoming.problems))
        } else {
            print("imported \(plan.added.count) of \(Plural.count(incoming.entries.count, "entry")) into \(destination)"
                  + (incoming.problems.isEmpty ? "" : "; \(Plural.count(incoming.problems.count, GlossaryFormat.forPath(file) == .tbx ? "concept" : "row")) of \(file) skipped")
                  + (plan.duplicates.isEmpty ? "" : "; \(plan.duplicates.count) duplicates skipped")
                  + (plan.conflicts.isEmpty ? "" : "; \(plan.conflicts.count) conflicts " + (allowConflicts ? "imported" : "skipped")))
        }
        GlossaryOutput.report(problems, limit: .max)
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
