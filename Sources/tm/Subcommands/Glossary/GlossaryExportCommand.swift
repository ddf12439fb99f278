import ArgumentParser
import Foundation
import TranslationMemory

extension GlossaryFormat: ExpressibleByArgument {}

struct GlossaryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the glossary as OmegaT TSV, CSV, TBX-Basic v3 (tbx) or TBX v2 martif (tbx2).",
        discussion: "Every format keeps every field: TSV has OmegaT's three columns (source, target, note) and names the others in a '# tm glossary columns:' line; CSV names them in its header; TBX has a data category for each."
    )

    @Option(help: "tsv, csv, tbx (TBX-Basic v3) or tbx2 (martif).") var format: GlossaryFormat
    @Option(help: "The file to write (atomically); - for standard output (tsv and csv only).") var out: String
    @OptionGroup var glossary: GlossaryOptions

    func validate() throws {
        if out == "-" && (format == .tbx || format == .tbx2) { throw ValidationError("--out - (standard output) works with tsv and csv only") }
    }

    func run() throws {
        let loaded = try glossary.load()
        if loaded.entries.isEmpty { throw TMError(.noGlossaryEntries, path: glossary.resolved.joined(separator: ", ")) }
        if out == "-" {
            let text = try GlossaryFile.text(loaded.entries, format: format, path: "standard output")
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            try GlossaryFile.write(loaded.entries, to: out, format: format)
            Output.error("wrote \(Plural.count(loaded.entries.count, "entry")) to \(out)")
        }
        if !loaded.problems.isEmpty { throw Output.finishedWithProblems }
    }
}
