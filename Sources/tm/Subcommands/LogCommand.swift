import ArgumentParser
import Foundation
import TranslationMemory

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the runs that stored units in the memory (tm import, tm align), newest first.",
        discussion: """
        One line a run: its id, date (UTC), user ($TM_USER, else the login name), command, the \
        number of its units still in the memory, and its input files. tm undo ID takes a run back.
        """
    )

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var output: OutputOptions<ReportFormat>

    func run() throws {
        let runs = try memory.store.runs()
        if output.isJSON {
            try Output.printJSON(RunLog(runs: runs))
            return
        }
        if runs.isEmpty { print("no runs recorded in \(memory.store.path)") }
        for run in runs {
            print([run.id, RunText.date(run.date), run.user, run.command, Plural.count(run.units, "unit"),
                   run.files.joined(separator: " ")].joined(separator: "  "))
        }
    }
}
