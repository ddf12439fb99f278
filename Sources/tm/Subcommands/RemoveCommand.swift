import ArgumentParser
import Foundation
import TranslationMemory

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove units from the memory: prints what it would remove, and removes it only with --yes.",
        discussion: """
        Every option given must hold for a unit to be removed. Texts are compared whole (white space \
        at the ends aside). Every other byte of each file is kept, the change is atomic and made \
        under the memory's lock; a file a run wrote is removed with its last unit. --run refuses, as \
        tm undo does, when the run's units are no longer as it stored them. Nothing matched: \
        "nothing to remove", exit 0.
        """
    )

    @Option(help: ArgumentHelp("Units whose Indonesian (source) text is this.", valueName: "text"))
    var source: String?

    @Option(help: ArgumentHelp("Units whose English (target) text is this.", valueName: "text"))
    var target: String?

    @Option(name: .customLong("run"), help: ArgumentHelp("Units stored by this run (tm log lists them).", valueName: "id"))
    var runID: String?

    @Option(help: ArgumentHelp("Units whose creationid is this.", valueName: "name"))
    var creator: String?

    @Flag(help: "Remove them (without it, nothing is changed).")
    var yes = false

    @OptionGroup var memory: MemoryOptions

    @OptionGroup var output: OutputOptions<ReportFormat>

    func validate() throws {
        if source == nil && target == nil && runID == nil && creator == nil {
            throw ValidationError("Say what to remove: --source, --target, --run or --creator.")
        }
        if let runID { _ = try RunText.id(runID) }
    }

    func run() throws {
        let selection = UnitSelection(source: source, target: target, run: runID, creator: creator)
        let report = try MemoryRemoval.remove(selection, from: memory.store, apply: yes)
        if output.isJSON {
            try Output.printJSON(report)
            return
        }
        guard !report.units.isEmpty else {
            print("nothing to remove")
            return
        }
        print(report.removed ? "removed \(Plural.count(report.units.count, "unit")):" : "would remove \(Plural.count(report.units.count, "unit")):")
        RemovalPrinter(colours: .forStdout).printUnits(report.units)
        print("")
        if report.removed {
            RemovalPrinter.printFiles(report)
        } else {
            print("nothing changed; run again with --yes to remove them")
        }
    }
}
