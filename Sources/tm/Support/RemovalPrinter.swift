import TranslationMemory

/// Prints the units `tm remove` and `tm undo` select, as `tm lookup` prints units.
struct RemovalPrinter {
    let colours: Colours

    func printUnits(_ units: [RemovalReport.Unit]) {
        for unit in units {
            print("")
            print("  \(unit.source ?? "(no Indonesian)")")
            print("        → \(unit.target ?? "(no English)")")
            var provenance = LookupPrinter.provenance(creator: unit.creator, date: unit.date, file: unit.file, line: unit.line)
            if let run = unit.run { provenance += " · run \(run)" }
            print("        " + colours.paint(provenance, .dim))
        }
    }

    /// What happened to the files.
    static func printFiles(_ report: RemovalReport) {
        for file in report.changedFiles {
            print("removed \(Plural.count(report.units.filter { $0.file == file }.count, "unit")) from \(file)")
        }
        for file in report.deletedFiles { print("deleted \(file), which held no other unit") }
    }
}
