import ArgumentParser
import TranslationMemory

/// The `--tm` option shared by every command that reads or writes the memory.
struct MemoryOptions: ParsableArguments {
    @Option(name: .customLong("tm"), help: ArgumentHelp("The translation memory: a folder of .tmx files or one .tmx file (default: $TM_PATH, else TMX/).", valueName: "path"))
    var path: String?

    var store: TranslationMemoryStore { TranslationMemoryStore.resolve(path) }
}
