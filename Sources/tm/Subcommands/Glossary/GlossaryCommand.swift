import ArgumentParser

/// `tm glossary …`: add, list, import, export and suggest glossary entries.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Manage Indonesian–English glossaries (OmegaT TSV, CSV, TBX) and mine term suggestions from the memory.",
        discussion: """
        Glossaries are the .txt/.utf8/.tsv/.csv/.tbx files directly in Glossaries/ of the current \
        directory, or those given with --glossary (a file or folder, repeatable), or in $TM_GLOSSARY.
        """,
        subcommands: [GlossaryAddCommand.self, GlossaryListCommand.self, GlossaryImportCommand.self, GlossaryExportCommand.self, GlossarySuggestCommand.self, GlossaryStemCommand.self]
    )
}
