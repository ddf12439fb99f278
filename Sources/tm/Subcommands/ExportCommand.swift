import ArgumentParser
import Foundation
import TranslationMemory
import TranslationMemoryClient

extension TMXLevel: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole memory as one TMX (or TSV) file for a CAT tool.",
        discussion: """
        Language codes are written as asked: OmegaT and memoQ read id-ID/en-US; give --src id or \
        --src in-ID for tools that want those. Level 2 keeps inline markup; level 1 writes plain text.
        """
    )

    @Option(help: ArgumentHelp("The file to write (replaced atomically).", valueName: "file"))
    var out: String

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var remote: ServerOptions

    @Option(help: "Source language code as the CAT tool wants it.")
    var src = "id-ID"

    @Option(help: "Target language code as the CAT tool wants it.")
    var tgt = "en-US"

    @Option(help: "TMX level: 1 plain text, 2 with inline markup.")
    var level: TMXLevel = .markup

    @Option(help: "tmx or tsv.")
    var format: ExportFormat = .tmx

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        try remote.validate(against: memory)
        if remote.server != nil && format != .tmx { throw ValidationError("A server exports TMX only: drop --format tsv, or export the TMX and convert it.") }
        // Regional pairs (en-US → en-GB) export; one language twice (id and in-ID) does not.
        let (source, target) = (LanguageCode(src), LanguageCode(tgt))
        let regional = source.normalized.contains("-") && target.normalized.contains("-")
            && source.normalized.lowercased() != target.normalized.lowercased()
        if source.matches(target) && !regional {
            throw ValidationError("--src and --tgt name the same language (\(src), \(tgt)).")
        }
        if src.isEmpty || tgt.isEmpty || src.contains(where: \.isWhitespace) || tgt.contains(where: \.isWhitespace) {
            throw ValidationError("Language codes look like id-ID or en-US.")
        }
    }

    func run() throws {
        if let server = try remote.client() {
            let units = try server.export(to: out, sourceLanguage: src, targetLanguage: tgt, level: level)
            if json {
                try Output.printJSON(ServerExport(path: out, unitsWritten: units, server: server.base.absoluteString))
            } else {
                print("\(out): \(Plural.count(units, "unit")) written (from \(server.base.absoluteString))")
            }
            return
        }
        let bar = ProgressBar("exporting", when: !json)
        let report = try MemoryExporter.export(memory.store, to: out,
            options: .init(sourceLanguage: src, targetLanguage: tgt, level: level, format: format), progress: bar.reporter)
        bar.finish()
        if json {
            try Output.printJSON(report)
        } else {
            print("\(report.path): \(Plural.count(report.unitsWritten, "unit")) written")
            if report.duplicates > 0 { print("not repeated: \(Plural.count(report.duplicates, "duplicate unit"))") }
        }
        // What the file does not hold as the memory holds it: exit 2, so scripts notice.
        for warning in report.warnings { Output.error(warning) }
        Output.reportSkipped(report.skipped)
        if report.isIncomplete { throw Output.finishedWithProblems }
    }
}

/// `tm export --server --json`: what was written, from where.
private struct ServerExport: Encodable {
    var path: String
    var unitsWritten: Int
    var server: String
}
