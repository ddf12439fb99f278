import ArgumentParser
import Foundation
import TranslationMemory
import TranslationMemoryClient

struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send the local memory's TMX files to a tm serve team server.",
        discussion: """
        Each TMX file goes as it is (header, props and notes kept) and is imported by the server as \
        one run; units the server already holds are counted as duplicates, so pushing twice adds \
        nothing. The token comes from $TM_TOKEN (a translator's or an admin's).
        """
    )

    @Option(help: ArgumentHelp("The team server (http://host:port).", valueName: "url"))
    var server: String

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var output: OutputOptions<ReportFormat>

    func run() throws {
        let client = try ServerClient.fromEnvironment(url: server)
        let report = try ServerSync.push(memory.store, to: client)
        if output.isJSON {
            try Output.printJSON(report)
        } else {
            for file in report.files.flatMap(\.files) {
                print("\(file.path): \(file.unitsRead) read, \(file.added) added, \(Plural.count(file.duplicates, "duplicate")), \(file.skipped) skipped")
            }
            print("pushed to \(client.base.absoluteString): \(report.added) added, \(Plural.count(report.duplicates, "duplicate"))")
            for run in report.files.compactMap(\.run) { print("server run \(run)") }
        }
        Output.reportSkipped(report.skipped)
        if !report.skipped.isEmpty { throw Output.finishedWithProblems }
    }
}
