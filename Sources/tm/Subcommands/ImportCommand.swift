import ArgumentParser
import Foundation
import TranslationMemory
import TranslationMemoryClient

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add TMX files (any CAT tool's), finished XLIFF 1.2 files or two-column TSV/CSV Indonesian/English pairs to the memory.",
        discussion: """
        Every input is read and checked before anything is written: a malformed file stops the import \
        and leaves the memory untouched. Language codes are normalised (IN → id, en_us → en-US); \
        units already in the memory with the same texts are dropped as duplicates. From an XLIFF \
        1.2 file only the units a translator confirmed are taken (target state translated, final or \
        signed-off, or approved="yes"), credited to the file's phase contact-name, else $TM_USER.
        """
    )

    @Argument(help: ArgumentHelp("TMX, XLIFF 1.2, TSV or CSV files.", valueName: "file"))
    var files: [String]

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var remote: ServerOptions

    @OptionGroup var output: OutputOptions<ReportFormat>

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one file to import.") }
        try remote.validate(against: memory)
    }

    func run() throws {
        let report: ImportReport
        if let server = try remote.client() {
            // One server run per file: the server reads and checks each as `tm import` does.
            var combined = ImportReport()
            for file in files {
                var answer = try server.importFile(file)
                for index in answer.files.indices { answer.files[index].path = file }
                combined.files += answer.files
                combined.unitsRead += answer.unitsRead
                combined.added += answer.added
                combined.duplicates += answer.duplicates
                combined.skipped += answer.skipped
                combined.writtenTo = answer.writtenTo ?? combined.writtenTo
                combined.run = answer.run ?? combined.run
            }
            report = combined
        } else {
            let bar = ProgressBar("importing", when: !output.isJSON)
            report = try MemoryImporter.importFiles(files, into: memory.store, progress: bar.reporter)
            bar.finish()
        }
        if output.isJSON {
            try Output.printJSON(report)
        } else {
            for file in report.files {
                let unconfirmed = file.unconfirmed.map { ", \($0) not confirmed (left out)" } ?? ""
                print("\(file.path): \(file.unitsRead) read, \(file.added) added, \(Plural.count(file.duplicates, "duplicate")), \(file.skipped) skipped\(unconfirmed)")
            }
            if report.files.count > 1 {
                print("total: \(report.unitsRead) read, \(report.added) added, \(Plural.count(report.duplicates, "duplicate")), \(report.skipped.count) skipped")
            }
            if let written = report.writtenTo { print("written to \(written)") }
            if let run = report.run { print("run \(run) (tm undo \(run) takes it back)") }
        }
        Output.reportSkipped(report.skipped)
        if !report.skipped.isEmpty { throw Output.finishedWithProblems }
    }
}
