import ArgumentParser
import Foundation
import TranslationMemory

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take a run back: remove exactly the units it stored, every other byte of the memory kept.",
        discussion: """
        Undoing the latest run leaves the memory byte for byte as it was before it: a file the run \
        wrote is removed, units it added to a single-file memory are cut out. The change is atomic \
        and made under the memory's lock. Refused (exit 1, nothing changed) when the run's units \
        are no longer as it stored them (edited, removed or copied by hand or another tool). tm log \
        lists the runs.
        """
    )

    @Argument(help: ArgumentHelp("The run's id, as tm log prints it.", valueName: "run"))
    var id: String

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var output: OutputOptions<ReportFormat>

    func validate() throws {
        _ = try RunText.id(id)
    }

    func run() throws {
        let report = try MemoryRemoval.undo(run: id, in: memory.store)
        if output.isJSON {
            try Output.printJSON(report)
            return
        }
        if let taken = report.run {
            print("undone: run \(taken.id) (\(taken.command) by \(taken.user), \(RunText.date(taken.date)))")
        }
        RemovalPrinter.printFiles(report)
    }
}
