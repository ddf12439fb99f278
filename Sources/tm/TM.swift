import ArgumentParser

@main
struct TM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Translation memory and glossary tool for Indonesian–English news translation.",
        discussion: """
        The memory is a folder of TMX 1.4b files: TMX/ in the current directory, or --tm PATH, \
        or the TM_PATH environment variable. Exit status: 0 success, 1 failure, \
        2 finished but some input was skipped, 64 usage error.
        """,
        version: "0.1.0",
        subcommands: [
            ImportCommand.self,
            ExportCommand.self,
            StatsCommand.self,
            SegmentCommand.self,
            GlossaryCommand.self,
            LookupCommand.self,
            AlignCommand.self,
            LogCommand.self,
            UndoCommand.self,
            RemoveCommand.self,
            AnalyzeCommand.self,
            PretranslateCommand.self,
            CheckCommand.self,
            PushCommand.self,
            PullCommand.self,
            ServeCommand.self,
        ]
    )
}
