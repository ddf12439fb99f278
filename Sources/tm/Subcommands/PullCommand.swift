import ArgumentParser
import Foundation
import TranslationMemory
import TranslationMemoryClient

struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Bring a tm serve team server's memory into the local memory.",
        discussion: """
        The server's memory is downloaded as TMX and imported as one local run (tm undo takes it \
        back); units the local memory already holds are dropped, so pulling twice adds nothing. \
        The token comes from $TM_TOKEN (any role).
        """
    )

    @Option(help: ArgumentHelp("The team server (http://host:port).", valueName: "url"))
    var server: String

    @OptionGroup var memory: MemoryOptions

    @Option(help: "Source language code of the units to bring.")
    var src = "id-ID"

    @Option(help: "Target language code of the units to bring.")
    var tgt = "en-US"

    @OptionGroup var output: OutputOptions<ReportFormat>

    func run() throws {
        let client = try ServerClient.fromEnvironment(url: server)
        let bar = ProgressBar("importing", when: !output.isJSON)
        let report = try ServerSync.pull(into: memory.store, from: client, sourceLanguage: src, targetLanguage: tgt,
                                         progress: bar.reporter)
        bar.finish()
        if output.isJSON {
            try Output.printJSON(report)
        } else {
            print("pulled from \(client.base.absoluteString): \(report.unitsRead) read, \(report.added) added, \(Plural.count(report.duplicates, "duplicate"))")
            if let written = report.writtenTo { print("written to \(written)") }
            if let run = report.run { print("run \(run) (tm undo \(run) takes it back)") }
        }
        Output.reportSkipped(report.skipped)
        if !report.skipped.isEmpty { throw Output.finishedWithProblems }
    }
}
